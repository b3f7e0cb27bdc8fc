using IntraperitonealCoding.Output;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The one way text reaches a Spectre console: control characters escaped (<see cref="SafeText.Escape"/>) and held in
/// a <see cref="Text"/>, which Spectre never reads as markup, so neither a control character nor a <c>[red]</c> in an
/// input can change what is printed around it.
/// </summary>
internal static class Cell
{
    /// <summary>Dim text: what a coder reads second (categories, sources, information findings).</summary>
    public static readonly Style Dim = new(decoration: Decoration.Dim);

    /// <summary>Bold text: section and column headings.</summary>
    public static readonly Style Heading = new(decoration: Decoration.Bold);

    /// <summary>Text shown as it is, escaped.</summary>
    public static Text Of(string? text, Style? style = null) => new(SafeText.Escape(text), style);

    /// <summary>The severity as the table prints it (ERROR, WARNING, INFO), in its colour.</summary>
    public static Text Of(Severity severity) => new(severity.ToString().ToUpperInvariant(), StyleOf(severity));

    /// <summary>The colour of a severity: errors red, warnings yellow, information dim.</summary>
    public static Style StyleOf(Severity severity) => severity switch
    {
        Severity.Error => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.Warning => new Style(Color.Yellow),
        _ => Dim,
    };

    /// <summary>"[READY]" or "[NOT READY]".</summary>
    public static string Readiness(bool ready) => ready ? "[READY]" : "[NOT READY]";

    /// <summary>READY in green, NOT READY in red.</summary>
    public static Style ReadinessStyle(bool ready) => new(ready ? Color.Green : Color.Red, decoration: Decoration.Bold);
}
