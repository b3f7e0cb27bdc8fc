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
        => Directory.GetFiles(Paths.Examples)
            .Select(f => Path.GetFileName(f))
            .Where(f => f.EndsWith(".yaml", System.StringComparison.Ordinal) || f.EndsWith(".json", System.StringComparison.Ordinal))
            .Order()
            .ToArray();

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleCase_CodesToItsVerifiedResult(string file)
    {
        CaseReadResult read = CaseFile.Read(Path.Combine(Paths.Examples, file));
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Snapshot.Match(ResultJson.Serialize(RuleSet.Default.Code(read.Case!)), Path.GetFileNameWithoutExtension(file));
    }

    [Fact]
    public void Examples_CoverBothProceduresEveryClaimTypeAndBothSidesOf2024()
    {
        var results = ExampleFiles().Select(f => RuleSet.Default.Code(CaseFile.Read(Path.Combine(Paths.Examples, f)).Case!)).ToList();
        Assert.True(results.Count >= 10);
        Assert.Equal(2, results.Select(r => r.Procedure).Distinct().Count());
        Assert.Equal(3, results.Select(r => r.Claim).Distinct().Count());
        Assert.Contains(results, r => r.DateOfService.Year < 2024);
        Assert.Contains(results, r => !r.Ready);
    }
}
