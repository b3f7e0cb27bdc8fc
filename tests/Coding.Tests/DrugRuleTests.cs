using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class DrugRuleTests
{
    private static CodingResult Outpatient(DateTime? date = null, decimal? bsa = 1.9m, params DrugAdministration[] drugs)
        => RuleSet.Default.Code(Case(Hipec(90, drugs: drugs), claim: ClaimType.FacilityOutpatient, date: date, bsa: bsa));

    private static string[] DrugLines(CodingResult result) => result.Lines.Where(l => l.Category == LineCategory.Drug).Select(l => $"{l.Code}x{l.Units}" + (l.ModifierCodes().Count == 0 ? string.Empty : " " + string.Join(" ", l.ModifierCodes()))).ToArray();

    [Theory]
    [InlineData(70, "J9280x14 JZ")]
    [InlineData(70.5, "J9280x15 JZ")]
    [InlineData(5, "J9280x1 JZ")]
    [InlineData(4.9, "J9280x1 JZ")]
    public void Units_AreTheDoseOverTheBillingUnitRoundedUp(decimal mg, string expected)
        => Assert.Equal(new[] { expected }, DrugLines(Outpatient(drugs: Drug("mitomycin", mg, opened: Math.Ceiling(mg / 5) * 5))));

    [Fact]
    public void Units_ForDosesPerSquareMetre_UseTheBodySurfaceArea()
        => Assert.Equal(new[] { "J9263x1748 JZ" }, DrugLines(Outpatient(bsa: 1.9m, drugs: DrugPerM2("oxaliplatin", 460, opened: 874))));

    [Fact]
    public void SingleDoseVial_WithDiscardedAmount_AddsAJwLineForTheDiscardedUnits()
        => Assert.Equal(new[] { "J9280x14", "J9280x2 JW" }, DrugLines(Outpatient(drugs: Drug("mitomycin", 70, opened: 80))));

    [Fact]
    public void SingleDoseVial_WithNothingDiscarded_CarriesJz()
    {
        var result = Outpatient(drugs: Drug("mitomycin", 70, opened: 70));
        Assert.Equal(new[] { "J9280x14 JZ" }, DrugLines(result));
        Assert.Contains("drug-jz-no-discard", result.Lines[^1].Notes);
    }

    [Fact]
    public void SingleDoseVial_BeforeJuly2023_HasNoJz()
        => Assert.Equal(new[] { "J9280x14" }, DrugLines(Outpatient(date: new DateTime(2023, 6, 30), drugs: Drug("mitomycin", 70, opened: 70))));

    [Fact]
    public void SingleDoseVial_LeftoverWithinTheLastUnit_IsNotADiscardedUnit()
        => Assert.Equal(new[] { "J9280x14 JZ" }, DrugLines(Outpatient(drugs: Drug("mitomycin", 66.5m, opened: 70))));

    [Fact]
    public void MultiDoseVial_HasNeitherJwNorJz()
        => Assert.Equal(new[] { "J9060x19" }, DrugLines(Outpatient(drugs: Drug("cisplatin", 190, opened: 500))));

    [Fact]
    public void InpatientClaim_ForAPayerThatWantsHcpcsDrugLines_HasThemWithoutWastageModifiers()
    {
        var result = RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycin", 70, opened: 80)), claim: ClaimType.FacilityInpatient, payer: PayerType.Commercial));
        Assert.Equal(new[] { "J9280x14" }, DrugLines(result));
        Assert.Contains("drug-inpatient-no-wastage-modifier", result.Lines[^1].Notes);
    }

    [Theory]
    [InlineData(PayerType.Medicare)]
    [InlineData(PayerType.Medicaid)]
    public void InpatientDrgClaim_HasNoDrugLines_AndSaysWhereTheChargesGo(PayerType payer)
    {
        var result = RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycin", 70, opened: 80)), claim: ClaimType.FacilityInpatient, payer: payer));
        Assert.Empty(DrugLines(result));
        Finding finding = result.Single(FindingIds.DrugNotOnThisClaim);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("025x", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InpatientDrgClaim_StillChecksTheDrugs()
        => Assert.Equal(Severity.Error, RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycine", 70)), claim: ClaimType.FacilityInpatient)).Single(FindingIds.DrugUnknown).Severity);

    [Fact]
    public void ProfessionalClaim_HasNoDrugLinesButSaysWhy()
    {
        var result = RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycin", 70, opened: 80))));
        Assert.Empty(DrugLines(result));
        Assert.Equal(Severity.Info, result.Single(FindingIds.DrugNotOnThisClaim).Severity);
    }

    [Fact]
    public void UnknownDrug_IsAnErrorAtItsName()
    {
        var result = Outpatient(drugs: Drug("unobtainium", 10));
        Finding finding = result.Single(FindingIds.DrugUnknown);
        Assert.Equal(("procedure.drugs[0].name", Severity.Error), (finding.Path, finding.Severity));
        Assert.Contains("unobtainium", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public void DrugNames_MatchAliasesWithoutRegardToCase()
        => Assert.Equal(new[] { "J9280x8 JZ" }, DrugLines(Outpatient(drugs: Drug("Mitomycin C", 40, opened: 40))));

    [Fact]
    public void DosePerSquareMetre_WithoutBodySurfaceArea_IsAnError()
        => Assert.Equal("procedure.drugs[0].dose_mg_per_m2", Outpatient(bsa: null, drugs: DrugPerM2("mitomycin", 35)).Single(FindingIds.BodySurfaceAreaMissing).Path);

    [Fact]
    public void SingleDoseVial_WithoutOpenedAmount_IsAnError()
        => Assert.Equal("procedure.drugs[0].opened_mg", Outpatient(drugs: Drug("mitomycin", 70)).Single(FindingIds.DrugOpenedMissing).Path);

    [Fact]
    public void OpenedLessThanGiven_IsAnError()
        => Assert.Equal(Severity.Error, Outpatient(drugs: Drug("mitomycin", 70, opened: 60)).Single(FindingIds.DrugOpenedLessThanGiven).Severity);

    [Fact]
    public void ZeroDose_IsAnError()
        => Assert.Equal(Severity.Error, Outpatient(drugs: Drug("mitomycin", 0, opened: 10)).Single(FindingIds.DrugZeroDose).Severity);

    [Fact]
    public void SponsorSuppliedDrug_IsListedWithoutJwOrJzAndANeverBillNote()
    {
        var result = Outpatient(drugs: Drug("mitomycin", 70, opened: 80, sponsor: true));
        Assert.Equal(new[] { "J9280x14" }, DrugLines(result));
        Assert.Contains("drug-sponsor-supplied", result.Lines[^1].Notes);
    }

    [Fact]
    public void ImplausibleBodySurfaceArea_IsAWarning()
        => Assert.Equal(Severity.Warning, Outpatient(bsa: 4.2m, drugs: Drug("mitomycin", 70, opened: 70)).Single(FindingIds.BodySurfaceAreaImplausible).Severity);

    private static CodingResult OutpatientFor(PayerType payer, params DrugAdministration[] drugs)
        => RuleSet.Default.Code(Case(Hipec(90, drugs: drugs), claim: ClaimType.FacilityOutpatient, payer: payer));

    [Theory]
    [InlineData(PayerType.Commercial)]
    [InlineData(PayerType.Medicaid)]
    [InlineData(PayerType.MedicareAdvantage)]
    public void PayerThatDoesNotRequireThem_GetsNeitherJwNorJz(PayerType payer)
    {
        var result = OutpatientFor(payer, Drug("mitomycin", 70, opened: 80));
        Assert.Equal(new[] { "J9280x14" }, DrugLines(result));
        Assert.Contains("drug-payer-no-wastage-modifier", result.Lines[^1].Notes);
        result.HasNo(FindingIds.DrugOpenedMissing);
    }

    [Fact]
    public void PackagedDrug_OnAMedicareClaim_GetsNeitherJwNorJz()
    {
        var result = OutpatientFor(PayerType.Medicare, Drug("doxorubicin", 30, opened: 50));
        Assert.Equal(new[] { "J9000x3" }, DrugLines(result));
        Assert.Contains("drug-packaged-no-wastage-modifier", result.Lines[^1].Notes);
    }

    [Fact]
    public void VialTypeGivenOnTheCase_OverridesTheDefault()
    {
        var single = OutpatientFor(PayerType.Medicare, Drug("mitomycin", 70, opened: 80));
        var multi = OutpatientFor(PayerType.Medicare, new DrugAdministration("mitomycin", Dose.FromMilligrams(70), 80, vial: VialType.MultiDose));
        Assert.Equal(new[] { "J9280x14", "J9280x2 JW" }, DrugLines(single));
        Assert.Equal(new[] { "J9280x14" }, DrugLines(multi));
        Assert.Contains("drug-multi-dose-vial", multi.Lines[^1].Notes);
    }

    [Fact]
    public void DrugSoldBothWays_WithoutAVialType_SaysTheDefaultWasUsed()
    {
        Assert.Contains("drug-vial-default", OutpatientFor(PayerType.Medicare, Drug("doxorubicin", 30)).Lines[^1].Notes);
        Assert.DoesNotContain("drug-vial-default", OutpatientFor(PayerType.Medicare, new DrugAdministration("doxorubicin", Dose.FromMilligrams(30), null, vial: VialType.SingleDose)).Lines[^1].Notes);
        Assert.DoesNotContain("drug-vial-default", OutpatientFor(PayerType.Medicare, Drug("mitomycin", 70, opened: 70)).Lines[^1].Notes);
    }

    [Theory]
    [InlineData(170.2, 170.4, "J9263x341 JZ")]
    [InlineData(170.2, 170.5, "J9263x341 JZ")]
    [InlineData(170.2, 170.6, "J9263x341|J9263x1 JW")]
    public void DiscardUnderOneBillingUnit_IsNoBillableDiscard(decimal given, decimal opened, string expected)
    {
        var result = OutpatientFor(PayerType.Medicare, Drug("oxaliplatin", given, opened: opened));
        Assert.Equal(expected.Split('|'), DrugLines(result));
    }

    [Fact]
    public void JzNote_SaysNoBillableDiscard()
        => Assert.StartsWith("No billable amount was discarded", RuleSet.Default.Notes["drug-jz-no-discard"].Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("2023-06-30", "J9280x14")]
    [InlineData("2023-07-01", "J9280x14 JZ")]
    public void Jz_IsRequiredFromTheFirstOfJuly2023(string date, string line)
        => Assert.Equal(new[] { line }, DrugLines(RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycin", 70, opened: 70)), claim: ClaimType.FacilityOutpatient, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)))));

    [Theory]
    [InlineData(null, FindingIds.DrugOpenedMissing)]
    [InlineData(60.0, FindingIds.DrugOpenedLessThanGiven)]
    public void SingleDoseDrug_WithAnOpenedAmountProblem_StillHasItsLine(double? opened, string id)
    {
        var result = Outpatient(drugs: Drug("mitomycin", 70, opened: opened is null ? null : (decimal)opened.Value));
        Assert.Equal(new[] { "J9280x14" }, DrugLines(result));
        Assert.Contains("mitomycin", result.Single(id).Message, StringComparison.Ordinal);
    }
}
