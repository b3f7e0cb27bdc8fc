using System.IO;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

public sealed class CaseFileTests
{
    public static TheoryData<string> BrokenCaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Paths.Fixtures, "cases")).Select(f => Path.GetFileName(f)).Order())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenCaseFiles))]
    public void BrokenCaseFile_ReportsEveryErrorWithItsPosition(string file)
    {
        CaseReadResult result = CaseFile.Read(Path.Combine(Paths.Fixtures, "cases", file));
        Assert.False(result.Succeeded);
        Assert.Null(result.Case);
        Assert.All(result.Errors, e => Assert.True(e.Line > 0 && e.Column > 0, e.ToString()));
        string listing = string.Join("\n", result.Errors.Select(e => e.ToString().Replace(Paths.Fixtures + Path.DirectorySeparatorChar, string.Empty, System.StringComparison.Ordinal)));
        Snapshot.Match(listing, Path.GetFileNameWithoutExtension(file), "txt");
    }

    [Fact]
    public void UnknownKey_IsReportedAtItsLineAndColumn()
    {
        var error = Assert.Single(CaseFile.Read(Path.Combine(Paths.Fixtures, "cases", "unknown-key.yaml")).Errors, e => e.Id == DataErrorIds.UnknownKey);
        Assert.Equal((10, 3), (error.Line, error.Column));
        Assert.Contains("perfusion_minute", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeDuration_IsAnImpossibleValueAtTheValue()
    {
        var error = Assert.Single(CaseFile.Read(Path.Combine(Paths.Fixtures, "cases", "negative-duration.yaml")).Errors);
        Assert.Equal((DataErrorIds.ImpossibleValue, 10, 22), (error.Id, error.Line, error.Column));
    }

    [Fact]
    public void TruncatedJson_IsASyntaxError() => Assert.Equal(DataErrorIds.Syntax, Assert.Single(CaseFile.Read(Path.Combine(Paths.Fixtures, "cases", "truncated.json")).Errors).Id);

    [Fact]
    public void WrongTypes_AreAllReportedInOnePass()
        => Assert.True(CaseFile.Read(Path.Combine(Paths.Fixtures, "cases", "wrong-types.yaml")).Errors.Count(e => e.Id == DataErrorIds.InvalidValue) >= 4);

    [Fact]
    public void MissingFile_IsAnUnreadableError()
        => Assert.Equal(DataErrorIds.Unreadable, Assert.Single(CaseFile.Read(Path.Combine(Paths.Fixtures, "no-such-file.yaml")).Errors).Id);

    [Fact]
    public void YamlAndJson_OfTheSameCase_ReadTheSame()
    {
        const string yaml = "case_id: a\ndate_of_service: 2026-01-02\nclaim: professional\npayer: medicare\ndiagnoses: [C78.6]\nprocedure: { kind: pipac, cycle: 2, exposure_minutes: 30, biopsies: 1, drugs: [{ name: cisplatin, dose_mg: 12 }] }\n";
        const string json = "{\"case_id\":\"a\",\"date_of_service\":\"2026-01-02\",\"claim\":\"professional\",\"payer\":\"medicare\",\"diagnoses\":[\"C78.6\"],\"procedure\":{\"kind\":\"pipac\",\"cycle\":2,\"exposure_minutes\":30,\"biopsies\":1,\"drugs\":[{\"name\":\"cisplatin\",\"dose_mg\":12}]}}";
        var fromYaml = CaseFile.Parse(yaml, "a.yaml", DocumentFormat.Yaml).Case!;
        var fromJson = CaseFile.Parse(json, "a.json", DocumentFormat.Json).Case!;
        Assert.Equal(RuleSet.Default.Code(fromYaml).Lines(), RuleSet.Default.Code(fromJson).Lines());
        var pipac = Assert.IsType<PipacProcedure>(fromJson.Procedure);
        Assert.Equal((2, 1, SurgicalApproach.Laparoscopic), (pipac.Cycle, pipac.Biopsies, pipac.Approach));
    }
}
