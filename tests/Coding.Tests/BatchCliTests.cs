using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tests;

/// <summary>The console's compact batch records: the records, the notes file beside them, and the options' rules.</summary>
public sealed class BatchCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Compact_WritesCompactRecordsAndTheNotesFileBesideThem()
    {
        using var directory = new TempDirectory();
        string input = directory.File("cases.jsonl");
        File.WriteAllText(input, string.Join("\n", CaseGenerator.Generate(40, seed: 2)) + "\n");
        var (exit, _, error) = Run("batch", input, "--out", directory.File("full.jsonl"));
        var (compactExit, _, compactError) = Run("batch", input, "--out", directory.File("compact.jsonl"), "--compact", "--parallel", "2");
        Assert.Equal(exit, compactExit);
        Assert.Contains("batch: 40 records:", compactError, StringComparison.Ordinal);
        string full = File.ReadAllText(directory.File("full.jsonl"));
        string compact = File.ReadAllText(directory.File("compact.jsonl"));
        Assert.Equal(40, compact.Count(c => c == '\n'));
        Assert.True(compact.Length < full.Length * 0.65, $"{compact.Length} vs {full.Length}");
        var notes = JObject.Parse(File.ReadAllText(directory.File("compact.jsonl.notes.json")));
        var known = notes["notes"]!.Select(n => (string)n["id"]!).ToHashSet();
        var used = compact.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(l => JObject.Parse(l)["notes"] ?? new JArray()).Select(n => (string)n!).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, id => Assert.Contains(id, known));
        Assert.False(File.Exists(directory.File("full.jsonl.notes.json")), "full records need no notes file");
        Assert.Equal(string.Empty, error.Replace(error.Split('\n')[0], string.Empty, StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Compact_ToStandardOutput_TakesTheNotesFileFromNotesOut()
    {
        using var directory = new TempDirectory();
        string input = directory.File("cases.jsonl");
        File.WriteAllText(input, CaseGenerator.Generate(3, seed: 2).First() + "\n");
        var (exit, output, _) = Run("batch", input, "--compact", "--notes-out", directory.File("notes.json"));
        Assert.True(exit is 0 or 1);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotNull(JObject.Parse(File.ReadAllText(directory.File("notes.json")))["notes"]);
    }

    [Theory]
    [InlineData("--compact")]
    [InlineData("--notes-out", "n.json")]
    [InlineData("--compact", "--out", "same.json", "--notes-out", "same.json")]
    public void NotesFileOptions_ThatCannotWork_AreRefusedBeforeAnythingIsWritten(params string[] options)
    {
        using var directory = new TempDirectory();
        string input = directory.File("cases.jsonl");
        File.WriteAllText(input, CaseGenerator.Generate(1, seed: 2).First() + "\n");
        var args = new[] { "batch", input }.Concat(options.Select(o => o.EndsWith(".json", StringComparison.Ordinal) ? directory.File(o) : o)).ToArray();
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("coding: ", error, StringComparison.Ordinal);
        Assert.Equal(new[] { "cases.jsonl" }, Directory.GetFiles(directory.Path).Select(Path.GetFileName));
    }
}
