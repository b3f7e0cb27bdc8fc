using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// What an inpatient (837I) claim needs and only the record can say: admission date, admitting diagnosis, POA on each
/// diagnosis, discharge date; never invented, each missing one a finding that says what to supply. Also the claim
/// fields of issue 21 on other claims: unlisted-code words, the patient control number, Medicare Advantage notices.
/// </summary>
public sealed class InpatientClaimTests
{
    private static readonly HipecProcedure CytoreductionWithHipec = new(
        SurgicalApproach.Open, new[] { "49188" }, 0, TemperatureRange.FromCelsius(41.5, 42.5), Duration.FromMinutes(90), null,
        pcsProcedures: new[] { "0DBW0ZZ", "0DTJ0ZZ" }, tumorLengthSum: Length.FromCentimetres(12m));

    private static CodingResult CodeStay(PayerType payer, ClaimDetails details, string[]? diagnoses = null)
        => RuleSet.Default.Code(Case(CytoreductionWithHipec, claim: ClaimType.FacilityInpatient, payer: payer, diagnoses: diagnoses ?? new[] { "C78.6", "C18.1" }, details: details));

    private static CaseReadResult Read(string claim, string extra, string diagnoses = "[C78.6]", string procedure = "procedure: { kind: hipec, approach: open, primary_procedures: [\"49188\"], perfusion_minutes: 90 }\n")
        => CaseFile.Parse($"case_id: x\ndate_of_service: 2026-03-14\nclaim: {claim}\npayer: medicare\ndiagnoses: {diagnoses}\n{extra}{procedure}", "case.yaml", DocumentFormat.Yaml);

    [Fact]
    public void CompleteMedicareStay_IsReady_AndItsFragmentCarriesAdmissionAdmittingDiagnosisPoaAndServiceLines()
    {
        var result = CodeStay(PayerType.Medicare, Stay("C78.6", "C18.1"));
        Assert.True(result.Ready, string.Join("; ", result.Findings.Select(f => f.Id)));
        X12Claim claim = Assert.Single(ResultX12.Render(result).Claims);
        Assert.Contains("DTP*435*D8*20260313", claim.ClaimSegments);
        Assert.Contains("HI*ABK:C786:::::::Y", claim.ClaimSegments);
        Assert.Contains("HI*ABJ:C786", claim.ClaimSegments);
        Assert.Contains("HI*ABF:C181:::::::Y", claim.ClaimSegments);
        Assert.NotEmpty(claim.ServiceLines);
        Assert.All(claim.ServiceLines, l => Assert.StartsWith("SV2*0360**0*UN*1", l.Segments[1], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PayerType.Medicare, Severity.Error)]
    [InlineData(PayerType.Commercial, Severity.Warning)]
    [InlineData(PayerType.Medicaid, Severity.Warning)]
    public void MissingPoa_IsAnErrorWhereThePayerReturnsTheClaim_AndAWarningElsewhere(PayerType payer, Severity severity)
    {
        Finding finding = CodeStay(payer, Stay("C78.6")).Single(FindingIds.PoaMissing);
        Assert.Equal((severity, "diagnoses"), (finding.Severity, finding.Path));
        Assert.StartsWith("C18.1 has no present-on-admission indicator", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PoaExemptCode_NeedsNoIndicator_AndIsWrittenBlank()
    {
        var pipac = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityInpatient, payer: PayerType.Medicare, diagnoses: new[] { "Z51.11", "C78.6" }, details: Stay("C78.6")));
        pipac.HasNo(FindingIds.PoaMissing);
        Assert.Equal(new PoaIndicator?[] { null, PoaIndicator.Yes }, pipac.ClaimForm.PresentOnAdmission);
        X12Claim claim = Assert.Single(ResultX12.Render(pipac).Claims);
        Assert.Contains("HI*ABK:Z5111", claim.ClaimSegments);
    }

    [Fact]
    public void MissingAdmissionFields_AreErrorsThatSayWhatToSupply_AndAMissingDischargeIsAWarning()
    {
        var result = CodeStay(PayerType.Commercial, new ClaimDetails(presentOnAdmission: new System.Collections.Generic.Dictionary<string, PoaIndicator> { ["C78.6"] = PoaIndicator.Yes, ["C18.1"] = PoaIndicator.No }));
        Assert.Equal((Severity.Error, "admission_date"), (result.Single(FindingIds.AdmissionDateMissing).Severity, result.Single(FindingIds.AdmissionDateMissing).Path));
        Assert.Equal((Severity.Error, "admitting_diagnosis"), (result.Single(FindingIds.AdmittingDiagnosisMissing).Severity, result.Single(FindingIds.AdmittingDiagnosisMissing).Path));
        Assert.Equal((Severity.Warning, "discharge_date"), (result.Single(FindingIds.DischargeDateMissing).Severity, result.Single(FindingIds.DischargeDateMissing).Path));
        Assert.False(result.Ready);
        Assert.False(ResultX12.Render(result).Succeeded);
    }

    [Fact]
    public void AdmittingDiagnosis_NotValidInTheStaysFiscalYear_IsAnError()
    {
        var details = new ClaimDetails(dischargeDate: new DateTime(2021, 9, 20), admissionDate: new DateTime(2021, 9, 13), admittingDiagnosis: "C56.3", presentOnAdmission: new System.Collections.Generic.Dictionary<string, PoaIndicator> { ["C78.6"] = PoaIndicator.Yes });
        var result = RuleSet.Default.Code(Case(Hipec(primaries: new[] { "58950" }), claim: ClaimType.FacilityInpatient, date: new DateTime(2021, 9, 14), diagnoses: new[] { "C78.6" }, details: details));
        Finding finding = result.Single(FindingIds.AdmittingDiagnosisInvalid);
        Assert.Equal((Severity.Error, "admitting_diagnosis"), (finding.Severity, finding.Path));
        Assert.Contains("only from FY2022 on", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facility_inpatient", "admission_date: 2026-03-15\n", "case.yaml:6:17: CASE001: admission_date 2026-03-15 is after date_of_service 2026-03-14")]
    [InlineData("professional", "admission_date: 2026-03-13\n", "case.yaml:6:17: CASE002: admission_date belongs on an inpatient facility claim only.")]
    [InlineData("professional", "admitting_diagnosis: C78.6\n", "case.yaml:6:22: CASE002: admitting_diagnosis belongs on an inpatient facility claim only.")]
    [InlineData("facility_inpatient", "admitting_diagnosis: C786x\n", "case.yaml:6:22: DATA004: admitting_diagnosis 'C786x' is not a well-formed ICD-10-CM code")]
    [InlineData("professional", "patient_control_number: \"123456789012345678901\"\n", "case.yaml:6:25: DATA004: patient_control_number must be 1 to 20 characters")]
    public void AClaimFieldThatCannotBe_IsALocatedError(string claim, string extra, string error)
        => Assert.StartsWith(error, Read(claim, extra).Errors[0].ToString(), StringComparison.Ordinal);

    [Fact]
    public void Poa_OnAnotherClaim_OrNotOneOfYNUW_IsALocatedError()
    {
        Assert.StartsWith("case.yaml:5:33: CASE002: poa (present on admission) belongs on an inpatient facility claim only.", Read("professional", string.Empty, "[{ code: C78.6, poa: \"Y\" }]").Errors[0].ToString(), StringComparison.Ordinal);
        DataError wrong = Read("facility_inpatient", string.Empty, "[{ code: C78.6, poa: \"Q\" }]").Errors[0];
        Assert.Equal(("DATA004", 5, 33), (wrong.Id, wrong.Line, wrong.Column));
    }

    [Fact]
    public void BareCodesAndCodesWithPoa_ReadAlike()
    {
        var bare = Read("facility_inpatient", string.Empty, "[C78.6, C18.1]").Case!;
        var mixed = Read("facility_inpatient", string.Empty, "[{ code: c78.6, poa: \"Y\" }, C18.1]").Case!;
        Assert.Equal(bare.Diagnoses.Select(d => d.ToUpperInvariant()), mixed.Diagnoses.Select(d => d.ToUpperInvariant()));
        Assert.Equal(PoaIndicator.Yes, mixed.Details.PresentOnAdmission["C78.6"]);
        Assert.False(mixed.Details.PresentOnAdmission.ContainsKey("C18.1"));
    }

    [Fact]
    public void UnlistedDescription_LongerThanEightyCharacters_IsALocatedError()
        => Assert.Contains("unlisted_description must be 1 to 80 characters", Read("professional", string.Empty, procedure: $"procedure: {{ kind: pipac, cycle: 1, exposure_minutes: 30, unlisted_description: \"{new string('a', 81)}\" }}\n").Errors[0].Message, StringComparison.Ordinal);

    [Fact]
    public void UnlistedCode_CarriesTheCasesWords_InSv1017_OrWarnsThatNoneAreGiven()
    {
        var without = RuleSet.Default.Code(Case(Pipac(), payer: PayerType.Commercial, diagnoses: new[] { "Z51.11", "C78.6" }));
        Finding finding = without.Single(FindingIds.UnlistedDescriptionMissing);
        Assert.Equal((Severity.Warning, "procedure.unlisted_description"), (finding.Severity, finding.Path));
        Assert.StartsWith("96549 is an unlisted code", finding.Message, StringComparison.Ordinal);

        var with = RuleSet.Default.Code(Case(Pipac(), payer: PayerType.Commercial, diagnoses: new[] { "Z51.11", "C78.6" }, details: new ClaimDetails(unlistedDescription: "PIPAC cisplatin doxorubicin 30 min")));
        with.HasNo(FindingIds.UnlistedDescriptionMissing);
        Assert.Equal("PIPAC cisplatin doxorubicin 30 min", with.Lines.Single(l => l.Code == "96549").Description);
        Assert.Null(with.Lines.Single(l => l.Code == "49321").Description);
        string sv1 = Assert.Single(ResultX12.Render(with).Claims).Segments.Single(s => s.StartsWith("SV1*HC:96549", StringComparison.Ordinal));
        Assert.StartsWith("SV1*HC:96549:::::PIPAC cisplatin doxorubicin 30 min*", sv1, StringComparison.Ordinal);
    }

    [Fact]
    public void PatientControlNumber_IsClm01_AndTheCaseIdIsUsedWhenNoneIsGiven()
    {
        var given = RuleSet.Default.Code(Case(Hipec(), payer: PayerType.Commercial, diagnoses: new[] { "C45.1" }, details: new ClaimDetails(patientControlNumber: "ACCT-77")));
        Assert.Equal("ACCT-77", Assert.Single(ResultX12.Render(given).Claims).PatientControlNumber);
        var none = RuleSet.Default.Code(Case(Hipec(), payer: PayerType.Commercial, diagnoses: new[] { "C45.1" }));
        Assert.Equal("test-case", none.ClaimForm.PatientControlNumber);
    }

    [Fact]
    public void MedicareAdvantage_LikelyDenial_GetsTheOrganizationDeterminationNote_NeverAbnOrWaiverAdvice()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.MedicareAdvantage, diagnoses: new[] { "Z51.11", "C16.9", "C78.6" }));
        Finding finding = result.Single(FindingIds.OrganizationDetermination);
        Assert.Equal((Severity.Warning, "payer"), (finding.Severity, finding.Path));
        result.HasNo(FindingIds.PatientWaiver);
        result.HasNo(FindingIds.AbnMissing);
        Assert.DoesNotContain(result.Lines, l => l.Modifiers.Any(m => m.Code is "GA" or "GZ"));
        Assert.Contains(result.Notes, n => n.Id == "ma-organization-determination");
    }

    [Fact]
    public void Commercial_LikelyDenial_StillGetsTheWaiverNote()
        => RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.Commercial, diagnoses: new[] { "Z51.11", "C16.9", "C78.6" })).Single(FindingIds.PatientWaiver);

    [Fact]
    public void SelfPayCase_SaysOnStandardErrorThatThereIsNoClaimToWrite()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(new[] { "code", Path.Combine(Paths.Examples, "trial-pipac-self-pay.yaml"), "--format", "x12" }, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Contains("there is no claim to write: no line is billed to an insurer (the patient pays)", stderr.ToString(), StringComparison.Ordinal);
        Assert.InRange(exit, 0, 1);
    }

    [Fact]
    public void SponsorPaidProcedure_OnAnInpatientClaim_HasItsChargesNonCoveredOnItsOwnLine()
    {
        var pipac = new PipacProcedure(SurgicalApproach.Laparoscopic, 1, Duration.FromMinutes(30), null, null, 0, null, null, null);
        var trial = new ClinicalTrial("NCT04329494", qualifying: true, ide: null, investigational: new[] { LineCategory.AerosolChemotherapy }, sponsorPays: new[] { LineCategory.AerosolChemotherapy });
        var result = RuleSet.Default.Code(Case(pipac, claim: ClaimType.FacilityInpatient, payer: PayerType.Commercial, diagnoses: new[] { "Z51.11", "C78.6" }, trial: trial, details: Stay("C78.6")));
        X12Claim claim = Assert.Single(ResultX12.Render(result).Claims);
        Assert.Contains(claim.ServiceLines, l => l.Segments[1] == "SV2*0339**0*UN*1**0");
    }

    [Fact]
    public void HipecPcsCodeListedFromTheOperativeReport_StaysTheHipecLine_SoASponsorPaidHipecStaysNonCovered()
    {
        var hipec = new HipecProcedure(SurgicalApproach.Open, new[] { "49188" }, 0, TemperatureRange.FromCelsius(41.5, 42.5), Duration.FromMinutes(90), null, pcsProcedures: new[] { "0DBW0ZZ", "3E0M30Y" });
        var trial = new ClinicalTrial("NCT04329494", qualifying: true, ide: null, investigational: new[] { LineCategory.Hipec }, sponsorPays: new[] { LineCategory.Hipec });
        var result = RuleSet.Default.Code(Case(hipec, claim: ClaimType.FacilityInpatient, payer: PayerType.Commercial, diagnoses: new[] { "C78.6", "C18.1", "Z00.6" }, trial: trial, details: Stay("C78.6", "C18.1", "Z00.6")));
        CodeLine line = Assert.Single(result.Lines, l => l.Code == "3E0M30Y");
        // On a DRG stay the sponsor's procedure stays on the claim with its charges non-covered.
        Assert.Equal((LineCategory.Hipec, Responsibility.Insurer, true, "hipec-pcs"), (line.Category, line.Responsibility, line.NonCoveredCharges, line.Rule));
        Assert.Contains("pcs-hipec-qualifier-to-confirm", line.Notes);
        Assert.Equal(LineCategory.PrimarySurgery, Assert.Single(result.Lines, l => l.Code == "0DBW0ZZ").Category);
    }
}
