using System.IO;
using System.Linq;
using Coding.Cases.Reading;
using Coding.Output;
using Coding.Rules;
using Coding.Tests.Infrastructure;
using Xunit;

namespace Coding.Tests;

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
        foreach (var payer in System.Enum.GetValues<Coding.Cases.PayerType>())
        {
            Assert.Contains(cases, c => c.Payer == payer && c.Trial is null);
            Assert.Contains(cases, c => c.Payer == payer && c.Trial is not null);
        }

        Assert.Contains(cases, c => c.Payer == Coding.Cases.PayerType.MedicareAdvantage && c.Trial is { Ide: not null });
        Assert.Contains(cases, c => c.Procedure.Drugs.Any(d => d.SuppliedBySponsor));
    }

    [Fact]
    public void PipacCourse_PrintsItsThreeCycleGrid()
    {
        var cycles = Directory.GetFiles(Path.Combine(Paths.Examples, "pipac-course-nct04329494")).Order().Select(f => RuleSet.Default.Code(BundledStudies.Read(f).Case!));
        Snapshot.Match(Coverage.BillingGrid.Build(cycles, BundledStudies.Pipac).ToCsv(), extension: "csv");
    }
}
