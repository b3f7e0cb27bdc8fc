using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>The async form of the batch: the same records as the synchronous one, and cancellation that keeps what was read.</summary>
public sealed class BatchAsyncTests
{
    private static readonly string Input = string.Concat(CaseGenerator.Generate(300, seed: 5).Select(l => l + "\n"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RunAsync_WritesTheSameRecordsAsRun(int parallelism)
    {
        var options = new BatchOptions(parallelism, chunkSize: 16);
        using var syncOut = new StringWriter();
        BatchSummary sync = BatchCoder.Run(RuleSet.Default, new StringReader(Input), syncOut, options);
        using var asyncOut = new StringWriter();
        BatchSummary async = await BatchCoder.RunAsync(RuleSet.Default, new StringReader(Input), asyncOut, options);
        Assert.Equal(syncOut.ToString(), asyncOut.ToString());
        Assert.Equal((sync.Records, sync.Ready, sync.WithErrors, sync.Unreadable, false), (async.Records, async.Ready, async.WithErrors, async.Unreadable, async.Interrupted));
        Assert.Equal(300, async.Records);
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_CompletesInterruptedWithNoRecord_NotAsACancelledTask()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var output = new StringWriter();
        BatchSummary summary = await BatchCoder.RunAsync(RuleSet.Default, new StringReader(Input), output, null, cancel.Token);
        Assert.True(summary.Interrupted);
        Assert.Equal(0, summary.Records);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileRunning_WritesOnlyWholeRecords()
    {
        using var cancel = new CancellationTokenSource();
        using var output = new StringWriter();
        var progress = new CancelAfter(cancel, records: 32);
        BatchSummary summary = await BatchCoder.RunAsync(RuleSet.Default, new StringReader(Input), output, new BatchOptions(1, chunkSize: 16, progress: progress), cancel.Token);
        Assert.True(summary.Interrupted);
        Assert.InRange(summary.Records, 32, 299);
        string[] records = output.ToString().Split('\n');
        Assert.Equal(summary.Records, records.Length - 1);
        Assert.All(records.Take(records.Length - 1), r => Newtonsoft.Json.Linq.JObject.Parse(r));
    }

    [Fact]
    public void RunAsync_BadArguments_ThrowAtOnce()
    {
        Assert.Throws<ArgumentNullException>(() => { _ = BatchCoder.RunAsync(null!, new StringReader(string.Empty), new StringWriter()); });
        Assert.Throws<ArgumentNullException>(() => { _ = BatchCoder.RunAsync(RuleSet.Default, null!, new StringWriter()); });
        Assert.Throws<ArgumentNullException>(() => { _ = BatchCoder.RunAsync(RuleSet.Default, new StringReader(string.Empty), null!); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = BatchCoder.RunAsync(RuleSet.Default, new StringReader(string.Empty), new StringWriter(), new BatchOptions(0)); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = BatchCoder.RunAsync(RuleSet.Default, new StringReader(string.Empty), new StringWriter(), new BatchOptions(1, chunkSize: 0)); });
    }

    /// <summary>Cancels once the batch reports at least the given number of records (progress is reported per chunk).</summary>
    private sealed class CancelAfter : IProgress<BatchSummary>
    {
        private readonly CancellationTokenSource cancel;
        private readonly long records;

        public CancelAfter(CancellationTokenSource cancel, long records)
        {
            this.cancel = cancel;
            this.records = records;
        }

        public void Report(BatchSummary value)
        {
            if (value.Records >= records)
            {
                cancel.Cancel();
            }
        }
    }
}
