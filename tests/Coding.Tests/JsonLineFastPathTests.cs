using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

// Mutations splice strings; the span-based form would only obscure them.
#pragma warning disable CA1845
namespace IntraperitonealCoding.Tests;

/// <summary>
/// The JSON Lines fast path (<see cref="JsonLineMapper"/>) against the document reader it stands in for: for every
/// generated, example, corpus or mutated line, reading it as the batch does gives the same case (the same DTO, value
/// positions included, and the same coded result) or the same located errors as <see cref="CaseFile.Parse(string, string, DocumentFormat, ReadLimits)"/>.
/// </summary>
public sealed class JsonLineFastPathTests
{
    private static readonly string[] Replacements =
    {
        "null", "true", "false", "0", "-0", "-0.0", "0.0", "01", "1.50", "100.0", "1e2", "1E-2", "-5", "7", "2147483648", "-2147483649",
        "99999999999999999", "123456789012345", "1234567890123456", "0.000000000000001", "1.", ".5", "+1", "0x10", "NaN", "Infinity",
        "\"\"", "\"x\"", "\" \"", "\"2026-02-30\"", "\"2026-3-14\"", "\"2026-03-14\"", "\"a\\\"b\"", "\"\\u0041\"", "\"\\uD800\"", "'x'",
        "[]", "{}", "[null]", "[1]", "[\"C78.6\"]", "{\"min\":1}", "\"\u0085\"", "\"\t\"", "\"\u202e\"", "\"\uffff\"", "\"é²\"", "tru", "nul",
        "\"hipec\"", "\"pipac\"", "\"open\"", "\"medicare\"", "\"professional\"", "\"facility_inpatient\"", "\"mg\"", "\"biopsies\"",
    };

    private static readonly string[] Spaces = { " ", "\t", "\r", "\u00a0", "\u2028", "/* c */", "//" };

    private static readonly Lazy<string[]> Generated = new(() => CaseGenerator.Generate(600, seed: 21).ToArray());

    private static readonly Lazy<string[]> Examples = new(() =>
        Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CaseFile.Read(f).Succeeded ? ToJsonLine(File.ReadAllText(f), DocumentReader.FormatOf(f)) : null)
            .Where(l => l is not null)
            .Select(l => l!)
            .ToArray());

    [Fact]
    public void EveryGeneratedAndExampleLine_IsTakenByTheFastPath()
    {
        // Otherwise the batch would quietly run on the slow path; the examples bring the keys the generator never writes.
        Assert.True(Examples.Value.Length >= 30, "examples converted: " + Examples.Value.Length);
        foreach (string line in Generated.Value.Concat(Examples.Value))
        {
            char[] chars = line.ToCharArray();
            Assert.True(JsonLineMapper.TryMap<CaseDto>(chars, 0, chars.Length, ReadLimits.Default) is not null, line);
        }
    }

    [Fact]
    public void GeneratedAndExampleLines_GiveTheDocumentReadersDtoAndCase()
    {
        foreach (string line in Generated.Value.Concat(Examples.Value))
        {
            AssertSame(line, ReadLimits.Default);
        }
    }

    [Fact]
    public void EveryCorpusLine_GivesTheSameCaseOrTheSameLocatedErrors()
    {
        int lines = 0;
        foreach (string file in CorpusRunner.Files("jsonl"))
        {
            byte[] bytes = File.ReadAllBytes(file);
            var reader = new JsonLinesReader(new StringReader(SourceText.Decode(bytes, bytes.Length)), ReadLimits.DefaultMaxLineBytes);
            while (reader.Next() is { } line)
            {
                if (line.Text is { } text)
                {
                    AssertSame(text, ReadLimits.Default);
                    lines++;
                }
            }
        }

        Assert.True(lines > 20, "corpus lines read: " + lines);
    }

    [Fact]
    public void AnyTokenReplaced_GivesTheSameCaseOrTheSameLocatedErrors()
        => Prop.ForAll<int, int, int>((which, token, replacement) =>
        {
            string line = Pick(which);
            var tokens = Tokens(line);
            var (start, length) = tokens[Math.Abs(token % tokens.Count)];
            string mutated = line.Substring(0, start) + Replacements[Math.Abs(replacement % Replacements.Length)] + line.Substring(start + length);
            AssertSame(mutated, ReadLimits.Default);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1500));

    [Fact]
    public void AnyKeyDroppedDuplicatedOrMisspelt_OrSpaceInserted_GivesTheSameCaseOrTheSameErrors()
        => Prop.ForAll<int, int, int>((which, at, kind) =>
        {
            string line = Pick(which);
            var keys = Keys(line);
            var (start, length) = keys[Math.Abs(at % keys.Count)];
            string mutated = Math.Abs(kind % 5) switch
            {
                0 => line.Substring(0, start) + line.Substring(start + length).TrimStart(','), // drop "key": value (and its comma)
                1 => line.Substring(0, start) + line.Substring(start, length).TrimEnd(',') + "," + line.Substring(start), // give it twice
                2 => line.Substring(0, start + 2) + "x" + line.Substring(start + 2), // misspell the key
                3 => line.Substring(0, start) + Spaces[Math.Abs(kind / 5 % Spaces.Length)] + line.Substring(start), // space before the key
                _ => line.Substring(0, start + 1) + line.Substring(start + 1).ToUpperInvariant(), // shout the rest
            };
            AssertSame(mutated, ReadLimits.Default);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(800));

    [Fact]
    public void AnyByteMutation_GivesTheSameCaseOrTheSameLocatedErrors()
        => Prop.ForAll<int, int[]>((which, operations) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Pick(which));
            var list = new List<byte>(bytes);
            foreach (int operation in (operations ?? Array.Empty<int>()).Take(6))
            {
                int n = operation & int.MaxValue;
                int at = list.Count == 0 ? 0 : n / 4 % list.Count;
                switch (n % 4)
                {
                    case 0 when list.Count > 0: list.RemoveAt(at); break;
                    case 1 when list.Count > 0: list.Insert(at, list[at]); break;
                    case 2: list.Insert(at, unchecked((byte)(n >> 12))); break;
                    default: list.RemoveRange(at, Math.Min(list.Count - at, (n >> 8) % 30)); break;
                }
            }

            AssertSame(SourceText.Decode(list.ToArray(), list.Count).Replace("\n", string.Empty, StringComparison.Ordinal), ReadLimits.Default);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TighterLimits_AreKeptTheSame(int limit)
    {
        // A depth or list-length limit a valid case crosses must give the document reader's error, not a case.
        var limits = ReadLimits.Default.WithMaxDepth(limit).WithMaxListItems(limit);
        foreach (string line in Generated.Value.Take(80).Concat(Examples.Value))
        {
            AssertSame(line, limits);
        }
    }

    /// <summary>The batch's read (fast path, else the document reader) against the document reader alone.</summary>
    private static void AssertSame(string line, ReadLimits limits)
    {
        CaseReadResult expected = string.IsNullOrWhiteSpace(line)
            ? CaseFile.Parse("{}", "t:1", DocumentFormat.Json, limits) // never compared: both sides take the empty-line path
            : CaseFile.Parse(line, "t:1", DocumentFormat.Json, limits);
        if (limits == ReadLimits.Default)
        {
            // What the batch itself gives for the line, fast path or not.
            BatchRecord record = BatchCoder.Code(RuleSet.Default, new[] { line }, "t").Single();
            Assert.Equal(string.IsNullOrWhiteSpace(line) ? record.Errors : expected.Errors, record.Errors);
            Assert.Equal(expected.Succeeded, record.Result is not null);
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        char[] chars = line.ToCharArray();
        CaseDto? fast = JsonLineMapper.TryMap<CaseDto>(chars, 0, chars.Length, limits);
        if (fast is null)
        {
            return; // Given up: the batch reads the line through the document reader itself.
        }

        var sink = new DataErrorSink("t:1", limits: limits);
        CaseDto? slow = JsonDocumentReader.Read(line, sink) is { } root ? StrictMapper.Map<CaseDto>(root, sink) : null;
        Assert.False(sink.HasErrors, $"the fast path took a line the document reader refuses:\n{line}\n{string.Join("\n", sink.Errors)}");
        AssertSameDto(slow!, fast, "case", line);

        CaseReadResult actual = CaseFile.Build(fast, new DataErrorSink("t:1", limits: limits), "t:1");
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(expected.Succeeded, actual.Succeeded);
        if (expected.Succeeded)
        {
            Assert.Equal(ResultJson.Serialize(RuleSet.Default.Code(expected.Case!)), ResultJson.Serialize(RuleSet.Default.Code(actual.Case!)));
        }
    }

    /// <summary>Same values (decimal scale included) and the same mapping and value positions, property by property.</summary>
    private static void AssertSameDto(LocatedDto expected, LocatedDto actual, string path, string line)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: {expected.GetType()} vs {actual.GetType()}\n{line}");
        Assert.True(expected.Start == actual.Start, $"{path}: starts at {expected.Start} vs {actual.Start}\n{line}");
        foreach (PropertyInfo property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            string at = path + "." + property.Name;
            Assert.True(expected.Has(property.Name) == actual.Has(property.Name), $"{at}: given {expected.Has(property.Name)} vs {actual.Has(property.Name)}\n{line}");
            Assert.True(expected.At(property.Name) == actual.At(property.Name), $"{at}: at {expected.At(property.Name)} vs {actual.At(property.Name)}\n{line}");
            AssertSameValue(property.GetValue(expected), property.GetValue(actual), at, line);
        }
    }

    private static void AssertSameValue(object? expected, object? actual, string path, string line)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: null vs {actual}\n{line}");
                break;
            case LocatedDto dto:
                AssertSameDto(dto, Assert.IsAssignableFrom<LocatedDto>(actual), path, line);
                break;
            case IList list:
                var other = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == other.Count, $"{path}: {list.Count} vs {other.Count} items\n{line}");
                for (int i = 0; i < list.Count; i++)
                {
                    AssertSameValue(list[i], other[i], path + "[" + i + "]", line);
                }

                break;
            default:
                // ToString keeps a decimal's scale (1.50 is not 1.5 in a drug line's detail).
                Assert.True(Equals(expected, actual) && Convert.ToString(expected, CultureInfo.InvariantCulture) == Convert.ToString(actual, CultureInfo.InvariantCulture), $"{path}: {expected} vs {actual}\n{line}");
                break;
        }
    }

    private static string Pick(int which)
    {
        var all = Examples.Value.Concat(Generated.Value.Take(60)).ToArray();
        return all[Math.Abs(which % all.Length)];
    }

    /// <summary>Where each scalar value (string, number, literal) of a line is.</summary>
    private static List<(int Start, int Length)> Tokens(string line)
        => System.Text.RegularExpressions.Regex.Matches(line, "\"(?:[^\"\\\\]|\\\\.)*\"(?!\\s*:)|-?[0-9][0-9.eE+-]*|true|false|null|\\[\\]|\\{\\}")
            .Select(m => (m.Index, m.Length)).ToList();

    /// <summary>Where each <c>"key": value,</c> of a line is (scalar values only, with the comma after it when there is one).</summary>
    private static List<(int Start, int Length)> Keys(string line)
        => System.Text.RegularExpressions.Regex.Matches(line, "\"[a-z_0-9]+\":(?:\"[^\"]*\"|-?[0-9.]+|true|false|null),?")
            .Select(m => (m.Index, m.Length)).ToList();

    /// <summary>A case file as one JSON line: YAML's quoted scalars become strings, its plain ones numbers or literals.</summary>
    private static string? ToJsonLine(string text, DocumentFormat format)
    {
        var sink = new DataErrorSink("example");
        DataNode? root = DocumentReader.Read(text, format, sink);
        if (root is null || sink.HasErrors)
        {
            return null;
        }

        var json = new StringBuilder();
        Write(root);
        return json.ToString();

        void Write(DataNode node)
        {
            switch (node)
            {
                case MappingNode mapping:
                    json.Append('{');
                    for (int i = 0; i < mapping.Entries.Count; i++)
                    {
                        json.Append(i == 0 ? string.Empty : ",").Append(Newtonsoft.Json.JsonConvert.ToString(mapping.Entries[i].Key.Value)).Append(':');
                        Write(mapping.Entries[i].Value);
                    }

                    json.Append('}');
                    break;
                case SequenceNode sequence:
                    json.Append('[');
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        json.Append(i == 0 ? string.Empty : ",");
                        Write(sequence.Items[i]);
                    }

                    json.Append(']');
                    break;
                case ScalarNode { Value: null }:
                    json.Append("null");
                    break;
                case ScalarNode scalar:
                    bool plain = !scalar.IsText && (scalar.Value is "true" or "false" || decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                    json.Append(plain ? scalar.Value : Newtonsoft.Json.JsonConvert.ToString(scalar.Value));
                    break;
            }
        }
    }
}
