using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The faults of issue 22 that no committed file can hold: empty paths, standard output on a full device or a closed
/// pipe, a target that cannot be replaced, links out of case and study directories, standard input closed, and the
/// smaller command-line items. Each exits 2 with a specific message, never 70. Category "Reliability"; the Linux-only
/// parts (/dev/full, chattr, /proc) return early elsewhere or where the system does not allow them.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HostileFaultTests
{
    private static readonly string Example = Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml");

    private static bool Linux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    private static string Cli => typeof(CliApp).Assembly.Location;

    [Theory]
    [InlineData("code", "")]
    [InlineData("grid", "")]
    [InlineData("rules", "validate", "")]
    [InlineData("new", "hipec", "--out", "")]
    [InlineData("generate", "3", "--out", "")]
    [InlineData("generate", "3", "--out=")]
    [InlineData("batch", "in.jsonl", "--out", "")]
    [InlineData("batch", "in.jsonl", "--compact", "--out", "x.jsonl", "--notes-out", "")]
    [InlineData("code", "x.yaml", "--studies", "")]
    public void AnEmptyPath_IsAUsageError(params string[] args)
    {
        var (exit, _, error) = CorpusRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("empty", error, StringComparison.Ordinal);
        Assert.Contains("Run 'coding --help' for usage.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code", "{example}")]
    [InlineData("code", "{example}", "--format", "csv")]
    [InlineData("grid", "{course}", "--studies", "{studies}")]
    [InlineData("rules", "show", "codes", "--date", "2026-03-14")]
    [InlineData("rules", "validate")]
    [InlineData("new", "hipec")]
    [InlineData("generate", "20")]
    [InlineData("batch", "{jsonl}")]
    public void AStandardOutputThatFails_ExitsTwoWithTheReason(params string[] args)
    {
        using var temp = new TempDirectory();
        string jsonl = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "5", "--out", jsonl).Exit);
        string[] line = args.Select(a => a.Replace("{example}", Example, StringComparison.Ordinal).Replace("{course}", Path.Combine(Paths.Examples, "pipac-course-nct04329494"), StringComparison.Ordinal).Replace("{jsonl}", jsonl, StringComparison.Ordinal).Replace("{studies}", Path.Combine(Paths.Root, "studies"), StringComparison.Ordinal)).ToArray();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(line, new FailingWriter("No space left on device"), stderr, stdin: TextReader.Null, host: TestHost.Environment);
        string error = stderr.ToString();
        Assert.Equal(2, exit);
        Assert.Contains("cannot write standard output: No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardOutputOnDevFull_ExitsTwoWithTheOsReason()
    {
        if (!Linux || !File.Exists("/dev/full"))
        {
            return;
        }

        foreach (string args in new[] { $"code \"{Example}\"", "rules show codes --date 2026-03-14", "new hipec" })
        {
            var (exit, _, error) = Shell($"\"{Cli}\" {args} > /dev/full < /dev/null");
            Assert.Equal(2, exit);
            Assert.Contains("cannot write standard output: No space left on device", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ABatchWhoseReaderStops_ReportsTheOutputCutShort_AndExitsTwo()
    {
        if (!Linux)
        {
            return;
        }

        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "2000", "--seed", "3", "--out", input).Exit);

        // 'coding batch in.jsonl | head -n 3': head reads three records and leaves; the pipe then has no reader.
        var (exit, output, error) = Shell($"\"{Cli}\" batch \"{input}\" | head -n 3; exit ${{PIPESTATUS[0]}}");
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, exit);
        Assert.Contains("the output was cut short", error, StringComparison.Ordinal);
        Assert.DoesNotContain("2000 records", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATargetThatCannotBeReplaced_ExitsTwo_CannotWrite_AndIsLeftIntact()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "3", "--out", input).Exit);
        string target = temp.File("results.jsonl");
        File.WriteAllText(target, "earlier results\n");

        // An immutable file: even root cannot rename over it. Not every file system or container allows setting it.
        if (!Linux || Shell($"chattr +i \"{target}\"").Exit != 0)
        {
            return;
        }

        try
        {
            foreach (string[] args in new[] { new[] { "batch", input, "--out", target }, new[] { "generate", "3", "--out", target } })
            {
                var (exit, _, error) = CorpusRunner.Run(args);
                Assert.Equal(2, exit);
                Assert.Contains($"cannot write {target}: the file cannot be replaced", error, StringComparison.Ordinal);
                Assert.Equal("earlier results\n", File.ReadAllText(target));
                Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
            }
        }
        finally
        {
            Shell($"chattr -i \"{target}\"");
        }
    }

    [Fact]
    public void ACommitThatCannotRename_ThrowsOutputFailed_AndRemovesTheTemporaryFile()
    {
        // The same path as a sticky directory or an immutable file, built without privileges: the target becomes a
        // non-empty directory between opening and committing, so the rename over it fails.
        using var temp = new TempDirectory();
        string target = temp.File("out.jsonl");
        using var stderr = new StringWriter();
        using OutputTarget output = OutputTarget.Open(target, Array.Empty<string>(), stderr)!;
        output.Writer.Write("{}\n");
        Directory.CreateDirectory(Path.Combine(target, "inside"));
        var failure = Assert.Throws<OutputFailedException>(output.Commit);
        Assert.Equal(target, failure.Path);
        Assert.True(Directory.Exists(Path.Combine(target, "inside")));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void ALinkInACaseDirectoryLeadingOutOfIt_IsRefusedUnread_AndTheOtherFilesAreCoded()
    {
        using var temp = new TempDirectory();
        string secret = temp.File("secret.txt");
        File.WriteAllText(secret, "root:x:0:0:hunter2\n");
        string cases = Path.Combine(temp.Path, "cases");
        Directory.CreateDirectory(cases);
        File.Copy(Example, Path.Combine(cases, "a.yaml"));
        File.CreateSymbolicLink(Path.Combine(cases, "b.yaml"), secret);
        File.CreateSymbolicLink(Path.Combine(cases, "c.yaml"), Path.Combine(cases, "a.yaml")); // inside: read
        var (exit, output, error) = CorpusRunner.Run("code", cases);
        Assert.Equal(2, exit);
        Assert.Contains("b.yaml: DATA006: Cannot read the file: it is a link to", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error + output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("crs-hipec-001", StringComparison.Ordinal)));
    }

    [Fact]
    public void ALinkInAStudiesDirectoryLeadingOutOfIt_IsRefusedUnread()
    {
        using var temp = new TempDirectory();
        string secret = temp.File("secret.yaml");
        File.WriteAllText(secret, "root:x:0:0:hunter2\n");
        string studies = Path.Combine(temp.Path, "studies");
        Directory.CreateDirectory(studies);
        File.Copy(Path.Combine(Paths.Root, "studies", "NCT04329494.yaml"), Path.Combine(studies, "NCT04329494.yaml"));
        File.CreateSymbolicLink(Path.Combine(studies, "passwd.yaml"), secret);
        var (exit, _, error) = CorpusRunner.Run("code", Example, "--studies", studies);
        Assert.Equal(2, exit);
        Assert.Contains("passwd.yaml: DATA006: Cannot read the file: it is a link to", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);

        var catalogue = IntraperitonealCoding.Research.StudyCatalogue.Read(studies);
        Assert.Equal("DATA006", Assert.Single(catalogue.Errors).Id);
    }

    [Theory]
    [InlineData("code", "-")]
    [InlineData("batch", "-")]
    public void StandardInputClosedAtStart_IsRefused_InsteadOfBlocking(string command, string input)
    {
        if (!Linux)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var (exit, _, error) = Shell($"\"{Cli}\" {command} {input} <&-", timeoutMs: 30_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "blocked on a closed standard input");
        Assert.Equal(2, exit);
        Assert.Contains("standard input was closed when coding started", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutDash_IsStandardOutput_ForNewBatchAndGenerate()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "2", "--out", input).Exit);
        string cwd = Directory.GetCurrentDirectory();
        var (newExit, newOut, _) = CorpusRunner.Run("new", "pipac", "--out", "-");
        var (batchExit, batchOut, _) = CorpusRunner.Run("batch", input, "--out", "-");
        var (generateExit, generateOut, _) = CorpusRunner.Run("generate", "2", "--out", "-");
        Assert.Equal(0, newExit);
        Assert.Contains("kind: pipac", newOut, StringComparison.Ordinal);
        Assert.True(batchExit is 0 or 1);
        Assert.Equal(2, batchOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(0, generateExit);
        Assert.Equal(2, generateOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(Path.Combine(cwd, "-")), "no file named '-'");
    }

    [Fact]
    public void RulesValidateOnAFile_SaysItWantsADirectory()
    {
        var (exit, _, error) = CorpusRunner.Run("rules", "validate", Example);
        Assert.Equal(2, exit);
        Assert.Contains("is a file; 'coding rules validate' checks a rule set directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANotesFileThatIsTheInput_NamesNotesOut()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "2", "--out", input).Exit);
        var (exit, _, error) = CorpusRunner.Run("batch", input, "--compact", "--out", temp.File("out.jsonl"), "--notes-out", input);
        Assert.Equal(2, exit);
        Assert.StartsWith($"coding: --notes-out {input} is the input", error, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(input).Length);
    }

    [Theory]
    [InlineData("*-^~")]
    [InlineData("*:.~")]
    public void X12DelimitersTheElementsHold_AreRefused(string delimiters)
    {
        var (exit, _, error) = CorpusRunner.Run("code", Example, "--format", "x12", "--x12-delimiters", delimiters);
        Assert.Equal(2, exit);
        Assert.Contains("cannot be an X12 delimiter: the elements written hold it", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new X12Delimiters(delimiters[0], delimiters[1], delimiters[2], delimiters[3]));
    }

    private static (int Exit, string Out, string Err) Shell(string command, int timeoutMs = 60_000)
    {
        var start = TestHost.Fixed(new ProcessStartInfo("/bin/bash", new[] { "-c", command.Replace("\"" + Cli + "\"", "dotnet \"" + Cli + "\"", StringComparison.Ordinal) })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("timed out: " + command);
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Standard output on a device that fails every write, as /dev/full does.</summary>
    private sealed class FailingWriter : TextWriter
    {
        private readonly string reason;

        public FailingWriter(string reason) => this.reason = reason;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException(reason);

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                throw new IOException(reason);
            }
        }

        public override void Write(char[] buffer, int index, int count) => throw new IOException(reason);
    }
}
