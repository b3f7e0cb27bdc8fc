using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The committed bad-input corpus (tests/Coding.Tests/Corpus): every case file, rule directory and JSON Lines file is
/// run through the console; each must end with exit 0, 1 or 2, no stack trace, no raw control character, and for JSON
/// Lines one record per line in order with 1 and 2 workers. The exit code and first line of each are a snapshot.
/// </summary>
public sealed class CorpusTests
{
    [Fact]
    public void CaseFiles_EachEndsWithItsExpectedExitCodeAndFirstLine()
        => Snapshot.Match(Snapshot.ScrubRulesVersion(CorpusRunner.Report(CorpusRunner.Files("cases").Select(CorpusRunner.CaseReport))), extension: "tsv");

    [Fact]
    public void RuleDirectories_EachEndsWithItsExpectedExitCodeAndFirstLine()
        => Snapshot.Match(Snapshot.ScrubRulesVersion(CorpusRunner.Report(CorpusRunner.Folders("rules").Select(CorpusRunner.RuleReport))), extension: "tsv");

    [Fact]
    public void StudyFiles_EachEndsWithItsExpectedExitCodeAndFirstLine()
        => Snapshot.Match(CorpusRunner.Report(CorpusRunner.Files("studies").Select(CorpusRunner.StudyReport)), extension: "tsv");

    [Fact]
    public void JsonLines_EachGivesOneRecordPerLineAndItsExpectedExitCode()
        => Snapshot.Match(Snapshot.ScrubRulesVersion(CorpusRunner.Report(CorpusRunner.Files("jsonl").Select(f => CorpusRunner.JsonLinesReport(f)))), extension: "tsv");
}
