using System;
using System.IO;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tests;

/// <summary>Cases that name their study: designations, qualification and IDE from the study, line notes, and the deviations.</summary>
public sealed class StudyCodingTests
{
    private static string PipacCase(int cycle = 1, string payer = "medicare", int biopsies = 2, string trial = "trial: { study: NCT04329494 }", string claim = "facility_outpatient", string drugs = "    - { name: cisplatin, dose_mg_per_m2: 7.5 }\n    - { name: doxorubicin, dose_mg_per_m2: 1.5, opened_mg: 10 }\n")
        => $"case_id: c{cycle}\ndate_of_service: 2026-03-03\nclaim: {claim}\npayer: {payer}\npatient: {{ body_surface_area_m2: 1.8 }}\ndiagnoses: [Z51.11, C16.9, C78.6]\n"
           + $"procedure:\n  kind: pipac\n  cycle: {cycle}\n  exposure_minutes: 30\n  capnoperitoneum_mmhg: 12\n  biopsies: {biopsies}\n  drugs:\n{drugs}{trial}\n";

    /// <summary>The HIPEC study's example case as a commercial inpatient claim, whose payer wants HCPCS drug lines.</summary>
    private static string InpatientHipec()
        => File.ReadAllText(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml"))
            .Replace("claim: professional", "claim: facility_inpatient", StringComparison.Ordinal)
            .Replace("payer: medicare_advantage", "payer: commercial", StringComparison.Ordinal)
            .Replace("  separate_incisions: 1\n", "  pcs_procedures: [0DBW0ZZ]\n", StringComparison.Ordinal);

    private static CaseReadResult Read(string text, StudyCatalogue? studies = null)
        => CaseFile.Parse(text, "case.yaml", DocumentFormat.Yaml, ReadLimits.Default, studies ?? BundledStudies.Catalogue);

    private static CodingResult Code(string text)
    {
        CaseReadResult read = Read(text);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return RuleSet.Default.Code(read.Case!);
    }

    private static string Designations(CodingResult result)
        => string.Join("; ", result.Lines.Select(l => $"{l.Code} {string.Join(" ", l.ModifierCodes())} {l.Responsibility} {l.BillTo} {string.Join(",", l.Notes.Where(n => n.StartsWith("study-", StringComparison.Ordinal)))}"));

    [Fact]
    public void TwoPatientsOfOneStudy_FromMinimalCaseFiles_GetIdenticalDesignations()
    {
        string folder = Path.Combine(Paths.Fixtures, "reconcile", "patient-002");
        var first = RuleSet.Default.Code(BundledStudies.Read(Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-1.yaml")).Case!);
        var second = RuleSet.Default.Code(BundledStudies.Read(Path.Combine(folder, "cycle-1.yaml")).Case!);

        // Different payers, doses and dates; the same items with the same designations, notes and coverage rules.
        Assert.NotEqual(first.Payer, second.Payer);
        Assert.Equal(
            first.Lines.Select(l => (l.Code, l.Responsibility, l.CoverageRule, string.Join(",", l.Notes.Where(n => n.StartsWith("study-", StringComparison.Ordinal))))),
            second.Lines.Select(l => (l.Code, l.Responsibility, l.CoverageRule, string.Join(",", l.Notes.Where(n => n.StartsWith("study-", StringComparison.Ordinal))))));
        Assert.Equal(new[] { Responsibility.Insurer, Responsibility.Sponsor, Responsibility.Sponsor, Responsibility.NotBillable, Responsibility.Sponsor }, second.Lines.Select(l => l.Responsibility));
        Assert.Equal(BundledStudies.Read(Path.Combine(folder, "cycle-2.yaml")).Case!.Trial!.Study, BundledStudies.Read(Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-2.yaml")).Case!.Trial!.Study);
    }

    [Fact]
    public void CaseNamingAStudy_TakesQualificationAndIdeFromIt()
    {
        CodingCase hipec = BundledStudies.Read(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml")).Case!;
        Assert.Equal(("NCT09000001", "G250456", true, "H-007"), (hipec.Trial!.Nct, hipec.Trial.Ide, hipec.Trial.Qualifying, hipec.Trial.Subject));
        CodingResult result = RuleSet.Default.Code(hipec);
        Assert.Equal("G250456", result.ClaimMarkers.Ide);
        Assert.All(result.Lines, l => Assert.Equal(PayerType.MedicareAdvantage, l.BillTo));
        Assert.Equal(new[] { "Q1", "Q0", "Q0" }, result.Lines.Select(l => l.ModifierCodes()[^1]));
    }

    [Fact]
    public void MedicareAdvantageInANonIdeStudy_IsBilledToOriginalMedicare()
    {
        CodingResult result = Code(PipacCase(payer: "medicare_advantage"));
        Assert.Equal(PayerType.Medicare, result.Lines[0].BillTo);
        Assert.Equal("04329494", result.ClaimMarkers.ClinicalTrialNumber);
    }

    [Fact]
    public void EveryLine_SaysWhichStudyItemDesignatedIt_AndWhy()
    {
        CodingResult result = Code(PipacCase());
        Assert.Equal(
            "49320 Q1 Insurer Medicare study-nct04329494-laparoscopy; 96549  Sponsor  study-nct04329494-aerosol-chemotherapy; 49321  Sponsor  study-nct04329494-biopsies; J9060  NotBillable  study-nct04329494-drug-cisplatin; J9000  Sponsor  study-nct04329494-aerosol-chemotherapy",
            Designations(result));
        CodingNote biopsies = result.Notes.Single(n => n.Id == "study-nct04329494-biopsies");
        Assert.Contains("sponsor", biopsies.Text, StringComparison.Ordinal);
        Assert.Contains("research-only regression grading", biopsies.Text, StringComparison.Ordinal);
        Assert.Contains("NCT04329494.yaml", biopsies.Source, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void CaseNamingAStudy_AndGivingItsOwnLists_IsAnError()
    {
        CaseReadResult read = Read(PipacCase(trial: "trial:\n  study: NCT04329494\n  qualifying: true\n  sponsor_pays: [aerosol_chemotherapy]"));
        Assert.Equal(new[] { DataErrorIds.ConflictingKeys, DataErrorIds.ConflictingKeys }, read.Errors.Select(e => e.Id));
        Assert.Equal((18, 15), (read.Errors[0].Line, read.Errors[0].Column));
        Assert.Contains("remove 'qualifying'", read.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseNamingAStudyNotInTheCatalogue_IsAClearLocatedError()
    {
        CaseReadResult read = Read(PipacCase(trial: "trial: { study: NCT01234567 }"));
        DataError error = Assert.Single(read.Errors);
        Assert.Equal((DataErrorIds.StudyUnknown, 16, 17), (error.Id, error.Line, error.Column));
        Assert.Contains("holds NCT04329494, NCT09000001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseNamingAStudy_WithNoCatalogue_SaysHowToGiveOne()
    {
        DataError error = Assert.Single(Read(PipacCase(), StudyCatalogue.Empty).Errors);
        Assert.Equal(DataErrorIds.StudyUnknown, error.Id);
        Assert.Contains("--studies DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrialWithNeitherStudyNorNct_IsMissingItsKeys()
    {
        var errors = Read(PipacCase(trial: "trial: { subject: \"9\" }")).Errors;
        Assert.Equal(new[] { DataErrorIds.MissingKey, DataErrorIds.MissingKey }, errors.Select(e => e.Id));
        Assert.Contains("'nct'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'qualifying'", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemCodedAtAVisitThatDoesNotPlanIt_IsAnUnplannedWarning()
    {
        CodingResult result = Code(PipacCase(cycle: 3, biopsies: 2));
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal((FindingIds.StudyItemUnplanned, Severity.Warning), (finding.Id, finding.Severity));
        Assert.Contains("'biopsies'", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Ready);
    }

    [Fact]
    public void NoBiopsiesAtAVisitThatDoesNotPlanThem_IsNoDeviation()
        => Assert.Empty(Code(PipacCase(cycle: 3, biopsies: 0)).Findings);

    [Fact]
    public void PlannedBiopsiesNotTaken_AreReportedForInformation()
    {
        Finding finding = Assert.Single(Code(PipacCase(cycle: 2, biopsies: 0)).Findings);
        Assert.Equal((FindingIds.StudyItemNotCoded, Severity.Info, "procedure.biopsies"), (finding.Id, finding.Severity, finding.Path));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    public void CycleTheScheduleDoesNotHave_IsAnError(int cycle)
    {
        CodingResult result = Code(PipacCase(cycle: cycle));
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal((FindingIds.StudyCycleNotScheduled, Severity.Error, "procedure.cycle"), (finding.Id, finding.Severity, finding.Path));
        Assert.Contains("cycles 1, 2, 3", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public void PayerTheStudyDoesNotQualifyFor_IsAWarning_AndTheClaimHasNoTrialMarkers()
    {
        string text = File.ReadAllText(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml")).Replace("payer: medicare_advantage", "payer: medicaid", StringComparison.Ordinal);
        CodingResult result = Code(text);
        Finding finding = result.Findings.Single(f => f.Id.StartsWith("STUDY", StringComparison.Ordinal));
        Assert.Equal((FindingIds.StudyNotQualifyingForPayer, Severity.Warning), (finding.Id, finding.Severity));
        Assert.Contains("the state plan has not approved the device study", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Id == FindingIds.TrialNotQualifying);
        Assert.Null(result.ClaimMarkers.ClinicalTrialNumber);
        Assert.DoesNotContain("Z00.6", result.Diagnoses);
        Assert.All(result.Lines, l => Assert.DoesNotContain(l.ModifierCodes(), m => m is "Q0" or "Q1"));
    }

    [Fact]
    public void PayerTheStudyGivesNoEntryFor_DoesNotQualify()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("  commercial: { qualifies: true, basis: \"approved trial, PHSA 2709\" }\n", string.Empty, StringComparison.Ordinal);
        var catalogue = StudyCatalogue.Of(new[] { StudyFile.Parse(study, "NCT04329494.yaml").Study! });
        CodingResult result = RuleSet.Default.Code(Read(PipacCase(payer: "commercial"), catalogue).Case!);
        Finding finding = Assert.Single(result.Findings, f => f.Id.StartsWith("STUDY", StringComparison.Ordinal));
        Assert.Equal(FindingIds.StudyNotQualifyingForPayer, finding.Id);
        Assert.Contains("gives no qualification for this payer", finding.Message, StringComparison.Ordinal);
        Assert.Null(result.ClaimMarkers.ClinicalTrialNumber);
    }

    [Fact]
    public void SelfPayPatient_HasNoQualificationFinding()
    {
        CodingResult result = Code(PipacCase(payer: "self_pay"));
        Assert.Empty(result.Findings);
        Assert.Equal(Responsibility.Patient, result.Lines[0].Responsibility);
    }

    [Fact]
    public void RoutineDrugTheSponsorSuppliedFree_IsBilledDifferentlyThanTheStudySays()
    {
        CodingResult result = Code(InpatientHipec().Replace("opened_mg: 80 }", "opened_mg: 80, supplied_by_sponsor: true }", StringComparison.Ordinal));
        Finding finding = Assert.Single(result.Findings, f => f.Id.StartsWith("STUDY", StringComparison.Ordinal));
        Assert.Equal((FindingIds.StudyBilledDifferently, Severity.Warning), (finding.Id, finding.Severity));
        Assert.Contains("'mitomycin' is designated routine", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InpatientSponsorItem_KeptOnTheClaimWithNonCoveredCharges_IsNoDeviation()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT09000001.yaml")).Replace("{ item: hipec, designation: investigational", "{ item: hipec, designation: sponsor", StringComparison.Ordinal);
        var catalogue = StudyCatalogue.Of(new[] { StudyFile.Parse(study, "NCT09000001.yaml").Study! });
        CodingResult result = RuleSet.Default.Code(Read(InpatientHipec(), catalogue).Case!);
        Assert.Contains(result.Lines, l => l.Category == LineCategory.Hipec && l.NonCoveredCharges && l.Notes.Contains("study-nct09000001-hipec"));
        Assert.DoesNotContain(result.Findings, f => f.Id.StartsWith("STUDY", StringComparison.Ordinal));
    }

    [Fact]
    public void DrugNotNamed_FollowsTheStudysDrugItem_WhenItHasOne()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("items:                          # line categories, drugs, research-only items\n", "items:\n  - { item: drug, designation: routine, reason: \"standard drugs\" }\n", StringComparison.Ordinal);
        var catalogue = StudyCatalogue.Of(new[] { StudyFile.Parse(study, "NCT04329494.yaml").Study! });
        CodingResult result = RuleSet.Default.Code(Read(PipacCase(), catalogue).Case!);
        CodeLine doxorubicin = result.Lines.Single(l => l.Code == "J9000");
        Assert.Equal((Responsibility.Insurer, "Q1"), (doxorubicin.Responsibility, doxorubicin.ModifierCodes()[^1]));
        Assert.Contains("study-nct04329494-drug", doxorubicin.Notes);
        Assert.Equal(Responsibility.NotBillable, result.Lines.Single(l => l.Code == "J9060").Responsibility);
    }

    [Fact]
    public void DrugNamedByAnAlias_TakesItsStudyDesignation()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT09000001.yaml")).Replace("{ drug: mitomycin, designation: routine", "{ drug: MMC, designation: not_billable", StringComparison.Ordinal);
        var parsed = StudyFile.Parse(study, "NCT09000001.yaml");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        CodingResult result = RuleSet.Default.Code(Read(InpatientHipec(), StudyCatalogue.Of(new[] { parsed.Study! })).Case!);
        CodeLine mitomycin = result.Lines.Single(l => l.Code == "J9280");
        Assert.Equal(Responsibility.NotBillable, mitomycin.Responsibility);
        Assert.Contains("study-nct09000001-drug-mmc", mitomycin.Notes);
    }

    [Fact]
    public void LineNoStudyItemDesignates_IsRoutine_WithANoteAndAnUnplannedWarning()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml"))
            .Replace("  - { item: laparoscopy, designation: routine, reason: \"standard access for the procedure\" }\n", string.Empty, StringComparison.Ordinal)
            .Replace("[laparoscopy, biopsies, aerosol_chemotherapy]", "[biopsies, aerosol_chemotherapy]", StringComparison.Ordinal)
            .Replace("[laparoscopy, aerosol_chemotherapy]", "[aerosol_chemotherapy]", StringComparison.Ordinal);
        var parsed = StudyFile.Parse(study, "NCT04329494.yaml");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        CodingResult result = RuleSet.Default.Code(Read(PipacCase(), StudyCatalogue.Of(new[] { parsed.Study! })).Case!);
        CodeLine laparoscopy = result.Lines[0];
        Assert.Equal((Responsibility.Insurer, "Q1"), (laparoscopy.Responsibility, laparoscopy.ModifierCodes()[^1]));
        Assert.Contains("study-nct04329494-undesignated", laparoscopy.Notes);
        Assert.Contains("designates no item", result.Notes.Single(n => n.Id == "study-nct04329494-undesignated").Text, StringComparison.Ordinal);
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.StudyItemUnplanned, finding.Id);
        Assert.Contains("'laparoscopy' (no designation)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoutineBiopsies_StayOnTheLaparoscopyLine()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("{ item: biopsies, designation: sponsor", "{ item: biopsies, designation: routine", StringComparison.Ordinal);
        CodingResult result = RuleSet.Default.Code(Read(PipacCase(), StudyCatalogue.Of(new[] { StudyFile.Parse(study, "s.yaml").Study! })).Case!);
        Assert.Equal(("49321", Responsibility.Insurer), (result.Lines[0].Code, result.Lines[0].Responsibility));
        Assert.DoesNotContain(result.Lines, l => l.Category == LineCategory.Biopsies);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void NotBillableBiopsies_GoOnNoInvoice()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("{ item: biopsies, designation: sponsor", "{ item: biopsies, designation: not_billable", StringComparison.Ordinal);
        CodingResult result = RuleSet.Default.Code(Read(PipacCase(), StudyCatalogue.Of(new[] { StudyFile.Parse(study, "s.yaml").Study! })).Case!);
        Assert.Equal(("49320", Responsibility.NotBillable), (result.Lines[0].Code, result.Lines.Single(l => l.Category == LineCategory.Biopsies).Responsibility));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void StudyTrial_BuiltInCode_MatchesTheOneReadFromAFile()
    {
        var trial = new ClinicalTrial(BundledStudies.Pipac, PayerType.Commercial);
        Assert.Equal(new[] { LineCategory.AerosolChemotherapy }, trial.SponsorPays);
        Assert.Empty(trial.Investigational);
        Assert.Equal(new[] { LineCategory.Biopsies }, trial.ResearchOnly);
        Assert.Equal(TrialDesignation.NotBillable, trial.DrugDesignations["CISPLATIN"]);
        Assert.True(trial.Qualifying);
        Assert.False(new ClinicalTrial(BundledStudies.Pipac, PayerType.SelfPay).Qualifying);
        Assert.Null(trial.Subject);
        Assert.Equal("7", trial.WithSubject(" 7 ").Subject);
        Assert.Null(trial.WithSubject("  ").Subject);
        Assert.Throws<ArgumentNullException>(() => new ClinicalTrial(null!, PayerType.Medicare));
    }

    [Fact]
    public void InvestigationalItems_ComeFromTheStudy()
    {
        var trial = new ClinicalTrial(BundledStudies.HipecIde, PayerType.Medicare);
        Assert.Equal(new[] { LineCategory.Hipec }, trial.Investigational);
        Assert.Empty(trial.SponsorPays);
        Assert.Empty(trial.ResearchOnly);
        Assert.Equal("G250456", trial.Ide);
    }
}
