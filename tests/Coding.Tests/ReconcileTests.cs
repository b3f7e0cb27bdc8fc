using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tests;

/// <summary>A study's coverage analysis against what was coded and billed: the audit report, its CSV, and the console command.</summary>
public sealed class ReconcileTests
{
    private static string Course => Path.Combine(Paths.Examples, "pipac-course-nct04329494");

    private static string PatientTwo => Path.Combine(Paths.Fixtures, "reconcile", "patient-002");

    private static string StudyFilePath => Path.Combine(Paths.Studies, "NCT04329494.yaml");

    private static CodingCase[] Cases(string folder) => Directory.GetFiles(folder).Order().Select(f => BundledStudies.Read(f).Case!).ToArray();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace(Paths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ThreeCycleCourseWithOneDeviation_PrintsItsReport()
    {
        var (exit, output, error) = Run("reconcile", "--study", StudyFilePath, Path.Combine(Course, "cycle-3.yaml"), Path.Combine(Course, "cycle-1.yaml"), Path.Combine(Course, "cycle-2.yaml"));
        Assert.Equal((0, string.Empty), (exit, error));
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void ThreeCycleCourseWithOneDeviation_WritesItsCsv()
    {
        var (exit, output, _) = Run("reconcile", "--study", StudyFilePath, Path.Combine(Course, "cycle-1.yaml"), Path.Combine(Course, "cycle-2.yaml"), Path.Combine(Course, "cycle-3.yaml"), "--format", "csv");
        Assert.Equal(0, exit);
        Snapshot.Match(output, extension: "csv");
    }

    [Fact]
    public void CourseAsPlanned_PrintsAReportWithoutDeviations()
    {
        var (exit, output, _) = Run("reconcile", "--study", StudyFilePath, Path.Combine(PatientTwo, "cycle-1.yaml"), Path.Combine(PatientTwo, "cycle-2.yaml"), Path.Combine(PatientTwo, "cycle-3.yaml"));
        Assert.Equal(0, exit);
        Assert.Contains("deviations: 0 error(s), 0 warning(s), 0 for information.", output, StringComparison.Ordinal);
        Snapshot.Match(output, extension: "txt");
    }

    [Fact]
    public void ThreeCycleCourse_HasExactlyItsOneUnplannedItem()
    {
        StudyReconciliation report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, Cases(Course).Reverse());
        Finding deviation = Assert.Single(report.Deviations);
        Assert.Equal((FindingIds.StudyItemUnplanned, Severity.Warning), (deviation.Id, deviation.Severity));
        Assert.Equal(new[] { 1, 2, 3 }, report.Visits.Select(v => v.Cycle));
        ReconciledItem biopsies = report.Visits[2].Items.Single(i => i.Item == "biopsies");
        Assert.Equal((false, TrialDesignation.Sponsor, "49321"), (biopsies.Planned, biopsies.Designation, biopsies.Lines.Single()));
        Assert.Equal(new[] { "sponsor invoice" }, biopsies.BilledTo);
        Assert.Equal(new[] { FindingIds.StudyItemUnplanned }, biopsies.Deviations);
        Assert.All(report.Visits, v => Assert.Equal(("001", true, true), (v.Subject, v.Scheduled, v.ClaimMarkers)));
    }

    [Fact]
    public void TwoPatients_AreReportedBySubjectThenCycle()
    {
        var report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, Cases(PatientTwo).Concat(Cases(Course)));
        Assert.Equal(new[] { "001", "001", "001", "002", "002", "002" }, report.Visits.Select(v => v.Subject));
        Assert.Equal(new[] { 1, 2, 3, 1, 2, 3 }, report.Visits.Select(v => v.Cycle));
        Assert.Equal(
            report.Visits[0].Items.Select(i => (i.Item, i.Designation, i.BilledTo.Count)),
            report.Visits[3].Items.Select(i => (i.Item, i.Designation, i.BilledTo.Count)));
    }

    [Fact]
    public void CaseWithItsOwnListsThatBillASponsorItemToTheInsurer_IsDoubleBilling()
    {
        CodingCase legacy = BundledStudies.Read(Path.Combine(Paths.Fixtures, "reconcile", "legacy-own-lists.yaml")).Case!;
        ReconciledVisit visit = Assert.Single(StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new[] { legacy }).Visits);
        Finding doubleBilling = visit.Deviations.Single(d => d.Id == FindingIds.StudySponsorItemOnInsurerClaim);
        Assert.Equal(Severity.Error, doubleBilling.Severity);
        Assert.Contains("'biopsies' is designated sponsor", doubleBilling.Message, StringComparison.Ordinal);
        Assert.Contains("49321 is on the insurer claim", doubleBilling.Message, StringComparison.Ordinal);
        Finding cisplatin = visit.Deviations.Single(d => d.Id == FindingIds.StudyBilledDifferently);
        Assert.Contains("'cisplatin' is designated not_billable", cisplatin.Message, StringComparison.Ordinal);
        Assert.Contains("J9060 to sponsor invoice", cisplatin.Message, StringComparison.Ordinal);
        Assert.Equal("003", visit.Subject);
        Assert.Equal(new[] { FindingIds.StudySponsorItemOnInsurerClaim }, visit.Items.Single(i => i.Item == "biopsies").Deviations);
        Assert.Equal(new[] { FindingIds.StudyBilledDifferently }, visit.Items.Single(i => i.Item == "cisplatin").Deviations);
        Assert.Equal(new[] { "insurer claim (medicare)" }, visit.Items.Single(i => i.Item == "biopsies").BilledTo);
    }

    [Fact]
    public void ClaimWithTrialMarkersForAPayerTheStudyDoesNotQualifyFor_IsAnError()
    {
        string study = File.ReadAllText(StudyFilePath).Replace("medicare: { qualifies: true", "medicare: { qualifies: false", StringComparison.Ordinal);
        CodingCase legacy = BundledStudies.Read(Path.Combine(Paths.Fixtures, "reconcile", "legacy-own-lists.yaml")).Case!;
        var report = StudyReconciliation.Reconcile(StudyFile.Parse(study, "NCT04329494.yaml").Study!, RuleSet.Default, new[] { legacy });
        Finding finding = report.Deviations.Single(d => d.Id == FindingIds.StudyNotQualifyingForPayer);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("yet the claim carries the trial markers", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseInAnotherStudyOrNone_IsNotInTheStudy()
    {
        CodingCase hipec = BundledStudies.Read(Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml")).Case!;
        CodingCase none = BundledStudies.Read(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml")).Case!;
        var report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new[] { hipec, none });
        Assert.All(report.Visits, v => Assert.Equal(FindingIds.StudyCaseNotInStudy, Assert.Single(v.Deviations).Id));
        Assert.All(report.Visits, v => Assert.Empty(v.Items));
        Assert.Contains("is enrolled in NCT09000001", report.Deviations[0].Message, StringComparison.Ordinal);
        Assert.Contains("is in no clinical trial", report.Deviations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ListsVisitWideDeviationsOnTheirOwnRow()
    {
        string text = File.ReadAllText(Path.Combine(Course, "cycle-2.yaml")).Replace("cycle: 2", "cycle: 4", StringComparison.Ordinal);
        var read = CaseFile.Parse(text, "c4.yaml", DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue);
        var report = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new[] { read.Case! });
        Assert.False(report.Visits[0].Scheduled);
        Assert.Contains("\r\nNCT04329494,001,pipac-nct04329494-c2,4,2026-03-03,medicare,yes,(visit),,,,,STUDY003\r\n", report.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StudyReconciliation.Reconcile(null!, RuleSet.Default, Array.Empty<CodingCase>()));
        Assert.Throws<ArgumentNullException>(() => StudyReconciliation.Reconcile(BundledStudies.Pipac, null!, Array.Empty<CodingCase>()));
        Assert.Throws<ArgumentNullException>(() => StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, null!));
        Assert.Throws<ArgumentNullException>(() => StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new CodingCase[] { null! }));
    }

    [Fact]
    public void Console_ErrorDeviation_ExitsOne()
        => Assert.Equal(1, Run("reconcile", "--study", StudyFilePath, Path.Combine(Paths.Fixtures, "reconcile", "legacy-own-lists.yaml")).Exit);

    public static TheoryData<string> BrokenStudies()
        => new(Directory.GetFiles(Path.Combine(Paths.Fixtures, "studies")).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(BrokenStudies))]
    public void Console_BrokenStudyFile_ExitsTwoWithFileLineColumn(string name)
    {
        var (exit, output, error) = Run("reconcile", "--study", Path.Combine(Paths.Fixtures, "studies", name), Path.Combine(Course, "cycle-1.yaml"));
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Matches(@"^tests/Coding\.Tests/Fixtures/studies/[a-z-]+\.yaml:\d+:\d+: (DATA|CASE|STUDY)\d{3}: ", error);
        CorpusRunner.AssertNoControlCharacters(error, name);
    }

    [Fact]
    public void Console_CaseNamingAnotherStudy_ExitsTwo()
    {
        var (exit, _, error) = Run("reconcile", "--study", StudyFilePath, Path.Combine(Paths.Examples, "study-hipec-ide-medicare-advantage.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("STUDY105: Study 'NCT09000001' is not in the study catalog", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_CodeWithABrokenStudiesDirectory_ExitsTwoListingEveryError()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(Paths.Fixtures, "studies", "several-defects.yaml"), temp.File("NCT04329494.yaml"));
        var (exit, _, error) = Run("code", Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"), "--studies", temp.Path);
        Assert.Equal(2, exit);
        Assert.Contains("has 10 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_CodeCaseNamingAStudyWithoutStudies_ExitsTwoSayingHow()
    {
        using var temp = new TempDirectory();
        var (exit, _, error) = Run("code", Path.Combine(Course, "cycle-1.yaml"), "--studies", temp.Path);
        Assert.Equal(2, exit);
        Assert.Contains("--studies DIR", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_OfAStudyCourse_HasTheSchedulesColumns_EvenForAVisitNotYetCoded()
    {
        var results = Cases(Course).Take(2).Select(RuleSet.Default.Code);
        BillingGrid grid = BillingGrid.Build(results, BundledStudies.Pipac);
        Assert.Equal(new[] { "cycle 1 (2026-01-13)", "cycle 2 (2026-03-03)", "cycle 3 (not coded)" }, grid.Columns);
        Assert.All(grid.Rows, r => Assert.Null(r.Cells[2]));
        Assert.All(grid.Totals, t => Assert.Equal(0, t.Counts[2]));
    }

    [Fact]
    public void Grid_OfAStudyCourse_AddsAVisitTheScheduleDoesNotHave()
    {
        string text = File.ReadAllText(Path.Combine(Course, "cycle-3.yaml")).Replace("cycle: 3", "cycle: 5", StringComparison.Ordinal);
        var extra = RuleSet.Default.Code(CaseFile.Parse(text, "c5.yaml", DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue).Case!);
        var results = Cases(Course).Select(RuleSet.Default.Code).Append(extra);
        BillingGrid grid = BillingGrid.Build(results, BundledStudies.Pipac);
        Assert.Equal(new[] { "cycle 1 (2026-01-13)", "cycle 2 (2026-03-03)", "cycle 3 (2026-04-21)", "cycle 5 (2026-04-21, not scheduled)" }, grid.Columns);
        Assert.Equal("insurer Q1 x1", grid.Rows[0].Cells[3]!.ToString());
    }

    [Fact]
    public void Grid_OfAStudyCourse_TellsTwoVisitsOfOneCycleApart()
    {
        var once = Cases(Course).Select(RuleSet.Default.Code).ToList();
        BillingGrid grid = BillingGrid.Build(once.Append(once[0]), BundledStudies.Pipac);
        Assert.Equal(new[] { "cycle 1 (2026-01-13) pipac-nct04329494-c1", "cycle 1 (2026-01-13) pipac-nct04329494-c1", "cycle 2 (2026-03-03)", "cycle 3 (2026-04-21)" }, grid.Columns);
    }

    [Fact]
    public void Grid_WithAStudy_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(null!, BundledStudies.Pipac));
        Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(Array.Empty<CodingResult>(), null!));
    }

    [Fact]
    public void SponsorSuppliedDoxorubicinAtCycleThree_IsAsPlannedInTheReconciliation_AndNoDesignationChangeInTheGrid()
    {
        // Doxorubicin follows the aerosol (sponsor); at cycle 3 the sponsor supplied it free. Who bears the cost did not
        // change, so both reports say so, from one computation (BilledDesignation).
        CodingCase[] cases = Cases(Course);
        ReconciledItem aerosol = StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, cases).Visits.Single(v => v.Cycle == 3).Items.Single(i => i.Item == "aerosol_chemotherapy");
        Assert.Empty(aerosol.Deviations);
        Assert.Contains("not billable", aerosol.BilledTo);
        BillingGridRow doxorubicin = BillingGrid.Build(cases, RuleSet.Default).Rows.Single(r => r.Item == "J9000");
        Assert.Equal("not billable x1", doxorubicin.Cells[2]!.ToString());
        Assert.False(doxorubicin.DesignationChanges);
    }

    [Theory]
    [InlineData(Responsibility.Sponsor, Responsibility.NotBillable, true)]
    [InlineData(Responsibility.NotBillable, Responsibility.Sponsor, true)]
    [InlineData(Responsibility.Insurer, Responsibility.NotBillable, false)]
    [InlineData(Responsibility.Insurer, Responsibility.Sponsor, false)]
    [InlineData(Responsibility.Patient, Responsibility.NotBillable, false)]
    public void GridAndReconciliation_AgreeOnWhichBillingsCarryOutOneDesignation(Responsibility first, Responsibility second, bool same)
    {
        var a = new BillingGridPayment(first, first == Responsibility.Insurer ? PayerType.Medicare : null, Array.Empty<Modifier>(), 1);
        var b = new BillingGridPayment(second, second == Responsibility.Insurer ? PayerType.Medicare : null, Array.Empty<Modifier>(), 1);
        Assert.Equal(same, a.SameDesignation(b));
        bool oneDesignationForBoth = new[] { TrialDesignation.Routine, TrialDesignation.Investigational, TrialDesignation.Sponsor, TrialDesignation.NotBillable }
            .Any(d => BilledDesignation.CarriesOut(d, first, false, first == Responsibility.Patient) && BilledDesignation.CarriesOut(d, second, false, second == Responsibility.Patient));
        Assert.Equal(same, oneDesignationForBoth);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Report_FitsTheWidth_WithItemsAndDesignationsAsWords(int width)
    {
        var (exit, output, _) = ScriptedConsole.Run(ConsoleOptions.Plain(width), "reconcile", "--study", StudyFilePath, Path.Combine(Course, "cycle-1.yaml"), Path.Combine(Course, "cycle-2.yaml"), Path.Combine(Course, "cycle-3.yaml"));
        Assert.Equal(0, exit);
        ScriptedConsole.AssertFits(output, width);
        ScriptedConsole.AssertPlain(output, asciiOnly: true);
        Assert.DoesNotContain("not_billable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("aerosol_chemotherapy", output, StringComparison.Ordinal);
        Assert.Contains("STUDY001", output, StringComparison.Ordinal);
        Snapshot.Match(output, width.ToString(System.Globalization.CultureInfo.InvariantCulture), extension: "txt");
    }
}
