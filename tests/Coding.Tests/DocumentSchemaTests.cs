using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

/// <summary>The case-file and result JSON schemas, and reading stored results back with <see cref="ResultJson.Read(string, string)"/>.</summary>
public sealed class DocumentSchemaTests
{
    private static readonly string SchemaDirectory = Path.Combine(Paths.Data, "schema");

    public static TheoryData<string> Examples() => new(ExampleFiles());

    public static TheoryData<string> ResultSnapshots() => new(
        Directory.GetFiles(Path.Combine(Paths.Root, "tests", "Coding.Tests", "Snapshots"), "ExampleCaseTests.ExampleCase_CodesToItsVerifiedResult_*.verified.json").Select(Path.GetFileName).Order()!);

    private static string[] ExampleFiles()
        => Directory.GetFiles(Paths.Examples, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Paths.Examples, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order()
            .ToArray();

    private static JToken ParseJson(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    private static string SnapshotText(string file) => File.ReadAllText(Path.Combine(Paths.Root, "tests", "Coding.Tests", "Snapshots", file));

    [Theory]
    [InlineData(DocumentSchemas.CaseFileName)]
    [InlineData(DocumentSchemas.ResultFileName)]
    public void CommittedSchema_MatchesWhatTheReaderAccepts(string file)
    {
        string generated = file == DocumentSchemas.CaseFileName ? DocumentSchemas.Case() : DocumentSchemas.Result();
        string committed = Path.Combine(SchemaDirectory, file);
        Assert.True(File.Exists(committed) && generated == File.ReadAllText(committed).Replace("\r\n", "\n", StringComparison.Ordinal), $"{committed} is out of date: run 'dotnet run --project src/Coding.Cli -- rules schema data/schema' and commit it.");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ValidatesAgainstTheCaseSchema(string file)
    {
        string text = File.ReadAllText(Path.Combine(Paths.Examples, file));
        JToken value = file.EndsWith(".json", StringComparison.Ordinal) ? ParseJson(text) : JsonSchemaCheck.FromYaml(text);
        Assert.Empty(JsonSchemaCheck.Problems(value, JObject.Parse(DocumentSchemas.Case())));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void YamlExample_PointsEditorsAtTheCaseSchema(string file)
    {
        if (!file.EndsWith(".yaml", StringComparison.Ordinal))
        {
            return;
        }

        string relative = string.Concat(Enumerable.Repeat("../", file.Count(c => c == '/') + 1)) + "data/schema/" + DocumentSchemas.CaseFileName;
        Assert.Contains($"# yaml-language-server: $schema={relative}\n", File.ReadAllText(Path.Combine(Paths.Examples, file)).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResultSnapshots))]
    public void ResultSnapshot_ValidatesAgainstTheResultSchema(string file)
        => Assert.Empty(JsonSchemaCheck.Problems(ParseJson(SnapshotText(file)), JObject.Parse(DocumentSchemas.Result())));

    [Theory]
    [MemberData(nameof(ResultSnapshots))]
    public void ResultSnapshot_ReadsBackToTheSameJson(string file)
    {
        string json = SnapshotText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
        ResultReadResult read = ResultJson.Read(json, file);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        var result = Assert.Single(read.Results);
        Assert.Equal(json.TrimEnd('\n'), ResultJson.Serialize(result).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaCheck_CanFail_OnAnUnknownKeyAWrongTypeAndAMissingKey()
    {
        var schema = JObject.Parse(DocumentSchemas.Case());
        var problems = JsonSchemaCheck.Problems(JsonSchemaCheck.FromYaml("case_id: 7\ndate_of_service: 2026-3-1\nclaim: dental\npayer: medicare\ndiagnoses: [C78.6]\nsurprise: 1\n"), schema);
        Assert.Contains("$.surprise: false: All values fail against the false schema", problems); // additionalProperties: false
        Assert.Contains(problems, p => p.StartsWith("$: required: ", StringComparison.Ordinal) && p.Contains("\"procedure\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.case_id: type: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.date_of_service: pattern: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.claim: enum: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AnArray_GivesEveryResultInOrder()
    {
        var results = ExampleFiles().Take(3).Select(f => RuleSet.Default.Code(CaseFile.Read(Path.Combine(Paths.Examples, f)).Case!)).ToList();
        ResultReadResult read = ResultJson.Read(ResultJson.Serialize(results), "results.json");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(results.Select(r => r.CaseId), read.Results.Select(r => r.CaseId));
        Assert.Equal(results.Select(r => ResultJson.Serialize(r)), read.Results.Select(r => ResultJson.Serialize(r)));
    }

    private static string Stored() => SnapshotText("ExampleCaseTests.ExampleCase_CodesToItsVerifiedResult_trial-pipac-commercial-professional.verified.json");

    [Theory]
    [InlineData("\"ready\": true", "\"ready\": true,\n  \"surprise\": 1", "DATA002: Unknown key 'surprise'")]
    [InlineData("\"units\": 1,", "\"units\": \"one\",", "DATA004:")]
    [InlineData("\"modifiers\": [\n        \"Q1\"", "\"modifiers\": [\n        \"q1\"", "DATA004: 'q1' is not a modifier (two upper-case letters or digits).")]
    [InlineData("\"diagnosis_pointers\": [\n        1,", "\"diagnosis_pointers\": [\n        9,", "CASE001: Diagnosis pointer 9 points at no diagnosis (the result has 4).")]
    [InlineData("\"ready\": true", "\"ready\": false", "CASE002: ready is false, but no finding is an error.")]
    [InlineData("\"case_id\": \"trial-commercial-professional\",", "", "DATA005: Missing required key 'case_id'.")]
    public void Read_BadResult_IsALocatedError(string find, string replace, string error)
    {
        string json = Stored().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(find, json, StringComparison.Ordinal);
        ResultReadResult read = ResultJson.Read(json.Replace(find, replace, StringComparison.Ordinal), "stored.json");
        Assert.False(read.Succeeded);
        Assert.Empty(read.Results);
        Assert.Contains(read.Errors, e => e.ToString().StartsWith("stored.json:", StringComparison.Ordinal) && e.Line > 0 && e.ToString().Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ReadyResultWithAnErrorFinding_IsRefused()
    {
        string json = SnapshotText("ExampleCaseTests.ExampleCase_CodesToItsVerifiedResult_hipec-no-primary.verified.json").Replace("\"ready\": false", "\"ready\": true", StringComparison.Ordinal);
        var error = Assert.Single(ResultJson.Read(json, "stored.json").Errors);
        Assert.Equal("CASE002", error.Id);
        Assert.Contains("ready is true, but the findings hold an error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedJson_IsALocatedSyntaxError()
    {
        string json = Stored();
        ResultReadResult read = ResultJson.Read(json.Substring(0, json.Length / 2), "stored.json");
        Assert.False(read.Succeeded);
        Assert.Equal(DataErrorIds.Syntax, read.Errors[0].Id);
    }
}
