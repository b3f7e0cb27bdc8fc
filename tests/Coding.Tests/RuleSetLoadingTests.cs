using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class RuleSetLoadingTests
{
    [Fact]
    public void Default_LoadsFromEmbeddedData()
    {
        Assert.Equal("default", RuleSet.Default.Name);
        Assert.Equal("embedded", RuleSet.Default.Origin);
        Assert.Same(RuleSet.Default, RuleSet.Default);
    }

    [Fact]
    public void DataFolder_LoadsAndCodesLikeTheEmbeddedDefault()
    {
        RuleSet fromDisk = RuleSet.Load(Paths.Data);
        Assert.Equal(RuleSet.Default.Version, fromDisk.Version);
        var c = Case(Hipec(136, drugs: Drug("mitomycin", 70, 80)), claim: ClaimType.FacilityOutpatient);
        Assert.Equal(RuleSet.Default.Code(c).Lines(), fromDisk.Code(c).Lines());
    }

    [Fact]
    public void TimeRuleWithoutItsAdditionalUnit_IsALocatedError_NotACrashOfTheAddOnCrossCheck()
    {
        // Found by AnyMutationOfARuleFile (seed 1016353555558535593,1654416273445741125): the cross-check read the
        // missing unit and threw NullReferenceException.
        using var rules = RuleFixture.CopyOfDefault(("hipec.yaml", "    additional_unit: { code: \"96548\", minutes: 30 }\n", string.Empty));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        DataError error = Assert.Single(ex.Errors);
        Assert.Equal(("hipec.yaml", 13, 5), (Path.GetFileName(error.File), error.Line, error.Column));
        Assert.Contains("method time_units needs first_unit and additional_unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectory_IsARuleDataExceptionNamingIt()
    {
        string missing = Path.Combine(Paths.Root, "no-such-rules");
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(missing));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(DataErrorIds.Unreadable, error.Id);
        Assert.Equal(missing, error.File);
    }

    private static System.Collections.Generic.Dictionary<string, string> DataFiles()
        => Directory.GetFiles(Paths.Data, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    [Fact]
    public void FilesByName_LoadAndCodeLikeTheDataFolder()
    {
        RuleSet fromFiles = RuleSet.Load(DataFiles(), "memory:data");
        Assert.Equal(RuleSet.Default.Version, fromFiles.Version);
        Assert.Equal("memory:data", fromFiles.Origin);
        var c = Case(Hipec(136, drugs: Drug("mitomycin", 70, 80)), claim: ClaimType.FacilityOutpatient);
        Assert.Equal(RuleSet.Default.Code(c), fromFiles.Code(c));
    }

    [Fact]
    public void FilesByName_WithAStrayAndAMissingFile_ReportBoth()
    {
        var files = DataFiles();
        files.Remove("mue.yaml");
        files["extra.yaml"] = "x: 1\n";
        var ids = Assert.Throws<RuleDataException>(() => RuleSet.Load(files, "memory")).Errors.Select(e => e.Id).ToList();
        Assert.Contains(DataErrorIds.MissingRuleFile, ids);
        Assert.Contains(DataErrorIds.UnknownRuleFile, ids);
    }

    private static MemoryStream Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void ZipOfTheDataFolder_LoadsWithItsSchemasIgnored()
    {
        var entries = DataFiles().Select(f => ("data/" + f.Key, f.Value)).Append(("data/schema/hipec.schema.json", "{}")).ToArray();
        using var zip = Zip(entries);
        RuleSet rules = RuleSet.LoadZip(zip, "rules.zip");
        Assert.Equal(RuleSet.Default.Version, rules.Version);
    }

    [Fact]
    public void ZipWithRuleFilesInTwoFolders_IsRefused()
    {
        using var zip = Zip(("a/hipec.yaml", "x: 1"), ("b/pipac.yaml", "x: 1"));
        var error = Assert.Single(Assert.Throws<RuleDataException>(() => RuleSet.LoadZip(zip, "rules.zip")).Errors);
        Assert.Contains("2 folders", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ZipThatIsNotAZip_IsARuleDataException()
    {
        using var garbage = new MemoryStream(new byte[] { 1, 2, 3, 4, 5 });
        var error = Assert.Single(Assert.Throws<RuleDataException>(() => RuleSet.LoadZip(garbage, "rules.zip")).Errors);
        Assert.Equal(DataErrorIds.Unreadable, error.Id);
    }

    [Fact]
    public void SeveralDefects_AreAllReportedInOneException()
    {
        using var rules = RuleFixture.FromFolder(Path.Combine(Paths.Fixtures, "rules", "several-defects"));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        var ids = ex.Errors.Select(e => e.Id).ToList();
        Assert.Contains(DataErrorIds.UnknownKey, ids);
        Assert.Contains(DataErrorIds.UndefinedNote, ids);
        Assert.Contains(DataErrorIds.UndefinedCode, ids);
        Assert.Contains(DataErrorIds.InvalidPeriod, ids);
        Assert.All(ex.Errors, e => Assert.True(e.Line > 0, e.ToString()));
    }

    public static TheoryData<string> BrokenRuleSets()
        => new(Directory.GetDirectories(Path.Combine(Paths.Fixtures, "rules")).Select(d => Path.GetFileName(d)).Order());

    /// <summary>Each folder under Fixtures/rules holds one defect (edits.yaml applied to a copy of data/) and its exact error list.</summary>
    [Theory]
    [MemberData(nameof(BrokenRuleSets))]
    public void BrokenRuleSet_ReportsItsExactErrors(string name)
    {
        using var rules = RuleFixture.FromFolder(Path.Combine(Paths.Fixtures, "rules", name));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        Snapshot.Match(string.Join("\n", ex.Errors.Select(e => e.ToString().Replace(rules.Directory, "<rules>", StringComparison.Ordinal))), name, "txt");
    }

    [Fact]
    public void OneRuleSet_SharedByManyThreads_CodesTheSameAsOneThread()
    {
        var cases = Enumerable.Range(0, 200).Select(i => Case(Hipec(30 + i, drugs: Drug("oxaliplatin", 800 + i, 900 + i)), claim: ClaimType.FacilityOutpatient)).ToList();
        var sequential = cases.Select(c => string.Join(";", RuleSet.Default.Code(c).Lines())).ToList();
        var parallel = new string[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = string.Join(";", RuleSet.Default.Code(cases[i]).Lines()));
        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData("    then_message: Z51.11 is followed by the neoplasm being treated (the chemotherapy's reason); list the malignancy second, before secondary and research codes.\n", "", "then_starting and then_message go together")]
    [InlineData("    then_starting: [C, D37, D3A]\n", "    then_starting: [C, d37]\n", "'d37' is not the start of an ICD-10-CM code.")]
    public void SequencingFollowUp_IsValidated(string find, string replace, string error)
    {
        using var rules = RuleFixture.CopyOfDefault(("diagnoses.yaml", find, replace));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        Assert.Contains(ex.Errors, e => e.Message.Contains(error, StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("clinical-trials.yaml", "  routine: Q1\n", "  routine: q1\n", "'q1' is not a modifier", 15, 12)]
    [InlineData("clinical-trials.yaml", "  investigational: Q0\n", "  investigational: Q00\n", "'Q00' is not a modifier", 16, 20)]
    [InlineData("drugs.yaml", "  discarded_modifier: JW\n", "  discarded_modifier: J\n", "'J' is not a modifier", 22, 23)]
    [InlineData("drugs.yaml", "  no_discard_modifier: JZ\n", "  no_discard_modifier: J-\n", "'J-' is not a modifier", 24, 24)]
    [InlineData("payer-policies.yaml", "  signed_modifier: GA\n", "  signed_modifier: ga\n", "'ga' is not a modifier", 20, 20)]
    [InlineData("payer-policies.yaml", "  not_signed_modifier: GZ\n", "  not_signed_modifier: G\n", "'G' is not a modifier", 21, 24)]
    [InlineData("procedures.yaml", "modifier: AS,", "modifier: as,", "'as' is not a modifier", 12, 48)]
    public void MalformedModifierInTheRuleData_IsAnErrorAtItsValue(string file, string find, string replace, string error, int line, int column)
    {
        using var rules = RuleFixture.CopyOfDefault((file, find, replace));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        DataError found = Assert.Single(ex.Errors, e => e.Message.Contains(error, StringComparison.Ordinal));
        Assert.Equal((DataErrorIds.InvalidRuleValue, line, column), (found.Id, found.Line, found.Column));
    }
}
