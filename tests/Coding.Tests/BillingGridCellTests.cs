using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>What a billing grid's rows, cells, totals and header hold, for the edge cases of each.</summary>
public sealed class BillingGridCellTests
{
    private static string CycleFile(int n) => Path.Combine(Paths.Examples, "pipac-course-nct04329494", $"cycle-{n}.yaml");

    private static CodingCase Edited(string path, params (string Find, string Replace)[] edits)
    {
        string text = File.ReadAllText(path);
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        CaseReadResult read = CaseFile.Parse(text, Path.GetFileName(path), DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        return read.Case;
    }

    private static CodingResult Example(string name) => RuleSet.Default.Code(BundledStudies.Read(Path.Combine(Paths.Examples, name)).Case!);

    [Fact]
    public void NullArguments_NameTheParameter()
    {
        Assert.Equal("course", Assert.Throws<ArgumentNullException>(() => BillingGrid.CourseProblems(null!)).ParamName);
        Assert.Equal("course", Assert.Throws<ArgumentNullException>(() => BillingGrid.Build((IEnumerable<CodingCase>)null!, RuleSet.Default)).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(Array.Empty<CodingCase>(), null!)).ParamName);
        Assert.Equal("visits", Assert.Throws<ArgumentNullException>(() => BillingGrid.Build((IEnumerable<CodingResult>)null!)).ParamName);
        Assert.Equal("visits", Assert.Throws<ArgumentNullException>(() => BillingGrid.Build((IEnumerable<CodingResult>)null!, BundledStudies.Pipac)).ParamName);
        Assert.Equal("study", Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(Array.Empty<CodingResult>(), null!)).ParamName);
        Assert.Equal("line", Assert.Throws<ArgumentNullException>(() => BillingGrid.PayerOf(null!)).ParamName);
    }

    [Fact]
    public void NotOneCourse_IsAnArgumentExceptionThatStartsWithWhy()
    {
        var ex = Assert.Throws<ArgumentException>(() => BillingGrid.Build(new[] { Edited(CycleFile(1)), Edited(CycleFile(3)) }, RuleSet.Default));
        Assert.StartsWith("The cases are not one course: Cycle 2 is missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal("course", ex.ParamName);
    }

    [Fact]
    public void NotOneCourseForTwoReasons_GivesBothInTheMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => BillingGrid.Build(new[] { Edited(CycleFile(1)), Edited(CycleFile(3), ("subject: \"001\"", "subject: \"002\"")) }, RuleSet.Default));
        Assert.Contains("(study subjects): 001 (pipac-nct04329494-c1); 002 (pipac-nct04329494-c3). Cycle 2 is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AScheduledCycleNotCodedYet_IsAnEmptyCellInTheCsv()
    {
        BillingGrid grid = BillingGrid.Build(new[] { RuleSet.Default.Code(Edited(CycleFile(1))) }, BundledStudies.Pipac);
        Assert.Contains("\r\n49320,\"Diagnostic laparoscopy, abdomen/peritoneum\",laparoscopy,insurer Q1 x1,,,\r\n", grid.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void OneHipecOutsideATrial_HasItsDateAsTheColumn_AndAHeaderSayingNoTrial()
    {
        CodingResult hipec = Example("hipec-crs-appendix-professional.yaml");
        BillingGrid grid = BillingGrid.Build(new[] { hipec });
        Assert.Equal(new[] { "2026-03-14" }, grid.Columns);
        Assert.Null(grid.Header.TrialNumber);
        Assert.Equal($"no trial | payer commercial | case {hipec.CaseId}", grid.Header.ToString());
    }

    [Fact]
    public void VisitsAreOrderedByCycle_BeforeDate()
    {
        var laterDatedFirstCycle = RuleSet.Default.Code(Edited(CycleFile(1), ("date_of_service: 2026-01-13", "date_of_service: 2026-05-01")));
        var grid = BillingGrid.Build(new[] { laterDatedFirstCycle, RuleSet.Default.Code(Edited(CycleFile(2))) });
        Assert.Equal(new[] { "cycle 1 (2026-05-01)", "cycle 2 (2026-03-03)" }, grid.Columns);
    }

    [Fact]
    public void APayerChange_ListsBothPayers_AndTotalsEachInsurerInNameOrder()
    {
        var course = new[] { Edited(CycleFile(1)), Edited(CycleFile(2), ("payer: medicare", "payer: commercial")) };
        BillingGrid grid = BillingGrid.Build(course, RuleSet.Default);
        Assert.Equal(new[] { PayerType.Medicare, PayerType.Commercial }, grid.Header.Payers);
        Assert.Contains("| payers medicare, commercial |", grid.Header.ToString(), StringComparison.Ordinal);
        Assert.Equal(new[] { "insurer claim (commercial)", "insurer claim (medicare)" }, grid.Totals.Where(t => t.Responsibility == Responsibility.Insurer).Select(t => t.Payer));
        Assert.Equal(new[] { PayerType.Commercial, PayerType.Medicare }, grid.Totals.Where(t => t.Responsibility == Responsibility.Insurer).Select(t => t.BillTo!.Value));
    }

    [Fact]
    public void AWastageLine_IsAnItemOfItsOwn_ButNoWastageAttestationIs()
    {
        BillingGrid withDiscard = BillingGrid.Build(new[] { Example("hipec-oxaliplatin-30min-outpatient.yaml") });
        Assert.Contains(withDiscard.Rows, r => r.Item == "J9263 JW");
        Assert.Contains(withDiscard.Rows, r => r.Item == "J9263");
        BillingGrid noDiscard = BillingGrid.Build(new[] { Example("pipac-oxaliplatin-medicare-jz-outpatient.yaml") });
        Assert.Contains(noDiscard.Rows, r => r.Item.StartsWith("J9263", StringComparison.Ordinal));
        Assert.Contains(Example("pipac-oxaliplatin-medicare-jz-outpatient.yaml").Lines, l => l.Modifiers.Contains(Modifier.JZ));
        Assert.DoesNotContain(noDiscard.Rows, r => r.Item.Contains("JZ", StringComparison.Ordinal));
    }

    [Fact]
    public void TrialModifiers_AreInTheCell_NotInTheItem()
    {
        BillingGrid grid = BillingGrid.Build(new[] { Example("trial-pipac-medicare-advantage-no-ide.yaml") });
        BillingGridRow investigational = Assert.Single(grid.Rows, r => r.Cells[0]!.Payments.Any(p => p.TrialModifiers.Contains(Modifier.Q0)));
        Assert.DoesNotContain("Q0", investigational.Item, StringComparison.Ordinal);
        Assert.Contains(grid.Rows, r => r.Cells[0]!.Payments.Any(p => p.TrialModifiers.Contains(Modifier.Q1)) && !r.Item.Contains("Q1", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoLinesPaidTheSameWay_AreOnePaymentWithTheirUnitsAdded_AndTotalsCountLinesAndUnits()
    {
        CodingCase visit = Edited(CycleFile(1), ("    - { name: cisplatin, dose_mg_per_m2: 7.5 }\n", "    - { name: cisplatin, dose_mg_per_m2: 7.5 }\n    - { name: cisplatin, dose_mg_per_m2: 3 }\n"));
        CodingResult result = RuleSet.Default.Code(visit);
        var cisplatin = result.Lines.Where(l => l.Code == "J9060").ToList();
        Assert.Equal(2, cisplatin.Count);
        BillingGrid grid = BillingGrid.Build(new[] { result });
        BillingGridCell cell = grid.Rows.Single(r => r.Item == "J9060").Cells[0]!;
        BillingGridPayment payment = Assert.Single(cell.Payments);
        Assert.Equal(cisplatin.Sum(l => l.Units), payment.Units);
        Assert.Equal(cisplatin.Sum(l => l.Units), cell.Units);
        BillingGridTotal notBillable = grid.Totals.Single(t => t.Responsibility == Responsibility.NotBillable);
        Assert.Equal(result.Lines.Count(l => l.Responsibility == Responsibility.NotBillable), notBillable.Counts[0]);
        Assert.Equal(result.Lines.Where(l => l.Responsibility == Responsibility.NotBillable).Sum(l => l.Units), notBillable.Units[0]);
        Assert.True(notBillable.Units[0] > notBillable.Counts[0]);
    }

    [Fact]
    public void ASelfPayPatient_PaysInTheGrid()
    {
        CodingResult selfPay = RuleSet.Default.Code(Edited(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"), ("payer: commercial", "payer: self_pay")));
        BillingGrid grid = BillingGrid.Build(new[] { selfPay });
        Assert.All(grid.Rows, r => Assert.Equal(Responsibility.Patient, r.Cells[0]!.Payments.Single().Responsibility));
        Assert.StartsWith("patient x", grid.Rows[0].Cells[0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("patient", Assert.Single(grid.Totals).Payer);
    }

    [Fact]
    public void ItemsPaidTheSameWayEveryVisit_HaveAnEmptyFlagInTheCsv()
    {
        BillingGrid grid = BillingGrid.Build(new[] { 1, 2 }.Select(n => RuleSet.Default.Code(Edited(CycleFile(n)))).ToList());
        Assert.Contains("\r\n96549,\"Chemotherapy, unlisted\",aerosol_chemotherapy,sponsor x1,sponsor x1,\r\n", grid.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADesignationThatChangesOnlyInItsTrialModifier_IsAChange()
    {
        var routine = RuleSet.Default.Code(Edited(CycleFile(1)));
        var grid = BillingGrid.Build(new[] { routine, Example("trial-pipac-medicare-advantage-no-ide.yaml") });
        Assert.Contains(grid.Rows, r => r.DesignationChanges);
        Assert.DoesNotContain(BillingGrid.Build(new[] { routine, RuleSet.Default.Code(Edited(CycleFile(2))) }).Rows.Where(r => r.Item != "J9000"), r => r.DesignationChanges);
    }

    [Fact]
    public void AHeaderOfOneCaseAndOnePayer_UsesTheSingular()
        => Assert.EndsWith("| payer medicare | case pipac-nct04329494-c1", BillingGrid.Build(new[] { Edited(CycleFile(1)) }, RuleSet.Default).Header.ToString(), StringComparison.Ordinal);
}
