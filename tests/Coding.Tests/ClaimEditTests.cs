using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>The CMS edits (AOC, PTP, MUE, inpatient-only list), code validity and approach checks, with their boundaries.</summary>
public sealed class ClaimEditTests
{
    private static CodingResult Code(CodingCase c) => RuleSet.Default.Code(c);

    private static CodingCase Surgery(string[] primaries, ClaimType claim = ClaimType.Professional, PayerType payer = PayerType.Commercial, DateTime? date = null, string[]? diagnoses = null, string? place = null, SurgicalApproach approach = SurgicalApproach.Open)
        => new("edit-case", date ?? Date2026, claim, payer, null, diagnoses ?? new[] { "C18.1", "C78.6" }, new HipecProcedure(approach, primaries, 0, null, Duration.FromMinutes(90), null), null, place);

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
        var result = Code(Surgery(new[] { "49188", "44955" }));
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
        using var rules = RuleFixture.CopyOfDefault(("add-on-codes.yaml", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1, effective_from: 2020-01-01, effective_to: 2026-03-14, source: aoc-keyed }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188", "44121" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(stillAnAddOn, result.FindingIds().Contains(FindingIds.AddOnWithoutPrimary));
    }

    [Fact]
    public void PtpIndicatorZero_FromAnUnconfirmedRow_IsAWarningThatSaysTheRowIsUnconfirmed()
    {
        var result = Code(Surgery(new[] { "58953", "49255" }, diagnoses: new[] { "C56.9", "C78.6" }));
        Finding finding = result.Single(FindingIds.PtpNotSeparatelyReportable);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("row unconfirmed", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Ready);
    }

    [Fact]
    public void PtpIndicatorZero_FromAConfirmedRow_IsAnErrorNamingTheCodeToDrop()
    {
        using var rules = RuleFixture.CopyOfDefaultConfirming(new[] { "ptp-edits.yaml" });
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "58953", "49255" }, diagnoses: new[] { "C56.9", "C78.6" }));
        Finding finding = result.Single(FindingIds.PtpNotSeparatelyReportable);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Drop 49255", finding.Message, StringComparison.Ordinal);
        Assert.Contains("NCCI PTP edits", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public void PtpOnAppendectomy_PointsTheCoderToTheAddOnCode()
    {
        var result = Code(Surgery(new[] { "49188", "44950" }));
        Assert.Contains("44955", result.Single(FindingIds.PtpNotSeparatelyReportable).Message, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Id == "ptp-incidental-appendectomy");
    }

    [Fact]
    public void PtpIndicatorOne_IsAWarningAskingForADistinctServiceModifier()
    {
        var result = Code(Surgery(new[] { "49320", "49188" }));
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
        using var rules = RuleFixture.CopyOfDefault(("ptp-edits.yaml", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01, source: ptp-keyed }", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2025-01-01, source: ptp-keyed }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "58953", "49255" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), diagnoses: new[] { "C56.9", "C78.6" }));
        Assert.Equal(applies, result.FindingIds().Contains(FindingIds.PtpNotSeparatelyReportable));
    }

    [Fact]
    public void PtpEdit_EndsWithItsLastDay()
    {
        using var rules = RuleFixture.CopyOfDefault(("ptp-edits.yaml", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01, source: ptp-keyed }", "{ column1: \"58953\", column2: \"49255\", modifier: 0, effective_from: 2020-01-01, effective_to: 2026-03-14, source: ptp-keyed }"));
        var loaded = RuleSet.Load(rules.Directory);
        Assert.Contains(FindingIds.PtpNotSeparatelyReportable, loaded.Code(Surgery(new[] { "58953", "49255" }, date: new DateTime(2026, 3, 14), diagnoses: new[] { "C56.9" })).FindingIds());
        Assert.DoesNotContain(FindingIds.PtpNotSeparatelyReportable, loaded.Code(Surgery(new[] { "58953", "49255" }, date: new DateTime(2026, 3, 15), diagnoses: new[] { "C56.9" })).FindingIds());
    }

    [Fact]
    public void PtpEdits_DoNotApplyToInpatientClaims()
        => Code(Surgery(new[] { "58953", "49255" }, claim: ClaimType.FacilityInpatient, diagnoses: new[] { "C56.9" })).HasNo(FindingIds.PtpNotSeparatelyReportable);

    [Fact]
    public void Mue_AtTheLimit_IsAccepted_AndOneUnitMore_IsAnErrorOnceTheRowIsConfirmed()
    {
        using var rules = RuleFixture.CopyOfDefaultConfirming(new[] { "mue.yaml" });
        var confirmed = RuleSet.Load(rules.Directory);
        confirmed.Code(Surgery(new[] { "49188" }, claim: ClaimType.FacilityOutpatient)).HasNo(FindingIds.MueExceeded);
        Finding finding = confirmed.Code(Surgery(new[] { "49188", "49188" }, claim: ClaimType.FacilityOutpatient)).Single(FindingIds.MueExceeded);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("allows 1 per day", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unconfirmed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mue_FromAnUnconfirmedRow_IsAWarningThatSaysSo_NeverAnError()
    {
        Finding finding = Code(Surgery(new[] { "49188", "49188" }, claim: ClaimType.FacilityOutpatient)).Single(FindingIds.MueExceeded);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("row unconfirmed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MueOf96548_IsAPlaceholder_SoEightUnitsWarnAndTheClaimStaysReady()
    {
        // 300 minutes: 96547 x1 and 96548 x8, above the placeholder MUE of 6.
        var result = Code(new CodingCase("edit-case", Date2026, ClaimType.Professional, PayerType.Commercial, null, new[] { "C18.1", "C78.6" }, new HipecProcedure(SurgicalApproach.Open, new[] { "49188" }, 0, null, Duration.FromMinutes(300), null, tumorLengthSum: Length.FromCentimetres(12m)), null, "21"));
        Finding finding = result.Single(FindingIds.MueExceeded);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("96548: 8 units", finding.Message, StringComparison.Ordinal);
        Assert.Contains("row unconfirmed (Placeholder value for 96548", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Ready);
    }

    [Fact]
    public void Mue_LineEdit_ComparesEachLineNotTheDay()
    {
        using var rules = RuleFixture.CopyOfDefault(("mue.yaml", "{ code: \"49188\", max_units: 1, adjudication: 2", "{ code: \"49188\", max_units: 1, adjudication: 1"));
        RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188", "49188" })).HasNo(FindingIds.MueExceeded);
    }

    [Theory]
    [InlineData(PayerType.Medicare, ClaimType.FacilityOutpatient, true)]
    [InlineData(PayerType.Commercial, ClaimType.FacilityOutpatient, false)]
    [InlineData(PayerType.Medicare, ClaimType.FacilityInpatient, false)]
    public void InpatientOnlyCode_OnAMedicareOutpatientClaim_IsFlagged(PayerType payer, ClaimType claim, bool error)
        => Assert.Equal(error, Code(Surgery(new[] { "44140" }, claim: claim, payer: payer)).FindingIds().Contains(FindingIds.InpatientOnlyOnOutpatientClaim));

    [Theory]
    [InlineData(true, Severity.Error)]
    [InlineData(false, Severity.Warning)]
    public void InpatientOnlyCode_OnAMedicareOutpatientClaim_IsAnErrorOnlyFromAConfirmedRow(bool confirmed, Severity severity)
    {
        using var rules = confirmed ? RuleFixture.CopyOfDefaultConfirming(new[] { "inpatient-only.yaml" }) : RuleFixture.CopyOfDefault();
        Finding finding = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "44140" }, claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare)).Single(FindingIds.InpatientOnlyOnOutpatientClaim);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(!confirmed, finding.Message.Contains("row unconfirmed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("22", true)]
    [InlineData("21", false)]
    [InlineData(null, false)]
    public void InpatientOnlyCode_OnAProfessionalClaimWithAnOutpatientPlace_IsAWarning(string? place, bool warning)
    {
        var result = Code(Surgery(new[] { "49188" }, payer: PayerType.Medicare, place: place));
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
        var result = Code(Surgery(new[] { "49188" }, diagnoses: new[] { code, "C78.6" }));
        Assert.Equal(Severity.Error, result.Single(id).Severity);
        Assert.False(result.Ready);
    }

    [Fact]
    public void Diagnosis_OutsideTheShippedFamilies_IsReportedAsNotChecked()
    {
        var result = Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C18.1", "E43", "I10" }));
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
        using var rules = RuleFixture.CopyOfDefault(("icd10cm.yaml", "{ code: C18.2, billable: true, effective_from: 2019-10-01, source: cm-keyed }", "{ code: C18.2, billable: true, effective_from: 2019-10-01, effective_to: 2025-09-30, source: cm-keyed }"));
        var result = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188" }, date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), diagnoses: new[] { "C18.2", "C78.6" }));
        Assert.Equal(valid, !result.FindingIds().Contains(FindingIds.DiagnosisNotInForce));
    }

    [Theory]
    [InlineData(2025, 9, 30, 2025)]
    [InlineData(2025, 10, 1, 2026)]
    public void FiscalYear_StartsOnTheFirstOfOctober(int year, int month, int day, int fiscalYear)
        => Assert.Equal(fiscalYear, IntraperitonealCoding.Engine.DiagnosisChecker.FiscalYear(new DateTime(year, month, day)));

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
        var read = CaseFile.Parse("case_id: x\ndate_of_service: 2026-03-14\nclaim: facility_outpatient\npayer: medicare\nplace_of_service: \"22\"\ndiagnoses: [C78.6]\nprocedure: { kind: pipac, cycle: 1, exposure_minutes: 30 }\n", "case.yaml", DocumentFormat.Yaml);
        Assert.False(read.Succeeded);
        Assert.Equal("case.yaml:5:19: CASE002", read.Errors.Single().ToString()[..23]);
    }

    private static CodingCase WithDrug(DrugAdministration drug, string[]? primaries = null)
        => new("edit-case", Date2026, ClaimType.FacilityOutpatient, PayerType.Medicare, null, new[] { "C18.1", "C78.6" }, new HipecProcedure(SurgicalApproach.Open, primaries ?? new[] { "49188" }, 0, null, Duration.FromMinutes(90), new[] { drug }));

    [Fact]
    public void Edits_IgnoreLinesThatGoOnNoClaim()
    {
        // Both 49188 lines are the sponsor's: they go on no insurer claim, so the MUE does not count them.
        var trial = new ClinicalTrial("NCT04329494", true, null, null, new[] { LineCategory.PrimarySurgery });
        var c = new CodingCase("edit-case", Date2026, ClaimType.FacilityOutpatient, PayerType.Commercial, null, new[] { "C18.1", "C78.6" }, new HipecProcedure(SurgicalApproach.Open, new[] { "49188", "49188" }, 0, null, Duration.FromMinutes(90), null), trial);
        Code(c).HasNo(FindingIds.MueExceeded);
    }

    [Theory]
    [InlineData(1, 7, true, "per claim line")]
    [InlineData(1, 8, false, null)]
    [InlineData(2, 9, true, "indicator 2")]
    [InlineData(2, 10, false, null)]
    [InlineData(3, 9, true, "indicator 3, a clinical limit")]
    public void Mue_CountsTheLargestLineForALineEdit_AndTheDayForTheOthers(int adjudication, int max, bool exceeded, string? wording)
    {
        // 40 mg of mitomycin given (8 units of 5 mg) from 50 mg opened: an 8-unit line and a 2-unit JW line, 10 in the day.
        using var rules = RuleFixture.CopyOfDefault(("mue.yaml", "practitioner:\n", $"practitioner:\n  - {{ code: J9280, max_units: {max}, adjudication: {adjudication}, effective_from: 2020-01-01, source: mue-keyed }}\n"), ("mue.yaml", "outpatient_hospital:\n", $"outpatient_hospital:\n  - {{ code: J9280, max_units: {max}, adjudication: {adjudication}, effective_from: 2020-01-01, source: mue-keyed }}\n"));
        var result = RuleSet.Load(rules.Directory).Code(WithDrug(Drug("mitomycin", 40, opened: 50)));
        Assert.Equal(new[] { "49188x1", "96547x1", "96548x1", "J9280x8", "J9280x2 JW" }, result.Lines());
        Assert.Equal(exceeded, result.FindingIds().Contains(FindingIds.MueExceeded));
        if (wording is not null)
        {
            Assert.Contains(wording, result.Single(FindingIds.MueExceeded).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mue_OfZero_ReportsOneUnitInTheSingular()
    {
        using var rules = RuleFixture.CopyOfDefault(("mue.yaml", "{ code: \"49188\", max_units: 1, adjudication: 2, effective_from: 2025-01-01, source: carried-forward-2025 }", "{ code: \"49188\", max_units: 0, adjudication: 2, effective_from: 2025-01-01, source: carried-forward-2025 }"));
        Assert.StartsWith("49188: 1 unit on this claim", RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188" })).Single(FindingIds.MueExceeded).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOnCode_OfTypeTwoOnly_IsAWarningThatNamesItsType()
    {
        using var rules = RuleFixture.CopyOfDefault(("add-on-codes.yaml", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 2"));
        Finding finding = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188", "44121" })).Single(FindingIds.AddOnWithoutPrimary);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("(AOC type 2)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("primary codes (44120)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOnCode_WithATypeOneEdit_IsAnErrorEvenBesideTypeTwoEdits()
    {
        using var rules = RuleFixture.CopyOfDefaultConfirming(new[] { "add-on-codes.yaml" }, ("add-on-codes.yaml", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }", "{ add_on: \"44121\", primary: \"44120\", aoc_type: 2, effective_from: 2020-01-01, source: aoc-keyed }\n  - { add_on: \"44121\", primary: \"44125\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }"));
        Finding finding = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188", "44121" })).Single(FindingIds.AddOnWithoutPrimary);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("(AOC type 1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOnCode_BesideOtherSurgery_WithUnconfirmedEdits_IsAWarningThatSaysSo()
    {
        Finding finding = Code(Surgery(new[] { "49188", "44121" })).Single(FindingIds.AddOnWithoutPrimary);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("rows unconfirmed", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void AddOnFinding_ListsUpToEightPrimaries(int primaries, bool more)
    {
        // 44139 has seven primaries (44140-44147); the fixture adds one or two more.
        string extra = string.Concat(new[] { "44150", "44151" }.Take(primaries - 7).Select(p => $"\n  - {{ add_on: \"44139\", primary: \"{p}\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }}"));
        using var rules = RuleFixture.CopyOfDefault(("add-on-codes.yaml", "{ add_on: \"44139\", primary: \"44140\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }", "{ add_on: \"44139\", primary: \"44140\", aoc_type: 1, effective_from: 2020-01-01, source: aoc-keyed }" + extra));
        string message = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188", "44139" })).Single(FindingIds.AddOnWithoutPrimary).Message;
        Assert.Equal(more, message.Contains(" and 1 more)", StringComparison.Ordinal));
        Assert.Contains("44147", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOnCode_GivenTwice_IsReportedOnce()
        => Assert.Single(Code(Surgery(new[] { "49188", "44121", "44121" })).Findings, f => f.Id == FindingIds.AddOnWithoutPrimary);

    [Fact]
    public void InpatientOnlyCode_GivenTwice_IsReportedOnce()
        => Assert.Single(Code(Surgery(new[] { "44140", "44140" }, claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare)).Findings, f => f.Id == FindingIds.InpatientOnlyOnOutpatientClaim);

    [Theory]
    [InlineData(ClaimType.Professional, "practitioner table")]
    [InlineData(ClaimType.FacilityOutpatient, "outpatient hospital table")]
    public void PtpFinding_NamesTheTableOfTheClaimType(ClaimType claim, string table)
        => Assert.Contains(table, Code(Surgery(new[] { "58953", "49255" }, claim: claim, diagnoses: new[] { "C56.9" })).Single(FindingIds.PtpNotSeparatelyReportable).Message, StringComparison.Ordinal);

    [Fact]
    public void HeaderWithTenCodes_ListsThemAll_AndALongerListIsCut()
    {
        Assert.EndsWith("(C18.0, C18.1, C18.2, C18.3, C18.4, C18.5, C18.6, C18.7, C18.8, C18.9). [ICD-10-CM: CMS ICD-10-CM order file, FY2027]", Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C18" })).Single(FindingIds.DiagnosisNotBillable).Message, StringComparison.Ordinal);
        Finding cut = Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C57" })).Single(FindingIds.DiagnosisNotBillable);
        Assert.Contains("C57.22, C57.3, ...)", cut.Message, StringComparison.Ordinal);
        Assert.Equal(("icd10cm", "diagnoses[0]"), (cut.Rule, cut.Path));
    }

    [Fact]
    public void HeaderFinding_ListsOnlyCodesInForceOnTheDate()
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10cm.yaml", "{ code: C18.2, billable: true, effective_from: 2019-10-01, source: cm-keyed }", "{ code: C18.2, billable: true, effective_from: 2019-10-01, effective_to: 2025-09-30, source: cm-keyed }"));
        string message = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C18" })).Single(FindingIds.DiagnosisNotBillable).Message;
        Assert.Contains("(C18.0, C18.1, C18.3,", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosisNotInForce_SaysWhenTheCodeWasValid()
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10cm.yaml", "{ code: C18.2, billable: true, effective_from: 2019-10-01, source: cm-keyed }", "{ code: C18.2, billable: true, effective_from: 2019-10-01, effective_to: 2025-09-30, source: cm-keyed }"));
        Finding finding = RuleSet.Load(rules.Directory).Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C18.2" })).Single(FindingIds.DiagnosisNotInForce);
        Assert.StartsWith("C18.2 is an ICD-10-CM code in FY2020 to FY2025 only (2019-10-01 to 2025-09-30); it is not valid in fiscal year 2026", finding.Message, StringComparison.Ordinal);
        Assert.Equal("icd10cm", finding.Rule);
    }

    [Fact]
    public void OneDiagnosisNotChecked_IsWordedInTheSingular()
        => Assert.StartsWith("E43 is outside the ICD-10-CM families this rule set ships (", Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C18.1", "E43" })).Single(FindingIds.DiagnosisNotChecked).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(new[] { "C56.9" }, "The case lists no diagnosis")]
    public void DiagnosisMessages_SayWhatIsWrong(string[] unused, string expected)
    {
        _ = unused;
        Assert.StartsWith(expected, Code(Surgery(new[] { "49188" }, diagnoses: Array.Empty<string>())).Single(FindingIds.DiagnosisMissing).Message, StringComparison.Ordinal);
        Assert.StartsWith("'C56-9' is not a well-formed ICD-10-CM code", Code(Surgery(new[] { "49188" }, diagnoses: new[] { "C56-9" })).Single(FindingIds.DiagnosisMalformed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAddOnCodesAsTheOnlyPrimaries_AreEachReported()
        => Assert.Equal(new[] { "procedure.primary_procedures[0]", "procedure.primary_procedures[1]" }, Code(Surgery(new[] { "44955", "44121" })).Findings.Where(f => f.Id == FindingIds.HipecPrimaryIsAddOn).Select(f => f.Path));

    [Fact]
    public void IneligiblePrimaries_AreAllNamed()
    {
        Finding finding = Code(Surgery(new[] { "47600", "49320" })).Single(FindingIds.HipecPrimaryNotEligible);
        Assert.StartsWith("None of the primary procedures (47600, 49320) is an allowed primary for 96547", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedPrimary_IsNamedInItsFinding()
        => Assert.StartsWith("'4920' is not a well-formed CPT code", Code(Surgery(new[] { "4920", "49188" })).Single(FindingIds.HipecPrimaryMalformed).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("2026-03-14", Severity.Error)]
    [InlineData("2023-06-01", Severity.Warning)]
    public void NoPrimary_IsAnErrorOnlyForTheAddOnCodes(string date, Severity severity)
        => Assert.Equal(severity, Code(Surgery(Array.Empty<string>(), date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture))).Single(FindingIds.HipecPrimaryMissing).Severity);

    [Fact]
    public void TableSource_NamesTheRowsSourceAndSaysUnconfirmedOnlyWhenItIs()
    {
        var table = new IntraperitonealCoding.Rules.Tables.TableSource("MUE", "f", "2027 Q1");
        Assert.Equal("MUE: f, 2027 Q1", table.ToString());
        Assert.Equal("MUE: f, 2027 Q1; doc", table.With(new IntraperitonealCoding.Maintenance.SourceDocument("a", "doc", confirmed: true, note: null)));
        Assert.Equal("MUE: f, 2027 Q1; row unconfirmed (doc)", table.With(new IntraperitonealCoding.Maintenance.SourceDocument("a", "doc", confirmed: false, note: "why")));
    }

    [Fact]
    public void InpatientDiagnosis_IsCheckedInTheDischargeDatesFiscalYear()
    {
        using var rules = RuleFixture.CopyOfDefault(("icd10cm.yaml", "{ code: C18.2, billable: true, effective_from: 2019-10-01, source: cm-keyed }", "{ code: C18.2, billable: true, effective_from: 2019-10-01, effective_to: 2026-09-30, source: cm-keyed }"));
        var procedure = new HipecProcedure(SurgicalApproach.Open, new[] { "49188" }, 0, null, Duration.FromMinutes(90), null, new[] { "0DBW0ZZ" });
        var stay = new CodingCase("ip", new DateTime(2026, 9, 28), ClaimType.FacilityInpatient, PayerType.Medicare, null, new[] { "C18.2", "C78.6" }, procedure, null, null, new ClaimDetails(new DateTime(2026, 10, 2)));
        Finding finding = RuleSet.Load(rules.Directory).Code(stay).Single(FindingIds.DiagnosisNotInForce);
        Assert.Contains("(discharge date 2026-10-02)", finding.Message, StringComparison.Ordinal);
    }
}
