using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

/// <summary>Guards on the shipped data/ folder itself: it validates clean, and nothing in it is dead.</summary>
public sealed class RuleDataTests
{
    /// <summary>
    /// Rules no example can reach with the default rules, each with the reason. Keep this list short: an entry here is
    /// a rule that only a unit test exercises.
    /// </summary>
    private static readonly Dictionary<string, string> ReachableOnlyFromUnitTests = new(StringComparer.Ordinal)
    {
        ["pipac-unlisted-laparoscopy"] = "the alternative PIPAC policy; chosen in PipacRuleTests.UnlistedLaparoscopyPolicy_CodesOneUnlistedLine",
        ["49329"] = "the code of that alternative policy",
        ["pipac-unlisted-laparoscopy-policy"] = "the note of that alternative policy",
        ["hipec-perfusion-plausible"] = "an implausible perfusion is an error; no valid example has one (HardeningTests.HipecPerfusion_OutsideThePlausibleRange_IsAnErrorFinding)",
    };

    private static readonly Lazy<IReadOnlyList<CodingResult>> ExampleResults = new(() =>
        Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => RuleSet.Default.Code(BundledStudies.Read(f).Case!))
            .ToList());

    [Fact]
    public void ShippedData_ValidatesClean()
    {
        RuleSet rules = RuleSet.Load(Paths.Data);
        Assert.Equal(RuleSet.Default.Version, rules.Version);
    }

    [Fact]
    public void EveryCode_IsUsedByAnExample()
    {
        var used = ExampleResults.Value.SelectMany(r => r.Lines).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        // Surgical codes a case lists as its primary procedure (those with an approach) are the case's, not the rules'.
        var dead = RuleSet.Default.Codes.Where(c => c.Approach is null).Select(c => c.Code).Distinct().Where(c => !used.Contains(c) && !ReachableOnlyFromUnitTests.ContainsKey(c)).ToList();
        Assert.True(dead.Count == 0, "Codes no example uses (add an example or remove them): " + string.Join(", ", dead));
    }

    [Fact]
    public void EveryNote_IsUsedByAnExample()
    {
        var used = ExampleResults.Value.SelectMany(r => r.Notes).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var dead = RuleSet.Default.Notes.Keys.Where(n => !used.Contains(n) && !ReachableOnlyFromUnitTests.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(dead.Count == 0, "Notes no example uses (add an example or remove them): " + string.Join(", ", dead));
    }

    [Fact]
    public void EveryRule_IsAppliedByAnExample()
    {
        var used = ExampleResults.Value.SelectMany(r => r.AppliedRules).ToHashSet(StringComparer.Ordinal);
        var dead = RuleSet.Default.RuleIds.Where(r => !used.Contains(r) && !ReachableOnlyFromUnitTests.ContainsKey(r)).ToList();
        Assert.True(dead.Count == 0, "Rules no example applies (add an example or remove them): " + string.Join(", ", dead));
    }

    [Fact]
    public void AllowList_NamesOnlyThingsThatExistAndNoExampleReaches()
    {
        var codes = RuleSet.Default.Codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var known = codes.Concat(RuleSet.Default.Notes.Keys).Concat(RuleSet.Default.RuleIds).ToHashSet(StringComparer.Ordinal);
        var reached = ExampleResults.Value.SelectMany(r => r.AppliedRules.Concat(r.Lines.Select(l => l.Code)).Concat(r.Notes.Select(n => n.Id))).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReachableOnlyFromUnitTests.Keys, k => Assert.True(known.Contains(k) && !reached.Contains(k), k));
    }

    /// <summary>
    /// In YAML, " #" after a plain value starts a comment: "source: SMD #21-005" silently reads as "SMD". Such a value
    /// must be quoted. (A trailing comment after a quoted value, a flow mapping or a list is fine.)
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void NoPlainValue_IsCutShortByAHashSign(string file)
    {
        var cut = File.ReadAllLines(Path.Combine(Paths.Data, file))
            .Select((line, i) => (Line: line, Number: i + 1))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Line, @"^\s*(- )?[a-z_]+: [^""'{\[#\s][^#]*\S #"))
            .Select(l => $"{file}:{l.Number}: {l.Line.Trim()}")
            .ToList();
        Assert.True(cut.Count == 0, "Quote these values, or the text after ' #' is lost:\n" + string.Join("\n", cut));
    }

    public static TheoryData<string> RuleFiles() => new(RuleSchemas.FileNames);

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void CommittedSchema_MatchesWhatTheLoaderAccepts(string file)
    {
        string committed = Path.Combine(Paths.Data, "schema", RuleSchemas.SchemaFileName(file));
        Assert.True(File.Exists(committed), $"Missing {committed}: run 'dotnet run --project src/Coding.Cli -- rules schema data/schema'.");
        Assert.True(
            RuleSchemas.Generate(file) == File.ReadAllText(committed).Replace("\r\n", "\n", StringComparison.Ordinal),
            $"{committed} is out of date with the loader: run 'dotnet run --project src/Coding.Cli -- rules schema data/schema' and commit the result.");
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_PointsEditorsAtItsSchema(string file)
        => Assert.StartsWith($"# yaml-language-server: $schema=schema/{RuleSchemas.SchemaFileName(file)}\n", File.ReadAllText(Path.Combine(Paths.Data, file)), StringComparison.Ordinal);

    [Fact]
    public void Schemas_ForbidUnknownKeysEverywhere()
    {
        var schemas = RuleSchemas.FileNames.Select(f => (File: f, Text: RuleSchemas.Generate(f)))
            .Append((File: "case", Text: IntraperitonealCoding.Maintenance.DocumentSchemas.Case()))
            .Append((File: "result", Text: IntraperitonealCoding.Maintenance.DocumentSchemas.Result()));
        foreach (var (file, text) in schemas)
        {
            var schema = Newtonsoft.Json.Linq.JObject.Parse(text);
            var objects = schema.DescendantsAndSelf().OfType<Newtonsoft.Json.Linq.JObject>().Where(o => o["type"] is Newtonsoft.Json.Linq.JValue { Value: "object" }).ToList();
            Assert.NotEmpty(objects);
            Assert.All(objects, o => Assert.False((bool)o["additionalProperties"]!, file));
        }
    }
}
