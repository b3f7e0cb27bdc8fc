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
        using var rules = RuleFixture.CopyOfDefault(
            ("hipec.yaml", "    method: time_units\n", "    method: time_units\n    colour: blue\n"),
            ("pipac.yaml", "notes: [pipac-biopsy-once]", "notes: [pipac-biopsy-twice]"),
            ("drugs.yaml", "code: J9060,", "code: J9999,"),
            ("codes.yaml", "effective_from: 2024-01-01 }\n  - { system: CPT, code: \"96548\"", "effective_from: 2024-01-01, effective_to: 2023-01-01 }\n  - { system: CPT, code: \"96548\""));
        var ex = Assert.Throws<RuleDataException>(() => RuleSet.Load(rules.Directory));
        var ids = ex.Errors.Select(e => e.Id).ToList();
        Assert.Contains(DataErrorIds.UnknownKey, ids);
        Assert.Contains(DataErrorIds.UndefinedNote, ids);
        Assert.Contains(DataErrorIds.UndefinedCode, ids);
        Assert.Contains(DataErrorIds.InvalidPeriod, ids);
        Assert.All(ex.Errors.Where(e => e.Id != DataErrorIds.UndefinedCode), e => Assert.True(e.Line > 0, e.ToString()));
    }

    public static TheoryData<string, string, string, string> Defects() => new()
    {
        { "unknown-key", "hipec.yaml", "    method: time_units\n", "    method: time_units\n    colour: blue\n" },
        { "duplicate-key", "rule-set.yaml", "name: default\n", "name: default\nname: again\n" },
        { "wrong-type", "drugs.yaml", "billing_unit_mg: 5,", "billing_unit_mg: five," },
        { "undefined-note", "pipac.yaml", "notes: [pipac-biopsy-once]", "notes: [pipac-biopsy-twice]" },
        { "undefined-code", "drugs.yaml", "code: J9060,", "code: J9999," },
        { "code-used-before-it-exists", "hipec.yaml", "    effective_from: 2024-01-01\n    method: time_units", "    effective_from: 2023-06-01\n    method: time_units" },
        { "zero-billing-unit", "drugs.yaml", "billing_unit_mg: 5,", "billing_unit_mg: 0," },
        { "overlapping-code-periods", "codes.yaml", "codes:\n", "codes:\n  - { system: CPT, code: \"96547\", label: \"again\", effective_from: 2025-01-01 }\n" },
        { "backwards-primary-range", "hipec.yaml", "{ from: \"49203\", to: \"49205\"", "{ from: \"49205\", to: \"49203\"" },
        { "primary-not-cpt", "hipec.yaml", "{ from: \"49255\", to: \"49255\"", "{ from: \"C78.6\", to: \"49255\"" },
        { "unknown-pipac-policy", "pipac.yaml", "policy: pipac-laparoscopy-and-unlisted-chemotherapy", "policy: pipac-something-else" },
        { "duplicate-rule-id", "drugs.yaml", "id: drug-oxaliplatin", "id: drug-mitomycin" },
        { "yaml-syntax", "notes.yaml", "notes:\n", "notes:\n  - id: [broken\n" },
        { "missing-file", "diagnoses.yaml", "", "\u0000delete" },
        { "stray-file", "extra.yaml", "", "foo: 1\n" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void BrokenRuleSet_ReportsItsExactErrors(string name, string file, string find, string replace)
    {
        using var rules = replace == "\u0000delete" ? RuleFixture.CopyOfDefault() : RuleFixture.CopyOfDefault((file, find, replace));
        if (replace == "\u0000delete")
        {
            File.Delete(Path.Combine(rules.Directory, file));
        }

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
}
