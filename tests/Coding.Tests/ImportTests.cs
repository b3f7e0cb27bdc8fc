using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Maintenance.Import;

namespace IntraperitonealCoding.Tests;

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

    private static ImportOutcome ImportText(ImportKind kind, string text, ImportOptions? options = null)
    {
        string current = File.ReadAllText(Path.Combine(Paths.Data, RuleTableImport.TargetFile(kind)));
        return RuleTableImport.Import(RuleSet.Default, kind, new StringReader(text), "file.txt", current, options ?? new ImportOptions(Array.Empty<string>()));
    }

    private const string PtpHeader = "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\n";

    private static string Rows(ImportOutcome outcome) => string.Join("\n", outcome.Yaml!.Split('\n').Where(l => l.StartsWith("  - {", StringComparison.Ordinal) && !l.Contains("note:", StringComparison.Ordinal)).Take(3));

    [Fact]
    public void LastLineWithoutAnLf_IsStillRead_AndBlankLinesAreSkipped()
    {
        var outcome = ImportText(ImportKind.Ptp, PtpHeader + "\n   \n49205\t49000\t\t20200101\t*\t0\tx");
        Assert.Equal(1, outcome.RowsRead);
        Assert.Contains("column1: \"49205\", column2: \"49000\", modifier: 0, effective_from: 2020-01-01, source: \"import-", outcome.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedCells_KeepCommasAndDoubledQuotes()
    {
        var cells = DelimitedLines.Split("\"a, b\",\"say \"\"hi\"\"\",c", ',');
        Assert.Equal(new[] { "a, b", "say \"hi\"", "c" }, cells);
    }

    [Fact]
    public void AocFile_AsCsv_IsReadToo()
    {
        var outcome = ImportText(ImportKind.Aoc, "Add-on Code,Primary Code,AOC Edit Type,AOC Edit Effective Date,AOC Edit Deletion Date\n96547,49205,1,20240101,\n44121,44120,3,20200101,20260101\n");
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Contains("{ add_on: \"44121\", primary: \"44120\", aoc_type: 3, effective_from: 2020-01-01, effective_to: 2025-12-31, source: \"import-", outcome.Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("96547,49205,0,20240101,*", "AOC edit type '0' is not 1, 2 or 3.")]
    [InlineData("96547,49205,4,20240101,*", "AOC edit type '4' is not 1, 2 or 3.")]
    [InlineData("96547,4920,1,20240101,*", "'96547' / '4920' is not a pair of CPT/HCPCS codes.")]
    [InlineData("96547,49205,1,20240101,20240101", "The deletion date is not after the effective date.")]
    [InlineData("96547,49205,1,20240101,2024-13-01", "'2024-13-01' is not a date")]
    [InlineData("96547,49205,1,2024x101,*", "'2024x101' is not a date")]
    [InlineData("96547,49205,1", "Expected at least 5 columns in this AOC row, found 3")]
    public void AocRow_ThatBreaksTheLayout_IsAnErrorOnItsLine(string row, string error)
    {
        var outcome = ImportText(ImportKind.Aoc, "Add-on Code,Primary Code,AOC Edit Type,AOC Edit Effective Date,AOC Edit Deletion Date\n" + row + "\n");
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("file.txt:2:1: ", outcome.Errors.Single().ToString(), StringComparison.Ordinal);
        Assert.Contains(error, outcome.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("96547,49205,3,20240101,20240102", "effective_to: 2024-01-01")]
    [InlineData("96547,49205,1,20240101,*", "effective_from: 2024-01-01, source:")]
    public void EditDates_EndTheDayBeforeTheDeletionDate(string row, string expected)
        => Assert.Contains(expected, ImportText(ImportKind.Aoc, "Add-on Code,Primary Code,AOC Edit Type,AOC Edit Effective Date,AOC Edit Deletion Date\n" + row + "\n").Yaml, StringComparison.Ordinal);

    [Theory]
    [InlineData("49205\tABCDE\t\t20200101\t*\t0\tx", "is not a pair of CPT/HCPCS codes")]
    [InlineData("ABCDE\t49000\t\t20200101\t*\t0\tx", "is not a pair of CPT/HCPCS codes")]
    public void PtpRow_WithOneBadCode_IsAnError(string row, string error)
        => Assert.Contains(error, ImportText(ImportKind.Ptp, PtpHeader + row + "\n").Errors.Single().Message, StringComparison.Ordinal);

    [Fact]
    public void PtpRow_WithIndicatorNine_IsKept()
        => Assert.Contains("modifier: 9", ImportText(ImportKind.Ptp, PtpHeader + "49205\t49000\t\t20200101\t*\t9\tx\n").Yaml, StringComparison.Ordinal);

    [Fact]
    public void WrongFileAsAddendumB_SaysWhichLayoutWasExpected()
        => Assert.Contains("No OPPS Addendum B header row was found", ImportText(ImportKind.Ipo, PtpHeader, new ImportOptions(Array.Empty<string>(), effectiveFrom: new DateTime(2026, 10, 1))).Errors.Single().Message, StringComparison.Ordinal);

    private static string Order(int n, string code, char flag) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:00000} {1,-7} {2} {3,-60} {4}", n, code, flag, "Short title", "Long title");

    [Fact]
    public void OrderFile_WithABadLineAfterGoodOnes_ReportsItAndGoesOn()
    {
        var outcome = ImportText(ImportKind.Icd10Cm, string.Join("\n", Order(1, "C56", '0'), "00002 C561", Order(3, "C562", '7'), Order(4, "C569", '1')) + "\n", new ImportOptions(Array.Empty<string>(), fiscalYear: 2027));
        Assert.Equal(new[] { "2:1 DATA001", "3:15 DATA004" }, outcome.Errors.Select(e => $"{e.Line}:{e.Column} {e.Id}"));
        Assert.DoesNotContain("right file", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000x C561    1 x")]
    [InlineData("00001 C561    1x")]
    [InlineData("00001 C5610001 x")]
    public void OrderFileLine_OutOfTheColumns_IsNotAnOrderFileLine(string line)
        => Assert.Contains("Not an order-file line", ImportText(ImportKind.Icd10Cm, line + "\n", new ImportOptions(Array.Empty<string>(), fiscalYear: 2027)).Errors.Single().Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("3E0M3", '0', true)]
    [InlineData("3E0M3", '1', false)]
    [InlineData("3E0M305", '1', true)]
    public void PcsOrderFile_HeadersAreShortAndCodesSevenCharacters(string code, char flag, bool valid)
    {
        var outcome = ImportText(ImportKind.Icd10Pcs, Order(1, code, flag) + "\n", new ImportOptions(Array.Empty<string>(), fiscalYear: 2027));
        Assert.Equal(valid, outcome.Succeeded);
        if (!valid)
        {
            Assert.Contains("is not a well-formed ICD-10-PCS code", outcome.Errors.Single().Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EmptyOrderFile_IsAnError()
        => Assert.Equal("The order file has no code lines.", ImportText(ImportKind.Icd10Cm, "\n\n", new ImportOptions(fiscalYear: 2027)).Errors.Single().Message);

    [Fact]
    public void OrderFile_StartsOnTheFirstOfOctoberBeforeItsFiscalYear()
        => Assert.Contains("{ code: C56.A, billable: true, effective_from: 2026-10-01, source: \"import-fy2027\" }", ImportText(ImportKind.Icd10Cm, Order(1, "C56A", '1') + "\n", new ImportOptions(Array.Empty<string>(), fiscalYear: 2027)).Yaml, StringComparison.Ordinal);

    [Theory]
    [InlineData(null)]
    [InlineData(2015)]
    [InlineData(2101)]
    public void OrderFile_WithoutAPlausibleFiscalYear_IsRefused(int? year)
        => Assert.Equal(DataErrorIds.MissingKey, ImportText(ImportKind.Icd10Cm, Order(1, "C562", '1') + "\n", new ImportOptions(fiscalYear: year)).Errors.Single().Id);

    [Theory]
    [InlineData(2016, true)]
    [InlineData(2100, true)]
    public void OrderFile_WithAFiscalYearInRange_IsRead(int year, bool ok)
        => Assert.Equal(ok, ImportText(ImportKind.Icd10Cm, Order(1, "C562", '1') + "\n", new ImportOptions(Array.Empty<string>(), fiscalYear: year)).Succeeded);

    [Theory]
    [InlineData("2027-03-01", "2027 Q1")]
    [InlineData("2026-10-01", "2026 Q4")]
    [InlineData("2026-06-30", "2026 Q2")]
    public void Release_IsTheQuarterOfTheEffectiveDate(string date, string release)
        => Assert.Contains($"  release: \"{release}\"\n", Import(ImportKind.Mue, "mue-practitioner.csv", new ImportOptions(effectiveFrom: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture))).Yaml, StringComparison.Ordinal);

    [Fact]
    public void Release_GivenByTheMaintainer_IsKept_AndTheImportedRowsAreConfirmedByTheFile()
    {
        string yaml = Import(ImportKind.Ptp, "ptp-practitioner.txt", new ImportOptions(release: "2027 Q1 v2")).Yaml!;
        Assert.Contains("  release: \"2027 Q1 v2\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - { id: \"import-2027-q1-v2\", document: \"ptp-practitioner.txt, 2027 Q1 v2 (imported with 'coding rules import')\", confirmed: true }\n", yaml, StringComparison.Ordinal);
        Assert.Contains("column1: \"49188\", column2: \"49000\", modifier: 0, effective_from: 2025-01-01, source: \"import-2027-q1-v2\" }", yaml, StringComparison.Ordinal);
        Assert.Contains("  file: \"ptp-practitioner.txt\"\n", yaml, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=schema/ptp-edits.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.Contains("advice:\n  - { column2: \"44950\", note: ptp-incidental-appendectomy }\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void MueForOneTable_LeavesTheOtherTableAsItWas()
    {
        string yaml = Import(ImportKind.Mue, "mue-practitioner.csv", new ImportOptions(table: NcciTable.OutpatientHospital, effectiveFrom: new DateTime(2026, 10, 1))).Yaml!;
        string practitioner = yaml[yaml.IndexOf("practitioner:", StringComparison.Ordinal)..yaml.IndexOf("outpatient_hospital:", StringComparison.Ordinal)];
        string hospital = yaml[yaml.IndexOf("outpatient_hospital:", StringComparison.Ordinal)..];
        Assert.Equal(
            RuleSet.Default.Provenance.Single(t => t.Name == "MUE (practitioner)").Rows.Count,
            practitioner.Split('\n').Count(l => l.StartsWith("  - {", StringComparison.Ordinal)));
        Assert.DoesNotContain("import-", practitioner, StringComparison.Ordinal);
        Assert.Contains("effective_to: 2026-09-30", hospital, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotImport_ConfirmsTheRowsTheFileLeavesUnchanged_AndKeepsTheOthersSources()
    {
        string yaml = Import(ImportKind.Mue, "mue-practitioner.csv", new ImportOptions(effectiveFrom: new DateTime(2026, 10, 1))).Yaml!;
        string practitioner = yaml[yaml.IndexOf("practitioner:", StringComparison.Ordinal)..yaml.IndexOf("outpatient_hospital:", StringComparison.Ordinal)];
        string hospital = yaml[yaml.IndexOf("outpatient_hospital:", StringComparison.Ordinal)..];

        // 49188 is in the file with the table's value: its row keeps its dates and now cites the file.
        Assert.Contains("{ code: \"49188\", max_units: 1, adjudication: 2, effective_from: 2025-01-01, source: \"import-2026-q4\" }", practitioner, StringComparison.Ordinal);
        Assert.Contains("source: \"mue-keyed\"", hospital, StringComparison.Ordinal);
        Assert.Contains("  - { id: \"mue-keyed\", document: ", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotMerge_KeepsRowsAlreadyClosedAndRowsOfCodesNotKept()
    {
        var from = new DateTime(2026, 10, 1);
        var existing = new[]
        {
            new ImportedRow("A", "2", 1, false, new DateTime(2020, 1, 1), new DateTime(2024, 12, 31)),
            new ImportedRow("B", "2", 1, false, new DateTime(2020, 1, 1), null),
            new ImportedRow("C", "2", 1, false, new DateTime(2020, 1, 1), new DateTime(2026, 10, 1)),
        };
        var merged = RuleTableImport.Merge(existing, new List<ImportedRow>(), from, k => k != "B");
        Assert.Equal(
            new[] { "A 2020-01-01..2024-12-31", "B 2020-01-01..", "C 2020-01-01..2026-09-30" },
            merged.Select(r => $"{r.Key} {r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}"));
    }

    [Fact]
    public void Import_RefusesNullArguments()
    {
        var options = new ImportOptions();
        Assert.Throws<ArgumentNullException>(() => RuleTableImport.Import(null!, ImportKind.Aoc, new StringReader(string.Empty), "f", string.Empty, options));
        Assert.Throws<ArgumentNullException>(() => RuleTableImport.Import(RuleSet.Default, ImportKind.Aoc, null!, "f", string.Empty, options));
        Assert.Throws<ArgumentNullException>(() => RuleTableImport.Import(RuleSet.Default, ImportKind.Aoc, new StringReader(string.Empty), null!, string.Empty, options));
        Assert.Throws<ArgumentNullException>(() => RuleTableImport.Import(RuleSet.Default, ImportKind.Aoc, new StringReader(string.Empty), "f", null!, options));
        Assert.Throws<ArgumentNullException>(() => RuleTableImport.Import(RuleSet.Default, ImportKind.Aoc, new StringReader(string.Empty), "f", string.Empty, null!));
    }
}
