using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The batch's record writer: a full record is byte for byte <c>ResultJson.Serialize(result, false)</c> escaped for a
/// terminal, and a compact record put back by the documented rule (missing keys get their empty value, note ids their
/// note from the notes file) is byte for byte the full record.
/// </summary>
public sealed class BatchRecordTests
{
    private static readonly Lazy<CodingResult[]> Results = new(() =>
        BatchCoder.Code(RuleSet.Default, CaseGenerator.Generate(1500, seed: 33)).Select(r => r.Result!).ToArray());

    [Fact]
    public void FullRecords_AreTheResultJsonFormByteForByte()
    {
        var writer = new RecordWriter(16);
        foreach (CodingResult result in Results.Value)
        {
            writer.Clear();
            writer.Result(result, RuleSet.Default.Notes, compactForm: false);
            Assert.Equal(SafeText.EscapeJson(ResultJson.Serialize(result, indented: false)), new string(writer.Buffer, 0, writer.Length));
        }
    }

    [Fact]
    public void AnyTextInARecord_IsEscapedAsTheNewtonsoftWriterAndSafeTextDoIt()
        => Prop.ForAll<string>(text =>
        {
            // The case id is the one text of a result a case file sets freely (up to 200 characters).
            string id = new string((text ?? string.Empty).Take(200).ToArray());
            string line = CaseGenerator.Generate(1, seed: 8).Single().Replace("\"gen-hipec-1\"", JsonConvert.ToString(id), StringComparison.Ordinal)
                .Replace("\"gen-pipac-1\"", JsonConvert.ToString(id), StringComparison.Ordinal);
            CodingResult? result = BatchCoder.Code(RuleSet.Default, new[] { line }).Single().Result;
            if (result is null)
            {
                return true; // A blank id is refused by the reader; nothing to write.
            }

            var writer = new RecordWriter();
            writer.Result(result, RuleSet.Default.Notes, compactForm: false);
            return SafeText.EscapeJson(ResultJson.Serialize(result, indented: false)) == new string(writer.Buffer, 0, writer.Length);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CompactRecords_PutBackByTheDocumentedRule_AreTheFullRecords(int parallelism)
    {
        string input = string.Join("\n", CaseGenerator.Generate(800, seed: 12)) + "\n{\"broken\n\n";
        string full = Run(input, new BatchOptions(parallelism));
        string compact = Run(input, new BatchOptions(parallelism).WithCompact());
        using var notesText = new StringWriter();
        BatchCoder.WriteNotes(RuleSet.Default, notesText);
        var notes = JObject.Parse(notesText.ToString())["notes"]!.ToDictionary(n => (string)n["id"]!, n => (JObject)n);

        string[] fullLines = full.Split('\n');
        string[] compactLines = compact.Split('\n');
        Assert.Equal(fullLines.Length, compactLines.Length);
        for (int i = 0; i < fullLines.Length - 1; i++)
        {
            string expanded = Expand(compactLines[i], notes);
            Assert.Equal(fullLines[i], expanded);
            if (!fullLines[i].Contains("\"unreadable\":true", StringComparison.Ordinal))
            {
                Assert.True(ResultJson.Read(expanded, "expanded").Errors.Count == 0, expanded);
            }
        }

        Assert.True(compact.Length < full.Length * 0.65, $"compact {compact.Length} vs full {full.Length} characters");
    }

    [Fact]
    public void CompactRecords_LeaveOutEmptyValuesAndNoteTexts_ButAlwaysSayWhetherReady()
    {
        string compact = Run(string.Join("\n", CaseGenerator.Generate(200, seed: 3)) + "\n", new BatchOptions().WithCompact());
        foreach (string line in compact.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JObject.Parse(line);
            Assert.NotNull(record["ready"]);
            Assert.DoesNotContain(record.Descendants().OfType<JProperty>(), p => p.Name != "ready" && p.Value.Type is JTokenType.Null || (p.Value is JArray { Count: 0 }) || (p.Value.Type == JTokenType.Boolean && !(bool)p.Value && p.Name != "ready"));
            Assert.All(record["notes"] ?? new JArray(), n => Assert.Equal(JTokenType.String, n.Type));
        }
    }

    [Fact]
    public void TheNotesFile_HoldsEveryNoteOfTheRuleSetOnce_SortedById()
    {
        using var text = new StringWriter();
        BatchCoder.WriteNotes(RuleSet.Default, text);
        var file = JObject.Parse(text.ToString());
        Assert.Equal(RuleSet.Default.Version, (string?)file["rules_version"]);
        var ids = file["notes"]!.Select(n => (string)n["id"]!).ToList();
        Assert.Equal(RuleSet.Default.Notes.Keys.OrderBy(k => k, StringComparer.Ordinal), ids);
        Assert.All(file["notes"]!, n => Assert.Equal(RuleSet.Default.Notes[(string)n["id"]!].Text, (string?)n["text"]));
        Assert.EndsWith("}\n", text.ToString(), StringComparison.Ordinal);
    }

    private static string Run(string input, BatchOptions options)
    {
        using var output = new StringWriter();
        BatchCoder.Run(RuleSet.Default, new StringReader(input), output, options);
        return output.ToString();
    }

    /// <summary>The rule in docs/performance.md: each missing key of the result form back with its empty value, each note id its note.</summary>
    private static string Expand(string compact, IReadOnlyDictionary<string, JObject> notes)
    {
        var record = JObject.Parse(compact, new JsonLoadSettings());
        if (record["unreadable"] is not null || record["failed"] is not null)
        {
            return compact; // Error records have one form.
        }

        using var reader = new JsonTextReader(new StringReader(compact)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        var parsed = JObject.Load(reader);
        if (parsed["notes"] is JArray ids)
        {
            parsed["notes"] = new JArray(ids.Select(n => n.Type == JTokenType.String ? notes[(string)n!] : n));
        }

        JObject full = Fill(parsed, typeof(ResultDto));
        using var text = new StringWriter();
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            full.WriteTo(json);
        }

        return SafeText.EscapeJson(text.ToString());
    }

    /// <summary>The object with every key of the DTO type, in the type's (and so the writer's) order.</summary>
    private static JObject Fill(JObject given, Type dto)
    {
        var full = new JObject();
        foreach (PropertyInfo property in dto.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.DeclaringType != typeof(IntraperitonealCoding.Documents.LocatedDto)))
        {
            string key = WireNames.ToSnakeCase(property.Name);
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            JToken? value = given[key];
            bool isList = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);
            Type? element = isList ? type.GetGenericArguments()[0] : null;
            full[key] = value switch
            {
                null => isList ? new JArray() : type == typeof(bool) ? new JValue(false) : JValue.CreateNull(),
                JObject nested when typeof(IntraperitonealCoding.Documents.LocatedDto).IsAssignableFrom(type) => Fill(nested, type),
                JArray items when element is not null && typeof(IntraperitonealCoding.Documents.LocatedDto).IsAssignableFrom(element) => new JArray(items.Select(i => Fill((JObject)i, element))),
                _ => value,
            };
        }

        return full;
    }
}
