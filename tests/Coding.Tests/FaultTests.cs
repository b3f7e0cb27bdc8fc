using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Newtonsoft.Json.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// Faults of the file system and the process: special files as inputs, rule files that are links out of their
/// directory, outputs that cannot be written or that are an input, and SIGINT/SIGTERM during a batch. Category
/// "Reliability" (run by the normal suite). Linux-only parts (FIFOs, /dev/full, signals) return early elsewhere.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class FaultTests
{
    private static readonly string Example = Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml");

    private static bool Linux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    [Fact]
    public void SpecialFilesAsCaseFiles_AreRefusedWithoutReading()
    {
        using var temp = new TempDirectory();
        // (A directory is not among them: 'code DIR' codes the case files in it; CaseInputTests.)
        var inputs = new[] { temp.File("missing.yaml") }.ToList();
        if (Linux)
        {
            inputs.Add("/dev/zero");
            inputs.Add(MakeFifo(temp.File("fifo.yaml")));
        }

        foreach (string input in inputs)
        {
            var clock = Stopwatch.StartNew();
            var (exit, _, error) = CorpusRunner.Run("code", input);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), input + " took " + clock.Elapsed);
            Assert.Equal(2, exit);
            Assert.StartsWith(input + ": DATA006: Cannot read the file", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ARuleFileLinkingOutOfTheDirectory_IsRefused_AndItsTargetNeverEchoed()
    {
        using var temp = new TempDirectory();
        string secret = temp.File("secret.txt");
        File.WriteAllText(secret, "password: hunter2\n");
        using var rules = RuleFixture.CopyOfDefault();
        File.Delete(Path.Combine(rules.Directory, "notes.yaml"));
        File.CreateSymbolicLink(Path.Combine(rules.Directory, "notes.yaml"), secret);
        var (exit, _, error) = CorpusRunner.Run("code", Example, "--rules", rules.Directory);
        Assert.Equal(2, exit);
        Assert.Contains("notes.yaml: DATA006: Cannot read the file: it is a link to", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("password", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleFileLinkInsideTheDirectory_IsRead()
    {
        using var rules = RuleFixture.CopyOfDefault();
        string notes = Path.Combine(rules.Directory, "notes.yaml");
        File.Move(notes, Path.Combine(rules.Directory, "notes.real"));
        File.CreateSymbolicLink(notes, Path.Combine(rules.Directory, "notes.real"));
        Assert.Equal(0, CorpusRunner.Run("code", Example, "--rules", rules.Directory).Exit);
    }

    [Fact]
    public void RuleFilesThatAreDirectoriesOrFifos_AreErrorsOfTheRuleSet()
    {
        using var rules = RuleFixture.CopyOfDefault();
        File.Delete(Path.Combine(rules.Directory, "codes.yaml"));
        Directory.CreateDirectory(Path.Combine(rules.Directory, "codes.yaml"));
        if (Linux)
        {
            File.Delete(Path.Combine(rules.Directory, "drugs.yaml"));
            MakeFifo(Path.Combine(rules.Directory, "drugs.yaml"));
        }

        var (exit, _, error) = CorpusRunner.Run("code", Example, "--rules", rules.Directory);
        Assert.Equal(2, exit);
        Assert.Contains("codes.yaml: DATA006: Cannot read the file: it is a directory", error, StringComparison.Ordinal);
        Assert.True(!Linux || error.Contains("drugs.yaml: DATA006: Cannot read the file: it is not a regular file", StringComparison.Ordinal), error);
    }

    [Fact]
    public void OutputThatIsTheInput_IsRefusedBeforeAnythingIsWritten_AndTheInputIsKept()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "5", "--out", input).Exit);
        byte[] before = File.ReadAllBytes(input);
        string hard = temp.File("hard.jsonl");
        string soft = temp.File("soft.jsonl");
        if (Linux)
        {
            Assert.Equal(0, link(input, hard));
        }

        File.CreateSymbolicLink(soft, input);
        foreach (string output in new[] { input, soft, Path.Combine(temp.Path, ".", "in.jsonl") }.Concat(Linux ? new[] { hard } : Array.Empty<string>()))
        {
            var (exit, _, error) = CorpusRunner.Run("batch", input, "--out", output);
            Assert.Equal(2, exit);
            Assert.Contains("would destroy the input", error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(input));
        }
    }

    [Fact]
    public void OutputThatCannotBeWritten_ExitsTwoWithThePathAndTheReason()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "50", "--out", input).Exit);
        var missing = CorpusRunner.Run("batch", input, "--out", temp.File("no/such/dir/out.jsonl"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("does not exist", missing.Err, StringComparison.Ordinal);

        var directory = CorpusRunner.Run("batch", input, "--out", temp.Path);
        Assert.Equal(2, directory.Exit);
        Assert.Contains("is a directory", directory.Err, StringComparison.Ordinal);

        if (Linux)
        {
            var full = CorpusRunner.Run("batch", input, "--out", "/dev/full");
            Assert.Equal(2, full.Exit);
            Assert.Contains("cannot write /dev/full", full.Err, StringComparison.Ordinal);
            Assert.Contains("No space left on device", full.Err, StringComparison.Ordinal);

            var generate = CorpusRunner.Run("generate", "10", "--out", "/dev/full");
            Assert.Equal(2, generate.Exit);
        }

        Assert.Single(Directory.GetFiles(temp.Path)); // no temporary file left behind
    }

    [Fact]
    public void ACompleteBatch_ReplacesTheTargetWhole_AndLeavesNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        string output = temp.File("out.jsonl");
        File.WriteAllText(output, "old results\n");
        Assert.Equal(0, CorpusRunner.Run("generate", "30", "--out", input).Exit);
        var (exit, _, _) = CorpusRunner.Run("batch", input, "--out", output, "--parallel", "2");
        Assert.True(exit is 0 or 1);
        Assert.Equal(30, File.ReadAllLines(output).Length);
        Assert.Equal(new[] { "in.jsonl", "out.jsonl" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void AnOutputThatIsALink_IsWrittenThroughTheLink_WhichStaysALink()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "4", "--out", input).Exit);
        string link = temp.File("results.jsonl");
        File.CreateSymbolicLink(link, "real.jsonl"); // dangling until the first run
        for (int run = 0; run < 2; run++)
        {
            Assert.True(CorpusRunner.Run("batch", input, "--out", link).Exit is 0 or 1);
            Assert.Equal("real.jsonl", new FileInfo(link).LinkTarget);
            Assert.Equal(4, File.ReadAllLines(temp.File("real.jsonl")).Length);
        }
    }

    [Fact]
    public void SchemasThatCannotBeWritten_AndALimitBelowOne_ExitTwo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("file"), "x");
        var schema = CorpusRunner.Run("rules", "schema", temp.File("file/schema"));
        Assert.Equal(2, schema.Exit);
        Assert.StartsWith("coding: cannot write", schema.Err, StringComparison.Ordinal);
        var limit = CorpusRunner.Run("code", Example, "--max-file-bytes", "0");
        Assert.Equal(2, limit.Exit);
        Assert.Contains("--max-file-bytes must be at least 1", limit.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("30000")]
    public void ParallelOutsideItsBounds_ExitsTwoWithTheRange(string parallel)
    {
        var (exit, _, error) = CorpusRunner.Run("batch", Path.Combine(CorpusRunner.Root, "jsonl", "crlf.jsonl"), "--parallel", parallel);
        Assert.Equal(2, exit);
        Assert.Contains("--parallel must be from 1 to", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellingABatch_StopsReading_AndWritesOnlyWholeRecords()
    {
        string line = File.ReadAllLines(Path.Combine(CorpusRunner.Root, "jsonl", "crlf.jsonl"))[0].TrimEnd('\r');
        foreach (int parallelism in new[] { 1, 2 })
        {
            using var cancel = new CancellationTokenSource();
            using var input = new CancellingReader(string.Concat(Enumerable.Repeat(line + "\n", 1000)), cancelAfterChars: (line.Length + 1) * 100, cancel);
            using var output = new StringWriter();
            var summary = BatchCoder.Run(RuleSet.Default, input, output, new BatchOptions(parallelism, chunkSize: 8), cancel.Token);
            Assert.True(summary.Interrupted);
            Assert.InRange(summary.Records, 1, 999);
            var records = output.ToString().Split('\n');
            Assert.Equal(summary.Records, records.Length - 1);
            Assert.All(records.Take(records.Length - 1), r => JObject.Parse(r));
        }
    }

    [Theory]
    [InlineData("INT", 2, 130)]
    [InlineData("TERM", 15, 143)]
    public void ASignalDuringABatch_FinishesTheRecordsInFlight_KeepsThemAsPartial_AndExitsWithTheSignalCode(string name, int signal, int expectedExit)
    {
        // A child inherits an ignored signal (a test run started in the background ignores SIGINT), and .NET keeps
        // ignoring it, as shells expect; then there is nothing to test here.
        if (!Linux || IgnoredHere(signal))
        {
            return;
        }

        using var temp = new TempDirectory();
        string output = temp.File("out.jsonl");
        string cli = typeof(IntraperitonealCoding.Tool.CliApp).Assembly.Location;
        var start = TestHost.Fixed(new ProcessStartInfo("dotnet", $"\"{cli}\" batch - --out \"{output}\" --parallel 2")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "500", "--seed", "11", "--out", input).Exit);
        string[] lines = File.ReadAllLines(input);
        using var process = Process.Start(start)!;
        foreach (string line in lines)
        {
            process.StandardInput.Write(line + "\n");
        }

        process.StandardInput.Write(lines[0].AsSpan(0, 30)); // a line cut off mid-way: dropped, never coded
        process.StandardInput.Flush();

        // Standard input stays open, as when a producer is still writing: the signal must not wait for it.
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(temp.Path, ".out.jsonl.*.tmp").Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(1000);
        Assert.Equal(0, kill(process.Id, signal));
        Assert.True(process.WaitForExit(30_000), "the batch did not stop after SIG" + name);
        string error = process.StandardError.ReadToEnd();
        Assert.Equal(expectedExit, process.ExitCode);
        Assert.Contains("interrupted by SIG" + name, error, StringComparison.Ordinal);
        Assert.Contains("batch: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output), "the target is not replaced by an interrupted run");
        var records = File.ReadAllLines(output + ".partial");
        Assert.Equal(lines.Select(l => (string?)JObject.Parse(l)["case_id"]), records.Select(r => (string?)JObject.Parse(r)["case_id"]));
    }

    [Fact]
    public void ASecondSignal_EndsABatchStuckWritingToAPipeNobodyReads()
    {
        if (!Linux || IgnoredHere(15))
        {
            return;
        }

        using var temp = new TempDirectory();
        string input = temp.File("in.jsonl");
        Assert.Equal(0, CorpusRunner.Run("generate", "3000", "--seed", "4", "--out", input).Exit);
        string cli = typeof(IntraperitonealCoding.Tool.CliApp).Assembly.Location;
        var start = TestHost.Fixed(new ProcessStartInfo("dotnet", $"\"{cli}\" batch \"{input}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
        using var process = Process.Start(start)!;

        // Standard output is never read: once the pipe (64 KiB) is full the writer blocks, and one signal cannot finish the run.
        var clock = Stopwatch.StartNew();
        while (WrittenBytes(process.Id) < 60_000 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(300);
        Assert.Equal(0, kill(process.Id, 15));
        Assert.False(process.WaitForExit(1500), "a blocked writer cannot finish");
        Assert.Equal(0, kill(process.Id, 15));
        Assert.True(process.WaitForExit(10_000), "the second SIGTERM ends the process");
        Assert.Equal(143, process.ExitCode);
    }

    /// <summary>Whether this process ignores a signal (so a child it starts would too).</summary>
    private static bool IgnoredHere(int signal)
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>Bytes a process has written so far (its own count in /proc; 0 when unknown).</summary>
    private static long WrittenBytes(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/io").FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.AsSpan(6).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string MakeFifo(string path)
    {
        Assert.Equal(0, mkfifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

#pragma warning disable SA1300, CA5392, CA2101 // libc names; test-only.
    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);
#pragma warning restore SA1300, CA5392, CA2101

    /// <summary>A reader that cancels a token once it has handed out a given number of characters.</summary>
    private sealed class CancellingReader : TextReader
    {
        private readonly string text;
        private readonly int cancelAfterChars;
        private readonly CancellationTokenSource cancel;
        private int position;

        public CancellingReader(string text, int cancelAfterChars, CancellationTokenSource cancel)
        {
            this.text = text;
            this.cancelAfterChars = cancelAfterChars;
            this.cancel = cancel;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            if (position >= cancelAfterChars)
            {
                cancel.Cancel();
            }

            int n = Math.Min(Math.Min(count, 64), text.Length - position);
            text.CopyTo(position, buffer, index, n);
            position += n;
            return n;
        }
    }
}
