using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>A billing grid is one patient's course: a set of cases that is not is refused, saying why.</summary>
public sealed class GridCourseTests
{
    private static string CycleFile(int n) => Path.Combine(Paths.Examples, "pipac-course-nct04329494", $"cycle-{n}.yaml");

    /// <summary>Cycle <paramref name="n"/> of the bundled course, with text replaced (e.g. another subject).</summary>
    private static CodingCase Cycle(int n, string caseId, params (string Find, string Replace)[] edits)
    {
        string text = File.ReadAllText(CycleFile(n)).Replace($"case_id: pipac-nct04329494-c{n}", "case_id: " + caseId, StringComparison.Ordinal);
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        CaseReadResult read = CaseFile.Parse(text, caseId + ".yaml", DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        return read.Case;
    }

    private static (string Find, string Replace) CycleNumber(int from, int to) => ($"  cycle: {from}\n", $"  cycle: {to}\n");

    [Fact]
    public void TheBundledCourse_IsOneCourse_AndItsGridNamesSubjectTrialPayerAndCases()
    {
        var course = new[] { Cycle(3, "c3"), Cycle(1, "c1"), Cycle(2, "c2") };
        Assert.Empty(BillingGrid.CourseProblems(course));
        BillingGrid grid = BillingGrid.Build(course, RuleSet.Default);
        Assert.Equal(new[] { "c1", "c2", "c3" }, grid.Header.CaseIds);
        Assert.Equal(("001", "NCT04329494"), (grid.Header.Subject, grid.Header.TrialNumber));
        Assert.Equal(new[] { PayerType.Medicare }, grid.Header.Payers);
        Assert.Equal("subject 001 | trial NCT04329494 | payer medicare | cases c1, c2, c3", grid.Header.ToString());
        Assert.Equal(new[] { "c1", "c2", "c3" }, grid.Visits.Select(v => v.CaseId));
        Assert.Equal(new[] { "cycle 1 (2026-01-13)", "cycle 2 (2026-03-03)", "cycle 3 (2026-04-21)" }, grid.Columns.Take(3));
    }

    [Fact]
    public void CoursesInProgress_AreOneCourse_FirstCyclesOrOneCycle()
    {
        Assert.Empty(BillingGrid.CourseProblems(new[] { Cycle(1, "c1"), Cycle(2, "c2") }));
        Assert.Empty(BillingGrid.CourseProblems(new[] { Cycle(2, "c2"), Cycle(3, "c3") }));
        Assert.Empty(BillingGrid.CourseProblems(new[] { Cycle(2, "c2") }));
    }

    [Fact]
    public void DifferentSubjects_AreNotOneCourse()
        => Assert.Equal(
            new[] { "The cases are of different patients (study subjects): 001 (c1); 002 (c2)." },
            BillingGrid.CourseProblems(new[] { Cycle(1, "c1"), Cycle(2, "c2", ("subject: \"001\"", "subject: \"002\"")) }));

    [Fact]
    public void DifferentTrials_OrATrialAndNone_AreNotOneCourse()
    {
        var noTrial = Cycle(2, "c2", ("trial: { study: NCT04329494, subject: \"001\" }\n", string.Empty));
        Assert.Equal(new[] { "The cases are in different trials: NCT04329494 (c1); no trial (c2)." }, BillingGrid.CourseProblems(new[] { Cycle(1, "c1"), noTrial }));
    }

    [Fact]
    public void TheSameCycleTwice_IsNotOneCourse()
        => Assert.Equal(
            new[] { "Cycle 2 is given 2 times (c2, c2b); one visit per cycle." },
            BillingGrid.CourseProblems(new[] { Cycle(1, "c1"), Cycle(2, "c2"), Cycle(3, "c2b", CycleNumber(3, 2)) }));

    [Theory]
    [InlineData(new[] { 1, 3 }, "Cycle 2 is missing between cycle 1 and cycle 3; give every visit of the course.")]
    [InlineData(new[] { 1, 4 }, "Cycles 2, 3 are missing between cycle 1 and cycle 4; give every visit of the course.")]
    public void AMissingCycle_IsNotOneCourse(int[] cycles, string problem)
    {
        var course = cycles.Select(n => Cycle(n <= 3 ? n : 3, "c" + n, n <= 3 ? Array.Empty<(string, string)>() : new[] { CycleNumber(3, n) })).ToList();
        Assert.Equal(new[] { problem }, BillingGrid.CourseProblems(course));
    }

    [Fact]
    public void AVisitWithoutACycleNumber_BesideOthers_IsNotOneCourse()
    {
        CodingCase hipec = CaseFile.Read(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml")).Case!;
        Assert.Empty(BillingGrid.CourseProblems(new[] { hipec }));
        var problems = BillingGrid.CourseProblems(new[] { Cycle(1, "c1"), hipec });
        Assert.Contains($"{hipec.CaseId} has no cycle number; every visit of a course of 2 needs one.", problems);
    }

    [Fact]
    public void Build_OfCasesThatAreNotOneCourse_IsRefusedWithTheReasons()
    {
        var ex = Assert.Throws<ArgumentException>(() => BillingGrid.Build(new[] { Cycle(1, "c1"), Cycle(3, "c3") }, RuleSet.Default));
        Assert.Contains("Cycle 2 is missing", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => BillingGrid.Build((IEnumerable<CodingCase>)null!, RuleSet.Default));
        Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(new[] { Cycle(1, "c1") }, null!));
        Assert.Throws<ArgumentNullException>(() => BillingGrid.CourseProblems(null!));
    }

    [Fact]
    public void Console_RefusesCasesThatAreNotOneCourse_WithExit2AndTheReason()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(new[] { "grid", CycleFile(1), CycleFile(3), "--studies", Paths.Studies }, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Contains("not one patient's course", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Cycle 2 is missing between cycle 1 and cycle 3", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GridOfResults_TakesTheTrialNumberFromTheClaimMarkersOrTheStudy()
    {
        var results = new[] { RuleSet.Default.Code(Cycle(1, "c1")) };
        Assert.Equal("NCT04329494", BillingGrid.Build(results).Header.TrialNumber);
        Assert.Null(BillingGrid.Build(results).Header.Subject);
        Assert.Equal("NCT04329494", BillingGrid.Build(results, BundledStudies.Pipac).Header.TrialNumber);
    }
}
