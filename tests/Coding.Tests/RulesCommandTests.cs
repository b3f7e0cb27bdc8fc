using System;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>The <c>coding rules</c> commands that work from any directory: show, validate with no directory, export, schema.</summary>
public sealed class RulesCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    [Fact]
    public void RulesValidate_WithNoDirectory_ValidatesTheBuiltInRuleSetAndSaysSo()
    {
        var (exit, output, error) = Run("rules", "validate");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith($"The built-in rule set {RuleSet.Default} is valid.", output, StringComparison.Ordinal);
        Assert.Contains("No directory was given", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesSchema_WithNoDirectory_IsAUsageErrorAndWritesNothing()
    {
        var (exit, output, error) = Run("rules", "schema");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("Required argument missing for command: 'schema'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesExport_IntoANewDirectory_WritesACopyThatLoadsAndValidatesClean()
    {
        using var temp = new TempDirectory();
        string target = temp.File("our-rules");

        var (exit, output, error) = Run("rules", "export", target);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("wrote the built-in rule set", output, StringComparison.Ordinal);
        Assert.Equal(RuleSet.Default.Version, RuleSet.Load(target).Version);
        Assert.Equal(0, Run("rules", "validate", target).Exit);
    }

    [Fact]
    public void RulesExport_WritesTheShippedRuleFilesAndEverySchemaTheyName()
    {
        using var temp = new TempDirectory();
        Run("rules", "export", temp.Path, "--force");

        foreach (string shipped in Directory.GetFiles(Paths.Data, "*.yaml").Concat(Directory.GetFiles(Path.Combine(Paths.Data, "schema"))))
        {
            string exported = Path.Combine(temp.Path, Path.GetRelativePath(Paths.Data, shipped));
            Assert.True(File.Exists(exported), $"{exported} was not exported.");
            Assert.Equal(Lf(File.ReadAllText(shipped)), Lf(File.ReadAllText(exported)));
        }
    }

    [Fact]
    public void RulesExport_ExportedRules_CodeAnExampleAsTheBuiltInOnesDo()
    {
        using var temp = new TempDirectory();
        Run("rules", "export", temp.Path, "--force");
        string example = Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml");

        var builtIn = Run("code", example, "--format", "csv");
        var exported = Run("code", example, "--format", "csv", "--rules", temp.Path);

        Assert.Equal(builtIn, exported);
    }

    [Fact]
    public void RulesExport_IntoANonEmptyDirectory_RefusesWithoutForceAndTouchesNothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("codes.yaml"), "our edits");

        var (exit, output, error) = Run("rules", "export", temp.Path);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("our edits", File.ReadAllText(temp.File("codes.yaml")));
        Assert.Single(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void RulesExport_WithForce_OverwritesTheRuleFilesAndLeavesOtherFiles()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("codes.yaml"), "our edits");
        File.WriteAllText(temp.File("README.txt"), "ours");

        Assert.Equal(0, Run("rules", "export", temp.Path, "--force").Exit);

        Assert.Equal(Lf(File.ReadAllText(Path.Combine(Paths.Data, "codes.yaml"))), Lf(File.ReadAllText(temp.File("codes.yaml"))));
        Assert.Equal("ours", File.ReadAllText(temp.File("README.txt")));
    }

    [Fact]
    public void RulesExport_OntoAFile_ExitsTwo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("rules"), string.Empty);
        Assert.Equal(2, Run("rules", "export", temp.File("rules"), "--force").Exit);
    }

    [Fact]
    public void RulesShow_Drugs_ListsTheDrugsInForceWithCodeAndBillingUnit()
    {
        var (exit, output, error) = Run("rules", "show", "drugs", "--date", "2026-03-14");
        Assert.Equal((0, string.Empty), (exit, error));
        Snapshot.Match(Snapshot.ScrubRulesVersion(output), extension: "txt");
    }

    [Fact]
    public void RulesShow_Codes_HasOneRowPerCodeInTheCatalogue()
    {
        var (exit, output, _) = Run("rules", "show", "codes", "--date", "2026-03-14");
        var catalog = RuleSet.Default.InForceOn(new DateTime(2026, 3, 14));
        string[] lines = output.TrimEnd('\n').Split('\n');

        Assert.Equal(0, exit);
        Assert.Equal($"{catalog.Codes.Count} codes in force on 2026-03-14 (rules {RuleSet.Default}, built in).", lines[0]);
        Assert.Equal(catalog.Codes.Select(c => c.Code), lines.Skip(3).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
    }

    [Fact]
    public void RulesShow_Sources_CountsEachTableAndListsTheUnconfirmedRowsWithTheirReason()
    {
        var (exit, output, error) = Run("rules", "show", "sources");
        Assert.Equal((0, string.Empty), (exit, error));
        int rows = RuleSet.Default.Provenance.Sum(t => t.Rows.Count);
        int confirmed = RuleSet.Default.Provenance.Sum(t => t.Confirmed);
        Assert.StartsWith($"Sources of rules {RuleSet.Default} (built in): {confirmed} of {rows} rows confirmed, {rows - confirmed} to confirm.\n", output, StringComparison.Ordinal);
        Assert.Contains("\nMUE (practitioner) (mue.yaml): 78 to confirm\n", output, StringComparison.Ordinal);
        Assert.Contains("  mue-96548-placeholder (1 rows): Placeholder value for 96548, keyed from memory\n    why: No public source gives the MUE of 96548", output, StringComparison.Ordinal);
        Assert.DoesNotContain("acs-cpt-2024", output, StringComparison.Ordinal);
        Snapshot.Match(Snapshot.ScrubRulesVersion(output), extension: "txt");
    }

    [Fact]
    public void RulesShow_Primaries_BeforeTheHipecTimeCodes_SaysThereAreNone()
    {
        var (exit, output, _) = Run("rules", "show", "primaries", "--date", "2023-06-01");
        Assert.Equal(0, exit);
        Assert.Contains("0 HIPEC primaries in force on 2023-06-01", output, StringComparison.Ordinal);
        Assert.Contains("not in force on this date", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesShow_Primaries_ListsTheCatalogueHipecPrimaries()
    {
        var (_, output, _) = Run("rules", "show", "primaries", "--date", "2026-03-14");
        foreach (KnownCode primary in RuleSet.Default.InForceOn(new DateTime(2026, 3, 14)).HipecPrimaries)
        {
            Assert.Contains($"{primary.Code}  {primary.Label}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RulesShow_Policies_ListsEachPolicyWithItsFindingId()
    {
        var (exit, output, _) = Run("rules", "show", "policies", "--date", "2026-03-14");
        Assert.Equal(0, exit);
        Assert.Contains("pipac-investigational", output, StringComparison.Ordinal);
        Assert.Contains("POLICY004", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesShow_WithoutADate_ShowsToday()
        => Assert.Contains("in force on " + TestHost.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Run("rules", "show", "codes").Out, StringComparison.Ordinal);

    [Fact]
    public void RulesShow_DateBeforeTheRuleSetCovers_WarnsButLists()
    {
        var (exit, _, error) = Run("rules", "show", "codes", "--date", "1999-01-01");
        Assert.Equal(0, exit);
        Assert.Contains("warning: the rule set codes dates of service from", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesShow_WithRulesDirectory_ShowsThatRuleSet()
    {
        using var rules = RuleFixture.CopyOfDefault(("rule-set.yaml", $"version: \"{RuleSet.Default.Version}\"", "version: \"9999.1.0\""));
        var (exit, output, _) = Run("rules", "show", "drugs", "--rules", rules.Directory, "--date", "2026-03-14");
        Assert.Equal(0, exit);
        Assert.Contains("9999.1.0, " + rules.Directory, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "show", "pills")]
    [InlineData("rules", "show", "codes", "--date", "14/03/2026x")]
    public void RulesShow_BadArguments_AreUsageErrors(params string[] args)
        => Assert.Equal(2, Run(args).Exit);

    [Fact]
    public void PlainTable_PadsEachColumnToItsWidestCellAndEndsNoLineInSpaces()
    {
        using var output = new StringWriter();
        new PlainTable("Code", "Label", "Note").Add("49188", "Tumour excision", string.Empty).Add("1", "x", "long note").Write(output);
        Assert.Equal("Code   Label            Note\n49188  Tumour excision\n1      x                long note\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainTable_RowWithTheWrongNumberOfCells_Throws()
        => Assert.Throws<ArgumentException>(() => new PlainTable("a", "b").Add("1"));

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void RulesShow_Alone_ListsItsChoicesAndExitsZero()
    {
        var (exit, output, error) = Run("rules", "show");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("<codes|drugs|primaries|policies|sources>", output, StringComparison.Ordinal);
    }
}
