using System;
using System.IO;
using System.Linq;
using Coding.Documents;
using Coding.Maintenance.Import;
using Coding.Rules;
using Coding.Tests.Infrastructure;
using Xunit;

namespace Coding.Tests;

/// <summary>The importers of the official CMS files, on fixture files written in each published layout.</summary>
public sealed class ImportTests
{
    private static string Fixture(string name) => Path.Combine(Paths.Fixtures, "import", name);

    private static ImportOutcome Import(ImportKind kind, string fixture, ImportOptions? options = null)
    {
        using var reader = new StreamReader(Fixture(fixture));
        string current = File.ReadAllText(Path.Combine(Paths.Data, RuleTableImport.TargetFile(kind)));
        return RuleTableImport.Import(RuleSet.Default, kind, reader, fixture, current, options ?? new ImportOptions());
    }

    public static TheoryData<string, ImportKind, string?, int?> GoodFiles() => new()
    {
        { "aoc.txt", ImportKind.Aoc, null, null },
        { "ptp-practitioner.txt", ImportKind.Ptp, null, null },
        { "mue-practitioner.csv", ImportKind.Mue, "2026-10-01", null },
        { "icd10cm-order.txt", ImportKind.Icd10Cm, null, 2027 },
        { "icd10pcs-order.txt", ImportKind.Icd10Pcs, null, 2027 },
        { "addendum-b.csv", ImportKind.Ipo, "2026-10-01", null },
    };

    /// <summary>The whole table each official file produces, so a change to an importer shows as a reviewable diff.</summary>
    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void OfficialFile_BecomesItsSortedTable(string fixture, ImportKind kind, string? effectiveFrom, int? fiscalYear)
    {
        var outcome = Import(kind, fixture, new ImportOptions(effectiveFrom: effectiveFrom is null ? null : DateTime.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture), fiscalYear: fiscalYear));
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Snapshot.Match(outcome.Yaml!, fixture.Replace('.', '-'), "yaml");
    }

    public static TheoryData<string, ImportKind> BrokenFiles() => new()
    {
        { "aoc-broken.txt", ImportKind.Aoc },
        { "ptp-broken.txt", ImportKind.Ptp },
        { "mue-broken.csv", ImportKind.Mue },
        { "icd10cm-order-broken.txt", ImportKind.Icd10Cm },
        { "mue-practitioner.csv", ImportKind.Aoc },
        { "ptp-practitioner.txt", ImportKind.Icd10Cm },
    };

    /// <summary>A broken row, a short line, a bad date, an unknown indicator, the wrong file: every error with its line; nothing to write.</summary>
    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void BrokenOrWrongFile_ReportsEveryErrorAndWritesNothing(string fixture, ImportKind kind)
    {
        var outcome = Import(kind, fixture, new ImportOptions(effectiveFrom: new DateTime(2026, 10, 1), fiscalYear: 2027));
        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Yaml);
        Assert.All(outcome.Errors, e => Assert.True(e.Line > 0, e.ToString()));
        Snapshot.Match(string.Join("\n", outcome.Errors), fixture.Replace('.', '-') + "-as-" + kind.ToString().ToLowerInvariant(), "txt");
    }

    [Fact]
    public void SnapshotFile_WithoutItsDate_IsRefused()
    {
        var outcome = Import(ImportKind.Mue, "mue-practitioner.csv");
        Assert.Equal(DataErrorIds.MissingKey, outcome.Errors.Single().Id);
    }

    [Fact]
    public void ImportedTable_LoadsIntoTheRuleSet_AndImportingTwiceChangesNothing()
    {
        using var rules = RuleFixture.CopyOfDefault();
        var first = Import(ImportKind.Ptp, "ptp-practitioner.txt");
        File.WriteAllText(Path.Combine(rules.Directory, "ptp-edits.yaml"), first.Yaml);
        RuleSet loaded = RuleSet.Load(rules.Directory);
        using var reader = new StreamReader(Fixture("ptp-practitioner.txt"));
        var second = RuleTableImport.Import(loaded, ImportKind.Ptp, reader, "ptp-practitioner.txt", first.Yaml!, new ImportOptions());
        Assert.Equal(first.Yaml, second.Yaml);
        Assert.Equal(34, first.RowsRead);
        Assert.Equal(8, first.RowsKept);
    }

    [Fact]
    public void CodesAll_KeepsEveryRow()
        => Assert.Equal(34, Import(ImportKind.Ptp, "ptp-practitioner.txt", new ImportOptions(Array.Empty<string>())).RowsKept);

    [Fact]
    public void SnapshotMerge_ClosesChangedRowsTheDayBefore_AndKeepsUnchangedOnes()
    {
        var from = new DateTime(2026, 10, 1);
        var existing = new[]
        {
            new ImportedRow("A", "2", 1, false, new DateTime(2020, 1, 1), null),
            new ImportedRow("B", "2", 1, false, new DateTime(2020, 1, 1), null),
            new ImportedRow("C", "2", 1, false, new DateTime(2020, 1, 1), null),
            new ImportedRow("D", "2", 1, false, new DateTime(2026, 10, 1), null),
        };
        var snapshot = new[] { new ImportedRow("A", "2", 1, false, from, null), new ImportedRow("B", "2", 4, false, from, null), new ImportedRow("D", "3", 1, false, from, null) }.ToList();
        var merged = RuleTableImport.Merge(existing, snapshot, from, _ => true);
        Assert.Equal(
            new[] { "A 1 2020-01-01..", "B 1 2020-01-01..2026-09-30", "B 4 2026-10-01..", "C 1 2020-01-01..2026-09-30", "D 1 2026-10-01.." },
            merged.Select(r => $"{r.Key} {r.Number} {r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData("20240101", "2024-01-01")]
    [InlineData("2024001", "2024-01-01")]
    [InlineData("2024366", "2024-12-31")]
    [InlineData("01/01/2024", "2024-01-01")]
    public void Dates_InEveryPublishedForm_AreRead(string text, string expected)
        => Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), OfficialFiles.ParseDate(text));

    [Theory]
    [InlineData("2023366")]
    [InlineData("2024000")]
    [InlineData("2024-01-01")]
    [InlineData("*")]
    public void Dates_ThatAreNotDates_AreRejected(string text) => Assert.Null(OfficialFiles.ParseDate(text));
}
