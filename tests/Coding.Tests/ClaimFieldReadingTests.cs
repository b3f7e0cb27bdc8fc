using Xunit;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

/// <summary>Case fields that belong to one kind of claim only, and the trial's per-drug designations, as the reader takes them.</summary>
public sealed class ClaimFieldReadingTests
{
    private const string Pipac = "procedure: { kind: pipac, cycle: 1, exposure_minutes: 30 }\n";

    private static CaseReadResult Read(string claim, string extra, string procedure = Pipac)
        => CaseFile.Parse($"case_id: x\ndate_of_service: 2026-03-14\nclaim: {claim}\npayer: medicare\ndiagnoses: [Z51.11, C16.9]\n{extra}{procedure}", "case.yaml", DocumentFormat.Yaml);

    private static string FirstError(CaseReadResult read) => read.Errors[0].ToString();

    [Theory]
    [InlineData("professional", "discharge_date: 2026-03-20\n", "case.yaml:6:17: CASE002: discharge_date belongs on an inpatient facility claim only.")]
    [InlineData("facility_inpatient", "discharge_date: 2026-03-13\n", "case.yaml:6:17: CASE001: discharge_date 2026-03-13 is before date_of_service 2026-03-14.")]
    [InlineData("facility_outpatient", "surgeon_role: assistant\n", "case.yaml:6:15: CASE002: surgeon_role belongs on a professional claim only (the practitioner's own claim).")]
    [InlineData("facility_inpatient", "abn_on_file: true\n", "case.yaml:6:14: CASE002: abn_on_file belongs on a professional or outpatient claim: an ABN is a Part B notice (an inpatient stay uses a hospital notice of non-coverage).")]
    public void FieldOnTheWrongClaim_IsALocatedError(string claim, string extra, string error)
        => Assert.Equal(error, FirstError(Read(claim, extra)));

    [Theory]
    [InlineData("case.yaml", DocumentFormat.Yaml, "procedure: { kind: pipac, cycle: 1, exposure_minutes: 30, drugs: [{ name: cisplatin, dose_mg: 10, ndc: 16729-288-11 }] }\n", "case.yaml:6:104: DATA004")]
    [InlineData("case.json", DocumentFormat.Json, "{\"case_id\": \"x\", \"date_of_service\": \"2026-03-14\", \"claim\": \"facility_outpatient\", \"payer\": \"medicaid\", \"diagnoses\": [\"C78.6\"], \"procedure\": {\"kind\": \"pipac\", \"cycle\": 1, \"exposure_minutes\": 30, \"drugs\": [{\"name\": \"cisplatin\", \"dose_mg\": 10, \"ndc\": \"16729-288-11\"}]}}", "case.json:1:")]
    public void Ndc_GivenAsABareCode_IsRefusedWithTheMappingFormToWrite(string file, DocumentFormat format, string text, string at)
    {
        string document = format == DocumentFormat.Yaml ? $"case_id: x\ndate_of_service: 2026-03-14\nclaim: facility_outpatient\npayer: medicaid\ndiagnoses: [C78.6]\n{text}" : text;
        string error = CaseFile.Parse(document, file, format).Errors[0].ToString();
        Assert.StartsWith(at, error, System.StringComparison.Ordinal);
        Assert.Contains("found a single value: write it as { code: 99999-0123-01, unit: ML, quantity: 20 }", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DischargeDate_OnTheDayOfService_IsRead()
        => Assert.Equal(new System.DateTime(2026, 3, 14), Read("facility_inpatient", "discharge_date: 2026-03-14\n").Case!.Details.DischargeDate);

    [Fact]
    public void PcsProcedures_OnAnOutpatientClaim_AreAnError()
        => Assert.Equal("case.yaml:6:75: CASE002: pcs_procedures belong on an inpatient facility claim only; other claims carry CPT codes.", FirstError(Read("facility_outpatient", string.Empty, "procedure: { kind: pipac, cycle: 1, exposure_minutes: 30, pcs_procedures: [0DTU0ZZ] }\n")));

    [Theory]
    [InlineData("[0DTU0ZI]", "'0DTU0ZI' is not a well-formed ICD-10-PCS code")]
    [InlineData("[0DTU0ZZ, 0dtu0zz]", "ICD-10-PCS code 0DTU0ZZ is given twice")]
    public void PcsProcedures_AreWellFormedAndGivenOnce(string codes, string error)
        => Assert.Contains(error, FirstError(Read("facility_inpatient", string.Empty, $"procedure: {{ kind: pipac, cycle: 1, exposure_minutes: 30, pcs_procedures: {codes} }}\n")), System.StringComparison.Ordinal);

    [Fact]
    public void PcsProcedures_AreReadNormalisedInOrder()
        => Assert.Equal(new[] { "0DTU0ZZ", "0DBW0ZZ" }, Read("facility_inpatient", string.Empty, "procedure: { kind: pipac, cycle: 1, exposure_minutes: 30, pcs_procedures: [0dtu0zz, 0DBW0ZZ] }\n").Case!.Procedure.PcsProcedures);

    [Fact]
    public void ClaimDetails_AreRead()
    {
        var details = Read("professional", "abn_on_file: false\nsurgeon_role: co_surgeon\n").Case!.Details;
        Assert.Equal((false, SurgeonRole.CoSurgeon), (details.AbnOnFile, details.SurgeonRole));
    }

    [Fact]
    public void TrialDrugDesignations_AreReadOncePerDrug()
    {
        const string trial = "trial: { nct: NCT04329494, qualifying: true, drugs: [{ name: cisplatin, designation: sponsor }, { name: Cisplatin, designation: routine }] }\n";
        Assert.Contains("Drug 'Cisplatin' is designated twice", FirstError(Read("professional", trial)), System.StringComparison.Ordinal);
        var read = Read("professional", "trial: { nct: NCT04329494, qualifying: true, drugs: [{ name: cisplatin, designation: not_billable }], research_only: [biopsies] }\n");
        Assert.Equal(TrialDesignation.NotBillable, read.Case!.Trial!.DrugDesignations["CISPLATIN"]);
        Assert.Equal(new[] { LineCategory.Biopsies }, read.Case.Trial.ResearchOnly);
    }

    [Fact]
    public void ResearchOnly_NamesBiopsiesOnly()
        => Assert.Contains("research_only can name biopsies", FirstError(Read("professional", "trial: { nct: NCT04329494, qualifying: true, research_only: [laparoscopy] }\n")), System.StringComparison.Ordinal);

    [Fact]
    public void TrialDrug_WithABlankName_IsAnError()
        => Assert.Contains("A trial drug needs a name.", FirstError(Read("professional", "trial: { nct: NCT04329494, qualifying: true, drugs: [{ name: \" \", designation: sponsor }] }\n")), System.StringComparison.Ordinal);
}
