using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tool;
using Newtonsoft.Json.Linq;
using Xunit;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// Runs bad inputs through the console in-process and reduces each run to one report line: the input, the exit code
/// and the first line it printed. The invariants every run must keep (no stack trace, no internal error, no raw control
/// character, one record per input line) are asserted here; the report itself is a snapshot, so a changed exit code or
/// first message is a reviewable diff.
/// </summary>
internal static class CorpusRunner
{
    public static string Root => Path.Combine(Paths.Root, "tests", "Coding.Tests", "Corpus");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        string output = stdout.ToString();
        string error = stderr.ToString();
        string what = string.Join(" ", args);
        Assert.False(error.Contains("   at ", StringComparison.Ordinal) || output.Contains("   at ", StringComparison.Ordinal), $"stack trace from: {what}\n{error}");
        Assert.True(exit is 0 or 1 or 2, $"exit {exit} from: {what}\n{error}");
        AssertNoControlCharacters(error, what);
        return (exit, output, error);
    }

    /// <summary>Human-readable output holds no control character but the line end: nothing an input holds can forge output.</summary>
    public static void AssertNoControlCharacters(string text, string what)
    {
        foreach (char c in text)
        {
            Assert.False(c != '\n' && (c < 0x20 || (c >= 0x7F && c < 0xA0)), $"raw control character U+{(int)c:X4} printed by: {what}");
        }
    }

    public static string CaseReport(string file)
    {
        var (exit, output, error) = Run("code", file);
        if (exit is 0 or 1)
        {
            AssertNoControlCharacters(output, file);
        }

        string first = FirstLine(error) ?? "(stdout) " + FirstLine(output);
        return Line(Relative(file), exit, first);
    }

    /// <summary>A study file, run as 'coding reconcile --study FILE' on a bundled example case.</summary>
    public static string StudyReport(string file)
    {
        var (exit, output, error) = Run("reconcile", "--study", file, Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-1.yaml"));
        AssertNoControlCharacters(output, file);
        string first = FirstLine(error) ?? "(stdout) " + FirstLine(output);
        return Line(Relative(file), exit, first);
    }

    public static string RuleReport(string folder)
    {
        using var rules = RuleFixture.FromFolder(folder);
        var (exit, output, error) = Run("code", Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"), "--rules", rules.Directory);
        string text = error.Replace(rules.Directory, "<rules>", StringComparison.Ordinal);
        var lines = Lines(text);
        string first = lines.Count == 0 ? "(stdout) " + FirstLine(output) : lines[0] + (lines.Count > 1 ? " | " + lines[1] : string.Empty);
        return Line(Relative(folder), exit, first);
    }

    /// <summary>Batch with 1 and 2 workers: same records, one per LF-terminated line (and one for a last unterminated line), in order.</summary>
    public static string JsonLinesReport(string file, params string[] extra)
    {
        string directory = Path.Combine(Path.GetTempPath(), "coding-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string one = Path.Combine(directory, "one.jsonl");
            string two = Path.Combine(directory, "two.jsonl");
            var (exit, _, error) = Run(new[] { "batch", file, "--out", one }.Concat(extra).ToArray());
            var (exitTwo, _, _) = Run(new[] { "batch", file, "--out", two, "--parallel", "2" }.Concat(extra).ToArray());
            Assert.Equal(exit, exitTwo);
            string records = File.ReadAllText(one);
            Assert.Equal(records, File.ReadAllText(two));
            var lines = records.Split('\n');
            Assert.Equal(string.Empty, lines[^1]);
            Assert.Equal(ExpectedRecords(File.ReadAllBytes(file)), lines.Length - 1);
            string firstError = "-";
            for (int i = 0; i < lines.Length - 1; i++)
            {
                var record = JObject.Parse(lines[i]);
                if (record["line"] is { } number)
                {
                    Assert.Equal(i + 1, (long)number);
                    firstError = firstError == "-" ? $"line {i + 1}: {record["errors"]![0]!["id"]}: {record["errors"]![0]!["message"]}" : firstError;
                }
            }

            string summary = Lines(error).FirstOrDefault(l => l.StartsWith("batch:", StringComparison.Ordinal)) ?? "(no summary)";
            string counts = summary.Split(';')[0];
            return Line(Relative(file), exit, counts + " | " + firstError);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>One record per LF, plus one for bytes after the last LF.</summary>
    public static int ExpectedRecords(byte[] input)
    {
        int lf = input.Count(b => b == (byte)'\n');
        return lf + (input.Length > 0 && input[^1] != (byte)'\n' ? 1 : 0);
    }

    public static IEnumerable<string> Files(string folder) => Directory.GetFiles(Path.Combine(Root, folder)).OrderBy(f => f, StringComparer.Ordinal);

    public static IEnumerable<string> Folders(string folder) => Directory.GetDirectories(Path.Combine(Root, folder)).OrderBy(f => f, StringComparer.Ordinal);

    public static string Report(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        return "# input\texit\tfirst line printed" + "\n" + string.Join("\n", all) + "\n# " + all.Count + " inputs\n";
    }

    private static string Line(string name, int exit, string first) => $"{name}\t{exit}\t{first}";

    private static string Relative(string path)
        => path.StartsWith(Root, StringComparison.Ordinal) ? path.Substring(Root.Length + 1).Replace('\\', '/') : path;

    private static string? FirstLine(string text) => Lines(text).FirstOrDefault();

    private static List<string> Lines(string text)
        => text.Replace(Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}
