using System.IO;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The whole coding result of every case in examples/, against its committed snapshot: a rule change shows up here as a
/// reviewable diff of lines, units, modifiers, notes and findings.
/// </summary>
public sealed class ExampleCaseTests
{
    public static TheoryData<string> Examples() => new(ExampleFiles());

    private static string[] ExampleFiles()
        => Directory.GetFiles(Paths.Examples, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Paths.Examples, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.EndsWith(".yaml", System.StringComparison.Ordinal) || f.EndsWith(".json", System.StringComparison.Ordinal))
            .Order()
            .ToArray();

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleCase_CodesToItsVerifiedResult(string file)
    {
        CaseReadResult read = BundledStudies.Read(Path.Combine(Paths.Examples, file));
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        string name = Path.ChangeExtension(file, null).Replace('/', '_');
        Snapshot.Match(Snapshot.ScrubRulesVersion(ResultJson.Serialize(RuleSet.Default.Code(read.Case!))), name);
    }

    /// <summary>The X12 837 fragment of every example (or why it is not written), so a claim-format change is a reviewable diff.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleCase_RendersToItsVerifiedX12(string file)
    {
        var result = Code(file);
        X12Rendering x12 = ResultX12.Render(result);
        string text = x12.Succeeded ? string.Concat(x12.Claims.Select(c => $"# claim to {WireNames.Of(c.BillTo)}\n{c.Text}")) : "# not written\n" + string.Join("\n", x12.Problems);
        Snapshot.Match(text, Path.ChangeExtension(file, null).Replace('/', '_'), "x12.txt");
    }

    /// <summary>The CSV of every example: one row per line with every claim field.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleCase_RendersToItsVerifiedCsv(string file)
        => Snapshot.Match(ResultCsv.Serialize(new[] { Code(file) }), Path.ChangeExtension(file, null).Replace('/', '_'), "csv");

    /// <summary>Reads each example's X12 back segment by segment and finds every field of the result in it.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleCase_X12ReadsBackToTheResult(string file)
    {
        var result = Code(file);
        X12Rendering x12 = ResultX12.Render(result);
        Assert.Equal(result.Ready, x12.Succeeded);
        foreach (X12Claim claim in x12.Claims)
        {
            var segments = X12Reader.Read(claim.Text);
            Assert.Equal(claim.Segments.Count, segments.Count);
            var clm = segments[0];
            Assert.Equal("CLM", clm.Id);
            Assert.Equal(claim.PatientControlNumber, clm[1]);
            var billed = result.Lines.Where(l => l.BillTo == claim.BillTo).ToList();

            // Every billed line is a service line; a PCS procedure's by its revenue code alone (its code is in HI).
            var serviceLines = billed;
            var sv = segments.Where(s => s.Id is "SV1" or "SV2").ToList();
            Assert.Equal(serviceLines.Count, sv.Count);
            Assert.Equal(Enumerable.Range(1, serviceLines.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), segments.Where(s => s.Id == "LX").Select(s => s[1]));
            Assert.Equal(claim.Segments, claim.ClaimSegments.Concat(claim.ServiceLines.SelectMany(l => l.Segments)));
            Assert.All(claim.ServiceLines, l => Assert.StartsWith("LX", l.Segments[0], System.StringComparison.Ordinal));
            for (int i = 0; i < sv.Count; i++)
            {
                var line = serviceLines[i];
                bool professional = sv[i].Id == "SV1";
                string[] procedure = sv[i].Components(professional ? 1 : 2);
                var expected = line.System == CodeSystem.Icd10Pcs ? new[] { string.Empty } : new[] { "HC", line.Code }.Concat(line.ModifierCodes()).ToArray();
                if (line.Description is { } description)
                {
                    expected = expected.Concat(Enumerable.Repeat(string.Empty, 6 - expected.Length)).Append(description).ToArray();
                }

                Assert.Equal(expected, procedure);
                Assert.Equal(line.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), sv[i][professional ? 4 : 5]);
                if (professional)
                {
                    Assert.Equal(line.DiagnosisPointers.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), sv[i].Components(7));
                }
                else
                {
                    Assert.Equal(line.RevenueCode, sv[i][1]);
                    Assert.Equal(line.NonCoveredCharges ? "0" : string.Empty, sv[i][7]);
                }
            }

            var diagnoses = segments.Where(s => s.Id == "HI").SelectMany(s => Enumerable.Range(1, s.Count).Select(e => s.Components(e)))
                .Where(c => c[0] is "ABK" or "ABF").ToList();
            Assert.Equal(result.Diagnoses.Select(d => d.Replace(".", string.Empty, System.StringComparison.Ordinal)), diagnoses.Select(c => c[1]));
            if (result.Claim == ClaimType.FacilityInpatient)
            {
                // POA is the ninth component of each diagnosis composite; a POA-exempt code has none.
                Assert.Equal(result.ClaimForm.PresentOnAdmission.Select(p => p is null ? null : WireNames.Of(p.Value)), diagnoses.Select(c => c.Length >= 9 ? c[8] : null));
                Assert.Equal(result.ClaimForm.AdmittingDiagnosis?.Replace(".", string.Empty, System.StringComparison.Ordinal), segments.SelectMany(s => s.Id == "HI" ? Enumerable.Range(1, s.Count).Select(e => s.Components(e)) : Enumerable.Empty<string[]>()).SingleOrDefault(c => c[0] == "ABJ")?[1]);
                Assert.Equal(result.ClaimForm.AdmissionDate?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), segments.SingleOrDefault(s => s.Id == "DTP" && s[1] == "435")?[3]);
            }

            var trial = segments.SingleOrDefault(s => s.Id == "REF" && s[1] == "P4");
            Assert.Equal(result.ClaimMarkers.ClinicalTrialNumber, trial?[2]);
            var ide = segments.SingleOrDefault(s => s.Id == "REF" && s[1] == "LX");
            Assert.Equal(result.ClaimMarkers.Ide, ide?[2]);
            var ndcs = segments.Where(s => s.Id == "LIN").Select(s => s[3]).ToList();
            Assert.Equal(serviceLines.Where(l => l.Ndc is not null).Select(l => l.Ndc!.Code.Digits), ndcs);
        }
    }

    /// <summary>The ready institutional examples: their 837I fragments are checked against the implementation guide's order.</summary>
    public static TheoryData<string> InstitutionalExamples()
        => new(ExampleFiles().Where(f => Code(f) is { Ready: true, ClaimForm.Form: ClaimFormType.Institutional837I }));

    /// <summary>
    /// The segments we write, in the order 005010X223A2 puts them: loop 2300 (CLM; DTP 434 then 435; REF LX then P4; HI
    /// principal, admitting, other diagnoses, principal and other procedures, condition codes), then each loop 2400 (LX,
    /// SV2, DTP 472, then 2410 LIN and CTP).
    /// </summary>
    private static readonly string[] InstitutionalOrder = { "CLM", "DTP*434", "DTP*435", "REF*LX", "REF*P4", "HI*ABK", "HI*ABJ", "HI*ABF", "HI*BBR", "HI*BBQ", "HI*BG" };

    private static readonly string[] ServiceLineOrder = { "LX", "SV2", "DTP*472", "LIN", "CTP" };

    [Theory]
    [MemberData(nameof(InstitutionalExamples))]
    public void ExampleCase_837I_PutsEverySegmentWhereTheImplementationGuideDoes(string file)
    {
        foreach (X12Claim claim in ResultX12.Render(Code(file)).Claims)
        {
            static string Key(X12Segment s) => s.Id is "DTP" or "REF" ? s.Id + "*" + s[1] : s.Id == "HI" ? "HI*" + s.Components(1)[0] : s.Id;
            var header = X12Reader.Read(string.Join("~", claim.ClaimSegments) + "~").Select(Key).ToList();
            Assert.Equal("CLM", header[0]);
            Assert.All(header, k => Assert.Contains(k, InstitutionalOrder));
            Assert.Equal(header.OrderBy(k => System.Array.IndexOf(InstitutionalOrder, k)), header);
            Assert.NotEmpty(claim.ServiceLines);
            foreach (X12ServiceLine line in claim.ServiceLines)
            {
                var keys = X12Reader.Read(string.Join("~", line.Segments) + "~").Select(Key).ToList();
                Assert.Equal(new[] { "LX", "SV2" }, keys.Take(2));
                Assert.All(keys, k => Assert.Contains(k, ServiceLineOrder));
                Assert.Equal(keys.OrderBy(k => System.Array.IndexOf(ServiceLineOrder, k)), keys);
            }
        }
    }

    private static CodingResult Code(string file)
        => RuleSet.Default.Code(BundledStudies.Read(Path.Combine(Paths.Examples, file)).Case!);

    [Fact]
    public void Examples_CoverBothProceduresEveryClaimTypeAndBothSidesOf2024()
    {
        var results = ExampleFiles().Select(f => RuleSet.Default.Code(BundledStudies.Read(Path.Combine(Paths.Examples, f)).Case!)).ToList();
        Assert.True(results.Count >= 10);
        Assert.Equal(2, results.Select(r => r.Procedure).Distinct().Count());
        Assert.Equal(3, results.Select(r => r.Claim).Distinct().Count());
        Assert.Contains(results, r => r.DateOfService.Year < 2024);
        Assert.Contains(results, r => !r.Ready);
    }

    [Fact]
    public void Examples_CoverEveryPayerInsideAndOutsideATrial()
    {
        var cases = ExampleFiles().Select(f => BundledStudies.Read(Path.Combine(Paths.Examples, f)).Case!).ToList();
        foreach (var payer in System.Enum.GetValues<PayerType>())
        {
            Assert.Contains(cases, c => c.Payer == payer && c.Trial is null);
            Assert.Contains(cases, c => c.Payer == payer && c.Trial is not null);
        }

        Assert.Contains(cases, c => c.Payer == PayerType.MedicareAdvantage && c.Trial is { Ide: not null });
        Assert.Contains(cases, c => c.Procedure.Drugs.Any(d => d.SuppliedBySponsor));
    }

    [Fact]
    public void PipacCourse_PrintsItsThreeCycleGrid()
    {
        var cycles = Directory.GetFiles(Path.Combine(Paths.Examples, "pipac-course-nct04329494")).Order().Select(f => RuleSet.Default.Code(BundledStudies.Read(f).Case!));
        Snapshot.Match(IntraperitonealCoding.Research.BillingGrid.Build(cycles, BundledStudies.Pipac).ToCsv(), extension: "csv");
    }
}
