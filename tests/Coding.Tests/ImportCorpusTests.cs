using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The importer corpus (issue 22, items 1-7): <c>Corpus/import/</c>, each input run as <c>coding rules import KIND
/// FILE --out COPY ARGS</c> on a fresh copy of data/, as its line in <c>expected.tsv</c> says, ending with the exit code
/// and a first line holding the text that line expects. Beside the common invariants (no stack trace, never exit 70, no
/// raw control character on stderr), the law of the importer holds for every run: exit 0 leaves a rule set that loads,
/// any other exit leaves the copy byte for byte as it was (no table, no temporary file).
/// </summary>
public sealed class ImportCorpusTests
{
    private const string Manifest = "expected.tsv";

    private static readonly string Folder = Path.Combine(CorpusRunner.Root, "import");

    public static TheoryData<string, string, string, int, string> Runs()
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var (file, kind, args, exit, expected) in Lines())
        {
            data.Add(file, kind, args, exit, expected);
        }

        return data;
    }

    [Fact]
    public void EveryInputHasAnExpectation_AndEveryExpectationAnInput()
    {
        var files = Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)!).Where(f => f is not Manifest).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var listed = Lines().Select(l => l.File).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(files, listed);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Input_EndsWithItsExpectedExitCodeAndFirstLine_AndLoadsOrChangesNothing(string file, string kind, string args, int exit, string expected)
    {
        using var rules = RuleFixture.CopyOfDefault();
        var before = Contents(rules.Directory);
        var arguments = new List<string> { "rules", "import", kind, Path.Combine(Folder, file), "--out", rules.Directory };
        if (args != "-")
        {
            arguments.AddRange(args.Split(' ').Select(Unescape));
        }

        var (actual, output, error) = CorpusRunner.Run(arguments.ToArray());
        string first = (First(error, rules.Directory) ?? "(stdout) " + First(output, rules.Directory))!;
        Assert.True(actual == exit, $"{file} {args}: exit {actual}, expected {exit}\n{error}{output}");
        Assert.True(first.Contains(expected, StringComparison.Ordinal), $"{file} ({args}): expected a first line holding '{expected}', got '{first}'");
        ImportLaw.Assert(rules.Directory, before, actual);
    }

    /// <summary>The lines of expected.tsv: file, kind, arguments, exit code, text the first line printed holds.</summary>
    internal static IEnumerable<(string File, string Kind, string Args, int Exit, string Expected)> Lines()
        => File.ReadAllLines(Path.Combine(Folder, Manifest))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2], int.Parse(p[3], CultureInfo.InvariantCulture), p[4]));

    /// <summary>Every file of a directory with its bytes.</summary>
    internal static Dictionary<string, byte[]> Contents(string directory)
        => Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary><c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\uXXXX</c> stand for the character; any other backslash is itself.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
            }
            else if (text[i + 1] is 'n' or 'r' or 't')
            {
                result.Append(text[i + 1] switch { 'n' => '\n', 'r' => '\r', _ => '\t' });
                i++;
            }
            else if (text[i + 1] == 'u' && i + 5 < text.Length)
            {
                result.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static string? First(string text, string directory)
        => text.Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(directory, "DIR", StringComparison.Ordinal)
            .Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0);
}

/// <summary>The importer's law: an import that succeeds leaves a rule set that loads; one that fails leaves the directory as it was.</summary>
internal static class ImportLaw
{
    public static void Assert(string directory, Dictionary<string, byte[]> before, int exit)
    {
        var after = ImportCorpusTests.Contents(directory);
        Xunit.Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        if (exit == 0)
        {
            RuleSet.Load(directory);
            return;
        }

        Xunit.Assert.Equal(2, exit);
        foreach (var (name, bytes) in before)
        {
            Xunit.Assert.True(bytes.AsSpan().SequenceEqual(after[name]), $"{name} changed although the import failed");
        }
    }
}
