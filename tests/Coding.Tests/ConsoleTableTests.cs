using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>The 'code' and 'grid' tables as a coder sees them: fitted to the width, coloured on a terminal, plain when redirected.</summary>
public sealed class ConsoleTableTests
{
    private static readonly string TrialCase = Example("trial-pipac-commercial-professional.yaml");

    private static string Example(string name) => Path.Combine(Paths.Examples, name);

    private static string[] AllExamples()
        => Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Code_Redirected_IsPlainAsciiWithNoLineWiderThanTheWidth(int width)
    {
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(width), "code", TrialCase);
        Assert.Equal(0, exit);
        ScriptedConsole.AssertPlain(output, asciiOnly: true);
        ScriptedConsole.AssertFits(output, width);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Code_TrialCase_RendersToItsVerifiedTable(int width)
        => Snapshot.Match(Snapshot.ScrubRulesVersion(ScriptedConsole.Run(ConsoleOptions.Plain(width), "code", TrialCase).Out), width.ToString(System.Globalization.CultureInfo.InvariantCulture), "txt");

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(160)]
    [InlineData(240)]
    public void Code_EveryExample_FitsTheWidth_PlainAndOnATerminal(int width)
    {
        string[] args = new[] { "code", "--studies", Paths.Studies }.Concat(AllExamples()).ToArray();
        string plain = ScriptedConsole.Run(ConsoleOptions.Plain(width), args).Out;
        ScriptedConsole.AssertPlain(plain, asciiOnly: false);
        ScriptedConsole.AssertFits(plain, width);
        ScriptedConsole.AssertFits(ScriptedConsole.Run(ScriptedConsole.Terminal(width), args).Out, width);
    }

    [Fact]
    public void Code_At80Columns_PutsSystemUnderCodeAndListsTheRulesBelow()
    {
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(80), "code", TrialCase).Out;
        Assert.Contains("  #  Code   Units  Mod.  Who pays    Label, category\n", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\n  Rules: +pipac-laparoscopy-and-unlisted-chemotherapy \(lines 1, 2\)\n"), output);
    }

    [Fact]
    public void Code_At120Columns_GivesSystemAndModifiersTheirOwnColumns()
    {
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(120), "code", TrialCase).Out;
        Assert.Contains("  #  System  Code   Units  Modifiers  Who pays               Label, category, rule\n", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\n {61}laparoscopy\n {61}rule pipac-laparoscopy-and-unlisted-chemotherapy\n"), output);
    }

    [Fact]
    public void Code_WhereEverythingFits_GivesEveryFieldItsOwnColumn()
    {
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(200), "code", TrialCase).Out;
        Assert.Matches(new Regex(@"\n  #  System  Code   Units  Modifiers  Category  +Who pays  +Label  +Rule\n"), output);
    }

    [Fact]
    public void Code_OnAColourTerminal_ColoursReadinessAndSeverities()
    {
        string notReady = ScriptedConsole.Run(ScriptedConsole.Terminal(120), "code", Example("hipec-no-primary.yaml")).Out;
        Assert.Matches(new Regex("\u001b\\[[0-9;]*(31|91)m\\[NOT READY\\]"), notReady);
        Assert.Matches(new Regex("\u001b\\[[0-9;]*(31|91)mERROR"), notReady);

        string ready = ScriptedConsole.Run(ScriptedConsole.Terminal(120), "code", Example("hipec-crs-appendix-professional.yaml")).Out;
        Assert.Matches(new Regex("\u001b\\[[0-9;]*(32|92)m\\[READY\\]"), ready);
        Assert.Matches(new Regex("\u001b\\[[0-9;]*(33|93)mWARNING"), ready);
        Assert.Matches(new Regex("\u001b\\[2mINFO"), ready);
        Assert.Contains('\u2500', ready);
    }

    [Fact]
    public void Code_UnderNoColor_OnATerminal_WritesNoEscapeCodes()
    {
        ConsoleOptions console = ConsoleOptions.Detect(outputRedirected: false, name => name == "NO_COLOR" ? "1" : null, () => 100, utf8: true);
        var (exit, output, _) = ScriptedConsole.Run(console, "code", Example("hipec-no-primary.yaml"));
        Assert.Equal(1, exit);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("[NOT READY]", output, StringComparison.Ordinal);
        ScriptedConsole.AssertFits(output, 100);
    }

    [Fact]
    public void Code_OnAColourTerminal_StillEscapesControlCharactersFromTheInput()
    {
        string forged = Path.Combine(CorpusRunner.Root, "cases", "case-id-forged.yaml");
        string output = ScriptedConsole.Run(ScriptedConsole.Terminal(120), "code", forged).Out;
        CorpusRunner.AssertNoControlCharacters(ScriptedConsole.Visible(output), forged);
        Assert.Contains(@"forged\x1B[2J\x1B[31m", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_MarkupOrEmojiInTheInput_IsPrintedAsItIs()
    {
        using var temp = new TempDirectory();
        string file = temp.File("markup.yaml");
        File.WriteAllText(file, File.ReadAllText(Example("hipec-crs-appendix-professional.yaml")).Replace("case_id: crs-hipec-001", "case_id: \"[red]x[/] [link=http://e.vil]y[/] :smile:\"", StringComparison.Ordinal));
        var (exit, output, error) = ScriptedConsole.Run(ScriptedConsole.Terminal(120), "code", file);
        Assert.True(exit == 0, error);
        Assert.Contains("[red]x[/] [link=http://e.vil]y[/] :smile:", ScriptedConsole.Visible(output), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b]8;", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aaaa bbbb cccc dddd eeee ffff gggg hhhh /etc/passwd:1:1: DATA001: forged")]
    [InlineData("aaaabbbbccccddddeeeeffffgggghhhhiiiijjjjkkkkllll/etc/passwd:1:1: DATA001: forged")]
    public void Code_ACaseIdThatWraps_GoesOnIndented_SoOnlyTheProgramStartsALineAtColumnZero(string caseId)
    {
        using var temp = new TempDirectory();
        string file = temp.File("long-id.yaml");
        File.WriteAllText(file, File.ReadAllText(Example("hipec-crs-appendix-professional.yaml")).Replace("case_id: crs-hipec-001", "case_id: \"" + caseId + "\"", StringComparison.Ordinal));
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(60), "code", file).Out;
        var atColumnZero = output.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').ToList();
        Assert.Equal(new[] { "aaaa" }, atColumnZero.Select(l => l[..4]));
        ScriptedConsole.AssertFits(output, 60);
    }

    [Fact]
    public void Code_Brief_PrintsTheLinesWhoPaysAndTheFindingsOnly()
    {
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(120), "code", "--brief", Example("hipec-crs-appendix-professional.yaml"));
        Assert.Equal(0, exit);
        Assert.Contains("  1  CPT     49188  1", output, StringComparison.Ordinal);
        Assert.Contains("  Who pays:  insurer claim (commercial): 3 lines\n", output, StringComparison.Ordinal);
        Assert.Contains("WARNING POLICY005", output, StringComparison.Ordinal);
        Assert.Contains("INFO    DRUG004", output, StringComparison.Ordinal);
        foreach (string detail in new[] { "Notes:", "Diagnoses:", "Claim:", "Line fields:", "Units worked out:", "(Source:", "[hipec-add-on]" })
        {
            Assert.DoesNotContain(detail, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Code_BriefWithAnotherFormat_ExitsTwoBeforeCoding()
    {
        var (exit, output, error) = ScriptedConsole.Run(ConsoleOptions.Redirected, "code", "--brief", "--format", "json", Example("hipec-crs-appendix-professional.yaml"));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--brief shortens the table; --format json always writes everything.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_AFindingThatSaysANote_PrintsItOnce_WithTheNotesIdAndSource()
    {
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(1000), "code", Example("hipec-crs-appendix-professional.yaml")).Out;
        Assert.Single(Regex.Matches(output, "the surgeon's professional claim carries no drug lines"));
        string finding = output.Split('\n').Single(l => l.Contains("DRUG004", StringComparison.Ordinal));
        Assert.EndsWith("no drug lines. [drug-professional-claim] (Source: CMS Medicare Claims Processing Manual, ch. 17 (drugs and biologicals))", finding, StringComparison.Ordinal);
        Assert.Contains("[hipec-add-on]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_AFindingThatHoldsANoteAsWholeSentences_PrintsItOnce()
    {
        string output = ScriptedConsole.Run(ConsoleOptions.Plain(1000), "code", Example("pipac-outpatient-biopsies-medicare.yaml")).Out;
        Assert.Single(Regex.Matches(output, "Medicare is likely to deny this service"));
        Assert.Single(Regex.Matches(output, Regex.Escape("[abn-missing]")));
        Assert.Contains("ABN003", output.Split('\n').Single(l => l.Contains("[abn-missing]", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Grid_Redirected_IsPlainAsciiWithNoLineWiderThanTheWidth(int width)
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(width), "grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), Path.Combine(course, "cycle-3.yaml"), "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        ScriptedConsole.AssertPlain(output, asciiOnly: true);
        ScriptedConsole.AssertFits(output, width);
        Assert.Contains("abdomen/peritoneum", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Grid_ACycleNotCodedYet_KeepsItsHeadingOnTwoLines(int width)
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(width), "grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        Assert.Contains("(not coded)", output, StringComparison.Ordinal);
        Assert.Contains("cycle 3", output, StringComparison.Ordinal);
        ScriptedConsole.AssertFits(output, width);
    }

    [Fact]
    public void Grid_OnAColourTerminal_FitsAndColoursTheErrors()
    {
        var (exit, output, _) = ScriptedConsole.Run(ScriptedConsole.Terminal(80), "grid", Example("hipec-no-primary.yaml"), "--studies", Paths.Studies);
        Assert.Equal(1, exit);
        ScriptedConsole.AssertFits(output, 80);
        Assert.Matches(new Regex("\u001b\\[[0-9;]*(31|91)mERROR"), output);
    }

    [Fact]
    public void Grid_AtEightyColumns_KeepsEachPaymentWhole_NeverPartsANumberFromItsUnit_AndTheItemColumnFitsItsCodes()
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(80), "grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), Path.Combine(course, "cycle-3.yaml"), "--studies", Paths.Studies);
        Assert.Equal(0, exit);
        ScriptedConsole.AssertFits(output, 80);
        Assert.Equal(3, Regex.Count(output, "insurer Q1 x1"));
        Assert.Equal(3, Regex.Count(output, "not billable x2"));
        Assert.DoesNotMatch(new Regex(@"per 10( {2}|$)", RegexOptions.Multiline), output);
        Assert.Contains("\n  49320  Diagnostic", output, StringComparison.Ordinal); // the Item column is as wide as "49320"
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void Grid_NarrowerThanEighty_PutsTheLabelUnderItsCode_AndStillFits()
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var (_, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(70), "grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), Path.Combine(course, "cycle-3.yaml"), "--studies", Paths.Studies);
        ScriptedConsole.AssertFits(output, 70);
        Assert.Contains("\n  J9060 ", output, StringComparison.Ordinal);
        Assert.Contains("\n    Cisplatin, per 10 mg ", output, StringComparison.Ordinal);
    }
}
