using System;
using System.Linq;
using Coding.Cases;
using Coding.Results;
using Coding.Rules;
using Coding.Tests.Infrastructure;
using Xunit;
using static Coding.Tests.Infrastructure.Cases;

namespace Coding.Tests;

/// <summary>The CMS edits (AOC, PTP, MUE, inpatient-only list), code validity and approach checks, with their boundaries.</summary>
public sealed class ClaimEditTests
{
    private static CodingResult Code(CodingCase c) => RuleSet.Default.Code(c);

    private static CodingCase Surgery(string[] primaries, ClaimType claim = ClaimType.Professional, PayerType payer = PayerType.Commercial, DateTime? date = null, string[]? diagnoses = null, string? place = null, SurgicalApproach approach = SurgicalApproach.Open)
        => new("edit-case", date ?? Date2026, claim, payer, null, diagnoses ?? new[] { "C18.1", "C78.6" }, new HipecProcedure(approach, primaries, 0, null, Coding.Quantities.Duration.FromMinutes(90), null), null, place);

    [Fact]
    public void AddOnCode_AsTheOnlyPrimary_IsAnErrorAndItsOwnPrimaryIsMissing()
    {
        var result = Code(Surgery(new[] { "44955" }));
        Assert.Equal(Severity.Error, result.Single(FindingIds.HipecPrimaryIsAddOn).Severity);
        Assert.Equal(Severity.Error, result.Single(FindingIds.AddOnWithoutPrimary).Severity);
        result.HasNo(FindingIds.HipecPrimaryNotEligible);
        Assert.False(result.Ready);
    }

    [Fact]
    public void AddOnCode_BesideItsPrimary_IsAccepted()
    {
        var result = Code(Surgery(new[] { "49205", "44955" }));
        result.HasNo(FindingIds.AddOnWithoutPrimary);
        result.HasNo(FindingIds.HipecPrimaryIsAddOn);
        result.HasNo(FindingIds.HipecPrimaryNotOnList);
        Assert.True(result.Ready);
    }

    [Theory]
    [InlineData("2026-03-13", true)]
    [InlineData("2026-03-14", true)]
    [InlineData("2026-03-15", false)]
    public void AddOnEdit_EndsWithItsLastDay(string date, bool stillAnAddOn)
    {
        using var rules = RuleFixture.CopyOfDefault(("add-on-codes.yaml", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1, effective_from: 2020-01-01 }", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1, effective_from: 2020-01-01, effective_to: 2026-03-14 }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49205", "44121" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(stillAnAddOn, result.FindingIds().Contains(FindingIds.AddOnWithoutPrimary));
    }

    [Fact]
    public void PtpIndicatorZero_IsAnErrorNamingTheCodeToDrop()
    {
        var result = Code(Surgery(new[] { "58953", "49255" }, diagnoses: new[] { "C56.9", "C78.6" }));
        Finding finding = result.Single(FindingIds.PtpNotSeparatelyReportable);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Drop 49255", finding.Message, StringComparison.Ordinal);
        Assert.Contains("NCCI PTP edits", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public void PtpOnAppendectomy_PointsTheCoderToTheAddOnCode()
    {
        var result = Code(Surgery(new[] { "49205", "44950" }));
        Assert.Contains("44955", result.Single(FindingIds.PtpNotSeparatelyReportable).Message, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Id == "ptp-incidental-appendectomy");
    }

    [Fact]
    public void PtpIndicatorOne_IsAWarningAskingForADistinctServiceModifier()
    {
        var result = Code(Surgery(new[] { "49320", "49205" }));
        Finding finding = result.Single(FindingIds.PtpModifierNeeded);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("XS", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PtpIndicatorNine_NoLongerApplies()
    {
        using var rules = RuleFixture.CopyOfDefault(("ptp-edits.yaml", "{ column1: \"58953\", column2: \"49255\", modifier: 0", "{ column1: \"58953\", column2: \"49255\", modifier: 9"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "58953", "49255" }, diagnoses: new[] { "C56.9", "C78.6" }));
        result.HasNo(FindingIds.PtpNotSeparatelyReportable);
    }

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-01-02", true)]
    public void PtpEdit_AppliesFromItsEffectiveDateOnly(string date, bool applies)
    {
        using var rules = RuleFixture.CopyOfDefault(("ptp-edits.yaml", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01 }", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2025-01-01 }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "58953", "49255" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), diagnoses: new[] { "C56.9", "C78.6" }));
        Assert.Equal(applies, result.FindingIds().Contains(FindingIds.PtpNotSeparatelyReportable));
    }

    [Fact]
    public void PtpEdit_EndsWithItsLastDay()
    {
        using var rules = RuleFixture.CopyOfDefault(("ptp-edits.yaml", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01 }", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01, effective_to: 2026-03-14 }"));
        var loaded = RuleSet.Load(rules.Directory);
        Assert.Contains(FindingIds.PtpNotSeparatelyReportable, loaded.Code(Surgery(new[] { "58953", "49255" }, date: new DateTime(2026, 3, 14), diagnoses: new[] { "C56.9" })).FindingIds());
        Assert.DoesNotContain(FindingIds.PtpNotSeparatelyReportable, loaded.Code(Surgery(new[] { "58953", "49255" }, date: new DateTime(2026, 3, 15), diagnoses: new[] { "C56.9" })).FindingIds());
    }

    [Fact]
    public void PtpEdits_DoNotApplyToInpatientClaims()
        => Code(Surgery(new[] { "58953", "49255" }, claim: ClaimType.FacilityInpatient, diagnoses: new[] { "C56.9" })).HasNo(FindingIds.PtpNotSeparatelyReportable);

    [Fact]
    public void Mue_AtTheLimit_IsAccepted_AndOneUnitMore_IsAnError()
    {
        Code(Surgery(new[] { "49205" }, claim: ClaimType.FacilityOutpatient)).HasNo(FindingIds.MueExceeded);
        Finding finding = Code(Surgery(new[] { "49205", "49205" }, claim: ClaimType.FacilityOutpatient)).Single(FindingIds.MueExceeded);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("allows 1 per day", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mue_LineEdit_ComparesEachLineNotTheDay()
    {
        using var rules = RuleFixture.CopyOfDefault(("mue.yaml", "{ code: \"49205\", max_units: 1, adjudication: 2", "{ code: \"49205\", max_units: 1, adjudication: 1"));
        RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49205", "49205" })).HasNo(FindingIds.MueExceeded);
    }

    [Theory]
    [InlineData(PayerType.Medicare, ClaimType.FacilityOutpatient, true)]
    [InlineData(PayerType.Commercial, ClaimType.FacilityOutpatient, false)]
    [InlineData(PayerType.Medicare, ClaimType.FacilityInpatient, false)]
    public void InpatientOnlyCode_OnAMedicareOutpatientClaim_IsAnError(PayerType payer, ClaimType claim, bool error)
        => Assert.Equal(error, Code(Surgery(new[] { "44140" }, claim: claim, payer: payer)).FindingIds().Contains(FindingIds.InpatientOnlyOnOutpatientClaim));

    [Theory]
    [InlineData("22", true)]
    [InlineData("21", false)]
    [InlineData(null, false)]
    public void InpatientOnlyCode_OnAProfessionalClaimWithAnOutpatientPlace_IsAWarning(string? place, bool warning)
    {
        var result = Code(Surgery(new[] { "49205" }, payer: PayerType.Medicare, place: place));
        Assert.Equal(warning, result.FindingIds().Contains(FindingIds.InpatientOnlyOutpatientPlace));
        Assert.True(result.Ready);
    }

    [Fact]
    public void OpenCode_OnALaparoscopicCase_IsAWarning()
    {
        var result = Code(Surgery(new[] { "44204", "49255" }, approach: SurgicalApproach.Laparoscopic));
        Finding finding = result.Single(FindingIds.ApproachMismatch);
        Assert.Equal("procedure.primary_procedures[1]", finding.Path);
    }

    [Theory]
    [InlineData("C56", FindingIds.DiagnosisNotBillable)]
    [InlineData("C78", FindingIds.DiagnosisNotBillable)]
    [InlineData("C78.60", FindingIds.DiagnosisUnknown)]
    [InlineData("C18.A", FindingIds.DiagnosisUnknown)]
    public void Diagnosis_ThatIsNotABillableCode_IsAnError(string code, string id)
    {
        var result = Code(Surgery(new[] { "49205" }, diagnoses: new[] { code, "C78.6" }));
        Assert.Equal(Severity.Error, result.Single(id).Severity);
        Assert.False(result.Ready);
    }

    [Fact]
    public void Diagnosis_OutsideTheShippedFamilies_IsReportedAsNotChecked()
    {
        var result = Code(Surgery(new[] { "49205" }, diagnoses: new[] { "C18.1", "E43", "I10" }));
        Finding finding = result.Single(FindingIds.DiagnosisNotChecked);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.StartsWith("E43, I10 are outside", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Ready);
    }

    [Theory]
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)]
    public void Diagnosis_DeletedAtAFiscalYearEnd_IsValidUpToItsLastDay(string date, bool valid)
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10cm.yaml", "{ code: C18.2, billable: true, effective_from: 2019-10-01 }", "{ code: C18.2, billable: true, effective_from: 2019-10-01, effective_to: 2025-09-30 }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49205" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), diagnoses: new[] { "C18.2", "C78.6" }));
        Assert.Equal(valid, !result.FindingIds().Contains(FindingIds.DiagnosisNotInForce));
    }

    [Theory]
    [InlineData(2025, 9, 30, 2025)]
    [InlineData(2025, 10, 1, 2026)]
    public void FiscalYear_StartsOnTheFirstOfOctober(int year, int month, int day, int fiscalYear)
        => Assert.Equal(fiscalYear, Coding.Engine.DiagnosisChecker.FiscalYear(new DateTime(year, month, day)));

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    public void HipecAddOnPrimaries_ComeFromTheAocTableFromTheCodesFirstDay(string date, bool checkedAgainstAoc)
    {
        var result = Code(Surgery(new[] { "47600" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(checkedAgainstAoc, result.FindingIds().Contains(FindingIds.HipecPrimaryNotEligible));
    }

    [Fact]
    public void PlaceOfService_OnAFacilityClaim_IsAReadError()
    {
        var read = Coding.Cases.Reading.CaseFile.Parse("case_id: x\ndate_of_service: 2026-03-14\nclaim: facility_outpatient\npayer: medicare\nplace_of_service: \"22\"\ndiagnoses: [C78.6]\nprocedure: { kind: pipac, cycle: 1, exposure_minutes: 30 }\n", "case.yaml", Coding.Documents.DocumentFormat.Yaml);
        Assert.False(read.Succeeded);
        Assert.Equal("case.yaml:5:19: CASE002", read.Errors.Single().ToString()[..23]);
    }
}
