using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>The batch's progress line on a terminal: share read and time left when the input's size is known.</summary>
public sealed class BatchProgressTests
{
    private static BatchSummary Summary(long records, double seconds, long withErrors = 0, long unreadable = 0)
        => new(records, records - withErrors - unreadable, withErrors, unreadable, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Format_WithoutTheInputSize_ShowsTheCountsAndRateOnly()
        => Assert.Equal(
            "coding:        640 cases        64 cases/s  2 with errors  1 unreadable ",
            BatchProgress.Format(Summary(640, 10, withErrors: 2, unreadable: 1), null, null));

    [Fact]
    public void Format_HalfTheFileReadInTenSeconds_ShowsFiftyPercentAndTenSecondsLeft()
        => Assert.Equal(
            "coding:  50%      500 cases, 50/s, ETA 0:10, 3 with errors, 0 unreadable",
            BatchProgress.Format(Summary(500, 10, withErrors: 3), 5_000, 10_000));

    [Fact]
    public void Format_TheWholeFileRead_ShowsOneHundredPercentAndNothingLeft()
        => Assert.StartsWith("coding: 100%", BatchProgress.Format(Summary(1_000, 20), 10_000, 10_000), StringComparison.Ordinal);

    [Fact]
    public void Format_NeverShowsMoreThanOneHundredPercent()
        => Assert.StartsWith("coding: 100%", BatchProgress.Format(Summary(1_000, 20), 12_000, 10_000), StringComparison.Ordinal);

    [Fact]
    public void Format_AnEmptyFile_IsShownWithoutAShare()
        => Assert.DoesNotContain("%", BatchProgress.Format(Summary(0, 0), 0, 0), StringComparison.Ordinal);

    [Theory]
    [InlineData(1L)] // ETA >99 h
    [InlineData(250_000_000L)] // ETA in hours: 9:00:00
    public void Format_ALargeRun_FitsEightyColumns(long bytesRead)
    {
        string line = BatchProgress.Format(Summary(9_999_999, 100.1, withErrors: 99, unreadable: 99), bytesRead, 1_000_000_000);
        Assert.True(line.Length <= 80, $"{line.Length}: {line}");
    }

    [Theory]
    [InlineData(0.5, 0.10, "--:--")] // under a second: no rate to go by yet
    [InlineData(10, 0, "--:--")]
    [InlineData(10, 0.5, "0:10")]
    [InlineData(30, 0.25, "1:30")]
    [InlineData(3_600, 0.5, "1:00:00")]
    [InlineData(90, 0.9999, "0:01")] // a part of a second left is shown as one second, never 0:00 before the end
    [InlineData(10, 1, "0:00")]
    [InlineData(360_000, 0.5, ">99 h")]
    public void TimeLeft_IsTheElapsedTimeScaledToWhatIsLeft(double elapsedSeconds, double share, string expected)
        => Assert.Equal(expected, BatchProgress.TimeLeft(TimeSpan.FromSeconds(elapsedSeconds), share));

    [Fact]
    public void CountingStream_CountsTheBytesReadThroughIt()
    {
        using var counted = new CountingStream(new MemoryStream(new byte[1000]));
        counted.ReadExactly(new byte[300]);
        counted.ReadExactly(new byte[200].AsSpan());
        Assert.Equal(500, counted.BytesRead);
    }

    [Fact]
    public void Batch_OnATerminalFromAFile_ShowsTheShareReadThenClearsTheLineBeforeTheSummary()
    {
        using var directory = new TempDirectory();
        string input = directory.File("cases.jsonl");
        File.WriteAllText(input, string.Join("\n", CaseGenerator.Generate(200, seed: 3)) + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exit = CliApp.Run(new[] { "batch", input, "--out", directory.File("results.jsonl") }, stdout, stderr, stderrIsTerminal: true, stdin: TextReader.Null, host: TestHost.Environment);

        string error = stderr.ToString();
        Assert.InRange(exit, 0, 1);
        Assert.Contains("\rcoding: 100%      200 cases, ", error, StringComparison.Ordinal);
        string summary = error.Split('\r').Last();
        Assert.StartsWith("batch: 200 records:", summary.TrimStart(), StringComparison.Ordinal);
    }
}
