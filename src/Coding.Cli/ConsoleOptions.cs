using System;
using System.Globalization;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// How the human-readable tables are drawn: the width they fit, whether they are coloured, whether they may use
/// box-drawing characters. Worked out once at start-up (<see cref="Detect"/>); tests pass their own.
/// </summary>
/// <param name="Width">The columns a line may use; every printed line fits in it.</param>
/// <param name="Colour">Whether ANSI colour and style codes are written (never when redirected or under NO_COLOR).</param>
/// <param name="Unicode">Whether box-drawing and other non-ASCII decoration may be drawn (only on a UTF-8 terminal).</param>
internal sealed record ConsoleOptions(int Width, bool Colour, bool Unicode)
{
    /// <summary>The width used when the output is not a terminal and COLUMNS does not say otherwise.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>The narrowest width honoured (below it a label column is too narrow to read); a smaller COLUMNS or window is treated as this.</summary>
    public const int MinimumWidth = 60;

    /// <summary>The widest width honoured, so a stray COLUMNS value cannot make a line of a million spaces.</summary>
    public const int MaximumWidth = 1000;

    /// <summary>The output of a redirected run without COLUMNS: plain ASCII, no colour, 120 columns.</summary>
    public static ConsoleOptions Redirected { get; } = Plain(RedirectedWidth);

    /// <summary>Plain ASCII without colour at the given width, as for a file or a pipe.</summary>
    public static ConsoleOptions Plain(int width) => new(Clamp(width), Colour: false, Unicode: false);

    /// <summary>
    /// The options for this process's standard output. The width is COLUMNS when it holds a number (as for most
    /// command-line tools), else the terminal's width, else <see cref="RedirectedWidth"/>. Colour only on a terminal
    /// and only when NO_COLOR is unset or empty (no-color.org); box-drawing only on a terminal that takes UTF-8.
    /// </summary>
    /// <param name="outputRedirected">Whether standard output is a file or a pipe rather than a terminal.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="terminalWidth">The terminal's width; only asked when the output is a terminal.</param>
    /// <param name="utf8">Whether the terminal's encoding is UTF-8.</param>
    public static ConsoleOptions Detect(bool outputRedirected, Func<string, string?> environment, Func<int> terminalWidth, bool utf8)
    {
        bool noColour = !string.IsNullOrEmpty(environment("NO_COLOR"));
        int width = int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns > 0
            ? columns
            : outputRedirected ? RedirectedWidth : TerminalWidth(terminalWidth);
        return new ConsoleOptions(Clamp(width), Colour: !outputRedirected && !noColour, Unicode: !outputRedirected && utf8);
    }

    /// <summary>The options for the real console of this process.</summary>
    public static ConsoleOptions ForThisProcess()
        => Detect(
            Console.IsOutputRedirected,
            Environment.GetEnvironmentVariable,
            () => Console.WindowWidth,
            Console.OutputEncoding.CodePage == 65001);

    private static int TerminalWidth(Func<int> terminalWidth)
    {
        try
        {
            int width = terminalWidth();
            return width > 0 ? width : RedirectedWidth;
        }
        catch (Exception ex) when (ex is System.IO.IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            // Some terminals (and some CI runners) report a terminal but no window.
            return RedirectedWidth;
        }
    }

    private static int Clamp(int width) => Math.Clamp(width, MinimumWidth, MaximumWidth);
}
