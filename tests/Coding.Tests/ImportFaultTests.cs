using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using IntraperitonealCoding.Maintenance.Import;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The importer faults of issue 22 (items 1, 4 and 5) that no committed file can hold: file names with line breaks or a
/// noncharacter, a FIFO, a device, a directory, one endless line, and tables over the loader's limits. Each either
/// imports into a rule set that loads or exits 2 with a located error and leaves the rule set directory as it was.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ImportFaultTests
{
    private static readonly string AocFixture = Path.Combine(Paths.Fixtures, "import", "aoc.txt");

    private static (int Exit, string Out, string Err) Import(string rules, string file, params string[] extra)
        => CorpusRunner.Run(new[] { "rules", "import", "aoc", file, "--out", rules }.Concat(extra).ToArray());

    [Fact]
    public void AFileName_WithLineBreaksAndSeparators_IsEscapedInTheTable_WhichLoads()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var temp = new TempDirectory();
        string name = "aoc\n\r\u2028\u0085\u202E.txt";
        string file = temp.File(name);
        File.Copy(AocFixture, file);
        var before = ImportCorpusTests.Contents(rules.Directory);

        var (exit, output, error) = Import(rules.Directory, file);

        Assert.True(exit == 0, error);
        Assert.Contains("aoc\\x0A\\x0D\\u2028\\x85\\u202E.txt", output, StringComparison.Ordinal);
        string yaml = File.ReadAllText(Path.Combine(rules.Directory, "add-on-codes.yaml"));
        Assert.Contains("  file: \"aoc\\u000A\\u000D\\u2028\\u0085\\u202E.txt\"\n", yaml, StringComparison.Ordinal);
        ImportLaw.Assert(rules.Directory, before, exit);
    }

    [Fact]
    public void AFileName_WithANoncharacter_IsRefused_AndNothingIsWritten()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var temp = new TempDirectory();
        string file = temp.File("aoc\uFFFF.txt");
        File.Copy(AocFixture, file);
        var before = ImportCorpusTests.Contents(rules.Directory);

        var (exit, _, error) = Import(rules.Directory, file);

        Assert.Equal(2, exit);
        Assert.Contains("DATA008: The file name holds U+FFFF, which no rule file may hold, even as an escape: rename the file.", error, StringComparison.Ordinal);
        ImportLaw.Assert(rules.Directory, before, exit);
    }

    [Fact]
    public async Task AFifoADeviceOrADirectory_IsDATA006_BeforeItIsOpened()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var temp = new TempDirectory();
        var before = ImportCorpusTests.Contents(rules.Directory);
        var inputs = new System.Collections.Generic.List<string> { temp.Path };
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            inputs.Add("/dev/zero");
            string fifo = temp.File("aoc.txt");
            Assert.Equal(0, mkfifo(fifo, Convert.ToUInt32("644", 8)));
            inputs.Add(fifo);
        }

        foreach (string input in inputs)
        {
            // A FIFO with no writer would block an open forever: the run must end on its own.
            var run = Task.Run(() => Import(rules.Directory, input));
            Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) == run, $"import of {input} did not end");
            var (exit, _, error) = await run;
            Assert.Equal(2, exit);
            Assert.Contains(input + ": DATA006: Cannot read the file: ", error, StringComparison.Ordinal);
            ImportLaw.Assert(rules.Directory, before, exit);
        }
    }

    [Fact]
    public void OneEndlessLine_StopsAtTheLineLimit_WithoutReadingTheRest()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var temp = new TempDirectory();
        string file = temp.File("one-line.txt");
        using (var writer = new StreamWriter(file))
        {
            writer.Write(new string('9', 3 << 20)); // 3 MiB, no line end: over the default 1 MiB line limit
        }

        var before = ImportCorpusTests.Contents(rules.Directory);
        var (exit, _, error) = Import(rules.Directory, file);
        Assert.Equal(2, exit);
        Assert.Contains(":1:1048577: DATA007: The line is longer than the limit of 1048576 characters", error, StringComparison.Ordinal);
        ImportLaw.Assert(rules.Directory, before, exit);
    }

    [Fact]
    public void MoreRowsThanOneListMayHold_AreRefusedAtTheFirstRowOver()
    {
        using var reader = new StreamReader(Path.Combine(Paths.Fixtures, "import", "ptp-practitioner.txt"));
        string current = File.ReadAllText(Path.Combine(Paths.Data, "ptp-edits.yaml"));
        var outcome = RuleTableImport.Import(RuleSet.Default, ImportKind.Ptp, reader, "ptp.txt", current, new ImportOptions(Array.Empty<string>(), limits: ReadLimits.RuleDefault.WithMaxListItems(5)));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(DataErrorIds.LimitExceeded, error.Id);
        Assert.StartsWith("ptp.txt:9:1: DATA007: The table would hold more than 5 rows", error.ToString(), StringComparison.Ordinal);
        Assert.Null(outcome.Yaml);
    }

    [Fact]
    public void ATableOverTheRuleFileSizeLimit_IsRefusedByTheLoadersOwnCheck()
    {
        using var rules = RuleFixture.CopyOfDefault();
        using var reader = new StreamReader(AocFixture);
        string current = File.ReadAllText(Path.Combine(rules.Directory, "add-on-codes.yaml"));
        var outcome = RuleTableImport.Import(RuleSet.Load(rules.Directory), ImportKind.Aoc, reader, "aoc.txt", current, new ImportOptions());
        Assert.True(outcome.Succeeded);
        Assert.Empty(RuleTableImport.CheckLoads(rules.Directory, ImportKind.Aoc, outcome.Yaml!, ReadLimits.RuleDefault));

        // The limit the console raises with CODING_MAX_RULE_FILE_BYTES: just below the new table's size, it is refused, located.
        int size = Encoding.UTF8.GetByteCount(outcome.Yaml!);
        var errors = RuleTableImport.CheckLoads(rules.Directory, ImportKind.Aoc, outcome.Yaml!, ReadLimits.RuleDefault.WithMaxRuleFileBytes(size - 1));
        var error = Assert.Single(errors, e => e.File.EndsWith("add-on-codes.yaml (as imported, not written)", StringComparison.Ordinal));
        Assert.Equal(DataErrorIds.LimitExceeded, error.Id);
        Assert.Contains($"The file is {size} bytes, larger than the limit of {size - 1} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("CODING_MAX_RULE_FILE_BYTES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOverTheItemLimitOfTheLoader_IsRefusedByTheLoadersOwnCheck()
    {
        using var rules = RuleFixture.CopyOfDefault();
        string yaml = File.ReadAllText(Path.Combine(rules.Directory, "add-on-codes.yaml"));
        var errors = RuleTableImport.CheckLoads(rules.Directory, ImportKind.Aoc, yaml, ReadLimits.RuleDefault.WithMaxListItems(10));
        Assert.Contains(errors, e => e.Id == DataErrorIds.LimitExceeded);
    }

#pragma warning disable SA1300, CA5392, CA2101 // libc names; test-only.
    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
#pragma warning restore SA1300, CA5392, CA2101
}
