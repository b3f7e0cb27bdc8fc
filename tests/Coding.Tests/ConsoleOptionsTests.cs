using System;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>How the console decides the width, colour and character set of its tables.</summary>
public sealed class ConsoleOptionsTests
{
    private static Func<string, string?> Environment(string? columns = null, string? noColor = null)
        => name => name switch
        {
            "COLUMNS" => columns,
            "NO_COLOR" => noColor,
            _ => null,
        };

    private static int NoTerminal() => throw new InvalidOperationException("the width of a redirected output is never asked");

    [Fact]
    public void Redirected_IsPlainAsciiWithoutColourAt120Columns()
        => Assert.Equal(new ConsoleOptions(120, Colour: false, Unicode: false), ConsoleOptions.Detect(outputRedirected: true, Environment(), NoTerminal, utf8: true));

    [Fact]
    public void Redirected_WithColumns_UsesThatWidth()
        => Assert.Equal(80, ConsoleOptions.Detect(outputRedirected: true, Environment(columns: "80"), NoTerminal, utf8: true).Width);

    [Fact]
    public void Terminal_UsesItsWidth_ColourAndBoxDrawing()
        => Assert.Equal(new ConsoleOptions(93, Colour: true, Unicode: true), ConsoleOptions.Detect(outputRedirected: false, Environment(), () => 93, utf8: true));

    [Fact]
    public void Terminal_WithColumns_PrefersColumns()
        => Assert.Equal(132, ConsoleOptions.Detect(outputRedirected: false, Environment(columns: "132"), () => 93, utf8: true).Width);

    [Fact]
    public void Terminal_NotUtf8_DrawsInAscii()
        => Assert.False(ConsoleOptions.Detect(outputRedirected: false, Environment(), () => 93, utf8: false).Unicode);

    [Theory]
    [InlineData("1", false)]
    [InlineData("0", false)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void NoColor_WhenSetAndNotEmpty_TurnsColourOff(string? value, bool colour)
        => Assert.Equal(colour, ConsoleOptions.Detect(outputRedirected: false, Environment(noColor: value), () => 100, utf8: true).Colour);

    [Fact]
    public void NoColor_KeepsBoxDrawingOnAUtf8Terminal()
        => Assert.True(ConsoleOptions.Detect(outputRedirected: false, Environment(noColor: "1"), () => 100, utf8: true).Unicode);

    [Theory]
    [InlineData("wide", 120)]
    [InlineData("-5", 120)]
    [InlineData("0", 120)]
    [InlineData("10", ConsoleOptions.MinimumWidth)]
    [InlineData("99999999", ConsoleOptions.MaximumWidth)]
    public void Columns_NotAUsableNumber_IsIgnoredOrClamped(string columns, int width)
        => Assert.Equal(width, ConsoleOptions.Detect(outputRedirected: true, Environment(columns: columns), NoTerminal, utf8: false).Width);

    [Fact]
    public void Terminal_ThatCannotSayItsWidth_Gets120()
        => Assert.Equal(120, ConsoleOptions.Detect(outputRedirected: false, Environment(), () => throw new System.IO.IOException("no window"), utf8: true).Width);
}
