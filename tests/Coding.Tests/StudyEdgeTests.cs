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

/// <summary>The edges of study files, designations and reconciliation that the example course does not reach.</summary>
public sealed class StudyEdgeTests
{
    private const string Items = "items:\n  - { item: laparoscopy, designation: routine, reason: r }\n";

    private static string Study(string body, string head = "nct: NCT04329494\ntitle: t\nqualifying: { medicare: { qualifies: true, basis: b } }\n")
        => head + body;

    private static Study Parsed(string text)
    {
        var read = StudyFile.Parse(text, "s.yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return read.Study!;
    }

    private static string PipacText(int cycle, int biopsies = 2, string subject = "\"001\"")
        => File.ReadAllText(Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-1.yaml"))
            .Replace("cycle: 1", "cycle: " + cycle, StringComparison.Ordinal)
            .Replace("biopsies: 3", "biopsies: " + biopsies, StringComparison.Ordinal)
            .Replace("subject: \"001\"", "subject: " + subject, StringComparison.Ordinal);

    private static CodingCase Case(string text, Study study)
    {
        var read = CaseFile.Parse(text, "case.yaml", DocumentFormat.Yaml, ReadLimits.Default, StudyCatalogue.Of(new[] { study }));
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return read.Case!;
    }

    [Fact]
    public void BlankIde_IsNoIde()
        => Assert.Null(Parsed(Study(Items + "visits: []\n", "nct: NCT04329494\ntitle: t\nqualifying: {}\nide: \"  \"\n")).Ide);

    [Fact]
    public void Ide_IsTrimmed()
        => Assert.Equal("G1", Parsed(Study(Items + "visits: []\n", "nct: NCT04329494\ntitle: \" t \"\nqualifying: {}\nide: \" G1 \"\n")).Ide);

    [Fact]
    public void Title_IsTrimmed()
        => Assert.Equal("t", Parsed(Study(Items + "visits: []\n", "nct: NCT04329494\ntitle: \" t \"\nqualifying: {}\n")).Title);

    [Fact]
    public void MissingNct_IsOneMissingKeyError()
    {
        var errors = StudyFile.Parse("title: t\nqualifying: {}\n" + Items + "visits: []\n", "s.yaml").Errors;
        Assert.Equal(DataErrorIds.MissingKey, Assert.Single(errors).Id);
    }

    [Theory]
    [InlineData("NCT1234567")]
    [InlineData("NCT123456789")]
    [InlineData("XYZ12345678")]
    [InlineData("NCT1234567a")]
    public void MalformedNct_IsAnError(string nct)
        => Assert.Equal(DataErrorIds.InvalidValue, Assert.Single(StudyFile.Parse($"nct: {nct}\ntitle: t\nqualifying: {{}}\n" + Items + "visits: []\n", "s.yaml").Errors).Id);

    [Fact]
    public void OverlongDrugName_IsAnError()
    {
        var errors = StudyFile.Parse(Study($"items:\n  - {{ drug: {new string('d', 201)}, designation: routine, reason: r }}\nvisits: []\n"), "s.yaml").Errors;
        Assert.Equal(DataErrorIds.ImplausibleValue, Assert.Single(errors).Id);
    }

    [Fact]
    public void BlankDrugName_NeedsAnItemOrADrug()
        => Assert.Equal(DataErrorIds.MissingKey, Assert.Single(StudyFile.Parse(Study("items:\n  - { drug: \" \", designation: routine, reason: r }\nvisits: []\n"), "s.yaml").Errors).Id);

    [Fact]
    public void DrugName_IsTrimmed_AndFoundCaseInsensitively()
    {
        Study study = Parsed(Study("items:\n  - { drug: \" Cisplatin \", designation: routine, reason: r }\nvisits:\n  - { cycle: 1, items: [CISPLATIN] }\n"));
        Assert.Equal("Cisplatin", study.Items[0].Drug);
        Assert.Equal(new[] { "Cisplatin" }, study.Visits[0].Items);
    }

    [Fact]
    public void Visits_AreInCycleOrder_WhateverTheFileOrder()
        => Assert.Equal(new[] { 1, 2, 3 }, Parsed(Study(Items + "visits:\n  - { cycle: 3, items: [laparoscopy] }\n  - { cycle: 1, items: [laparoscopy] }\n  - { cycle: 2, items: [laparoscopy] }\n")).Visits.Select(v => v.Cycle));

    [Fact]
    public void ItemByNull_IsNone()
        => Assert.Null(BundledStudies.Pipac.Item(null!));

    [Fact]
    public void ReasonEndingWithAFullStop_IsNotDoubled()
    {
        Study study = Parsed(Study("items:\n  - { item: laparoscopy, designation: routine, reason: \"standard access.\" }\nvisits:\n  - { cycle: 1, items: [laparoscopy] }\n"));
        Assert.EndsWith("'laparoscopy': standard access.", StudyDesignations.Note(study, study.Items[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StudyFileReadingAndParsing_RejectNull()
    {
        Assert.Throws<ArgumentNullException>(() => StudyFile.Read(null!));
        Assert.Throws<ArgumentNullException>(() => StudyFile.Read("x.yaml", null!));
        Assert.Throws<ArgumentNullException>(() => StudyFile.Parse(null!, "s"));
        Assert.Throws<ArgumentNullException>(() => StudyFile.Parse("a: 1", null!));
        Assert.Throws<ArgumentNullException>(() => StudyFile.Parse("a: 1", "s", DocumentFormat.Yaml, null!));
        Assert.Throws<ArgumentNullException>(() => StudyCatalogue.Read(null!));
        Assert.Throws<ArgumentNullException>(() => StudyCatalogue.Read("studies", null!));
        Assert.Throws<ArgumentNullException>(() => CaseFile.Read("x.yaml", ReadLimits.Default, null!));
        Assert.Throws<ArgumentNullException>(() => CaseFile.Parse("a: 1", "s", DocumentFormat.Yaml, ReadLimits.Default, null!));
    }

    [Fact]
    public void Catalogue_ReadsJsonStudyFilesToo_InNctOrder()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(Paths.Studies, "NCT09000001.yaml"), temp.File("a.yaml"));
        File.WriteAllText(temp.File("b.json"), "{\"nct\": \"NCT00000001\", \"title\": \"t\", \"qualifying\": {}, \"items\": [], \"visits\": []}");
        var read = StudyCatalogue.Read(temp.Path);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(new[] { "NCT00000001", "NCT09000001" }, read.Catalogue!.Studies.Select(s => s.Nct));
        Assert.Equal(temp.Path, read.Source);
    }

    [Fact]
    public void CatalogueOf_ListsItsStudiesInNctOrder_WithNoOrigin()
    {
        var catalogue = StudyCatalogue.Of(new[] { BundledStudies.HipecIde, BundledStudies.Pipac });
        Assert.Equal(new[] { "NCT04329494", "NCT09000001" }, catalogue.Studies.Select(s => s.Nct));
        Assert.Equal(string.Empty, catalogue.Origin);
        var error = Assert.Single(CaseFile.Parse(PipacText(1).Replace("NCT04329494", "NCT01111111", StringComparison.Ordinal), "c.yaml", DocumentFormat.Yaml, ReadLimits.Default, catalogue).Errors);
        Assert.Contains("the catalog holds NCT04329494, NCT09000001.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleWithNoVisits_PutsEveryCycleOutsideIt()
    {
        Study study = Parsed(File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Split("visits:")[0] + "visits: []\n");
        Finding finding = Assert.Single(RuleSet.Default.Code(Case(PipacText(1), study)).Findings);
        Assert.Equal(FindingIds.StudyCycleNotScheduled, finding.Id);
        Assert.Contains("(no visits)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DrugsAtAVisitThatDoesNotPlanTheirTreatment_AreUnplanned()
    {
        string text = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("{ cycle: 1, items: [laparoscopy, biopsies, aerosol_chemotherapy] }", "{ cycle: 1, items: [laparoscopy, biopsies] }", StringComparison.Ordinal);
        var report = StudyReconciliation.Reconcile(Parsed(text), RuleSet.Default, new[] { Case(PipacText(1), Parsed(text)) });
        var unplanned = report.Visits[0].Items.Where(i => !i.Planned).Select(i => i.Item);
        Assert.Equal(new[] { "aerosol_chemotherapy", "cisplatin" }, unplanned);
        Assert.Equal(2, report.Deviations.Count(d => d.Id == FindingIds.StudyItemUnplanned));
    }

    [Fact]
    public void DrugTheScheduleListsByName_IsPlannedWithoutItsTreatment()
    {
        string text = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("{ cycle: 1, items: [laparoscopy, biopsies, aerosol_chemotherapy] }", "{ cycle: 1, items: [laparoscopy, biopsies, cisplatin] }", StringComparison.Ordinal);
        var report = StudyReconciliation.Reconcile(Parsed(text), RuleSet.Default, new[] { Case(PipacText(1), Parsed(text)) });
        Assert.Equal(new[] { "laparoscopy", "biopsies", "cisplatin", "aerosol_chemotherapy" }, report.Visits[0].Items.Select(i => i.Item));
        Assert.Equal(new[] { true, true, true, false }, report.Visits[0].Items.Select(i => i.Planned));
    }

    [Fact]
    public void RoutineBiopsies_AreReconciledWithTheLaparoscopyLine()
    {
        string text = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml")).Replace("{ item: biopsies, designation: sponsor", "{ item: biopsies, designation: routine", StringComparison.Ordinal);
        var report = StudyReconciliation.Reconcile(Parsed(text), RuleSet.Default, new[] { Case(PipacText(1), Parsed(text)) });
        ReconciledItem biopsies = report.Visits[0].Items.Single(i => i.Item == "biopsies");
        Assert.Equal((true, "49321 Q1", "insurer claim (medicare)"), (biopsies.Planned, biopsies.Lines.Single(), biopsies.BilledTo.Single()));
        Assert.Empty(report.Deviations);
    }

    [Fact]
    public void PlannedItemNothingWasCodedFor_IsInformation()
    {
        string text = File.ReadAllText(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml")).Replace("  primary_procedures: [\"49188\"]\n", string.Empty, StringComparison.Ordinal);
        CodingResult result = RuleSet.Default.Code(Case(text, BundledStudies.HipecIde));
        Finding finding = result.Findings.Single(f => f.Id == FindingIds.StudyItemNotCoded);
        Assert.Equal((Severity.Info, "trial.study"), (finding.Severity, finding.Path));
        Assert.Contains("'primary_surgery' at cycle 1, and nothing was coded for it", finding.Message, StringComparison.Ordinal);
        ReconciledItem surgery = StudyReconciliation.Reconcile(BundledStudies.HipecIde, RuleSet.Default, new[] { Case(text, BundledStudies.HipecIde) }).Visits[0].Items[0];
        Assert.Equal(("primary_surgery", true, 0), (surgery.Item, surgery.Planned, surgery.Lines.Count));
        Assert.Equal(new[] { FindingIds.StudyItemNotCoded }, surgery.Deviations);
    }

    [Fact]
    public void Reconciliation_ListsVisitsWithoutASubjectLast_AndSaysWhetherEachIsReady()
    {
        var cases = new[] { Case(PipacText(2, subject: "\"\""), BundledStudies.Pipac), Case(PipacText(4, subject: "\"zz\""), BundledStudies.Pipac), Case(PipacText(1), BundledStudies.Pipac) };
        var report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, cases);
        Assert.Equal(new[] { "001", "zz", null }, report.Visits.Select(v => v.Subject));
        Assert.Equal(new[] { true, false, true }, report.Visits.Select(v => v.Ready));
        Assert.Equal(new[] { true, false, true }, report.Visits.Select(v => v.Scheduled));
        Assert.Same(BundledStudies.Pipac, report.Study);
        Assert.Equal("NCD 310.1 deemed: NCI-funded", report.Visits[0].Qualification!.Basis);
    }

    [Fact]
    public void Csv_QuotesAFieldWithACommaOrAQuote()
    {
        var report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new[] { Case(PipacText(1, subject: "'A,\"1'"), BundledStudies.Pipac) });
        Assert.Contains("\r\nNCT04329494,\"A,\"\"1\",pipac-nct04329494-c1,1,", report.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void InpatientSponsorLine_IsReconciledAsNonCoveredOnTheInsurerClaim()
    {
        string study = File.ReadAllText(Path.Combine(Paths.Studies, "NCT09000001.yaml")).Replace("{ item: hipec, designation: investigational", "{ item: hipec, designation: sponsor", StringComparison.Ordinal);
        string text = File.ReadAllText(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml"))
            .Replace("claim: professional", "claim: facility_inpatient", StringComparison.Ordinal)
            .Replace("  separate_incisions: 1\n", "  pcs_procedures: [0DBW0ZZ]\n", StringComparison.Ordinal);
        var report = StudyReconciliation.Reconcile(Parsed(study), RuleSet.Default, new[] { Case(text, Parsed(study)) });
        ReconciledItem hipec = report.Visits[0].Items.Single(i => i.Item == "hipec");
        Assert.Equal("insurer claim (medicare_advantage), non-covered charges", hipec.BilledTo.Single());
        Assert.Empty(hipec.Deviations);
    }
}
