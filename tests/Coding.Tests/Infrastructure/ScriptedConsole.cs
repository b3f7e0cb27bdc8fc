using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// Runs the console in-process as if on a given terminal (or redirected), scripting what <see cref="ConsoleOptions"/>
/// Program.cs would have worked out: width, colour, box-drawing. The tables are drawn through <see cref="ConsoleCanvas"/>
/// onto the TextWriter the command is given (one path for a terminal, a pipe and a file), so a StringWriter is the
/// terminal here; Spectre.Console.Testing's TestConsole, an IAnsiConsole, has no place to plug in. It scripts the
/// prompts of <c>coding new</c> instead (<see cref="ScriptedTerminal"/>).
/// </summary>
internal static class ScriptedConsole
{
    /// <summary>An ANSI select-graphic-rendition sequence (colour, bold, dim, reset): all the escape codes the tables may write.</summary>
    private static readonly Regex Sgr = new("\u001b\\[[0-9;]*m", RegexOptions.CultureInvariant);

    /// <summary>A colour terminal with UTF-8.</summary>
    public static ConsoleOptions Terminal(int width) => new(width, Colour: true, Unicode: true);

    /// <summary>Runs a command line; the output as printed (rules version not scrubbed, so widths are the real ones).</summary>
    public static (int Exit, string Out, string Err) Run(ConsoleOptions console, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, console: console, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    /// <summary>The text with every SGR sequence removed: what a reader sees.</summary>
    public static string Visible(string text) => Sgr.Replace(text, string.Empty);

    /// <summary>No line is wider than <paramref name="width"/> once the colour codes are taken out.</summary>
    public static void AssertFits(string output, int width)
    {
        foreach (string line in Visible(output).Split('\n'))
        {
            Assert.True(line.Length <= width, $"a line of {line.Length} characters at width {width}:\n{line}");
        }
    }

    /// <summary>Plain output: no escape character at all, no box-drawing, and, when the input is plain ASCII, nothing but ASCII.</summary>
    public static void AssertPlain(string output, bool asciiOnly)
    {
        Assert.DoesNotContain('\u001b', output);
        Assert.False(output.Any(c => c is >= '\u2500' and <= '\u257F'), "box-drawing characters in plain output");
        if (asciiOnly)
        {
            char other = output.FirstOrDefault(c => c > '\u007e' || (c < ' ' && c != '\n'));
            Assert.True(other == default, $"non-ASCII character U+{(int)other:X4} in plain output");
        }
    }
}
