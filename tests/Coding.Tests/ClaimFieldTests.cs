using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>The claim-ready fields: type of bill, place of service, revenue codes, diagnosis pointers, NDC.</summary>
public sealed class ClaimFieldTests
{
    private static readonly ClinicalTrial Qualifying = new("NCT04329494", qualifying: true, null, new[] { LineCategory.AerosolChemotherapy }, null);

    private static CodingCase With(CodingCase c, string? place = null, DateTime? discharge = null)
        => new(c.CaseId, c.DateOfService, c.Claim, c.Payer, c.BodySurfaceArea, c.Diagnoses, c.Procedure, c.Trial, place, discharge is null ? null : new ClaimDetails(discharge));

    private static DrugAdministration WithNdc(string name, decimal mg, decimal? opened, DrugNdc? ndc)
        => new(name, Dose.FromMilligrams(mg), opened, ndc: ndc);

    [Theory]
    [InlineData(ClaimType.FacilityOutpatient, "0131", ClaimFormType.Institutional837I)]
    [InlineData(ClaimType.FacilityInpatient, "0111", ClaimFormType.Institutional837I)]
    public void FacilityClaim_GetsItsTypeOfBillAndNoPlaceOfService(ClaimType claim, string typeOfBill, ClaimFormType form)
    {
        var result = RuleSet.Default.Code(Case(Hipec(), claim: claim));
        Assert.Equal(typeOfBill, result.ClaimForm.TypeOfBill);
        Assert.Null(result.ClaimForm.PlaceOfService);
        Assert.Equal(form, result.ClaimForm.Form);
        result.HasNo(FindingIds.PlaceOfServiceAssumed);
    }

    [Theory]
    [InlineData("21")]
    [InlineData("22")]
    [InlineData("24")]
    public void ProfessionalClaim_CarriesTheCasePlaceOfService(string place)
    {
        var result = RuleSet.Default.Code(With(Case(Hipec()), place));
        Assert.Equal(place, result.ClaimForm.PlaceOfService);
        Assert.Null(result.ClaimForm.TypeOfBill);
        Assert.Equal(ClaimFormType.Professional837P, result.ClaimForm.Form);
        result.HasNo(FindingIds.PlaceOfServiceAssumed);
    }

    [Fact]
    public void ProfessionalHipec_WithoutPlaceOfService_AssumesInpatientAndWarns()
    {
        var result = RuleSet.Default.Code(Case(Hipec()));
        Assert.Equal("21", result.ClaimForm.PlaceOfService);
        Assert.Equal(Severity.Warning, result.Single(FindingIds.PlaceOfServiceAssumed).Severity);
        Assert.True(result.Ready);
    }

    [Fact]
    public void ProfessionalPipac_WithoutPlaceOfService_AssumesOnCampusOutpatient()
        => Assert.Equal("22", RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "Z51.11", "C78.6" })).ClaimForm.PlaceOfService);

    [Fact]
    public void StatementPeriod_RunsFromTheDateOfServiceToTheDischarge()
    {
        var result = RuleSet.Default.Code(With(Case(Hipec(), claim: ClaimType.FacilityInpatient), discharge: Date2026.AddDays(9)));
        Assert.Equal(Date2026, result.ClaimForm.StatementFrom);
        Assert.Equal(Date2026.AddDays(9), result.ClaimForm.StatementThrough);
    }

    [Fact]
    public void InpatientClaim_ListsItsPcsCodesAsProceduresThePrincipalFirst_EachWithTheRevenueCodeOfItsCharges()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityInpatient, diagnoses: new[] { "Z51.11", "C78.6" }));
        var pcs = result.Lines.Where(l => l.System == CodeSystem.Icd10Pcs).Select(l => l.Code).ToList();
        Assert.Equal(pcs, result.ClaimForm.Procedures.Select(p => p.Code));
        Assert.True(result.ClaimForm.Procedures[0].Principal);
        Assert.All(result.ClaimForm.Procedures.Skip(1), p => Assert.False(p.Principal));
        Assert.Equal(new[] { "3E0M305:0339", "0DBW4ZX:0360" }, result.Lines.Select(l => l.Code + ":" + l.RevenueCode));
    }

    [Fact]
    public void OutpatientClaim_HasNoProcedureCodes()
        => Assert.Empty(RuleSet.Default.Code(Case(Hipec(), claim: ClaimType.FacilityOutpatient)).ClaimForm.Procedures);

    [Fact]
    public void OutpatientLines_GetTheRevenueCodeOfWhatTheyAreFor()
    {
        // Mitomycin is separately payable (drugs requiring detailed coding); cisplatin is packaged (general pharmacy).
        var result = RuleSet.Default.Code(Case(Hipec(drugs: new[] { Drug("mitomycin", 35, 40), Drug("cisplatin", 100) }), claim: ClaimType.FacilityOutpatient));
        Assert.Equal(
            new[] { "49188:0360", "96547:0360", "96548:0360", "J9280:0636", "J9280:0636", "J9060:0250" },
            result.Lines.Select(l => l.Code + ":" + l.RevenueCode));
    }

    [Fact]
    public void PipacOutpatientLines_GetOperatingRoomAndChemotherapyRevenueCodes()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, diagnoses: new[] { "Z51.11", "C78.6" }));
        Assert.Equal(new[] { "49321:0360", "96549:0339" }, result.Lines.Select(l => l.Code + ":" + l.RevenueCode));
    }

    [Fact]
    public void ProfessionalLines_HaveNoRevenueCode_AndFacilityLinesNoPointers()
    {
        Assert.All(RuleSet.Default.Code(Case(Hipec())).Lines, l => Assert.Null(l.RevenueCode));
        Assert.All(RuleSet.Default.Code(Case(Hipec(), claim: ClaimType.FacilityOutpatient)).Lines, l => Assert.Empty(l.DiagnosisPointers));
    }

    [Fact]
    public void ProfessionalLines_PointAtTheFirstFourDiagnoses()
    {
        var result = RuleSet.Default.Code(Case(Hipec(), diagnoses: new[] { "C18.1", "C78.6", "R18.0", "C48.1", "C16.9" }));
        Assert.All(result.Lines, l => Assert.Equal(new[] { 1, 2, 3, 4 }, l.DiagnosisPointers));
    }

    [Fact]
    public void ProfessionalLines_WithOneDiagnosis_PointAtIt()
        => Assert.All(RuleSet.Default.Code(Case(Hipec(), diagnoses: new[] { "C78.6" })).Lines, l => Assert.Equal(new[] { 1 }, l.DiagnosisPointers));

    [Fact]
    public void TrialLines_PointAtTheConditionAndAtTheTrialDiagnosis()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "Z51.11", "C18.9", "C78.6" }, trial: Qualifying));
        Assert.Equal(new[] { "Z51.11", "C18.9", "C78.6", "Z00.6" }, result.Diagnoses);
        Assert.All(result.Lines, l => Assert.Equal(new[] { 1, 2, 3, 4 }, l.DiagnosisPointers));
    }

    [Fact]
    public void TrialLines_WithMoreThanFourDiagnoses_KeepTheLastPointerForTheTrialDiagnosis()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "Z51.11", "C18.9", "C78.6", "R18.0", "C48.1" }, trial: Qualifying));
        int trialPosition = result.Diagnoses.ToList().IndexOf("Z00.6") + 1;
        Assert.Equal(6, trialPosition);
        var q1 = result.Lines.Single(l => l.ModifierCodes().Contains("Q1"));
        Assert.Equal(new[] { 1, 2, 3, trialPosition }, q1.DiagnosisPointers);
    }

    [Fact]
    public void LinesOutsideTheTrial_DoNotPointAtTheTrialDiagnosis()
    {
        var sponsorPays = new ClinicalTrial("NCT04329494", qualifying: true, null, null, new[] { LineCategory.AerosolChemotherapy });
        var result = RuleSet.Default.Code(Case(Pipac(), payer: PayerType.Commercial, diagnoses: new[] { "Z51.11", "C18.9", "C78.6", "R18.0", "C48.1" }, trial: sponsorPays));
        var sponsorLine = result.Lines.Single(l => l.Responsibility == Responsibility.Sponsor);
        Assert.Equal(new[] { 1, 2, 3, 4 }, sponsorLine.DiagnosisPointers);
    }

    [Theory]
    [InlineData(ClaimType.Professional, 12, false)]
    [InlineData(ClaimType.Professional, 13, true)]
    [InlineData(ClaimType.FacilityOutpatient, 25, false)]
    [InlineData(ClaimType.FacilityOutpatient, 26, true)]
    public void TooManyDiagnosesForTheForm_IsAnError(ClaimType claim, int count, bool error)
    {
        var codes = new[] { "C18.1", "C78.6", "R18.0", "C48.1", "C16.9", "C18.0", "C18.2", "C18.3", "C18.4", "C18.5", "C18.6", "C18.7", "C18.8", "C18.9", "C19", "C20", "C16.0", "C16.1", "C16.2", "C16.3", "C16.4", "C16.5", "C16.6", "C16.8", "C48.2", "C45.1" };
        var result = RuleSet.Default.Code(Case(Hipec(), claim: claim, diagnoses: codes.Take(count)));
        Assert.Equal(error, result.FindingIds().Contains(FindingIds.TooManyDiagnoses));
    }

    [Fact]
    public void MedicaidDrugLine_WithoutNdc_IsAnError()
    {
        var result = RuleSet.Default.Code(Case(Hipec(drugs: Drug("mitomycin", 35, 40)), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicaid));
        Assert.Equal(Severity.Error, result.Single(FindingIds.NdcRequired).Severity);
        Assert.Equal("procedure.drugs[0].ndc", result.Single(FindingIds.NdcRequired).Path);
        Assert.False(result.Ready);
    }

    [Fact]
    public void CommercialDrugLine_WithoutNdc_IsAWarning()
    {
        var result = RuleSet.Default.Code(Case(Hipec(drugs: Drug("mitomycin", 35, 40)), claim: ClaimType.FacilityOutpatient, payer: PayerType.Commercial));
        Assert.Equal(Severity.Warning, result.Single(FindingIds.NdcMissing).Severity);
        result.HasNo(FindingIds.NdcRequired);
    }

    [Fact]
    public void MedicareDrugLine_WithoutNdc_IsNotFlagged()
    {
        var result = RuleSet.Default.Code(Case(Hipec(drugs: Drug("mitomycin", 35, 40)), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare));
        result.HasNo(FindingIds.NdcMissing);
        result.HasNo(FindingIds.NdcRequired);
    }

    [Fact]
    public void SponsorSuppliedDrug_WithoutNdc_IsNotFlagged_ItIsOnNoInsurerClaim()
    {
        var result = RuleSet.Default.Code(Case(Hipec(drugs: Drug("mitomycin", 35, 40, sponsor: true)), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicaid));
        result.HasNo(FindingIds.NdcRequired);
    }

    [Fact]
    public void MedicaidDrug_WithGivenAndDiscardedLines_IsReportedOnce()
    {
        // Medicare is the JW payer; a Medicaid claim has one line per drug, but two mitomycin administrations are two findings.
        var result = RuleSet.Default.Code(Case(Hipec(drugs: new[] { Drug("mitomycin", 35, 40), Drug("mitomycin", 35, 40) }), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicaid));
        Assert.Equal(2, result.FindingIds().Count(id => id == FindingIds.NdcRequired));
    }

    [Fact]
    public void NdcInMilligrams_TakesTheGivenAndDiscardedAmounts()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("9999-1234-01"), NdcUnit.Milligram);
        var result = RuleSet.Default.Code(Case(Hipec(drugs: WithNdc("oxaliplatin", 828, 850, ndc)), claim: ClaimType.FacilityOutpatient));
        var drugLines = result.Lines.Where(l => l.Category == LineCategory.Drug).ToList();
        Assert.Equal(new[] { "J9263x1656", "J9263x44 JW" }, drugLines.Select(l => $"{l.Code}x{l.Units}" + (l.ModifierCodes().Count > 0 ? " " + string.Join(" ", l.ModifierCodes()) : string.Empty)));
        Assert.Equal(new[] { 828m, 22m }, drugLines.Select(l => l.Ndc!.Quantity));
        Assert.All(drugLines, l => Assert.Equal("09999123401", l.Ndc!.Code.Digits));
        Assert.All(drugLines, l => Assert.Equal(NdcUnit.Milligram, l.Ndc!.Unit));
    }

    [Fact]
    public void NdcInMillilitres_TakesTheQuantitiesTheCaseGives()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("99999-0456-02"), NdcUnit.Millilitre, quantity: 165.6m, discardedQuantity: 4.4m);
        var result = RuleSet.Default.Code(Case(Hipec(drugs: WithNdc("oxaliplatin", 828, 850, ndc)), claim: ClaimType.FacilityOutpatient));
        Assert.Equal(new[] { 165.6m, 4.4m }, result.Lines.Where(l => l.Category == LineCategory.Drug).Select(l => l.Ndc!.Quantity));
        result.HasNo(FindingIds.NdcQuantityUnknown);
    }

    [Fact]
    public void NdcInMillilitres_WithoutTheDiscardedQuantity_IsAnError()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("99999-0456-02"), NdcUnit.Millilitre, quantity: 165.6m);
        var result = RuleSet.Default.Code(Case(Hipec(drugs: WithNdc("oxaliplatin", 828, 850, ndc)), claim: ClaimType.FacilityOutpatient));
        Assert.Equal("procedure.drugs[0].ndc.discarded_quantity", result.Single(FindingIds.NdcQuantityUnknown).Path);
        Assert.False(result.Ready);
    }

    [Fact]
    public void NdcInUnits_WithoutAQuantity_IsAnError()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("99999-0456-02"), NdcUnit.Unit);
        var result = RuleSet.Default.Code(Case(Hipec(drugs: WithNdc("cisplatin", 100, null, ndc)), claim: ClaimType.FacilityOutpatient));
        Assert.Equal("procedure.drugs[0].ndc.quantity", result.Single(FindingIds.NdcQuantityUnknown).Path);
        Assert.Null(result.Lines.Single(l => l.Category == LineCategory.Drug).Ndc);
    }

    [Theory]
    [InlineData("12345-6789-01", "12345678901")]
    [InlineData("12345678901", "12345678901")]
    [InlineData("1234-5678-90", "01234567890")]
    [InlineData("12345-678-90", "12345067890")]
    [InlineData("12345-6789-0", "12345678900")]
    [InlineData(" 12345-6789-01 ", "12345678901")]
    public void Ndc_TenDigitLayouts_AreNormalisedToElevenDigits(string text, string digits)
    {
        Assert.True(NationalDrugCode.TryParse(text, out NationalDrugCode code, out string? problem), problem);
        Assert.Equal(digits, code.Digits);
        Assert.Equal(digits.Substring(0, 5) + "-" + digits.Substring(5, 4) + "-" + digits.Substring(9), code.Hyphenated);
    }

    [Theory]
    [InlineData("1234567890", "10 digits without hyphens")]
    [InlineData("123456789012", "12 digits")]
    [InlineData("1234-567-89", "4-3-2")]
    [InlineData("12345-6789", "2 segments")]
    [InlineData("12345-67A9-01", "characters other than digits")]
    [InlineData("12345--01", "characters other than digits")]
    [InlineData("", "is empty")]
    [InlineData(null, "is empty")]
    public void Ndc_Malformed_IsRefusedWithTheReason(string? text, string reason)
    {
        Assert.False(NationalDrugCode.TryParse(text, out NationalDrugCode code, out string? problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Equal(string.Empty, code.Digits);
        Assert.Throws<ArgumentException>(() => NationalDrugCode.Parse(text ?? string.Empty));
    }

    [Fact]
    public void Ndc_WithANonPositiveQuantity_IsAProgrammerError()
        => Assert.Throws<ArgumentException>(() => new DrugNdc(NationalDrugCode.Parse("12345-6789-01"), NdcUnit.Millilitre, quantity: 0));

    private static CaseReadResult Read(string ndc)
        => CaseFile.Parse(
            "case_id: x\ndate_of_service: 2026-03-14\nclaim: facility_outpatient\npayer: medicaid\ndiagnoses: [C18.1, C78.6]\nprocedure:\n  kind: hipec\n  approach: open\n  primary_procedures: [\"49188\"]\n  temperature_c: { min: 41.5, max: 42.5 }\n  perfusion_minutes: 90\n  drugs:\n    - { name: mitomycin, dose_mg: 35, ndc: " + ndc + " }\n",
            "case.yaml",
            DocumentFormat.Yaml);

    [Fact]
    public void CaseFile_ReadsTheNdcOfADrug()
    {
        var read = Read("{ code: 1234-5678-90, unit: ML, quantity: 70 }");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        DrugNdc ndc = read.Case!.Procedure.Drugs[0].Ndc!;
        Assert.Equal("01234567890", ndc.Code.Digits);
        Assert.Equal(NdcUnit.Millilitre, ndc.Unit);
        Assert.Equal(70m, ndc.Quantity);
    }

    [Theory]
    [InlineData("{ code: 1234567890, unit: MG }", "case.yaml:13:52: DATA004: '1234567890' has 10 digits without hyphens")]
    [InlineData("{ code: 12345-6789-01, unit: MG, quantity: 0 }", "case.yaml:13:87: CASE001: An NDC quantity must be greater than zero.")]
    [InlineData("{ code: 12345-6789-01, unit: MG, discarded_quantity: -1 }", "case.yaml:13:97: CASE001: An NDC quantity must be greater than zero.")]
    [InlineData("{ code: 12345-6789-01, unit: KG }", "case.yaml:13:73: DATA004:")]
    [InlineData("{ code: 12345-6789-01 }", "case.yaml:13:44: DATA005:")]
    [InlineData("{ code: 12345-6789-01, unit: MG, lot: A1 }", "case.yaml:13:77: DATA002:")]
    public void CaseFile_BadNdc_IsALocatedError(string ndc, string error)
    {
        var read = Read(ndc);
        Assert.False(read.Succeeded);
        Assert.StartsWith(error, read.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RevenueCodeRules_AreRecordedAsApplied()
        => Assert.Contains("REV-OR", RuleSet.Default.Code(Case(Hipec(), claim: ClaimType.FacilityOutpatient)).AppliedRules);

    [Fact]
    public void TooManyDiagnoses_SaysWhichFormAndHowManyItHolds()
    {
        var codes = new[] { "C18.1", "C78.6", "R18.0", "C48.1", "C16.9", "C18.0", "C18.2", "C18.3", "C18.4", "C18.5", "C18.6", "C18.7", "C18.8" };
        Finding finding = RuleSet.Default.Code(Case(Hipec(), diagnoses: codes)).Single(FindingIds.TooManyDiagnoses);
        Assert.Contains("13 diagnoses but an 837P holds 12", finding.Message, StringComparison.Ordinal);
        Assert.Equal("diagnoses", finding.Path);
    }

    [Fact]
    public void TrialDiagnosisListedFirst_IsStillPointedAtByTrialLines()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "Z00.6", "Z51.11", "C78.6" }, trial: Qualifying));
        int trialPosition = result.Diagnoses.ToList().IndexOf("Z00.6") + 1;
        Assert.Contains(trialPosition, result.Lines.Single(l => l.ModifierCodes().Contains("Q1")).DiagnosisPointers);
    }

    [Fact]
    public void NdcInUnits_WithoutTheDiscardedQuantity_SaysSo()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("99999-0456-02"), NdcUnit.Millilitre, quantity: 165.6m);
        Finding finding = RuleSet.Default.Code(Case(Hipec(drugs: WithNdc("oxaliplatin", 828, 850, ndc)), claim: ClaimType.FacilityOutpatient)).Single(FindingIds.NdcQuantityUnknown);
        Assert.Contains("oxaliplatin NDC is in ML, so its discarded quantity cannot be worked out", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ndc.discarded_quantity", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingNdc_IsReportedOncePerAdministration_EvenWithAJwLine()
    {
        // With Medicare warned for (a rule change), the given and the discarded line of one administration give one finding.
        var files = System.IO.Directory.GetFiles(Paths.Data, "*.yaml").ToDictionary(f => System.IO.Path.GetFileName(f), System.IO.File.ReadAllText);
        files["claim-fields.yaml"] = files["claim-fields.yaml"].Replace("warned_for: [medicare_advantage, commercial]", "warned_for: [medicare, medicare_advantage, commercial]", StringComparison.Ordinal);
        RuleSet rules = RuleSet.Load(files, "memory");
        var result = rules.Code(Case(Pipac(drugs: Drug("oxaliplatin", 170, 180)), claim: ClaimType.FacilityOutpatient, diagnoses: new[] { "Z51.11", "C78.6" }));
        Assert.Equal(2, result.Lines.Count(l => l.Code == "J9263"));
        Assert.Equal(1, result.FindingIds().Count(id => id == FindingIds.NdcMissing));
    }

    [Fact]
    public void DefaultNdc_HasNoDigitsAndCannotMakeAnNdcRecord()
    {
        Assert.Equal(string.Empty, default(NationalDrugCode).Hyphenated);
        Assert.Throws<ArgumentException>(() => new DrugNdc(default, NdcUnit.Milligram));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NdcRecord_WithANonPositiveDiscardedQuantity_IsAProgrammerError(int discarded)
        => Assert.Throws<ArgumentException>(() => new DrugNdc(NationalDrugCode.Parse("12345-6789-01"), NdcUnit.Millilitre, discardedQuantity: discarded));

    [Fact]
    public void NdcRecord_WithASmallPositiveDiscardedQuantity_IsAccepted()
        => Assert.Equal(0.001m, new DrugNdc(NationalDrugCode.Parse("12345-6789-01"), NdcUnit.Millilitre, discardedQuantity: 0.001m).DiscardedQuantity);

    [Fact]
    public void Parse_OfAMalformedNdc_SaysWhy()
        => Assert.Contains("10 digits without hyphens", Assert.Throws<ArgumentException>(() => NationalDrugCode.Parse("1234567890")).Message, StringComparison.Ordinal);
}
