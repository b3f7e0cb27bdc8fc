using System;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A CPT or HCPCS Level II modifier on a claim line: two letters or digits (e.g. <c>Q1</c>, <c>JW</c>, <c>59</c>).
/// Immutable value; two modifiers are equal when their codes are. Which modifiers a line gets is decided by the rule
/// data; the named ones below are those whose meaning the library itself relies on or that consumers commonly test for.
/// </summary>
public readonly record struct Modifier
{
    private readonly string? code;

    private Modifier(string code) => this.code = code;

    /// <summary>Gets <c>Q0</c>: an investigational item or service in a qualifying clinical trial.</summary>
    public static Modifier Q0 { get; } = new("Q0");

    /// <summary>Gets <c>Q1</c>: a routine cost in a qualifying clinical trial.</summary>
    public static Modifier Q1 { get; } = new("Q1");

    /// <summary>Gets <c>JW</c>: the discarded amount of a single-dose vial, on a line of its own.</summary>
    public static Modifier JW { get; } = new("JW");

    /// <summary>Gets <c>JZ</c>: no billable amount of a single-dose vial was discarded.</summary>
    public static Modifier JZ { get; } = new("JZ");

    /// <summary>Gets <c>GA</c>: a Medicare advance beneficiary notice is on file.</summary>
    public static Modifier GA { get; } = new("GA");

    /// <summary>Gets <c>GZ</c>: a denial is expected and no advance beneficiary notice is on file.</summary>
    public static Modifier GZ { get; } = new("GZ");

    /// <summary>Gets the two-character code (as the claim carries it); empty for the default value.</summary>
    public string Code => code ?? string.Empty;

    /// <summary>Reads a modifier: exactly two characters, each an upper-case letter or a digit.</summary>
    /// <param name="text">The code.</param>
    /// <param name="modifier">The modifier, when the text is one.</param>
    /// <returns>Whether the text is a modifier.</returns>
    public static bool TryParse(string? text, out Modifier modifier)
    {
        if (text is { Length: 2 } && IsCodeChar(text[0]) && IsCodeChar(text[1]))
        {
            modifier = Known(text) ?? new Modifier(text);
            return true;
        }

        modifier = default;
        return false;
    }

    /// <summary>Reads a modifier that must be well formed (rule data, a stored result).</summary>
    /// <param name="text">The code: two upper-case letters or digits.</param>
    /// <returns>The modifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not two upper-case letters or digits.</exception>
    public static Modifier Parse(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        return TryParse(text, out Modifier modifier)
            ? modifier
            : throw new FormatException($"'{IntraperitonealCoding.Documents.Shown.Text(text)}' is not a modifier: two upper-case letters or digits.");
    }

    /// <summary>Gets the code.</summary>
    /// <returns>The two-character code.</returns>
    public override string ToString() => Code;

    private static bool IsCodeChar(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    // The common ones share one instance's string, so a coded line allocates nothing for them.
    private static Modifier? Known(string text) => text switch
    {
        "Q0" => Q0,
        "Q1" => Q1,
        "JW" => JW,
        "JZ" => JZ,
        "GA" => GA,
        "GZ" => GZ,
        _ => null,
    };
}
