using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class HipecRuleTests
{
    private static CodingResult Code(CodingCase c) => RuleSet.Default.Code(c);

    [Theory]
    [InlineData(30, new string[] { "49188x1" })]
    [InlineData(31, new[] { "49188x1", "96547x1" })]
    [InlineData(75, new[] { "49188x1", "96547x1" })]
    [InlineData(76, new[] { "49188x1", "96547x1", "96548x1" })]
    [InlineData(105, new[] { "49188x1", "96547x1", "96548x1" })]
    [InlineData(106, new[] { "49188x1", "96547x1", "96548x2" })]
    [InlineData(135, new[] { "49188x1", "96547x1", "96548x2" })]
    [InlineData(136, new[] { "49188x1", "96547x1", "96548x3" })]
    public void TimeCodes_FollowTheMidPointBands(double minutes, string[] expected)
        => Assert.Equal(expected, Code(Case(Hipec(minutes))).Lines());

    [Fact]
    public void Perfusion_OfThirtyMinutes_WarnsThatNoTimeCodeIsReportable()
    {
        var result = Code(Case(Hipec(30)));
        Finding finding = result.Single(FindingIds.HipecTooShort);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("procedure.perfusion_minutes", finding.Path);
        Assert.Equal("hipec-time-units", finding.Rule);
        Assert.True(result.Ready);
    }

    [Fact]
    public void TimeLines_NameTheirRuleAndCategory()
    {
        var result = Code(Case(Hipec(90)));
        Assert.All(result.Lines.Skip(1), l => Assert.Equal(("hipec-time-units", LineCategory.Hipec, CodeSystem.Cpt), (l.Rule, l.Category, l.System)));
        Assert.Equal(LineCategory.PrimarySurgery, result.Lines[0].Category);
        Assert.Equal(RuleSet.Default.Version, result.RulesVersion);
    }

    [Fact]
    public void SeparateIncisions_AddTheIncludedNoteToTheFirstHour()
    {
        var withIncision = Code(Case(Hipec(90, incisions: 1)));
        var without = Code(Case(Hipec(90)));
        Assert.Contains("hipec-incisions-included", withIncision.Lines[1].Notes);
        Assert.DoesNotContain("hipec-incisions-included", without.Lines[1].Notes);
        Assert.Equal(without.Lines(), withIncision.Lines());
    }

    [Fact]
    public void NoPrimaryProcedure_IsAnError()
    {
        var result = Code(Case(Hipec(90, primaries: Array.Empty<string>())));
        Assert.Equal(Severity.Error, result.Single(FindingIds.HipecPrimaryMissing).Severity);
        Assert.False(result.Ready);
    }

    [Fact]
    public void NoEligiblePrimary_IsAnErrorOnceTheAddOnListIsConfirmed()
    {
        using var rules = RuleFixture.CopyOfDefaultConfirming(new[] { "add-on-codes.yaml" });
        var result = RuleSet.Load(rules.Directory).Code(Case(Hipec(90, primaries: new[] { "47600" })));
        Finding finding = result.Single(FindingIds.HipecPrimaryNotEligible);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.DoesNotContain("not confirmed", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public void NoEligiblePrimary_OnAnUnconfirmedAddOnList_IsAWarningThatSaysTheListIsUnconfirmed()
    {
        var result = Code(Case(Hipec(90, primaries: new[] { "47600" })));
        Finding finding = result.Single(FindingIds.HipecPrimaryNotEligible);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("The list is not confirmed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneIneligiblePrimaryBesideAnEligibleOne_IsAWarningAndStaysOnTheClaim()
    {
        var result = Code(Case(Hipec(90, primaries: new[] { "49188", "47600" })));
        Finding finding = result.Single(FindingIds.HipecPrimaryNotOnList);
        Assert.Equal(("procedure.primary_procedures[1]", Severity.Warning), (finding.Path, finding.Severity));
        Assert.Equal(new[] { "49188x1", "47600x1", "96547x1", "96548x1" }, result.Lines());
        Assert.True(result.Ready);
    }

    [Fact]
    public void MalformedPrimary_IsAnErrorAndGetsNoLine()
    {
        var result = Code(Case(Hipec(90, primaries: new[] { "49188", "4920" })));
        Assert.Equal("procedure.primary_procedures[1]", result.Single(FindingIds.HipecPrimaryMalformed).Path);
        Assert.Equal(new[] { "49188x1", "96547x1", "96548x1" }, result.Lines());
    }

    [Theory]
    [InlineData(41.0, 43.0, null)]
    [InlineData(40.0, 42.0, FindingIds.HipecTemperatureOutsideBand)]
    [InlineData(42.0, 43.5, FindingIds.HipecTemperatureOutsideBand)]
    [InlineData(25.0, 42.0, FindingIds.TemperatureImplausible)]
    [InlineData(42.0, 55.0, FindingIds.TemperatureImplausible)]
    public void Temperature_IsCheckedAgainstTheBandsInTheData(double min, double max, string? expected)
    {
        var result = Code(Case(Hipec(90, minC: min, maxC: max)));
        result.HasNo(expected == FindingIds.TemperatureImplausible ? FindingIds.HipecTemperatureOutsideBand : FindingIds.TemperatureImplausible);
        if (expected is null)
        {
            result.HasNo(FindingIds.HipecTemperatureOutsideBand);
            return;
        }

        Finding finding = result.Single(expected);
        Assert.Equal(expected == FindingIds.TemperatureImplausible ? Severity.Error : Severity.Warning, finding.Severity);
        Assert.Equal("procedure.temperature_c", finding.Path);
        Assert.Equal(new[] { "49188x1", "96547x1", "96548x1" }, result.Lines());
    }

    [Fact]
    public void MissingTemperature_IsAWarning()
        => Assert.Equal(Severity.Warning, Code(Case(Hipec(90, noTemperature: true))).Single(FindingIds.TemperatureMissing).Severity);

    [Fact]
    public void Before2024_UsesTheUnlistedChemotherapyCode()
    {
        var result = Code(Case(Hipec(136), date: new DateTime(2023, 12, 31)));
        Assert.Equal(new[] { "49188x1", "96549x1" }, result.Lines());
        Assert.Contains("hipec-before-2024", result.Lines[1].Notes);
    }

    [Fact]
    public void From2024_UsesTheHipecTimeCodes()
        => Assert.Equal(new[] { "49188x1", "96547x1", "96548x1" }, Code(Case(Hipec(90), date: new DateTime(2024, 1, 1))).Lines());

    [Fact]
    public void BeforeTheRuleSetCoversFrom_IsAnError()
    {
        var result = Code(Case(Hipec(90), date: new DateTime(2019, 6, 1)));
        Assert.Equal(Severity.Error, result.Single(FindingIds.NoRuleInForce).Severity);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void InpatientClaim_WithoutTheSurgerysPcsCodes_IsNotReady()
    {
        var result = Code(Case(Hipec(90), claim: ClaimType.FacilityInpatient));
        Assert.Equal(new[] { "3E0M30Yx1" }, result.Lines());
        Assert.Equal(CodeSystem.Icd10Pcs, result.Lines[0].System);
        Finding finding = result.Single(FindingIds.InpatientSurgeryCodes);
        Assert.Equal((Severity.Error, "procedure.pcs_procedures"), (finding.Severity, finding.Path));
        Assert.Contains("surgical DRG", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    private static HipecProcedure WithPcs(params string[] codes)
        => new(SurgicalApproach.Open, new[] { "49188" }, 0, TemperatureRange.FromCelsius(41.5, 42.5), Duration.FromMinutes(90), null, codes);

    [Fact]
    public void InpatientClaim_PutsTheSurgerysPcsCodesFirstInTheOrderGiven()
    {
        var result = Code(Case(WithPcs("0DTU0ZZ", "0DBW0ZZ"), claim: ClaimType.FacilityInpatient, details: Stay("C78.6")));
        Assert.Equal(new[] { "0DTU0ZZx1", "0DBW0ZZx1", "3E0M30Yx1" }, result.Lines());
        Assert.All(result.Lines, l => Assert.Equal(CodeSystem.Icd10Pcs, l.System));
        result.HasNo(FindingIds.InpatientSurgeryCodes);
        Assert.True(result.Ready);
    }

    [Fact]
    public void InpatientPipac_PutsFurtherPcsCodesAfterItsOwn()
    {
        var pipac = new PipacProcedure(SurgicalApproach.Laparoscopic, 1, Duration.FromMinutes(30), null, null, 0, null, null, null, new[] { "0DTU0ZZ" });
        Assert.Equal(new[] { "3E0M305x1", "0DTU0ZZx1" }, Code(Case(pipac, claim: ClaimType.FacilityInpatient)).Lines());
    }

    [Fact]
    public void CasePcsCode_OutsideTheTable_IsNotChecked_AndOneInAFamilyButUnknown_IsAnError()
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10pcs.yaml", "families: [", "families: [0DT, "));
        var loaded = RuleSet.Load(rules.Directory);
        var notChecked = loaded.Code(Case(WithPcs("0DN80ZZ"), claim: ClaimType.FacilityInpatient));
        Assert.Equal((Severity.Info, "procedure.pcs_procedures[0]"), (notChecked.Single(FindingIds.PcsCodeNotChecked).Severity, notChecked.Single(FindingIds.PcsCodeNotChecked).Path));
        var unknown = loaded.Code(Case(WithPcs("0DBW0ZZ", "0DTZ0ZZ"), claim: ClaimType.FacilityInpatient));
        Finding finding = unknown.Single(FindingIds.PcsCodeInvalid);
        Assert.Equal((Severity.Error, "procedure.pcs_procedures[1]"), (finding.Severity, finding.Path));
    }

    [Theory]
    [InlineData("2026-09-30", false)]
    [InlineData("2026-10-01", true)]
    public void InpatientCodeValidity_FollowsTheDischargeDatesFiscalYear(string discharge, bool invalid)
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10pcs.yaml", "{ code: 0DTU0ZZ, billable: true, effective_from: 2019-10-01, source: pcs-keyed }", "{ code: 0DTU0ZZ, billable: true, effective_from: 2019-10-01, effective_to: 2026-09-30, source: pcs-keyed }"),
            ("codes.yaml", "code: \"0DTU0ZZ\", label: \"Resection of omentum, open\", effective_from: 2020-01-01,", "code: \"0DTU0ZZ\", label: \"Resection of omentum, open\", effective_from: 2020-01-01, effective_to: 2026-09-30,"));
        var c = new CodingCase("ip", new DateTime(2026, 9, 25), ClaimType.FacilityInpatient, PayerType.Medicare, null, new[] { "C18.1", "C78.6" }, WithPcs("0DTU0ZZ"), null, null, new ClaimDetails(DateTime.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture)));
        var result = RuleSet.Load(rules.Directory).Code(c);
        Assert.Equal(invalid, result.FindingIds().Contains(FindingIds.PcsCodeInvalid));
        if (invalid)
        {
            Assert.Contains("fiscal year 2027, which the discharge date falls in", result.Single(FindingIds.PcsCodeInvalid).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OperativeReportPcsCodes_CarryTheirLabelFromTheCodeTable_OrSayWhereTheyCameFrom()
    {
        var c = new CodingCase("ip", new DateTime(2026, 3, 14), ClaimType.FacilityInpatient, PayerType.Commercial, null, new[] { "C18.1", "C78.6" }, WithPcs("0DBW0ZZ", "0DJW4ZZ"), null, null, new ClaimDetails(new DateTime(2026, 3, 20)));
        var labels = RuleSet.Default.Code(c).Lines.Where(l => l.System == CodeSystem.Icd10Pcs).Select(l => (l.Code, l.Label, l.Rule)).ToArray();
        Assert.Equal(("0DBW0ZZ", "Excision of peritoneum, open", "hipec-pcs"), labels[0]);
        Assert.Equal(("0DJW4ZZ", "Procedure from the operative report", "hipec-pcs"), labels[1]);
    }

    [Fact]
    public void PrimarySurgeryLine_NamesItsOwnRule_NotTheTimeRule()
        => Assert.Equal(new[] { ("49188", "hipec-primary-surgery"), ("96547", "hipec-time-units"), ("96548", "hipec-time-units") }, Code(Case(Hipec(90))).Lines.Select(l => (l.Code, l.Rule)));

    [Fact]
    public void OutpatientFacilityClaim_CarriesCpt()
        => Assert.Equal(new[] { "49188x1", "96547x1", "96548x1" }, Code(Case(Hipec(90), claim: ClaimType.FacilityOutpatient)).Lines());
}
