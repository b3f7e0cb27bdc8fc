using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary><c>coding new hipec|pipac</c>: the prompts on a terminal, and the template without one.</summary>
public sealed class NewCommandTests
{
    private static readonly DateTime Day = new(2026, 3, 14);
    private static readonly string[] Claims = { "professional", "facility_outpatient", "facility_inpatient" };
    private static readonly string[] Payers = { "medicare", "medicare_advantage", "medicaid", "commercial", "self_pay" };

    private static (int Exit, string Out, string Err) Run(ScriptedTerminal? terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: new StringReader(string.Empty), terminal: terminal?.Console, host: TestHost.Environment);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    private static CodingCase Read(string yaml)
    {
        CaseReadResult read = CaseFile.Parse(yaml, "test", DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return read.Case;
    }

    /// <summary>The HIPEC questions answered with Enter throughout: the template's case.</summary>
    private static ScriptedTerminal HipecWithEnterThroughout(ScriptedTerminal terminal)
        => terminal
            .Enter(6) // case id, date, claim, payer, place of service, patient control number
            .Enter(8) // body surface area, diagnoses, approach, primaries, tumor length, incisions, temperature, perfusion
            .Enter(5) // add a drug (yes), mitomycin, mg/m², 35, 80
            .Enter(2); // no other drug, no trial

    [Theory]
    [InlineData(ProcedureKind.Hipec)]
    [InlineData(ProcedureKind.Pipac)]
    public void Template_ReadsAndCodesReadyAsItStands(ProcedureKind kind)
    {
        string yaml = CaseYaml.Write(CaseTemplate.For(kind, Day), CaseYamlStyle.Template);
        CodingResult result = RuleSet.Default.Code(Read(yaml));
        Assert.True(result.Ready, string.Join("\n", result.Findings.Select(f => f.Id + " " + f.Message)));
        Assert.Equal(kind, result.Procedure);
        Assert.Equal(Day, result.DateOfService);
    }

    [Theory]
    [InlineData(ProcedureKind.Hipec, "hipec", "NCT09000001")]
    [InlineData(ProcedureKind.Pipac, "aerosol_chemotherapy", "NCT04329494")]
    public void Template_TrialExample_NamesAnItemAndAStudyOfItsOwnProcedure_AndCodesWhenUncommented(ProcedureKind kind, string item, string study)
    {
        string yaml = CaseYaml.Write(CaseTemplate.For(kind, Day), CaseYamlStyle.Template);
        Assert.Contains($"#   investigational: [{item}]", yaml, StringComparison.Ordinal);
        Assert.Contains($"#   study: \"{study}\"", yaml, StringComparison.Ordinal);
        string ownLists = string.Join("\n", yaml.Split('\n').SkipWhile(l => !l.StartsWith("# or give the trial's own number", StringComparison.Ordinal)).Skip(1).Select(l => l.Length > 2 && l.StartsWith("# ", StringComparison.Ordinal) ? l.Substring(2).Split("  #")[0].TrimEnd() : l));
        CodingResult result = RuleSet.Default.Code(Read(yaml.Split("# trial:")[0] + ownLists));
        Assert.Contains(result.Lines, l => l.Modifiers.Contains(Modifier.Q0) || l.Responsibility == Responsibility.Sponsor);
    }

    [Theory]
    [InlineData(ProcedureKind.Hipec)]
    [InlineData(ProcedureKind.Pipac)]
    public void Template_IsTheSameCaseAsTheFileWrittenFromIt(ProcedureKind kind)
    {
        CaseDraft template = CaseTemplate.For(kind, Day);
        Assert.Equal(
            ResultJson.Serialize(new[] { RuleSet.Default.Code(Read(CaseYaml.Write(template, CaseYamlStyle.File))) }),
            ResultJson.Serialize(new[] { RuleSet.Default.Code(Read(CaseYaml.Write(template, CaseYamlStyle.Template))) }));
    }

    [Fact]
    public void New_WithNoTerminal_PrintsTheTemplateForTodayAndSaysSo()
    {
        // 'coding new' reads today from the clock, not from the host the test gives (NewCommand.Create): the run is
        // bracketed by two readings, so a run across midnight cannot fail.
        DateTime before = DateTime.Today;
        var (exit, output, error) = Run(null, "new", "pipac");
        DateTime after = DateTime.Today;
        Assert.Equal(0, exit);
        Assert.StartsWith("# A PIPAC case to edit", output, StringComparison.Ordinal);
        Assert.InRange(Read(output).DateOfService, before, after);
        Assert.Contains("no terminal to ask on", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_OnATerminalThatIsNotInteractive_PrintsTheTemplate()
    {
        var (exit, output, _) = Run(new ScriptedTerminal(interactive: false), "new", "hipec");
        Assert.Equal(0, exit);
        Assert.Equal(ProcedureKind.Hipec, Read(output).Procedure.Kind);
    }

    [Fact]
    public void New_TemplateWithOut_WritesTheFileThatCodeReads()
    {
        using var temp = new TempDirectory();
        var (exit, output, _) = Run(null, "new", "hipec", "--out", temp.File("case.yaml"));
        Assert.Equal((0, string.Empty), (exit, output));
        Assert.Equal("hipec-001", Read(File.ReadAllText(temp.File("case.yaml"))).CaseId);
        Assert.InRange(Run(null, "code", temp.File("case.yaml")).Exit, 0, 1);
    }

    [Fact]
    public void New_OutNamingAnExistingFile_ExitsTwoBeforeAskingAnything()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("case.yaml"), "mine");
        var terminal = new ScriptedTerminal();

        var (exit, _, error) = Run(terminal, "new", "hipec", "--out", temp.File("case.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("never overwrites", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(temp.File("case.yaml")));
        Assert.Equal(string.Empty, terminal.Transcript);
    }

    [Fact]
    public void New_EnterThroughout_WritesTheTemplateCaseCodesItAndExitsZero()
    {
        using var temp = new TempDirectory();
        var terminal = HipecWithEnterThroughout(new ScriptedTerminal());

        var (exit, output, error) = Run(terminal, "new", "hipec", "--out", temp.File("case.yaml"));

        Assert.True(exit == 0, error + terminal.Transcript);
        string written = File.ReadAllText(temp.File("case.yaml"));
        Assert.StartsWith("# A HIPEC case written by 'coding new hipec'", written, StringComparison.Ordinal);
        // The date Enter kept is the clock's (NewCommand.Create): compare with the template of that day, not of the test's today.
        CodingCase expected = Read(CaseYaml.Write(CaseTemplate.For(ProcedureKind.Hipec, Read(written).DateOfService), CaseYamlStyle.File));
        Assert.Equal(ResultJson.Serialize(new[] { RuleSet.Default.Code(expected) }), ResultJson.Serialize(new[] { RuleSet.Default.Code(Read(written)) }));
        Assert.Contains("wrote " + temp.File("case.yaml"), output, StringComparison.Ordinal);
        Assert.Contains("hipec-001", output, StringComparison.Ordinal);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithoutOut_PrintsTheCaseThenItsResult()
    {
        var (exit, output, _) = Run(HipecWithEnterThroughout(new ScriptedTerminal()), "new", "hipec");
        Assert.Equal(0, exit);
        string yaml = output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1);
        Assert.Equal("hipec-001", Read(yaml).CaseId);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_AnAnswerTheReaderRefuses_IsRefusedWithTheReadersIdAndAskedAgain()
    {
        var terminal = new ScriptedTerminal()
            .Type("crs-7").Type("2026-13-02").Type("2026-03-14") // a date the reader refuses, then one it takes
            .Pick(Claims, "professional", "professional").Pick(Payers, "commercial", "medicare")
            .Type("2x").Type("22") // not a place-of-service code, then one
            .Enter() // no patient control number: the case id serves
            .Type("1.8").Type("C18.1 C78.6").Enter().Type("49188, 44950").Type("12.5").Enter()
            .Type("41 42").Type("-5").Type("abc").Type("95") // negative, then not a number, then a perfusion time
            .Enter().Enter().Enter().Type("30").Type("-").Enter() // mitomycin 30 mg/m², nothing opened given
            .Enter(2);

        var (exit, output, _) = Run(terminal, "new", "hipec");

        Assert.InRange(exit, 0, 1);
        Assert.Contains("DATA004: Expected a date as YYYY-MM-DD, found '2026-13-02'.", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("place_of_service '2x' is not a place-of-service code", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("CASE001: A perfusion time cannot be negative.", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("DATA004: Expected a number, found 'abc'.", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));
        Assert.Equal(("crs-7", new DateTime(2026, 3, 14), PayerType.Medicare, "22"), (written.CaseId, written.DateOfService, written.Payer, written.PlaceOfService));
        var hipec = Assert.IsType<HipecProcedure>(written.Procedure);
        Assert.Equal(new[] { "49188", "44950" }, hipec.PrimaryProcedures);
        Assert.Equal(95, hipec.PerfusionDuration.TotalMinutes);
        Assert.Equal((41.0, 42.0), (hipec.Temperature!.Min.Celsius, hipec.Temperature.Max.Celsius));
        DrugAdministration drug = Assert.Single(hipec.Drugs);
        Assert.Equal(("mitomycin", (decimal?)null), (drug.Name, drug.OpenedMilligrams));
    }

    [Fact]
    public void New_InpatientClaim_AsksForTheDischargeDateAndPcsCodes()
    {
        var terminal = new ScriptedTerminal()
            .Enter().Type("2026-03-14").Pick(Claims, "professional", "facility_inpatient").Enter()
            .Type("2026-03-13") // the admission date, asked for and never assumed
            .Type("2026-03-01").Type("2026-03-20") // a discharge before the date of service is refused
            .Enter(3) // patient control number, body surface area, diagnoses (C18.1, C78.6)
            .Type("C78.6").Type("Q").Type("Y").Type("Y") // admitting diagnosis; POA of each diagnosis (Q is refused)
            .Enter(6).Type("0DBW0ZZ").Enter(5).Enter(2);

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("discharge_date 2026-03-01 is before date_of_service", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));
        Assert.Equal((ClaimType.FacilityInpatient, (string?)null), (written.Claim, written.PlaceOfService));
        Assert.Equal(new DateTime(2026, 3, 20), written.Details.DischargeDate);
        Assert.Equal(new DateTime(2026, 3, 13), written.Details.AdmissionDate);
        Assert.Equal("C78.6", written.Details.AdmittingDiagnosis);
        Assert.Equal(PoaIndicator.Yes, written.Details.PresentOnAdmission["C78.6"]);
        Assert.Equal(PoaIndicator.Yes, written.Details.PresentOnAdmission["C18.1"]);
        Assert.Contains("'Q'", terminal.Transcript, StringComparison.Ordinal);
        Assert.Equal(new[] { "0DBW0ZZ" }, written.Procedure.PcsProcedures);
    }

    [Fact]
    public void New_PipacInAStudy_NamesTheStudyAndSubject()
    {
        var terminal = new ScriptedTerminal()
            .Enter(5) // case id, date, facility_outpatient, medicare, patient control number
            .Enter(3) // body surface area, diagnoses, approach
            .Enter(8) // cycle, exposure, pressure, temperature, biopsies, ascites, PCI, unlisted-code words
            .Enter(5).Enter(5).Enter() // cisplatin 7.5 mg/m²; doxorubicin 1.5 mg/m², 10 opened; no third drug
            .Type("y").Enter().Type("007"); // in a trial: the first study of the folder

        var (exit, output, error) = Run(terminal, "new", "pipac", "--studies", Paths.Studies);

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        CodingCase written = Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));
        Assert.Equal((BundledStudies.Catalogue.Studies[0].Nct, "007"), (written.Trial!.Study!.Nct, written.Trial.Subject));
        Assert.Equal(2, written.Procedure.Drugs.Count);
    }

    [Fact]
    public void New_TrialWithItsOwnLists_WritesThemAndTheReaderChecksTheItems()
    {
        var terminal = HipecUpToTheTrial(new ScriptedTerminal())
            .Type("y").Type("NCT01234567").Type("y").Type("hipec, biopsys").Type("hipec").Enter().Enter();

        var (exit, output, _) = Run(terminal, "new", "hipec");

        Assert.InRange(exit, 0, 1);
        Assert.Contains("'biopsys'", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));
        Assert.Equal("NCT01234567", written.Trial!.Nct);
        Assert.True(written.Trial.Qualifying);
        Assert.Equal(new[] { LineCategory.Hipec }, written.Trial.Investigational);
    }

    [Fact]
    public void New_TumorExcisionCode_AsksForTheSumOfTheTumorLengths_AndTheReaderChecksIt()
    {
        var terminal = new ScriptedTerminal()
            .Enter().Type("2026-03-14").Pick(Claims, "professional", "professional").Pick(Payers, "commercial", "commercial").Type("21")
            .Enter(3).Enter().Type("49187").Type("5.05").Type("7.5") // a length finer than the bands is refused
            .Enter(3).Enter(5).Enter(2);

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit == 0, error + terminal.Transcript);
        Assert.Contains("Sum of the maximum lengths of the tumors or cysts excised, cm (chooses 49186, 49187, 49188, 49189, 49190)", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("CASE001", terminal.Transcript, StringComparison.Ordinal);
        var hipec = (HipecProcedure)Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1)).Procedure;
        Assert.Equal(new[] { "49187" }, hipec.PrimaryProcedures);
        Assert.Equal(7.5m, hipec.TumorLengthSum!.Value.Centimetres);
    }

    [Fact]
    public void New_SurgeryWithoutATumorExcisionCode_IsNotAskedForATumorLength()
    {
        var terminal = new ScriptedTerminal()
            .Enter().Type("2026-03-14").Pick(Claims, "professional", "professional").Pick(Payers, "commercial", "commercial").Type("21")
            .Enter(3).Enter().Type("58953").Enter(3).Enter(5).Enter(2);

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.DoesNotContain("tumors or cysts", terminal.Transcript, StringComparison.Ordinal);
        Assert.Null(((HipecProcedure)Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1)).Procedure).TumorLengthSum);
    }

    [Fact]
    public void New_InputEndingBeforeTheLastAnswer_ExitsTwoAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var (exit, _, error) = Run(new ScriptedTerminal().Enter(3), "new", "hipec", "--out", temp.File("case.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("case.yaml")));
    }

    [Fact]
    public void New_OnATerminalWithoutAnsi_TakesChoicesTyped()
    {
        var terminal = new ScriptedTerminal(ansi: false).Enter(2).Type("facility_outpatient").Type("medicaid").Enter(9).Enter(5).Enter(2);
        var (exit, output, error) = Run(terminal, "new", "hipec");
        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        CodingCase written = Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));
        Assert.Equal((ClaimType.FacilityOutpatient, PayerType.Medicaid), (written.Claim, written.Payer));
    }

    [Theory]
    [InlineData("41.5 42.5", "41.5", "42.5")]
    [InlineData("41.5-42.5", "41.5", "42.5")]
    [InlineData("41.5 to 42.5", "41.5", "42.5")]
    [InlineData("41.5, 42.5", "41.5", "42.5")]
    [InlineData("42", "42", "42")]
    [InlineData("1 2 3", "1 2 3", "1 2 3")]
    public void Range_TakesTwoValuesOrOneForBoth(string answer, string min, string max)
        => Assert.Equal(new TemperatureDraft(min, max), CasePrompts.Range(answer));

    [Theory]
    [InlineData("a\"b")]
    [InlineData("back\\slash")]
    [InlineData("two\nlines")]
    [InlineData("tab\tand bell\u0007")]
    [InlineData("x: 1 # not a comment")]
    [InlineData("{ case_id: injected }")]
    [InlineData("µ² ünïcode")]
    public void Text_IsReadBackExactlyAsTyped(string typed)
    {
        CaseDraft draft = CaseTemplate.For(ProcedureKind.Hipec, Day) with { CaseId = typed };
        Assert.Equal(typed, Read(CaseYaml.Write(draft, CaseYamlStyle.File)).CaseId);
    }

    [Theory]
    [InlineData("90", "90")]
    [InlineData("-5", "-5")]
    [InlineData("2026-03-14", "2026-03-14")]
    [InlineData("facility_outpatient", "facility_outpatient")]
    [InlineData("9 0", "\"9 0\"")]
    [InlineData("1: 2", "\"1: 2\"")]
    [InlineData("[1]", "\"[1]\"")]
    public void Value_IsPlainWhenOneWordAndQuotedOtherwise(string typed, string written)
        => Assert.Equal(written, CaseYaml.Value(typed));

    /// <summary>The HIPEC questions with Enter up to the trial question.</summary>
    private static ScriptedTerminal HipecUpToTheTrial(ScriptedTerminal terminal) => terminal.Enter(6).Enter(8).Enter(5).Enter();
}
