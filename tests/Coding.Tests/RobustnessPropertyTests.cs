using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TestCases = IntraperitonealCoding.Tests.Infrastructure.Cases;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// Laws for hostile input. Any mutation of a valid case file (characters deleted, duplicated or swapped, numbers
/// replaced by extremes, random bytes inserted) is read and coded without an exception, and the outcome is either a
/// case or located errors. Any JSON Lines text gives exactly one record per LF-terminated line, in order.
/// </summary>
public sealed class RobustnessPropertyTests
{
    private static readonly string[] Extremes =
    {
        "1e400", "-1e400", "79228162514264337593543950335", "-79228162514264337593543950335", "99999999999999999999",
        "2147483648", "-2147483649", "0", "-0", "1e-400", ".nan", ".inf", "-.inf", "0x10", "1_000", "\"90\"", "null", "~", "[]", "{}", "!!str 1", "*a", "&a 1",
    };

    private static readonly Lazy<(string Name, byte[] Bytes)[]> ExampleFiles = new(() =>
        Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToArray());

    [Fact]
    public void AnyMutationOfAValidCaseFile_IsReadAndCodedWithoutThrowing_IntoACaseOrLocatedErrors()
        => Prop.ForAll<int, int[]>((which, operations) =>
        {
            var (name, original) = ExampleFiles.Value[Math.Abs(which % ExampleFiles.Value.Length)];
            byte[] mutated = Mutate(original, operations ?? Array.Empty<int>());
            return ReadsAndCodesSafely(name, mutated);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));

    [Fact]
    public void AnyNumberReplacedByAnExtreme_IsReadAndCodedWithoutThrowing()
    {
        // Exhaustive over every number in every example and every extreme: the cases fuzzing finds most often.
        foreach (var (name, bytes) in ExampleFiles.Value)
        {
            string text = Encoding.UTF8.GetString(bytes);
            var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w.])-?[0-9]+(\.[0-9]+)?(?![\w.])");
            foreach (System.Text.RegularExpressions.Match number in numbers)
            {
                foreach (string extreme in Extremes)
                {
                    string mutated = string.Concat(text.AsSpan(0, number.Index), extreme, text.AsSpan(number.Index + number.Length));
                    Assert.True(ReadsAndCodesSafely(name, Encoding.UTF8.GetBytes(mutated)), $"{name}: {number.Value} -> {extreme}");
                }
            }
        }
    }

    [Fact]
    public void CasesBuiltInCodeWithTheLargestValuesTheTypesAccept_AreCodedWithoutThrowing()
    {
        // The reader's limits are far narrower; this is the library's own guarantee for cases built in code.
        double[] minutes = { 0, 1e-9, 31, 1e6, TimeSpan.MaxValue.TotalMinutes / 2 };
        decimal[] doses = { 0m, 0.0000000000000000000000000001m, 35m, Dose.MaxAmount };
        decimal?[] bsas = { null, 0.0000000000000000000000000001m, 1.9m, BodySurfaceArea.MaxSquareMetres };
        decimal?[] opened = { null, 0m, 80m, decimal.MaxValue };
        int[] counts = { 0, 1, int.MaxValue };
        foreach (double m in minutes)
        {
            foreach (decimal dose in doses)
            {
                foreach (decimal? bsa in bsas)
                {
                    foreach (decimal? open in opened)
                    {
                        foreach (int count in counts)
                        {
                            var drugs = new[] { TestCases.Drug("mitomycin", dose, open), TestCases.DrugPerM2("doxorubicin", dose, open), TestCases.Drug("cisplatin", dose, open, sponsor: count == 1) };
                            foreach (var procedure in new IntraperitonealProcedure[] { TestCases.Hipec(m, incisions: count, drugs: drugs), TestCases.Pipac(biopsies: count, minutes: m, mmHg: 1e300, drugs: drugs) })
                            {
                                foreach (var claim in new[] { ClaimType.FacilityOutpatient, ClaimType.Professional })
                                {
                                    var result = RuleSet.Default.Code(TestCases.Case(procedure, claim, bsa: bsa));
                                    Assert.NotNull(result);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void AnyMutationOfARuleFile_LoadsOrThrowsOnlyRuleDataException_WithLocatedErrors()
    {
        string[] files = Directory.GetFiles(Paths.Data, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        using var rules = RuleFixture.CopyOfDefault();
        Prop.ForAll<int, int[]>((which, operations) =>
        {
            string file = files[Math.Abs(which % files.Length)];
            string target = Path.Combine(rules.Directory, Path.GetFileName(file));
            File.WriteAllBytes(target, Mutate(originals[file], operations ?? Array.Empty<int>()));
            try
            {
                RuleSet.Load(rules.Directory);
                return true;
            }
            catch (RuleDataException ex)
            {
                return ex.Errors.Count > 0 && ex.Errors.All(e => e.File.Length > 0 && !string.IsNullOrWhiteSpace(e.Message));
            }
            finally
            {
                File.WriteAllBytes(target, originals[file]);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void AnyJsonLinesText_GivesOneRecordPerLine_InOrder()
        => Prop.ForAll<string[], bool>((pieces, parallel) =>
        {
            var parts = (pieces ?? Array.Empty<string>()).Select((p, i) => p is null || i % 3 == 0 ? ValidLine(i) : p).ToArray();
            string text = string.Join("\n", parts) + (parts.Length % 2 == 0 ? "\n" : string.Empty);
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            var summary = BatchCoder.Run(RuleSet.Default, new StringReader(text), output, new BatchOptions(parallel ? 2 : 1, chunkSize: 3));
            var records = output.ToString().Split('\n');
            int expected = CorpusRunner.ExpectedRecords(Encoding.UTF8.GetBytes(text));
            bool inOrder = records.Take(records.Length - 1).Select((r, i) => JObject.Parse(r)["line"] is not { } line || (long)line == i + 1).All(ok => ok);
            return records[^1].Length == 0 && records.Length - 1 == expected && summary.Records == expected && summary.Failed == 0 && inOrder;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    private static string ValidLine(int i)
        => "{\"case_id\":\"p" + i.ToString(CultureInfo.InvariantCulture) + "\",\"date_of_service\":\"2026-03-14\",\"claim\":\"professional\",\"payer\":\"commercial\",\"diagnoses\":[\"C78.6\"],\"procedure\":{\"kind\":\"hipec\",\"approach\":\"open\",\"primary_procedures\":[\"49188\"],\"perfusion_minutes\":90}}";

    private static bool ReadsAndCodesSafely(string name, byte[] bytes)
    {
        string text = SourceText.Decode(bytes, bytes.Length);
        CaseReadResult read = CaseFile.Parse(text, name, name.EndsWith(".json", StringComparison.Ordinal) ? DocumentFormat.Json : DocumentFormat.Yaml);
        if (read.Succeeded)
        {
            return read.Errors.Count == 0 && RuleSet.Default.Code(read.Case!) is not null;
        }

        // Located: every error names the source, and has a position unless it concerns the whole input.
        return read.Errors.Count > 0 && read.Errors.All(e => e.File == name && (e.Line > 0 || e.Id == DataErrorIds.TooManyErrors));
    }

    private static byte[] Mutate(byte[] original, int[] operations)
    {
        var bytes = new List<byte>(original);
        foreach (int operation in operations.Take(8))
        {
            int n = operation & int.MaxValue;
            int at = bytes.Count == 0 ? 0 : (n / 8) % bytes.Count;
            switch (n % 6)
            {
                case 0 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.Insert(at, bytes[at]);
                    break;
                case 2 when bytes.Count > 1:
                    int next = (at + 1) % bytes.Count;
                    (bytes[at], bytes[next]) = (bytes[next], bytes[at]);
                    break;
                case 3:
                    bytes.Insert(at, unchecked((byte)(n >> 16)));
                    break;
                case 4:
                    ReplaceNumber(bytes, at, Extremes[(n >> 8) % Extremes.Length]);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveRange(at, Math.Min(bytes.Count - at, (n >> 12) % 40));
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Replaces the first run of digits at or after <paramref name="at"/> with <paramref name="extreme"/>.</summary>
    private static void ReplaceNumber(List<byte> bytes, int at, string extreme)
    {
        int start = bytes.FindIndex(Math.Min(at, Math.Max(bytes.Count - 1, 0)), b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0)
        {
            return;
        }

        int end = start;
        while (end < bytes.Count && (bytes[end] is >= (byte)'0' and <= (byte)'9' || bytes[end] == (byte)'.'))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(extreme));
    }
}
