using System;
using System.Collections.Generic;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding;

/// <summary>The delimiters of an X12 interchange (ISA16, the ISA element separator, ISA11 and the segment terminator). Immutable.</summary>
public sealed record X12Delimiters
{
    /// <summary>Creates a delimiter set.</summary>
    /// <param name="element">The element separator (default <c>*</c>).</param>
    /// <param name="component">The component separator (default <c>:</c>).</param>
    /// <param name="repetition">The repetition separator (default <c>^</c>).</param>
    /// <param name="segment">The segment terminator (default <c>~</c>).</param>
    /// <exception cref="ArgumentException">Two delimiters are the same, or one is a letter, a digit, a space, <c>-</c> or
    /// <c>.</c>: the elements the library writes use those (codes, a date range <c>20260314-20260316</c>, a quantity <c>2.5</c>).</exception>
    public X12Delimiters(char element = '*', char component = ':', char repetition = '^', char segment = '~')
    {
        var all = new[] { element, component, repetition, segment };
        foreach (char c in all)
        {
            Preconditions.CheckArgument(!char.IsLetterOrDigit(c) && c != ' ' && c > ' ' && c < 127, nameof(element), $"'{c}' cannot be an X12 delimiter: values use letters, digits and spaces, and delimiters are printable ASCII.");
            Preconditions.CheckArgument(Array.IndexOf(InElements, c) < 0, nameof(element), $"'{c}' cannot be an X12 delimiter: the elements written hold it ('-' in a date range such as 20260314-20260316, '.' in a quantity such as 2.5).");
        }

        Preconditions.CheckArgument(new HashSet<char>(all).Count == all.Length, nameof(element), "The four X12 delimiters must differ.");
        Element = element;
        Component = component;
        Repetition = repetition;
        Segment = segment;
    }

    /// <summary>The characters the library itself writes inside elements, besides letters and digits: never a delimiter.</summary>
    private static readonly char[] InElements = { '-', '.' };

    /// <summary>Gets the delimiters most trading partners use: <c>* : ^ ~</c>.</summary>
    public static X12Delimiters Default { get; } = new();

    /// <summary>Gets the element separator.</summary>
    public char Element { get; }

    /// <summary>Gets the component separator.</summary>
    public char Component { get; }

    /// <summary>Gets the repetition separator.</summary>
    public char Repetition { get; }

    /// <summary>Gets the segment terminator.</summary>
    public char Segment { get; }

    internal bool IsDelimiter(char c) => c == Element || c == Component || c == Repetition || c == Segment;
}

/// <summary>How <see cref="ResultX12"/> writes segments. Immutable.</summary>
public sealed record X12Options
{
    /// <summary>Creates X12 options.</summary>
    /// <param name="delimiters">The delimiters; <see langword="null"/> for <see cref="X12Delimiters.Default"/>.</param>
    /// <param name="lineBreaks">Whether each segment terminator is followed by a line break (for people).</param>
    public X12Options(X12Delimiters? delimiters = null, bool lineBreaks = true)
    {
        Delimiters = delimiters ?? X12Delimiters.Default;
        LineBreaks = lineBreaks;
    }

    /// <summary>Gets the delimiters (default <c>* : ^ ~</c>).</summary>
    public X12Delimiters Delimiters { get; }

    /// <summary>Gets a value indicating whether each segment terminator is followed by a line break (default true).</summary>
    public bool LineBreaks { get; }
}
