using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

public sealed class BatchTests
{
    private static readonly string[] Mixed =
    {
        CaseGenerator.Generate(1, seed: 5).Single(),
        "{\"case_id\": \"cut-off\", \"date_of_service\": \"2026-03-14\"",
        string.Empty,
        CaseGenerator.Generate(2, seed: 6).Last(),
        "{\"case_id\":\"typo\",\"date_of_service\":\"2026-03-14\",\"claim\":\"professional\",\"payer\":\"medicare\",\"diagnoses\":[\"C78.6\"],\"procedure\":{\"kind\":\"pipac\",\"cycle\":1,\"exposure_minute\":30}}",
        "{\"case_id\":\"no-primary\",\"date_of_service\":\"2026-03-14\",\"claim\":\"professional\",\"payer\":\"medicare\",\"diagnoses\":[\"C78.6\"],\"procedure\":{\"kind\":\"hipec\",\"approach\":\"open\",\"perfusion_minutes\":90}}",
    };

    private static (string Output, BatchSummary Summary) Run(string input, int parallelism = 1, int chunk = 64)
    {
        using var output = new StringWriter();
        var summary = BatchCoder.Run(RuleSet.Default, new StringReader(input), output, new BatchOptions(parallelism, chunk, "mixed.jsonl"));
        return (output.ToString(), summary);
    }

    [Fact]
    public void MixedGoodAndBrokenLines_GiveOneRecordPerLineInOrder()
    {
        var (output, summary) = Run(string.Join("\n", Mixed) + "\n");
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.Equal(Mixed.Length, records.Count);
        // The first generated case pairs 58953 with 49000, which an unconfirmed PTP row bundles: a warning, still ready.
        Assert.Equal((6L, 2L, 1L, 3L), (summary.Records, summary.Ready, summary.WithErrors, summary.Unreadable));
        Assert.Equal("gen-hipec-1", (string?)records[0]["case_id"] ?? (string?)records[0]["case_id"]);
        Assert.Equal(new long[] { 2, 3, 5 }, records.Where(r => r["unreadable"] is not null).Select(r => (long)r["line"]!));
        Assert.Equal("DATA001", (string?)records[1]["errors"]![0]!["id"]);
        Assert.Equal("DATA001", (string?)records[2]["errors"]![0]!["id"]);
        Assert.Contains("DATA002", records[4]["errors"]!.Select(e => (string?)e["id"]));
        Assert.False((bool)records[5]["ready"]!);
        Snapshot.Match(Snapshot.ScrubRulesVersion(output), extension: "jsonl");
    }

    [Fact]
    public void LastLineWithoutNewline_IsStillARecord()
        => Assert.Equal(2, Run(Mixed[0] + "\n" + Mixed[3]).Summary.Records);

    [Theory]
    [InlineData(2, 7)]
    [InlineData(2, 64)]
    [InlineData(4, 1000)]
    public void ParallelBatch_IsByteIdenticalToSequential(int parallelism, int chunk)
    {
        string input = string.Join("\n", CaseGenerator.Generate(1500, seed: 42).Concat(Mixed)) + "\n";
        Assert.Equal(Run(input).Output, Run(input, parallelism, chunk).Output);
    }

    [Fact]
    public void EnumerableApi_GivesTheSameResultsAsTheStream()
    {
        var records = BatchCoder.Code(RuleSet.Default, Mixed).ToList();
        Assert.Equal(Enumerable.Range(1, Mixed.Length).Select(i => (long)i), records.Select(r => r.Line));
        Assert.Equal(3, records.Count(r => r.Result is null && r.Errors.Count > 0));
        Assert.Equal("no-primary", records[5].Result!.CaseId);
    }

    [Fact]
    public void Generator_IsDeterministicForASeed()
    {
        Assert.Equal(CaseGenerator.Generate(200, 9), CaseGenerator.Generate(200, 9));
        Assert.NotEqual(CaseGenerator.Generate(200, 9), CaseGenerator.Generate(200, 10));
    }

    [Fact]
    public void GeneratedCases_AreAllReadableAndCoverEveryKind()
    {
        var records = BatchCoder.Code(RuleSet.Default, CaseGenerator.Generate(3000, seed: 1)).ToList();
        Assert.All(records, r => Assert.NotNull(r.Result));
        var results = records.Select(r => r.Result!).ToList();
        Assert.Equal(2, results.Select(r => r.Procedure).Distinct().Count());
        Assert.Equal(3, results.Select(r => r.Claim).Distinct().Count());
        Assert.Equal(5, results.Select(r => r.Payer).Distinct().Count());
        Assert.Contains(results, r => r.ClaimMarkers.ClinicalTrialNumber is not null);
        Assert.Contains(results, r => r.Lines.Any(l => l.Responsibility == Responsibility.Sponsor));
        Assert.Contains(results, r => !r.Ready);
    }

    [Fact]
    public void BadOptions_Throw()
        => Assert.Throws<ArgumentOutOfRangeException>(() => BatchCoder.Run(RuleSet.Default, new StringReader(string.Empty), TextWriter.Null, new BatchOptions(parallelism: 0)));

    [Fact]
    public async System.Threading.Tasks.Task ParallelBatch_WhenTheOutputFails_ThrowsInsteadOfHanging()
    {
        string input = string.Join("\n", CaseGenerator.Generate(2000, seed: 4)) + "\n";
        var run = System.Threading.Tasks.Task.Run(() => BatchCoder.Run(RuleSet.Default, new StringReader(input), new FailingWriter(), new BatchOptions(parallelism: 2, chunkSize: 8)));
        var finished = await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(run, finished);
        await Assert.ThrowsAsync<IOException>(() => run);
    }

    private sealed class FailingWriter : StringWriter
    {
        private int writes;

        public override void Write(string? value) => Fail();

        // The batch writes each chunk of records from its buffer in one call.
        public override void Write(char[] buffer, int index, int count) => Fail();

        private void Fail()
        {
            if (++writes > 50)
            {
                throw new IOException("disk full");
            }
        }
    }

    [Fact]
    public void Records_EscapeDelC1AndBidiCharacters_SoATerminalShowsThemAsText()
    {
        string line = "{\"case_id\":\"x\u009b2J\u007f\u202e\",\"date_of_service\":\"2026-03-14\",\"claim\":\"professional\",\"payer\":\"medicare\",\"diagnoses\":[\"Z51.11\",\"C78.6\"],\"procedure\":{\"kind\":\"pipac\",\"cycle\":1,\"exposure_minutes\":30}}";
        var (output, _) = Run(line + "\n");
        Assert.DoesNotContain(output, c => c is '\u009b' or '\u007f' or '\u202e');
        Assert.Contains("x\\u009B2J\\u007F\\u202E", output, StringComparison.Ordinal);
        Assert.Equal("x\u009b2J\u007f\u202e", (string?)JObject.Parse(output.TrimEnd('\n'))["case_id"]);
    }
}
