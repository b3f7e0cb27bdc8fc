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
            var serviceLines = billed.Where(l => l.System != CodeSystem.Icd10Pcs).ToList();
            var sv = segments.Where(s => s.Id is "SV1" or "SV2").ToList();
            Assert.Equal(serviceLines.Count, sv.Count);
            Assert.Equal(Enumerable.Range(1, serviceLines.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), segments.Where(s => s.Id == "LX").Select(s => s[1]));
            for (int i = 0; i < sv.Count; i++)
            {
                var line = serviceLines[i];
                bool professional = sv[i].Id == "SV1";
                string[] procedure = sv[i].Components(professional ? 1 : 2);
                Assert.Equal(new[] { "HC", line.Code }.Concat(line.ModifierCodes()), procedure);
                Assert.Equal(line.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), sv[i][professional ? 4 : 5]);
                if (professional)
                {
                    Assert.Equal(line.DiagnosisPointers.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), sv[i].Components(7));
                }
                else
                {
                    Assert.Equal(line.RevenueCode, sv[i][1]);
                }
            }

            var diagnoses = segments.Where(s => s.Id == "HI").SelectMany(s => Enumerable.Range(1, s.Count).Select(e => s.Components(e)))
                .Where(c => c[0] is "ABK" or "ABF").Select(c => c[1]).ToList();
            Assert.Equal(result.Diagnoses.Select(d => d.Replace(".", string.Empty, System.StringComparison.Ordinal)), diagnoses);
            var trial = segments.SingleOrDefault(s => s.Id == "REF" && s[1] == "P4");
            Assert.Equal(result.ClaimMarkers.ClinicalTrialNumber, trial?[2]);
            var ide = segments.SingleOrDefault(s => s.Id == "REF" && s[1] == "LX");
            Assert.Equal(result.ClaimMarkers.Ide, ide?[2]);
            var ndcs = segments.Where(s => s.Id == "LIN").Select(s => s[3]).ToList();
            Assert.Equal(serviceLines.Where(l => l.Ndc is not null).Select(l => l.Ndc!.Code.Digits), ndcs);
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
