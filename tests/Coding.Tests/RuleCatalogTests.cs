using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>What a rule set can be asked about a date, so a billing UI offers choices instead of discovering DRUG001.</summary>
public sealed class RuleCatalogTests
{
    private static readonly DateTime TimeCodesStart = new(2024, 1, 1);

    [Fact]
    public void Drugs_AreFoundByNameOrAliasWhateverTheCase()
    {
        RuleCatalog catalog = RuleSet.Default.InForceOn(new DateTime(2026, 3, 14));
        Assert.Equal("mitomycin", catalog.FindDrug("MMC")!.Name);
        Assert.Equal("mitomycin", catalog.FindDrug(" Mitomycin C ")!.Name);
        Assert.Equal("J9280", catalog.FindDrug("mitomycin")!.Code);
        Assert.Equal(5m, catalog.FindDrug("mitomycin")!.BillingUnitMilligrams);
        Assert.True(catalog.FindDrug("mitomycin")!.SeparatelyPayable);
        Assert.Null(catalog.FindDrug("mitomycine"));
        Assert.Equal(catalog.Drugs.Select(d => d.Name).Order(StringComparer.Ordinal), catalog.Drugs.Select(d => d.Name));
    }

    [Fact]
    public void TimeCodes_AreInTheCatalogFromTheirFirstDayOnly()
    {
        Assert.DoesNotContain(RuleSet.Default.InForceOn(TimeCodesStart.AddDays(-1)).Codes, c => c.Code == "96547");
        Assert.Contains(RuleSet.Default.InForceOn(TimeCodesStart).Codes, c => c.Code == "96547");
        Assert.Contains(RuleSet.Default.InForceOn(TimeCodesStart.AddDays(1)).Codes, c => c.Code == "96547");
    }

    [Fact]
    public void HipecPrimaries_ComeFromTheAddOnEditsOfTheTimeCodes()
    {
        Assert.Empty(RuleSet.Default.InForceOn(TimeCodesStart.AddDays(-1)).HipecPrimaries);
        var primaries = RuleSet.Default.InForceOn(TimeCodesStart).HipecPrimaries;
        Assert.Contains(primaries, p => p.Code == "49205" && p.Label != "49205");
        Assert.DoesNotContain(primaries, p => p.Code == "49188");
        var primaries2025 = RuleSet.Default.InForceOn(new DateTime(2025, 1, 1)).HipecPrimaries;
        Assert.Contains(primaries2025, p => p.Code == "49188" && p.Label != "49188");
        Assert.DoesNotContain(primaries2025, p => p.Code == "49205");
        Assert.DoesNotContain(primaries, p => p.Code == "96548");
        Assert.Equal(primaries.Select(p => p.Code).Distinct().Count(), primaries.Count);
    }

    [Fact]
    public void BeforeTheRuleSetCovers_TheCatalogIsEmpty()
    {
        RuleCatalog catalog = RuleSet.Default.InForceOn(RuleSet.Default.CoversFrom.AddDays(-1));
        Assert.Empty(catalog.Drugs);
        Assert.Empty(catalog.Codes);
        Assert.NotEmpty(RuleSet.Default.InForceOn(RuleSet.Default.CoversFrom).Drugs);
    }

    [Fact]
    public void PayerPolicies_InForceAreListed()
        => Assert.NotEmpty(RuleSet.Default.InForceOn(new DateTime(2026, 3, 14)).PayerPolicies);
}

/// <summary>The compiler knows a successful read has its case: this test would not compile (nullable warnings are errors) otherwise.</summary>
public sealed class CaseReadResultAnnotationTests
{
    [Fact]
    public void Succeeded_TellsTheCompilerTheCaseIsThere()
    {
        var read = CaseFile.Read(System.IO.Path.Combine(Infrastructure.Paths.Examples, "hipec-crs-appendix-professional.yaml"));
        Assert.True(read.Succeeded);
        if (read.Succeeded)
        {
            Assert.Equal("crs-hipec-001", read.Case.CaseId);
        }
    }
}

/// <summary>Records that hold lists compare by value: two identical cases, lines or results are equal.</summary>
public sealed class ValueEqualityTests
{
    private static CodingCase Read(string example)
        => CaseFile.Read(System.IO.Path.Combine(Infrastructure.Paths.Examples, example)).Case!;

    [Theory]
    [InlineData("hipec-oxaliplatin-30min-outpatient.yaml")]
    [InlineData("trial-pipac-research-biopsies.yaml")]
    [InlineData("hipec-inpatient-discharge-next-fiscal-year.yaml")]
    public void TheSameCaseReadTwice_IsEqual_AndSoAreItsResults(string example)
    {
        var first = Read(example);
        var second = Read(example);
        Assert.NotSame(first, second);
        Assert.Equal(first.Diagnoses, second.Diagnoses);
        Assert.Equal(first.Procedure, second.Procedure);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        var a = RuleSet.Default.Code(first);
        var b = RuleSet.Default.Code(second);
        Assert.Equal(a.Lines, b.Lines);
        Assert.Equal(a.ClaimForm, b.ClaimForm);
        Assert.Equal(a.ClaimMarkers, b.ClaimMarkers);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void ResultsThatDiffer_AreNotEqual()
    {
        var a = RuleSet.Default.Code(Read("hipec-crs-appendix-professional.yaml"));
        var b = RuleSet.Default.Code(Read("hipec-colorectal-136min-commercial.yaml"));
        Assert.NotEqual(a, b);
        Assert.NotEqual(a.Lines, b.Lines);
    }

    [Fact]
    public void AResultReadBack_EqualsTheOneWritten()
    {
        var result = RuleSet.Default.Code(Read("pipac-oxaliplatin-medicare-jz-outpatient.yaml"));
        var back = Assert.Single(ResultJson.Read(ResultJson.Serialize(result), "r.json").Results);
        Assert.Equal(result.Lines.Select(l => l with { }).Count(), back.Lines.Count);
        Assert.Equal(result.Findings, back.Findings);
        Assert.Equal(result.Notes, back.Notes);
        Assert.Equal(result.ClaimForm, back.ClaimForm);
    }
}
