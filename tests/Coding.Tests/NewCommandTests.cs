using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Maintenance;
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

    private static readonly string[] Approaches = { "open", "laparoscopic" };
    private static readonly string[] Drugs = RuleSet.Default.InForceOn(Day).Drugs.Select(d => d.Name).ToArray();
    private static readonly string[] DoseUnitsOf = { "mg per m²", "mg" };
    private static readonly string[] NdcUnits = { "UN", "ML", "MG" };
    private static readonly string[] Items = Enum.GetValues<LineCategory>().Select(v => WireNames.Of(v)).ToArray();

    /// <summary>The transcript without its ANSI sequences.</summary>
    private static string Plain(string transcript) => Regex.Replace(transcript, @"\x1b\[[0-9;?]*[A-Za-z]", string.Empty);

    private static CodingCase Written(string output) => Read(output.Substring(0, output.IndexOf("\n\n", StringComparison.Ordinal) + 1));

    /// <summary>The HIPEC questions up to the drugs, answered with the template's values (payer as given).</summary>
    private static ScriptedTerminal HipecUpToTheDrugs(ScriptedTerminal terminal, string payer = "commercial")
        => terminal
            .Enter(2) // case id, date of service: the only values Enter keeps
            .Enter().Pick(Payers, "medicare", payer) // professional (the first claim); the payer
            .Enter(2) // no place of service, no patient control number
            .Type("1.9").Type("C18.1 C78.6").Enter() // body surface area, diagnoses, open (the first approach)
            .Type("49188").Type("14.5").Type("1").Type("41.5 42.5").Type("90");

    /// <summary>The HIPEC questions up to the trial question, answered with the template's values.</summary>
    private static ScriptedTerminal HipecUpToTheTrial(ScriptedTerminal terminal, string payer = "commercial")
        => HipecUpToTheDrugs(terminal, payer).Type("y").Pick(Drugs, Drugs[0], "mitomycin").Enter().Type("35").Type("80").Type("n"); // mitomycin 35 mg/m², 80 opened

    /// <summary>The PIPAC questions up to the drugs, answered with the template's values (payer as given).</summary>
    private static ScriptedTerminal PipacUpToTheDrugs(ScriptedTerminal terminal, string payer = "medicare")
        => terminal
            .Enter(2).Pick(Claims, "professional", "facility_outpatient").Pick(Payers, "medicare", payer).Enter()
            .Type("1.7").Type("Z51.11 C16.9 C78.6 R18.0").Pick(Approaches, "open", "laparoscopic")
            .Type("1").Type("30").Type("12").Type("36.8 37.2").Type("4").Type("350").Type("14").Enter();

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
    public void New_WithNoTerminal_PrintsTheTemplateForTheHostsTodayAndSaysSo()
    {
        var (exit, output, error) = Run(null, "new", "pipac");
        Assert.Equal(0, exit);
        Assert.StartsWith("# A PIPAC case to edit", output, StringComparison.Ordinal);
        Assert.Equal(TestHost.Today, Read(output).DateOfService);
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
    public void New_TemplateValuesTyped_WritesTheTemplateCaseCodesItAndExitsZero()
    {
        using var temp = new TempDirectory();
        var terminal = HipecUpToTheTrial(new ScriptedTerminal()).Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec", "--out", temp.File("case.yaml"));

        Assert.True(exit == 0, error + terminal.Transcript);
        string written = File.ReadAllText(temp.File("case.yaml"));
        Assert.StartsWith("# A HIPEC case written by 'coding new hipec'", written, StringComparison.Ordinal);
        CodingCase expected = Read(CaseYaml.Write(CaseTemplate.For(ProcedureKind.Hipec, TestHost.Today), CaseYamlStyle.File));
        Assert.Equal(ResultJson.Serialize(new[] { RuleSet.Default.Code(expected) }), ResultJson.Serialize(new[] { RuleSet.Default.Code(Read(written)) }));
        Assert.Contains("wrote " + temp.File("case.yaml"), output, StringComparison.Ordinal);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithoutOut_PrintsTheCaseThenItsResult()
    {
        var (exit, output, _) = Run(HipecUpToTheTrial(new ScriptedTerminal()).Enter(), "new", "hipec");
        Assert.Equal(0, exit);
        Assert.Equal("hipec-001", Written(output).CaseId);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_EnterOnAnOptionalClinicalQuestion_LeavesItOut_NeverTheTemplatesValue()
    {
        var terminal = new ScriptedTerminal().Enter(2).Enter().Pick(Payers, "medicare", "commercial").Enter(2)
            .Enter() // body surface area: left out, not 1.9
            .Type("C18.1 C78.6").Enter().Type("58953").Enter(3).Type("90").Type("y").Enter().Pick(DoseUnitsOf, "mg per m²", "mg").Type("60").Enter().Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("Body surface area, m² (e.g. 1.82)", terminal.Transcript, StringComparison.Ordinal);
        var hipec = (HipecProcedure)Written(output).Procedure;
        Assert.Null(Written(output).BodySurfaceArea);
        Assert.Null(hipec.Temperature);
        Assert.Null(Assert.Single(hipec.Drugs).OpenedMilligrams);
    }

    [Theory]
    [InlineData(ProcedureKind.Hipec)]
    [InlineData(ProcedureKind.Pipac)]
    public void New_EnterOnARequiredClinicalQuestion_AsksAgain_SoEnterAloneNeverWritesACase(ProcedureKind kind)
    {
        using var temp = new TempDirectory();
        var terminal = new ScriptedTerminal().Enter(80);

        var (exit, _, error) = Run(terminal, "new", WireNames.Of(kind), "--out", temp.File("case.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("case.yaml")));
        Assert.Contains("Diagnoses, ICD-10-CM, the principal first:", terminal.Transcript, StringComparison.Ordinal);
        foreach (string made in new[] { "(1.9)", "(1.7)", "(350)", "(14)", "(4)", "(14.5)", "(90)", "(41.5 42.5)", "(36.8 37.2)" })
        {
            Assert.DoesNotContain(made, terminal.Transcript, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1,82")]
    [InlineData("7.5 mg/m2")]
    public void New_ANumberWithACommaOrAUnit_IsRefusedAsNotANumberWithAnExample(string typed)
    {
        var terminal = new ScriptedTerminal().Enter(2).Enter().Pick(Payers, "medicare", "commercial").Enter(2)
            .Type(typed).Type("1.82").Type("C18.1").Enter().Type("58953").Enter(3).Type("90").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("Expected a number such as 1.82", terminal.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("quotes", terminal.Transcript, StringComparison.Ordinal);
        Assert.Equal(1.82m, Written(output).BodySurfaceArea!.Value.SquareMetres);
    }

    [Fact]
    public void New_PipacTemperature_ShowsAPipacExample()
    {
        var terminal = PipacUpToTheDrugs(new ScriptedTerminal()).Type("n").Enter();
        var (exit, _, error) = Run(terminal, "new", "pipac");
        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("Temperature, °C, lowest and highest (e.g. 36.8 37.2)", terminal.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("41.5", terminal.Transcript, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(100, false)]
    [InlineData(80, true)]
    [InlineData(100, true)]
    public void New_Prompts_NeverWrapTheirColonOntoALineOfItsOwn(int width, bool inpatient)
    {
        var terminal = new ScriptedTerminal(ansi: false, width: width).Enter(2).Type(inpatient ? "facility_inpatient" : "professional").Type("medicaid");
        terminal = inpatient ? terminal.Type("2026-03-13").Enter() : terminal.Enter();
        terminal.Enter().Type("1.9").Type("C18.1");
        terminal = inpatient ? terminal.Type("C18.1").Type("Y") : terminal;
        terminal.Type("open").Type("49188").Type("14.5").Enter(2).Type("90");
        terminal = inpatient ? terminal.Type("0DBW0ZZ") : terminal;
        terminal.Type("y").Type("mitomycin").Type("mg").Type("60").Type("80")
            .Type("1234-5678-90").Type("MG").Enter().Type("n").Type("y").Type("NCT01234567").Type("y").Type("hipec").Enter().Enter();

        var (exit, _, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        string[] lines = terminal.Transcript.Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("Patient control number (optional):", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Items the sponsor pays (optional):", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^(\(optional\))?:"));
        Assert.All(lines.Where(l => l.Contains(':', StringComparison.Ordinal)), l => Assert.True(char.IsUpper(l[0]) || l.StartsWith("DATA", StringComparison.Ordinal), l));
    }

    [Fact]
    public void New_TrialItems_ArePickedFromTheItemsTheRulesKnow()
    {
        var terminal = HipecUpToTheTrial(new ScriptedTerminal())
            .Type("y").Type("NCT01234567").Type("y").Mark(Items, "hipec").Mark(Items, "hipec", Items[0]).Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        CodingCase written = Written(output);
        Assert.Equal(new[] { LineCategory.Hipec }, written.Trial!.Investigational);
        Assert.Equal(new[] { Enum.GetValues<LineCategory>()[0], LineCategory.Hipec }.Distinct().Order(), written.Trial.SponsorPays.Order());
    }

    [Fact]
    public void New_WrittenFile_HoldsCodesUpperCaseAndDotted_AndSaysWhatTheRulesAdd()
    {
        var terminal = new ScriptedTerminal().Enter(2).Enter().Pick(Payers, "medicare", "commercial").Enter(2)
            .Type("1.9").Type("c181, c786").Enter().Type("49188").Type("14.5").Type("1").Type("41.5 42.5").Type("90").Type("n")
            .Type("y").Type("nct01234567").Type("y").Mark(Items, "hipec").Enter().Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("\"NCT01234567\"", output, StringComparison.Ordinal);
        CodingCase written = Written(output);
        Assert.Equal(new[] { "C18.1", "C78.6" }, written.Diagnoses);
        Assert.Contains("Z00.6, added by the rules", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_LessThan_AsksThePreviousQuestionAgain()
    {
        var terminal = new ScriptedTerminal()
            .Type("<") // nothing before the first question: asked again
            .Type("crs-1").Type("<").Type("crs-9").Enter() // back from the date to the case id
            .Enter().Pick(Payers, "medicare", "commercial").Enter(2)
            .Type("1.9").Type("<").Type("2.1") // back from the diagnoses to the body surface area
            .Type("C18.1").Enter().Type("58953").Enter(3).Type("90").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("This is the first question.", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Written(output);
        Assert.Equal(("crs-9", PayerType.Commercial, 2.1m), (written.CaseId, written.Payer, written.BodySurfaceArea!.Value.SquareMetres));
    }

    [Fact]
    public void New_BackEntryOfAnArrowList_AsksThePreviousQuestionAgain()
    {
        var terminal = new ScriptedTerminal().Enter(2)
            .Pick(Claims.Append("< back: the previous question").ToList(), "professional", "< back: the previous question") // back from the claim to the date
            .Type("2026-03-10").Enter().Pick(Payers, "medicare", "commercial").Enter(2)
            .Type("1.9").Type("C18.1").Enter().Type("58953").Enter(3).Type("90").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Equal(new DateTime(2026, 3, 10), Written(output).DateOfService);
    }

    [Fact]
    public void New_PickLists_StartAtTheirFirstEntryEveryTime()
    {
        // Enter on each list takes its first entry, whatever was picked before going back.
        var terminal = new ScriptedTerminal().Enter(2).Pick(Claims, "professional", "facility_outpatient").Pick(Payers, "medicare", "commercial")
            .Type("<").Enter().Enter(); // back to the payer: the list starts at medicare again

        var (exit, _, _) = Run(terminal, "new", "hipec");

        Assert.Equal(2, exit);
        Assert.Contains("Payer: commercial", Plain(terminal.Transcript), StringComparison.Ordinal);
        Assert.Contains("Payer: medicare", Plain(terminal.Transcript), StringComparison.Ordinal);
    }

    [Fact]
    public void New_MedicaidOutpatient_AsksForTheNdcOfEachDrug_AndComesOutReady()
    {
        var terminal = PipacUpToTheDrugs(new ScriptedTerminal(), "medicaid")
            .Type("y").Pick(Drugs, Drugs[0], "cisplatin").Enter().Type("7.5").Enter().Type("0703-5748-11").Pick(NdcUnits, "UN", "MG").Enter()
            .Type("y").Pick(Drugs, Drugs[0], "doxorubicin").Enter().Type("1.5").Type("10").Type("0069-3030-20").Pick(NdcUnits, "UN", "MG").Enter()
            .Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "pipac");

        Assert.True(exit == 0, error + terminal.Transcript + output);
        Assert.Contains("[READY]", output, StringComparison.Ordinal);
        Assert.Contains("medicaid requires the NDC", terminal.Transcript, StringComparison.Ordinal);
        Assert.Equal(2, Written(output).Procedure.Drugs.Count(d => d.Ndc is not null));
    }

    [Fact]
    public void New_AnAnswerTheReaderRefuses_IsRefusedWithTheReadersIdAndAskedAgain()
    {
        var terminal = new ScriptedTerminal()
            .Type("crs-7").Type("2026-13-02").Type("2026-03-14") // a date the reader refuses, then one it takes
            .Enter().Enter() // professional, medicare (the first of each list)
            .Type("2x").Type("22") // not a place-of-service code, then one
            .Enter() // no patient control number: the case id serves
            .Type("1.8").Type("C18.1 C78.6").Enter().Type("49188, 44950").Type("12.5").Enter()
            .Type("41 42").Type("-5").Type("abc").Type("95") // negative, then not a number, then a perfusion time
            .Type("y").Pick(Drugs, Drugs[0], "mitomycin").Enter().Type("30").Type("-").Type("n") // mitomycin 30 mg/m², nothing opened given
            .Enter();

        var (exit, output, _) = Run(terminal, "new", "hipec");

        Assert.InRange(exit, 0, 1);
        Assert.Contains("DATA004: Expected a date as YYYY-MM-DD, found '2026-13-02'.", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("place_of_service '2x' is not a place-of-service code", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("CASE001: A perfusion time cannot be negative.", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("Expected a number such as 90", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Written(output);
        Assert.Equal(("crs-7", new DateTime(2026, 3, 14), PayerType.Medicare, "22"), (written.CaseId, written.DateOfService, written.Payer, written.PlaceOfService));
        var hipec = Assert.IsType<HipecProcedure>(written.Procedure);
        Assert.Equal(new[] { "49188", "44950" }, hipec.PrimaryProcedures);
        Assert.Equal(95, hipec.PerfusionDuration.TotalMinutes);
        Assert.Equal((41.0, 42.0), (hipec.Temperature!.Min.Celsius, hipec.Temperature.Max.Celsius));
        DrugAdministration drug = Assert.Single(hipec.Drugs);
        Assert.Equal(("mitomycin", (decimal?)null), (drug.Name, drug.OpenedMilligrams));
    }

    [Fact]
    public void New_InpatientClaim_AsksForTheAdmissionDischargePoaAndPcsCodes()
    {
        var terminal = new ScriptedTerminal()
            .Enter().Type("2026-03-14").Pick(Claims, "professional", "facility_inpatient").Pick(Payers, "medicare", "commercial")
            .Type("2026-03-13") // the admission date, asked for and never assumed
            .Type("2026-03-01").Type("2026-03-20") // a discharge before the date of service is refused
            .Enter().Type("1.9").Type("C18.1 C78.6")
            .Type("c786").Type("Q").Type("Y").Type("Y") // admitting diagnosis; POA of each diagnosis (Q is refused)
            .Enter().Type("49188").Type("14.5").Type("1").Type("41.5 42.5").Type("90").Type("0dbw0zz").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit == 0, error + terminal.Transcript); // READY without editing the file
        Assert.Contains("discharge_date 2026-03-01 is before date_of_service", terminal.Transcript, StringComparison.Ordinal);
        CodingCase written = Written(output);
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
        var terminal = PipacUpToTheDrugs(new ScriptedTerminal())
            .Type("n").Type("y").Enter().Type("007"); // no drug; in a trial: the first study of the folder

        var (exit, output, error) = Run(terminal, "new", "pipac", "--studies", Paths.Studies);

        Assert.True(exit == 0, error + terminal.Transcript); // READY without editing the file
        CodingCase written = Written(output);
        Assert.Equal((BundledStudies.Catalogue.Studies[0].Nct, "007"), (written.Trial!.Study!.Nct, written.Trial.Subject));
    }

    [Fact]
    public void New_TumorExcisionCode_AsksForTheSumOfTheTumorLengths_AndTheReaderChecksIt()
    {
        var terminal = new ScriptedTerminal()
            .Enter(2).Enter().Pick(Payers, "medicare", "commercial").Type("21").Enter()
            .Type("1.9").Type("C18.1").Enter().Type("49187").Type("5.05").Type("7.5") // a length finer than the bands is refused
            .Enter(3).Type("90").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.Contains("tumors or cysts excised chooses 49186, 49187, 49188, 49189, 49190", terminal.Transcript, StringComparison.Ordinal);
        Assert.Contains("CASE001", terminal.Transcript, StringComparison.Ordinal);
        var hipec = (HipecProcedure)Written(output).Procedure;
        Assert.Equal(new[] { "49187" }, hipec.PrimaryProcedures);
        Assert.Equal(7.5m, hipec.TumorLengthSum!.Value.Centimetres);
    }

    [Fact]
    public void New_SurgeryWithoutATumorExcisionCode_IsNotAskedForATumorLength()
    {
        var terminal = new ScriptedTerminal()
            .Enter(2).Enter().Pick(Payers, "medicare", "commercial").Type("21").Enter()
            .Type("1.9").Type("C18.1").Enter().Type("58953").Enter(3).Type("90").Type("n").Enter();

        var (exit, output, error) = Run(terminal, "new", "hipec");

        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        Assert.DoesNotContain("tumors or cysts", terminal.Transcript, StringComparison.Ordinal);
        Assert.Null(((HipecProcedure)Written(output).Procedure).TumorLengthSum);
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
        var terminal = new ScriptedTerminal(ansi: false).Enter(2).Type("facility_outpatient").Type("commercial").Enter()
            .Type("1.9").Type("C18.1").Type("open").Type("58953").Enter(3).Type("90").Type("n").Enter();
        var (exit, output, error) = Run(terminal, "new", "hipec");
        Assert.True(exit is 0 or 1, error + terminal.Transcript);
        CodingCase written = Written(output);
        Assert.Equal((ClaimType.FacilityOutpatient, PayerType.Commercial), (written.Claim, written.Payer));
    }

    [Theory]
    [InlineData("c786", "C78.6")]
    [InlineData("C78.6", "C78.6")]
    [InlineData("c78.6", "C78.6")]
    [InlineData("z5111", "Z51.11")]
    [InlineData("c18", "C18")]
    [InlineData("49188", "49188")]
    [InlineData("c78x", "C78.X")]
    public void Diagnosis_IsUpperCase_AndDottedAfterTheCategoryWhenTypedWithoutIt(string typed, string written)
        => Assert.Equal(written, CasePrompts.Diagnosis(typed));

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
}
