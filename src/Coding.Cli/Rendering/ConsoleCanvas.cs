using System;
using System.IO;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Draws Spectre.Console renderables onto a writer at the width and with the colour and character set of a
/// <see cref="ConsoleOptions"/>, never asking the real console. Writes to the raw writer (a <see cref="SafeTextWriter"/>
/// would escape the colour codes themselves): every input-derived string must reach it through <see cref="Cell"/>.
/// </summary>
internal static class ConsoleCanvas
{
    /// <summary>Renders what <paramref name="draw"/> writes to a Spectre console, then copies it to <paramref name="output"/> without trailing spaces.</summary>
    public static void Write(TextWriter output, ConsoleOptions options, Action<IAnsiConsole> draw)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        IAnsiConsole console = Create(buffer, options);
        draw(console);
        foreach (string line in Lines(buffer.ToString()))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>A Spectre console over <paramref name="writer"/>, not interactive, with no detection of the environment.</summary>
    public static IAnsiConsole Create(TextWriter writer, ConsoleOptions options)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = options.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = options.Width;
        console.Profile.Capabilities.Unicode = options.Unicode;
        console.Profile.Capabilities.Ansi = options.Colour;
        console.Profile.Capabilities.Links = false;
        return console;
    }

    /// <summary>The table border: a rule under the headings and nothing else, in ASCII dashes when box-drawing is off.</summary>
    public static TableBorder Border(ConsoleOptions options) => options.Unicode ? HeadingRule.BoxDrawing : HeadingRule.Dashes;

    /// <summary>The lines of a rendering, trailing spaces removed (tables pad every cell to its column).</summary>
    private static string[] Lines(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = lines[i].TrimEnd(' ');
        }

        return result;
    }

    /// <summary>A border that draws only a rule under the headings, from the first column to the last.</summary>
    private sealed class HeadingRule : TableBorder
    {
        private readonly string dash;

        private HeadingRule(string dash) => this.dash = dash;

        public static HeadingRule Dashes { get; } = new("-");

        public static HeadingRule BoxDrawing { get; } = new("\u2500");

        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom or TableBorderPart.HeaderBottomSeparator => dash,
            _ => " ",
        };
    }
}
