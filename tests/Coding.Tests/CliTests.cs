using System.IO;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, Snapshot.ScrubRulesVersion(stdout.ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal)), stderr.ToString());
    }

    private static string Example(string name) => Path.Combine(Paths.Examples, name);

    [Fact]
    public void Code_ReadyCase_PrintsTheTableAndExitsZero()
    {
        var (exit, output, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"));
        Assert.Equal((0, string.Empty), (exit, error));
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void Code_FormatX12_WritesTheClaimSegmentsAndExitsZero()
    {
        var (exit, output, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--format", "x12");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith("CLM*crs-hipec-001*0***21:B:1*Y*A*Y*Y~\nHI*ABK:C181*ABF:C786~\nLX*1~\nSV1*HC:49188*0*UN*1***1:2~\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_FormatX12_WithOtherDelimiters_UsesThem()
        => Assert.StartsWith("CLM|crs-hipec-001|0|||21>B>1|Y|A|Y|Y'\n", Run("code", Example("hipec-crs-appendix-professional.yaml"), "--format", "x12", "--x12-delimiters", "|>!'").Out, System.StringComparison.Ordinal);

    [Theory]
    [InlineData("*:^", "four characters")]
    [InlineData("**^~", "must differ")]
    public void Code_BadX12Delimiters_ExitTwoBeforeCoding(string delimiters, string message)
    {
        var (exit, output, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--format", "x12", "--x12-delimiters", delimiters);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(message, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_FormatX12_NotReadyCase_IsNotWrittenAndExitsOne()
    {
        var (exit, output, error) = Run("code", Example("hipec-no-primary.yaml"), Example("hipec-crs-appendix-professional.yaml"), "--format", "x12");
        Assert.Equal(1, exit);
        Assert.Contains("coding: x12: hipec-no-primary is not ready (HIPEC002)", error, System.StringComparison.Ordinal);
        Assert.StartsWith("CLM*crs-hipec-001*", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_FormatCsv_WritesAHeaderAndOneRowPerLine()
    {
        var (exit, output, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--format", "csv");
        Assert.Equal((0, string.Empty), (exit, error));
        string[] rows = output.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(",", ResultCsv.Columns), rows[0]);
        Assert.Equal(4, rows.Length);
    }

    [Fact]
    public void RulesValidate_OfAMissingDirectory_ExitsTwo()
    {
        var (exit, _, error) = Run("rules", "validate", Path.Combine(Paths.Root, "no-such-rules"));
        Assert.Equal(2, exit);
        Assert.Contains("rule set directory not found", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_WithAMissingRulesDirectory_ExitsTwoNamingIt()
    {
        var (exit, _, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--rules", Path.Combine(Paths.Root, "no-such-rules"));
        Assert.Equal(2, exit);
        Assert.Contains("no-such-rules", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_PrintsHelpAndExitsZero()
    {
        var (exit, output, _) = Run();
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, System.StringComparison.Ordinal);
        Assert.Contains("reconcile", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--formt", "unknown option '--formt' for 'coding code'. Did you mean '--format'?")]
    [InlineData("--rule", "unknown option '--rule' for 'coding code'. Did you mean '--rules'?")]
    [InlineData("--zzzzzz", "unknown option '--zzzzzz' for 'coding code'.")]
    public void MisspeltOption_IsRefusedWithASuggestionBeforeAnyWork(string option, string message)
    {
        var (exit, output, error) = Run("code", option, "json", Example("hipec-crs-appendix-professional.yaml"));
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(message, error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("DATA006", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltOption_OfASubcommand_NamesTheSubcommand()
        => Assert.Contains("unknown option '--tabel' for 'coding rules import'. Did you mean '--table'?", Run("rules", "import", "ptp", "f.txt", "--tabel", "practitioner").Err, System.StringComparison.Ordinal);

    [Fact]
    public void MisspeltCommand_SuggestsTheClosestAndExitsTwo()
    {
        var (exit, output, error) = Run("cod", Example("hipec-crs-appendix-professional.yaml"));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("coding: unknown command 'cod' for 'coding'. Did you mean 'coding code'?\nRun 'coding --help' for usage.\n", error.Replace("\r\n", "\n", System.StringComparison.Ordinal));
    }

    [Fact]
    public void MisspeltSubcommand_SuggestsTheClosestOfItsGroup()
    {
        var (exit, _, error) = Run("rules", "shwo", "drugs");
        Assert.Equal(2, exit);
        Assert.StartsWith("coding: unknown command 'shwo' for 'coding rules'. Did you mean 'coding rules show'?", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void GroupCalledBare_PrintsItsHelp()
    {
        var (exit, output, error) = Run("rules");
        Assert.Equal(0, exit);
        Assert.Contains("coding rules [command] [options]", output, System.StringComparison.Ordinal);
        Assert.Contains("export", output, System.StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("2023-13-01")]
    [InlineData("03/01/2023")]
    [InlineData("yesterday")]
    public void DateThatIsNotYyyyMmDd_IsRefusedWithoutTypeNames(string date)
    {
        var (exit, _, error) = Run("rules", "show", "codes", "--date", date);
        Assert.Equal(2, exit);
        Assert.Contains($"'{date}' is not a date for --date: write it as YYYY-MM-DD", error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentOutsideItsChoices_ListsThemAndTheClosest()
    {
        var (exit, _, error) = Run("new", "hipc");
        Assert.Equal(2, exit);
        Assert.StartsWith("coding: 'hipc' is not a valid choice: use hipec, pipac. Did you mean 'hipec'?", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithItsValueAfterAnEqualsSign_IsKnown()
        => Assert.Equal(0, Run("code", Example("hipec-crs-appendix-professional.yaml"), "--format=json").Exit);

    [Fact]
    public void Code_CaseWithErrorFindings_ExitsOne()
        => Assert.Equal(1, Run("code", Example("hipec-no-primary.yaml")).Exit);

    [Fact]
    public void Code_UnreadableCaseFile_ExitsTwoWithFileLineColumnAndNoStackTrace()
    {
        var (exit, _, error) = Run("code", Path.Combine(Paths.Fixtures, "cases", "negative-duration.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("negative-duration.yaml:10:22: CASE001", error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_OneBadFileAmongGoodOnes_StillCodesTheGoodOnes()
    {
        var (exit, output, error) = Run("code", Example("pipac-inpatient-pcs.yaml"), Path.Combine(Paths.Fixtures, "cases", "truncated.json"), "--format", "json");
        Assert.Equal(2, exit);
        Assert.Single(JArray.Parse(output));
        Assert.Contains("truncated.json:11:1: DATA001", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_JsonFormat_WritesAnArrayOfResultsInSnakeCase()
    {
        var (exit, output, _) = Run("code", Example("pipac-outpatient-biopsies-medicare.yaml"), Example("hipec-2023-before-codes.json"), "--format", "json");
        var results = JArray.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal(2, results.Count);
        Assert.Equal("pipac-c1-outpatient", (string?)results[0]["case_id"]);
        Assert.Equal("96549", (string?)results[1]["lines"]![1]!["code"]);
    }

    [Fact]
    public void Code_WithRulesDirectory_UsesThoseRules()
    {
        using var rules = RuleFixture.CopyOfDefault(("rule-set.yaml", $"version: \"{RuleSet.Default.Version}\"", "version: \"9999.1.0\""));
        var (exit, output, _) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--rules", rules.Directory, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("9999.1.0", (string?)JArray.Parse(output)[0]["rules_version"]);
    }

    [Fact]
    public void Code_BrokenRulesDirectory_ExitsTwoListingEveryError()
    {
        using var rules = RuleFixture.CopyOfDefault(("drugs.yaml", "code: J9060,", "code: J9999,"), ("pipac.yaml", "notes: [pipac-biopsy-once]", "notes: [nope]"));
        var (exit, _, error) = Run("code", Example("hipec-crs-appendix-professional.yaml"), "--rules", rules.Directory);
        Assert.Equal(2, exit);
        Assert.Contains("RULE004", error, System.StringComparison.Ordinal);
        Assert.Contains("RULE003", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo() => Assert.Equal(2, Run("code", "--colour", "x.yaml").Exit);

    [Fact]
    public void MissingCaseFile_ExitsTwo()
    {
        var (exit, _, error) = Run("code", Path.Combine(Paths.Examples, "does-not-exist.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("DATA006", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Code_TrialCase_ShowsWhoPaysAndTheClaimMarkers()
    {
        var (exit, output, _) = Run("code", Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-3.yaml"), "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void Grid_ThreeCycleCourse_PrintsTheTable()
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (exit, output, _) = Run("grid", Path.Combine(course, "cycle-3.yaml"), Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void Grid_CsvFormat_WritesCsv()
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (exit, output, _) = Run("grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), "--format", "csv", "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        Assert.StartsWith("item,label,category,cycle 1 (2026-01-13),cycle 2 (2026-03-03),cycle 3 (not coded),flag\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_WithAnUnreadableVisit_ExitsTwo()
        => Assert.Equal(2, Run("grid", Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-1.yaml"), Path.Combine(Paths.Fixtures, "cases", "truncated.json")).Exit);

    [Fact]
    public void RulesImport_WritesTheTable_WhichThenValidates()
    {
        using var rules = RuleFixture.CopyOfDefault();
        string table = Path.Combine(rules.Directory, "ptp-edits.yaml");
        string before = File.ReadAllText(table);
        var (exit, output, error) = Run("rules", "import", "ptp", Path.Combine(Paths.Fixtures, "import", "ptp-practitioner.txt"), "--out", rules.Directory);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("8 of 34 rows kept from ptp-practitioner.txt", output, System.StringComparison.Ordinal);
        Assert.NotEqual(before, File.ReadAllText(table));
        Assert.Empty(Directory.GetFiles(rules.Directory, "*.tmp-*"));
        Assert.Equal(0, Run("rules", "validate", rules.Directory).Exit);
    }

    [Theory]
    [InlineData("ptp", "ptp-broken.txt", "--table", "outpatient_hospital")]
    [InlineData("aoc", "mue-practitioner.csv", "--codes", "all")]
    public void RulesImport_OfABrokenOrWrongFile_ExitsTwoAndWritesNothing(string kind, string fixture, string option, string value)
    {
        using var rules = RuleFixture.CopyOfDefault();
        string table = Path.Combine(rules.Directory, IntraperitonealCoding.Maintenance.Import.RuleTableImport.TargetFile(System.Enum.Parse<IntraperitonealCoding.Maintenance.Import.ImportKind>(kind, ignoreCase: true)));
        string before = File.ReadAllText(table);
        string file = Path.Combine(Paths.Fixtures, "import", fixture);
        var (exit, _, error) = Run("rules", "import", kind, file, "--out", rules.Directory, option, value);
        Assert.Equal(2, exit);
        Assert.Contains("nothing was written", error, System.StringComparison.Ordinal);
        // The file's own path, whatever it holds (a clone's path may hold spaces), then line and column.
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(file) + @":\d+:\d+: [A-Z]+\d{3}: ", error);
        Assert.Equal(before, File.ReadAllText(table));
    }

    [Fact]
    public void RulesImport_OfASnapshotFileWithoutItsDate_ExitsTwoAndSaysWhichOptionIsMissing()
    {
        using var rules = RuleFixture.CopyOfDefault();
        var (exit, _, error) = Run("rules", "import", "mue", Path.Combine(Paths.Fixtures, "import", "mue-practitioner.csv"), "--out", rules.Directory);
        Assert.Equal(2, exit);
        Assert.Contains("--effective-from YYYY-MM-DD", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RulesImport_UnknownTable_ExitsTwo()
        => Assert.Equal(2, Run("rules", "import", "ptp", Path.Combine(Paths.Fixtures, "import", "ptp-broken.txt"), "--table", "hospital").Exit);

    [Fact]
    public void RulesValidate_ShippedData_ExitsZero()
    {
        var (exit, output, _) = Run("rules", "validate", Paths.Data);
        Assert.Equal(0, exit);
        Assert.Contains("is valid", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RulesValidate_BrokenRuleSet_ExitsOneListingEveryProblem()
    {
        using var rules = RuleFixture.FromFolder(Path.Combine(Paths.Fixtures, "rules", "several-defects"));
        var (exit, output, error) = Run("rules", "validate", rules.Directory);
        Assert.Equal(1, exit);
        Assert.Equal(5, output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("5 problems", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RulesDiff_SameRules_PrintsNothing()
    {
        var (exit, output, error) = Run("rules", "diff", Paths.Data, Paths.Data, "--cases", Paths.Examples, "--studies", Paths.Studies);
        Assert.Equal((0, string.Empty), (exit, output));
        Assert.Contains("0 of", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RulesDiff_ChangedBand_PrintsOnlyTheCasesItChanges()
    {
        using var rules = RuleFixture.CopyOfDefault(
            ("rule-set.yaml", $"version: \"{RuleSet.Default.Version}\"", "version: \"9999.2.0\""),
            ("hipec.yaml", "hyperthermic_c: { min: 41.0, max: 43.0 }", "hyperthermic_c: { min: 40.0, max: 43.0 }"));
        var (exit, output, _) = Run("rules", "diff", Paths.Data, rules.Directory, "--cases", Paths.Examples, "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        Snapshot.Match(output.Replace(Paths.Root + Path.DirectorySeparatorChar, string.Empty, System.StringComparison.Ordinal), extension: "txt");
    }

    [Fact]
    public void RulesSchema_WritesTheCommittedSchemas()
    {
        string directory = Path.Combine(Path.GetTempPath(), "coding-schema-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, Run("rules", "schema", directory).Exit);
            foreach (string file in Directory.GetFiles(Path.Combine(Paths.Data, "schema")))
            {
                Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(directory, Path.GetFileName(file))));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Batch_WritesOneRecordPerLineAndASummary()
    {
        string input = Path.Combine(Path.GetTempPath(), "coding-batch-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
        string output = input + ".out";
        try
        {
            Assert.Equal(0, Run("generate", "50", "--seed", "3", "--out", input).Exit);
            File.AppendAllText(input, "{not json\n");
            var (exit, _, error) = Run("batch", input, "--out", output, "--parallel", "2");
            Assert.Equal(2, exit);
            Assert.Equal(51, File.ReadAllLines(output).Length);
            Assert.Contains("batch: 51 records:", error, System.StringComparison.Ordinal);
            Assert.Contains("1 unreadable", error, System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Fact]
    public void Batch_MissingInput_ExitsTwo()
        => Assert.Equal(2, Run("batch", Path.Combine(Paths.Fixtures, "none.jsonl")).Exit);
}
