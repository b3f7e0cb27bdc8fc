using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Coding.Documents;
using Coding.Rules;
using Coding.Tests.Infrastructure;
using Xunit;
using static Coding.Tests.Infrastructure.Cases;

namespace Coding.Tests;

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
        var c = Case(Hipec(136, drugs: Drug("mitomycin", 70, 80)), claim: Coding.Cases.ClaimType.FacilityOutpatient);
        Assert.Equal(RuleSet.Default.Code(c).Lines(), fromDisk.Code(c).Lines());
    }

    [Fact]
    public void MissingDirectory_Throws() => Assert.Throws<DirectoryNotFoundException>(() => RuleSet.Load(Path.Combine(Paths.Root, "no-such-rules")));

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
        var cases = Enumerable.Range(0, 200).Select(i => Case(Hipec(30 + i, drugs: Drug("oxaliplatin", 800 + i, 900 + i)), claim: Coding.Cases.ClaimType.FacilityOutpatient)).ToList();
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
}
