using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// Large inputs, generated at test time (never committed): each is refused or read within its limit, in bounded time,
/// with a located error that names the limit and how to raise it. Category "Reliability": the normal
/// <c>dotnet test Coding.sln</c> runs it; <c>--filter Category!=Reliability</c> skips it in a quick loop.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LargeInputTests
{
    private const string Header = "case_id: big\ndate_of_service: 2026-03-14\nclaim: professional\npayer: commercial\n";

    [Fact]
    public void CaseFileOverTheSizeLimit_IsRefusedBeforeReading_NamingTheOption()
    {
        using var temp = new TempDirectory();
        string file = temp.File("big.yaml");
        File.WriteAllText(file, Header + "# " + new string('x', 2 << 20) + "\n");
        var (exit, _, error) = CorpusRunner.Run("code", file);
        Assert.Equal(2, exit);
        Assert.Contains("DATA007", error, StringComparison.Ordinal);
        Assert.Contains("--max-file-bytes", error, StringComparison.Ordinal);

        var raised = CorpusRunner.Run("code", file, "--max-file-bytes", "4000000");
        Assert.DoesNotContain("DATA007", raised.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyThousandDuplicateKeys_AreFoundInLinearTime_AndTheErrorsCapped()
    {
        using var temp = new TempDirectory();
        string file = temp.File("dups.yaml");
        File.WriteAllText(file, Header + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"k{i % 50}: 1\n")) + "diagnoses: [C78.6]\n");
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = CorpusRunner.Run("code", file);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
        Assert.Equal(2, exit);
        Assert.Contains("DATA010", error, StringComparison.Ordinal);
        Assert.True(error.Split('\n').Length < 110, "errors are capped");
    }

    [Fact]
    public void TwoHundredThousandDistinctKeys_StopAtTheItemLimit()
    {
        using var temp = new TempDirectory();
        string file = temp.File("keys.json");
        File.WriteAllText(file, "{" + string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"\"k{i}\":1")) + "}");
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = CorpusRunner.Run("code", file, "--max-file-bytes", "8000000");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
        Assert.Equal(2, exit);
        Assert.Contains("DATA007", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AListOfTwoHundredThousandItems_StopsAtTheItemLimit()
    {
        using var temp = new TempDirectory();
        string file = temp.File("list.yaml");
        File.WriteAllText(file, Header + "diagnoses: [" + string.Join(", ", Enumerable.Repeat("C78.6", 200_000)) + "]\n");
        var (exit, _, error) = CorpusRunner.Run("code", file, "--max-file-bytes", "8000000");
        Assert.Equal(2, exit);
        Assert.Contains("DATA007: A list or mapping has more than the limit of 10000 items; raise it with ReadLimits.WithMaxListItems", error, StringComparison.Ordinal);

        var raised = CaseFile.Read(file, ReadLimits.Default.WithMaxFileBytes(8_000_000).WithMaxListItems(300_000));
        Assert.DoesNotContain(raised.Errors, e => e.Id == "DATA007");
        Assert.Contains(raised.Errors, e => e.Id == "CASE003"); // 200,000 diagnoses: beyond what a case may hold
    }

    [Fact]
    public void NestingAHundredThousandDeep_IsALocatedError_NotAStackOverflow()
    {
        using var temp = new TempDirectory();
        string yaml = temp.File("deep.yaml");
        File.WriteAllText(yaml, "case_id: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        Assert.Contains("DATA007", CorpusRunner.Run("code", yaml).Err, StringComparison.Ordinal);

        string json = temp.File("deep.jsonl");
        File.WriteAllText(json, "{\"case_id\":" + new string('[', 100_000) + new string(']', 100_000) + "}\n");
        string report = CorpusRunner.JsonLinesReport(json);
        Assert.Contains("DATA007", report, StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonLineOverTheLineLimit_IsOneErrorRecord_AndTheNextLineIsStillCoded()
    {
        using var temp = new TempDirectory();
        string input = temp.File("long.jsonl");
        string good = File.ReadAllLines(Path.Combine(CorpusRunner.Root, "jsonl", "crlf.jsonl"))[0].TrimEnd('\r');
        File.WriteAllText(input, good + "\n{\"case_id\":\"" + new string('x', 3 << 20) + "\"}\n" + good + "\n");
        string output = temp.File("out.jsonl");
        var (exit, _, _) = CorpusRunner.Run("batch", input, "--out", output);
        Assert.Equal(2, exit);
        var records = File.ReadAllLines(output);
        Assert.Equal(3, records.Length);
        Assert.Equal("DATA007", (string?)JObject.Parse(records[1])["errors"]![0]!["id"]);
        Assert.Contains("--max-line-bytes", (string?)JObject.Parse(records[1])["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("l1", (string?)JObject.Parse(records[2])["case_id"]);

        var raised = CorpusRunner.Run("batch", input, "--out", output, "--max-line-bytes", "8000000");
        Assert.NotEqual("DATA007", (string?)JObject.Parse(File.ReadAllLines(output)[1])["errors"]![0]!["id"]);
        Assert.Equal(2, raised.Exit);
    }

    [Fact]
    public void AJsonLineWithFiftyThousandDuplicateKeys_IsCodedInLinearTime()
    {
        using var temp = new TempDirectory();
        string input = temp.File("dups.jsonl");
        File.WriteAllText(input, "{" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"\"k{i % 10}\":1")) + "}\n");
        var clock = Stopwatch.StartNew();
        string report = CorpusRunner.JsonLinesReport(input);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
        Assert.Contains("DATA003", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleFileOverTheSizeLimit_IsRefusedBeforeReading_NamingHowToRaiseIt()
    {
        using var rules = RuleFixture.CopyOfDefault(("notes.yaml", "notes:\n", "# " + new string('x', 65 << 20) + "\nnotes:\n"));
        var (exit, _, error) = CorpusRunner.Run("code", Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"), "--rules", rules.Directory);
        Assert.Equal(2, exit);
        Assert.Contains("notes.yaml: DATA007", error, StringComparison.Ordinal);
        Assert.Contains("CODING_MAX_RULE_FILE_BYTES", error, StringComparison.Ordinal);

        var lower = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory, ReadLimits.RuleDefault.WithMaxRuleFileBytes(1 << 20)));
        Assert.Contains(lower.Errors, e => e.Id == "DATA007");
        Assert.NotNull(RuleSet.Load(rules.Directory, ReadLimits.RuleDefault.WithMaxRuleFileBytes(80 << 20)));
    }

    [Fact]
    public void ACodeTableOfTenThousandRows_ValidatesInLinearTime()
    {
        string rows = string.Concat(Enumerable.Range(1000, 9000).Select(i => $"  - {{ system: HCPCS, code: \"J{i}\", label: \"x\", effective_from: 2020-01-01, source: hcpcs-keyed }}\n"));
        using var rules = RuleFixture.CopyOfDefault(("codes.yaml", "codes:\n", "codes:\n" + rows));
        var clock = Stopwatch.StartNew();
        var (exit, output, _) = CorpusRunner.Run("rules", "validate", rules.Directory);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
        Assert.Equal(1, exit); // the generated rows overlap the real drug codes: reported, quickly
        Assert.Contains("RULE008", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyThousandGeneratedLines_GiveTwentyThousandRecordsInOrder_WithTwoWorkers()
    {
        using var temp = new TempDirectory();
        string input = temp.File("cases.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "20000", "--seed", "3", "--out", input).Exit);
        string report = CorpusRunner.JsonLinesReport(input);
        Assert.Contains("batch: 20000 records", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyDistinctErrors_AreCappedAtOneHundred_WithACountOfTheRest()
    {
        var text = new StringBuilder(Header);
        for (int i = 0; i < 5_000; i++)
        {
            text.Append("unknown_").Append(i).Append(": 1\n");
        }

        var read = CaseFile.Parse(text.ToString(), "many.yaml", DocumentFormat.Yaml);
        Assert.Equal(101, read.Errors.Count);
        Assert.Equal("DATA010", read.Errors[^1].Id);
        Assert.Contains("more error(s) not listed", read.Errors[^1].Message, StringComparison.Ordinal);
    }
}
