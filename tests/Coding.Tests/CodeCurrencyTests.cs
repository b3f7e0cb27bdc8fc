using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// Code currency: CPT/HCPCS codes have validity periods (codes.yaml), the CPT 2025 tumor-excision codes are chosen by
/// the sum of the tumor lengths (hipec.yaml, tumor_excision), ICD-10-CM codes have a first fiscal year, and every row
/// says where it comes from.
/// </summary>
public sealed class CodeCurrencyTests
{
    private static readonly string[] Bands = { "49186", "49187", "49188", "49189", "49190" };

    private static CodingResult CodeCrs(string primary, decimal? lengthCm, DateTime date, ClaimType claim = ClaimType.Professional)
    {
        var hipec = new HipecProcedure(SurgicalApproach.Open, new[] { primary }, 0, TemperatureRange.FromCelsius(41.5, 42.5), Duration.FromMinutes(90), null, tumorLengthSum: lengthCm is { } cm ? Length.FromCentimetres(cm) : null);
        return RuleSet.Default.Code(Case(hipec, claim: claim, date: date, diagnoses: new[] { "C45.1" }));
    }

    private static DateTime Day(string date) => DateTime.Parse(date, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0.1", "49186")]
    [InlineData("5.0", "49186")]
    [InlineData("5.1", "49187")]
    [InlineData("10.0", "49187")]
    [InlineData("10.1", "49188")]
    [InlineData("20.0", "49188")]
    [InlineData("20.1", "49189")]
    [InlineData("30.0", "49189")]
    [InlineData("30.1", "49190")]
    [InlineData("1000", "49190")]
    public void TumorLength_AtEveryBandEdge_AcceptsOnlyItsOwnCode_AndNamesItOtherwise(string length, string expected)
    {
        decimal cm = decimal.Parse(length, CultureInfo.InvariantCulture);
        foreach (string code in Bands)
        {
            var result = CodeCrs(code, cm, Date2026);
            if (code == expected)
            {
                result.HasNo(FindingIds.TumorBandMismatch);
                result.HasNo(FindingIds.CodeNotValidOnDate);
                Assert.Contains(code + "x1", result.Lines());
                Assert.True(result.Ready, $"{code} for {length} cm: {string.Join("; ", result.Findings.Select(f => f.Id + " " + f.Message))}");
                continue;
            }

            Finding finding = result.Single(FindingIds.TumorBandMismatch);
            Assert.Equal((Severity.Error, "procedure.primary_procedures[0]", "crs-tumor-excision-2025"), (finding.Severity, finding.Path, finding.Rule));
            Assert.EndsWith($": report {expected} (", finding.Message[..(finding.Message.LastIndexOf('(') + 1)], StringComparison.Ordinal);
            Assert.False(result.Ready);
        }
    }

    [Fact]
    public void TumorBandMismatch_SaysTheGivenCodesBandAndTheLength()
        => Assert.Equal(
            "49190 is for a sum of tumor lengths over 30.0 cm, but the case gives 14.5 cm: report 49188 (over 10.0 and up to 20.0 cm).",
            CodeCrs("49190", 14.5m, Date2026).Single(FindingIds.TumorBandMismatch).Message);

    [Fact]
    public void TumorExcisionCode_WithoutTheLength_IsAWarningAskingForIt()
    {
        var result = CodeCrs("49188", null, Date2026);
        Finding finding = result.Single(FindingIds.TumorLengthMissing);
        Assert.Equal((Severity.Warning, "procedure.tumor_length_sum_cm"), (finding.Severity, finding.Path));
        Assert.Contains("49186 up to 5.0 cm; 49187 over 5.0 and up to 10.0 cm", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Ready);
    }

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-01-02", true)]
    public void DeletedCode49205_IsValidUpToItsLastDay_AndAnErrorFromTheNext(string date, bool invalid)
    {
        var result = CodeCrs("49205", 7.5m, Day(date));
        Assert.Equal(invalid, result.FindingIds().Contains(FindingIds.CodeNotValidOnDate));
        if (invalid)
        {
            Finding finding = result.Single(FindingIds.CodeNotValidOnDate);
            Assert.Equal((Severity.Error, "procedure.primary_procedures[0]"), (finding.Severity, finding.Path));
            Assert.Equal($"49205 is not valid on {date}: it was deleted after 2024-12-31 and replaced by 49186, 49187, 49188, 49189, 49190. For the sum of tumor lengths the case gives (7.5 cm), report 49187.", finding.Message);
            Assert.False(result.Ready);
        }
    }

    [Fact]
    public void DeletedCode_WithoutTheLength_NamesAllFiveReplacementsAndAsksForTheLength()
    {
        string message = CodeCrs("49203", null, Day("2026-06-01")).Single(FindingIds.CodeNotValidOnDate).Message;
        Assert.Contains("replaced by 49186, 49187, 49188, 49189, 49190.", message, StringComparison.Ordinal);
        Assert.Contains("add procedure.tumor_length_sum_cm", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-12-31", true)]
    [InlineData("2025-01-01", false)]
    public void NewCode49188_IsInvalidBeforeItsFirstDay(string date, bool invalid)
    {
        var result = CodeCrs("49188", 12m, Day(date));
        Assert.Equal(invalid, result.FindingIds().Contains(FindingIds.CodeNotValidOnDate));
        if (invalid)
        {
            Assert.Equal("49188 is not valid on 2024-12-31: it is in the code set only from 2025-01-01. Use the code in force on the date of service.", result.Single(FindingIds.CodeNotValidOnDate).Message);
        }
    }

    [Fact]
    public void CrsHipec2025_WithTheCurrentCodeAndItsLength_PassesTheEditsAndIsReady()
    {
        var result = CodeCrs("49189", 24.5m, Day("2025-01-14"));
        Assert.Equal(new[] { "49189x1", "96547x1", "96548x1" }, result.Lines());
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
        Assert.True(result.Ready);
    }

    [Fact]
    public void CptCodeOutsideTheTable_IsReportedAsNotChecked()
    {
        var result = CodeCrs("47001", null, Date2026);
        Finding finding = result.Single(FindingIds.CodeNotChecked);
        Assert.Equal((Severity.Info, "procedure.primary_procedures[0]"), (finding.Severity, finding.Path));
    }

    [Fact]
    public void InpatientClaim_CarriesNoCpt_SoTheCptCodesValidityIsNotItsConcern()
        => CodeCrs("49205", 7.5m, Date2026, ClaimType.FacilityInpatient).HasNo(FindingIds.CodeNotValidOnDate);

    [Theory]
    [InlineData("2021-09-30", true)]
    [InlineData("2021-10-01", false)]
    public void C563_IsValidFromFiscalYear2022Only(string date, bool invalid)
    {
        var result = RuleSet.Default.Code(Case(Hipec(primaries: new[] { "58950" }), date: Day(date), diagnoses: new[] { "C56.3", "C78.6" }));
        Assert.Equal(invalid, result.FindingIds().Contains(FindingIds.DiagnosisNotInForce));
        if (invalid)
        {
            Finding finding = result.Single(FindingIds.DiagnosisNotInForce);
            Assert.Equal((Severity.Error, "diagnoses[0]"), (finding.Severity, finding.Path));
            Assert.StartsWith("C56.3 is an ICD-10-CM code only from FY2022 on (from 2021-10-01); it is not valid in fiscal year 2021", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void C563_OnAnInpatientStay_FollowsTheDischargeDatesFiscalYear()
    {
        var stay = new CodingCase("stay", Day("2021-09-28"), ClaimType.FacilityInpatient, PayerType.Medicare, BodySurfaceArea.FromSquareMetres(1.8m), new[] { "C56.3", "C78.6" }, Hipec(primaries: new[] { "58950" }), null, null, new ClaimDetails(dischargeDate: Day("2021-10-02")));
        RuleSet.Default.Code(stay).HasNo(FindingIds.DiagnosisNotInForce);
    }

    [Theory]
    [InlineData("0", "CASE001")]
    [InlineData("-3", "CASE001")]
    [InlineData("1000.1", "CASE003")]
    [InlineData("5.05", "CASE001")]
    public void TumorLength_Impossible_IsALocatedError(string value, string id)
    {
        var read = CaseFile.Parse($"case_id: x\ndate_of_service: 2026-03-14\nclaim: professional\npayer: medicare\ndiagnoses: [C45.1]\nprocedure:\n  kind: hipec\n  approach: open\n  primary_procedures: [\"49188\"]\n  tumor_length_sum_cm: {value}\n  perfusion_minutes: 90\n", "case.yaml", DocumentFormat.Yaml);
        Assert.Null(read.Case);
        DataError error = Assert.Single(read.Errors);
        Assert.Equal((id, 10, 24), (error.Id, error.Line, error.Column));
        Assert.Contains("tumor", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TumorLength_OnAPipac_IsRefusedAsHipecOnly()
    {
        var read = CaseFile.Parse("case_id: x\ndate_of_service: 2026-03-14\nclaim: professional\npayer: medicare\ndiagnoses: [Z51.11, C16.9]\nprocedure: { kind: pipac, cycle: 1, exposure_minutes: 30, tumor_length_sum_cm: 4 }\n", "case.yaml", DocumentFormat.Yaml);
        Assert.Null(read.Case);
        Assert.Contains("tumor_length_sum_cm", read.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TumorLength_AtItsLimit_IsRead()
        => Assert.Equal(1000m, ((HipecProcedure)CaseFile.Parse("case_id: x\ndate_of_service: 2026-03-14\nclaim: professional\npayer: medicare\ndiagnoses: [C45.1]\nprocedure: { kind: hipec, approach: open, primary_procedures: [\"49190\"], tumor_length_sum_cm: 1000, perfusion_minutes: 90 }\n", "case.yaml", DocumentFormat.Yaml).Case!.Procedure).TumorLengthSum!.Value.Centimetres);

    /// <summary>The guard against a stale code set: nothing any bundled example codes may carry a code outside its validity.</summary>
    [Fact]
    public void EveryExample_EmitsOnlyCodesValidOnItsDateOfService()
    {
        var problems = new List<string>();
        foreach (string file in Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var read = CaseFile.Read(file);
            if (read.Case is not { } codingCase)
            {
                continue;
            }

            var result = RuleSet.Default.Code(codingCase);
            var expectedInvalid = result.Findings.Where(f => f.Id == FindingIds.CodeNotValidOnDate).Select(f => f.Message.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
            foreach (CodeLine line in result.Lines.Where(l => l.System != CodeSystem.Icd10Pcs && !expectedInvalid.Contains(l.Code)))
            {
                if (!RuleSet.Default.InForceOn(codingCase.DateOfService).Codes.Any(c => c.Code == line.Code))
                {
                    problems.Add($"{Path.GetFileName(file)}: {line.Code} on {codingCase.DateOfService:yyyy-MM-dd}");
                }
            }

            // An example dated 2025 on lists no deleted code unless it is the example about one.
            if (codingCase.DateOfService >= new DateTime(2025, 1, 1) && expectedInvalid.Count > 0 && !file.Contains("deleted-code", StringComparison.Ordinal))
            {
                problems.Add($"{Path.GetFileName(file)}: lists {string.Join(", ", expectedInvalid)}, not valid on its date");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void EveryCodeTheShippedTablesName_IsInTheCodeTable_SoItsValidityIsChecked()
    {
        var tables = RuleSet.Default.Provenance;
        var defined = RuleSet.Default.InForceOn(new DateTime(2024, 6, 1)).Codes.Concat(RuleSet.Default.InForceOn(Date2026).Codes).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var named = tables.Where(t => t.File is "add-on-codes.yaml" or "ptp-edits.yaml" or "mue.yaml" or "inpatient-only.yaml")
            .SelectMany(t => t.Rows).SelectMany(r => r.Key.Split(new[] { " with ", "/" }, StringSplitOptions.None)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(named, c => !defined.Contains(c));
    }

    [Fact]
    public void Provenance_CoversEveryTable_AndEveryRowCitesADocument()
    {
        var tables = RuleSet.Default.Provenance;
        Assert.Equal(
            new[] { "Codes", "Drug codes and billing units", "Separately payable flags", "Payer policies", "Revenue codes", "POA reporting", "POA-exempt codes", "AOC edits", "PTP edits (practitioner)", "PTP edits (outpatient hospital)", "MUE (practitioner)", "MUE (outpatient hospital)", "ICD-10-CM codes", "ICD-10-PCS codes", "Inpatient-only codes" },
            tables.Select(t => t.Name));
        Assert.All(tables.SelectMany(t => t.Rows), r => Assert.False(string.IsNullOrWhiteSpace(r.Source.Document)));
        Assert.All(tables.SelectMany(t => t.Rows).Where(r => !r.Source.Confirmed), r => Assert.False(string.IsNullOrWhiteSpace(r.Source.Note), r.Key));
        Assert.All(tables, t => Assert.Equal(t.Rows.Count, t.Confirmed + t.ToConfirm));
    }

    [Fact]
    public void Provenance_ConfirmsWhatPublicSourcesConfirm()
    {
        var codes = RuleSet.Default.Provenance.Single(t => t.Name == "Codes");
        Assert.Equal(
            new[] { "96547", "96548", "49203", "49204", "49205", "49186", "49187", "49188", "49189", "49190" }.OrderBy(c => c, StringComparer.Ordinal),
            codes.Rows.Where(r => r.Source.Confirmed).Select(r => r.Key).OrderBy(c => c, StringComparer.Ordinal));
        Assert.Contains(RuleSet.Default.Provenance.Single(t => t.Name == "ICD-10-CM codes").Rows, r => r.Key == "C56.3" && r.Source.Confirmed);
        Assert.Contains(RuleSet.Default.Provenance.Single(t => t.Name == "MUE (practitioner)").Rows, r => r.Key == "96548" && !r.Source.Confirmed && r.Source.Id == "mue-96548-placeholder");
    }
}
