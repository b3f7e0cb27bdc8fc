using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The importer's law (issue 22), for any file: <c>coding rules import</c> either writes a table with which the rule set
/// loads, or exits 2 with located errors and writes nothing. The files are the official-layout fixtures (AOC, PTP,
/// MUE) mutated by FsCheck: rows added from a pool of codes, dates and indicators (self pairs, conflicting duplicates,
/// codes outside their validity among them), rows duplicated, changed, cut short, deleted or swapped, blank lines,
/// headers lost, and LF, CRLF or CR line ends; half the runs keep every row (<c>--codes all</c>).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ImportPropertyTests
{
    private static readonly string[] Cells =
    {
        "96547", "96548", "49186", "49188", "49189", "49203", "49000", "44950", "58953", "44140", "J9280", "9654", "X", string.Empty,
        "0", "1", "2", "3", "9", "*", "2025001", "2024001", "20240101", "20261231", "01/01/2020", "2023366", "20200101",
        "\"2 Date of Service Edit: Policy\"", "\"96547\"", "\"4\"", "C562", "\u2028", "a\"b",
    };

    private static readonly (string Kind, string Fixture, char Delimiter, string[] Extra)[] Kinds =
    {
        ("aoc", "aoc.txt", '\t', Array.Empty<string>()),
        ("ptp", "ptp-practitioner.txt", '\t', Array.Empty<string>()),
        ("mue", "mue-practitioner.csv", ',', new[] { "--effective-from", "2026-10-01" }),
    };

    [Fact]
    public void AnyMutatedOfficialFile_ImportsIntoATableThatLoads_OrIsRefusedWithNothingWritten()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var temp = new TempDirectory();
        var before = ImportCorpusTests.Contents(rules.Directory);
        int imported = 0;
        int refused = 0;
        Prop.ForAll<int, int[], bool>((kindSeed, edits, allCodes) =>
        {
            var (kind, fixture, delimiter, extra) = Kinds[(kindSeed & int.MaxValue) % Kinds.Length];
            string file = temp.File(fixture);
            bool gentle = ((kindSeed & int.MaxValue) / Kinds.Length) % 2 == 0;
            File.WriteAllText(file, Mutate(File.ReadAllText(Path.Combine(Paths.Fixtures, "import", fixture)), delimiter, edits, gentle));
            var args = new List<string> { "rules", "import", kind, file, "--out", rules.Directory };
            args.AddRange(extra);
            if (allCodes)
            {
                args.AddRange(new[] { "--codes", "all" });
            }

            var (exit, _, error) = CorpusRunner.Run(args.ToArray());
            Assert.True(exit is 0 or 2, error);
            if (exit == 2)
            {
                Assert.Matches(@"(:\d+:\d+: |: )[A-Z]+\d{3}: |coding: ", error);
                refused++;
            }
            else
            {
                imported++;
            }

            ImportLaw.Assert(rules.Directory, before, exit);
            Restore(rules.Directory, before);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
        Assert.True(imported > 10 && refused > 10, $"{imported} imported, {refused} refused: the law was hardly tried");
    }

    /// <summary>
    /// Applies one edit per number to the file's lines, then picks its line ends from the last number. A gentle run only
    /// repeats lines and adds blank ones, with LF or CRLF ends, so that the importing half of the law is tried as often
    /// as the refusing half.
    /// </summary>
    private static string Mutate(string text, char delimiter, int[] edits, bool gentle)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        // A few edits a file: more would make nearly every file a broken one, and the importing half of the law untried.
        var seeds = edits.Select(e => e & int.MaxValue).Take(1 + ((edits.Length == 0 ? 0 : edits[0] & int.MaxValue) % 4)).ToArray();
        foreach (int seed in seeds)
        {
            int at = (seed / 8) % lines.Count;
            int other = (seed / 64) % lines.Count;
            string cell = Cells[(seed / 16) % Cells.Length];
            var cells = lines[at].Split(delimiter);
            switch (gentle ? 1 + ((seed % 2) * 4) : seed % 8)
            {
                case 0:
                    lines.Add(string.Join(delimiter, cells.Select((c, i) => Cells[((seed / 16) + (i * 7)) % Cells.Length])));
                    break;
                case 1:
                    lines.Insert(other, lines[at]);
                    break;
                case 2:
                    cells[(seed / 512) % cells.Length] = cell;
                    lines.Add(string.Join(delimiter, cells));
                    break;
                case 3 when lines.Count > 1:
                    lines.RemoveAt(at);
                    break;
                case 4:
                    cells[(seed / 512) % cells.Length] = cell;
                    lines[at] = string.Join(delimiter, cells);
                    break;
                case 5:
                    lines.Insert(at, seed % 3 == 0 ? "   " : string.Empty);
                    break;
                case 6:
                    lines[at] = lines[at][..((seed / 512) % (lines[at].Length + 1))];
                    break;
                default:
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
            }
        }

        int ends = seeds.Length == 0 ? 1 : (seeds[^1] % 16) + (gentle ? 1 : 0);
        string end = ends == 0 ? "\r" : ends < 6 ? "\r\n" : "\n";
        return string.Join(end, lines) + (ends % 2 == 0 ? end : string.Empty);
    }

    private static void Restore(string directory, Dictionary<string, byte[]> before)
    {
        foreach (var (name, bytes) in before)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
    }
}
