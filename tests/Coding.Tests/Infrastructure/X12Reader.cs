using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>Reads X12 text back into segments, elements and components, so tests check our output field by field.</summary>
internal static class X12Reader
{
    public static IReadOnlyList<X12Segment> Read(string text, X12Delimiters? delimiters = null)
    {
        delimiters ??= X12Delimiters.Default;
        return text.Split(delimiters.Segment)
            .Select(s => s.Trim('\n'))
            .Where(s => s.Length > 0)
            .Select(s => new X12Segment(s.Split(delimiters.Element), delimiters.Component))
            .ToList();
    }
}

/// <summary>One segment: its id and elements (1-based, as the implementation guides number them).</summary>
internal sealed class X12Segment
{
    private readonly string[] elements;
    private readonly char component;

    public X12Segment(string[] elements, char component)
    {
        this.elements = elements;
        this.component = component;
    }

    public string Id => elements[0];

    public int Count => elements.Length - 1;

    public string this[int element] => element < elements.Length ? elements[element] : string.Empty;

    public string[] Components(int element) => this[element].Split(component);

    public override string ToString() => string.Join("*", elements);
}
