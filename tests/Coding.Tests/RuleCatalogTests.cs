using System;
using System.Linq;
using Coding.Rules;
using Xunit;

namespace Coding.Tests;

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
        var read = Coding.Cases.Reading.CaseFile.Read(System.IO.Path.Combine(Infrastructure.Paths.Examples, "hipec-crs-appendix-professional.yaml"));
        Assert.True(read.Succeeded);
        if (read.Succeeded)
        {
            Assert.Equal("crs-hipec-001", read.Case.CaseId);
        }
    }
}
