using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The second round of the bad-input corpus (issue 22): <c>Corpus/hostile/</c>, each input run by the command its
/// line in <c>expected.tsv</c> names, ending with the exit code and a first line holding the text that line expects.
/// The common invariants hold for every run (no stack trace, never exit 70, no raw control character on stderr); the
/// machine outputs are checked too: a CSV has CRLF rows, no raw control character and no cell a spreadsheet would
/// run; an X12 fragment no control character but its line breaks. Every file of the folder has a line, and every
/// line a file, so an input cannot be added without saying what it must give.
/// </summary>
public sealed class HostileCorpusTests
{
    private const string Manifest = "expected.tsv";

    private static readonly string Folder = Path.Combine(CorpusRunner.Root, "hostile");

    public static TheoryData<string, string, int, string> Runs()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var (file, command, exit, expected) in Lines())
        {
            data.Add(file, command, exit, expected);
        }

        return data;
    }

    [Fact]
    public void EveryInputHasAnExpectation_AndEveryExpectationAnInput()
    {
        var files = Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)!).Where(f => f is not Manifest and not "README.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var listed = Lines().Select(l => l.File).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(files, listed);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Input_EndsWithItsExpectedExitCodeAndFirstLine(string file, string command, int exit, string expected)
    {
        string path = Path.Combine(Folder, file);
        string first = command switch
        {
            "code" => Code(path, exit),
            "stdin" => Stdin(path, exit),
            "csv" => Csv(CorpusRunner.Run("code", path, "--format", "csv"), exit),
            "x12" => X12(path, exit),
            "reconcile" => Csv(CorpusRunner.Run("reconcile", "--study", Path.Combine(Paths.Root, "studies", "NCT04329494.yaml"), path, "--format", "csv"), exit),
            "batch" => Batch(path, exit),
            _ => throw new InvalidOperationException($"{Manifest}: unknown command '{command}' for {file}"),
        };
        Assert.True(first.Contains(expected, StringComparison.Ordinal), $"{file} ({command}): expected a first line holding '{expected}', got '{first}'");
    }

    /// <summary>The lines of expected.tsv: file, command, exit code, text the first line printed holds.</summary>
    internal static IEnumerable<(string File, string Command, int Exit, string Expected)> Lines()
        => File.ReadAllLines(Path.Combine(Folder, Manifest))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), p[3]));

    private static string Code(string path, int exit)
    {
        var (actual, output, error) = CorpusRunner.Run("code", path);
        CorpusRunner.AssertNoControlCharacters(output, path);
        Assert.Equal(exit, actual);
        return First(error) ?? "(stdout) " + First(output);
    }

    private static string Stdin(string path, int exit)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        byte[] bytes = File.ReadAllBytes(path);
        using var stdin = new StreamReader(new MemoryStream(bytes), SourceText.MarkedUtf8, detectEncodingFromByteOrderMarks: false);
        int actual = CliApp.Run(new[] { "code", "-" }, stdout, stderr, stdin: stdin, host: TestHost.Environment);
        CorpusRunner.AssertNoControlCharacters(stderr.ToString(), path);
        Assert.Equal(exit, actual);
        return First(stderr.ToString()) ?? "(stdout) " + First(stdout.ToString());
    }

    private static string X12(string path, int exit)
    {
        var (actual, output, error) = CorpusRunner.Run("code", path, "--format", "x12");
        CorpusRunner.AssertNoControlCharacters(output, path);
        Assert.Equal(exit, actual);
        return First(error) ?? "(stdout) " + First(output);
    }

    private static string Csv((int Exit, string Out, string Err) run, int exit)
    {
        Assert.Equal(exit, run.Exit);
        OutputLaws.AssertCsv(run.Out);
        return First(run.Err) ?? "(stdout) " + run.Out.Split("\r\n")[1];
    }

    private static string Batch(string path, int exit)
    {
        string report = CorpusRunner.JsonLinesReport(path);
        Assert.Equal(exit.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Split('\t')[1]);
        return report.Split('\t')[2];
    }

    private static string? First(string text)
        => text.Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0);
}
