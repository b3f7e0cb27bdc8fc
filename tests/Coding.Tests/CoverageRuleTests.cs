using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class CoverageRuleTests
{
    private static readonly LineCategory[] Aerosol = { LineCategory.AerosolChemotherapy };

    private static ClinicalTrial Trial(bool qualifying = true, string nct = "NCT04329494", string? ide = null, LineCategory[]? investigational = null, LineCategory[]? sponsorPays = null, (string Name, TrialDesignation Designation)[]? drugs = null, LineCategory[]? researchOnly = null)
        => new(nct, qualifying, ide, investigational ?? Aerosol, sponsorPays, drugs?.Select(d => new System.Collections.Generic.KeyValuePair<string, TrialDesignation>(d.Name, d.Designation)), researchOnly);

    private static CodingResult CodePipac(PayerType payer, ClinicalTrial? trial, ClaimType claim = ClaimType.FacilityOutpatient, DateTime? date = null, params DrugAdministration[] drugs)
        => RuleSet.Default.Code(Case(Pipac(biopsies: 2, drugs: drugs), claim: claim, payer: payer, trial: trial, date: date, diagnoses: new[] { "C16.9", "C78.6" }));

    private static CodeLine Line(CodingResult result, string code) => result.Lines.Single(l => l.Code == code);

    [Theory]
    [InlineData(PayerType.Medicare)]
    [InlineData(PayerType.Medicaid)]
    [InlineData(PayerType.Commercial)]
    [InlineData(PayerType.MedicareAdvantage)]
    public void NoTrial_InsurerLinesGoToTheCasePayerWithoutQModifiers(PayerType payer)
    {
        var result = CodePipac(payer, null);
        Assert.All(result.Lines, l => Assert.Equal((Responsibility.Insurer, (PayerType?)payer, "coverage-no-trial"), (l.Responsibility, l.BillTo, l.CoverageRule)));
        Assert.All(result.Lines, l => Assert.DoesNotContain(l.ModifierCodes(), m => m is "Q0" or "Q1"));
        Assert.Null(result.ClaimMarkers.ClinicalTrialNumber);
        Assert.DoesNotContain("Z00.6", result.Diagnoses);
    }

    [Fact]
    public void SelfPay_LinesAreThePatientsAndGoOnNoClaim()
        => Assert.All(CodePipac(PayerType.SelfPay, null).Lines, l => Assert.Equal((Responsibility.Patient, (PayerType?)null), (l.Responsibility, l.BillTo)));

    [Fact]
    public void SelfPayInATrial_GoesOnNoClaim_SoItCarriesNoTrialMarkers()
    {
        var result = CodePipac(PayerType.SelfPay, Trial(sponsorPays: Aerosol));
        Assert.Null(result.ClaimMarkers.ClinicalTrialNumber);
        Assert.Empty(result.ClaimMarkers.ConditionCodes);
        Assert.DoesNotContain("Z00.6", result.Diagnoses);
        result.HasNo(FindingIds.TrialNotQualifying);
    }

    [Theory]
    [InlineData(PayerType.Medicare, ClaimType.FacilityOutpatient)]
    [InlineData(PayerType.Commercial, ClaimType.Professional)]
    [InlineData(PayerType.Medicaid, ClaimType.FacilityInpatient)]
    public void NonQualifyingTrial_GetsNoneOfTheTrialMarkers(PayerType payer, ClaimType claim)
    {
        var result = CodePipac(payer, Trial(qualifying: false, ide: "G240123"), claim: claim);
        Assert.DoesNotContain("Z00.6", result.Diagnoses);
        Assert.Equal(ClaimMarkersOf(null), Describe(result.ClaimMarkers));
        Assert.All(result.Lines, l => Assert.DoesNotContain(l.ModifierCodes(), m => m is "Q0" or "Q1"));
        Assert.Contains("no Z00.6, trial number, condition code 30, value code D4 or Q1/Q0 modifiers are added", result.Single(FindingIds.TrialNotQualifying).Message, StringComparison.Ordinal);
        result.HasNo(FindingIds.TrialInvestigationalBilled);
    }

    [Theory]
    [InlineData("2021-12-31", false)]
    [InlineData("2022-01-01", true)]
    public void MedicaidTrialMarkers_StartWithTheRoutineCostBenefit(string date, bool markers)
    {
        var result = CodePipac(PayerType.Medicaid, Trial(), date: DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(markers, result.Diagnoses.Contains("Z00.6"));
        Assert.Equal(markers ? "04329494" : null, result.ClaimMarkers.ClinicalTrialNumber);
        Assert.Equal(markers, result.Lines.Any(l => l.ModifierCodes().Contains("Q1")));
        Assert.Equal(!markers, result.FindingIds().Contains(FindingIds.TrialRoutineNotMandated));
        result.HasNo(FindingIds.TrialNotQualifying);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void QualifyingTrial_OnAFacilityClaim_CarriesEveryMarkerAndTheIde(bool qualifying, bool carried)
    {
        var result = CodePipac(PayerType.Medicare, Trial(qualifying: qualifying, ide: "G240123"));
        Assert.Equal(carried ? "04329494|30|D4=04329494|G240123" : ClaimMarkersOf(null), Describe(result.ClaimMarkers));
    }

    [Fact]
    public void Z006ListedWithoutATrial_IsAnAttestationErrorAndLeftOffTheClaim()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare, diagnoses: new[] { "Z51.11", "C16.9", "Z00.6" }));
        Finding finding = result.Single(FindingIds.TrialAttestationWithoutQualifyingTrial);
        Assert.Equal((Severity.Error, "diagnoses[2]"), (finding.Severity, finding.Path));
        Assert.DoesNotContain("Z00.6", result.Diagnoses);
        Assert.False(result.Ready);
    }

    [Fact]
    public void Z006ListedForAQualifyingTrial_IsKeptOnce()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare, diagnoses: new[] { "Z51.11", "C16.9", "Z00.6" }, trial: Trial()));
        result.HasNo(FindingIds.TrialAttestationWithoutQualifyingTrial);
        Assert.Single(result.Diagnoses, d => d == "Z00.6");
    }

    [Fact]
    public void MalformedNct_InANonQualifyingTrial_IsAWarningOnly()
        => Assert.Equal(Severity.Warning, CodePipac(PayerType.Medicare, Trial(qualifying: false, nct: "NCT123")).Single(FindingIds.TrialNctMalformed).Severity);

    private static string ClaimMarkersOf(string? none) => none ?? "|||";

    private static string Describe(ClaimMarkers markers)
        => string.Join("|", markers.ClinicalTrialNumber, string.Join(",", markers.ConditionCodes), string.Join(",", markers.ValueCodes.Select(v => v.Code + "=" + v.Value)), markers.Ide);

    [Fact]
    public void SponsorPaidCategory_GoesToTheSponsorOffTheClaim()
    {
        var line = Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol)), "96549");
        Assert.Equal((Responsibility.Sponsor, (PayerType?)null, "coverage-sponsor-paid"), (line.Responsibility, line.BillTo, line.CoverageRule));
        Assert.DoesNotContain(line.ModifierCodes(), m => m is "Q0" or "Q1");
    }

    [Fact]
    public void SponsorSuppliedDrug_IsNotBillableWithoutJwJzOrQ()
    {
        var line = Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol), drugs: new DrugAdministration("doxorubicin", Dose.FromMilligrams(3), 10, suppliedBySponsor: true)), "J9000");
        Assert.Equal((Responsibility.NotBillable, (PayerType?)null), (line.Responsibility, line.BillTo));
        Assert.Empty(line.ModifierCodes());
        Assert.Contains("drug-sponsor-supplied", line.Notes);
    }

    [Fact]
    public void InvestigationalCategoryNotPaidBySponsor_IsBilledWithQ0AndAWarning()
    {
        var result = CodePipac(PayerType.Medicare, Trial());
        var line = Line(result, "96549");
        Assert.Equal((Responsibility.Insurer, "coverage-investigational-q0"), (line.Responsibility, line.CoverageRule));
        Assert.Equal(new[] { "Q0" }, line.ModifierCodes());
        Assert.Equal(Severity.Warning, result.Single(FindingIds.TrialInvestigationalBilled).Severity);
    }

    [Fact]
    public void RoutineCostInAQualifyingTrial_IsBilledWithQ1()
    {
        var line = Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol)), "49321");
        Assert.Equal((Responsibility.Insurer, (PayerType?)PayerType.Medicare, "coverage-routine-q1"), (line.Responsibility, line.BillTo, line.CoverageRule));
        Assert.Equal(new[] { "Q1" }, line.ModifierCodes());
    }

    [Fact]
    public void QModifiers_FollowJwOrJzOnDrugLines()
        => Assert.Equal(new[] { "JZ", "Q1" }, Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol, drugs: new[] { ("oxaliplatin", TrialDesignation.Routine) }), drugs: Drug("oxaliplatin", 170.2m, 170.4m)), "J9263").ModifierCodes());

    [Fact]
    public void InpatientClaim_GetsNoQModifiersButConditionCode30()
    {
        var result = CodePipac(PayerType.Medicare, Trial(), ClaimType.FacilityInpatient);
        Assert.All(result.Lines, l => Assert.Empty(l.ModifierCodes()));
        Assert.Equal(new[] { "30" }, result.ClaimMarkers.ConditionCodes);
        Assert.Equal(new ValueCode("D4", "04329494"), Assert.Single(result.ClaimMarkers.ValueCodes));
    }

    [Fact]
    public void ProfessionalClaim_HasTheTrialNumberButNoConditionOrValueCodes()
    {
        var markers = CodePipac(PayerType.Medicare, Trial(), ClaimType.Professional).ClaimMarkers;
        Assert.Equal("04329494", markers.ClinicalTrialNumber);
        Assert.Empty(markers.ConditionCodes);
        Assert.Empty(markers.ValueCodes);
    }

    [Fact]
    public void Trial_AddsZ006AsASecondaryDiagnosisOnce()
    {
        Assert.Equal(new[] { "C16.9", "C78.6", "Z00.6" }, CodePipac(PayerType.Medicare, Trial()).Diagnoses);
        var listed = RuleSet.Default.Code(Case(Pipac(), trial: Trial(), diagnoses: new[] { "C16.9", "Z00.6" }));
        Assert.Equal(new[] { "C16.9", "Z00.6" }, listed.Diagnoses);
    }

    [Fact]
    public void MedicareAdvantageWithoutIde_IsBilledToOriginalMedicare()
    {
        var line = Line(CodePipac(PayerType.MedicareAdvantage, Trial(sponsorPays: Aerosol)), "49321");
        Assert.Equal(PayerType.Medicare, line.BillTo);
        Assert.Contains("trial-ma-original-medicare", line.Notes);
    }

    [Fact]
    public void MedicareAdvantageWithIde_IsBilledToThePlanAndCarriesTheIde()
    {
        var result = CodePipac(PayerType.MedicareAdvantage, Trial(ide: "G240123", sponsorPays: Aerosol));
        Assert.Equal(PayerType.MedicareAdvantage, Line(result, "49321").BillTo);
        Assert.Contains("trial-ma-ide", Line(result, "49321").Notes);
        Assert.Equal("G240123", result.ClaimMarkers.Ide);
    }

    [Fact]
    public void MedicaidFrom2022_CoversRoutineCostsAndCitesTheMandate()
    {
        var result = CodePipac(PayerType.Medicaid, Trial(sponsorPays: Aerosol));
        Assert.Contains("trial-medicaid-routine", Line(result, "49321").Notes);
        result.HasNo(FindingIds.TrialRoutineNotMandated);
    }

    [Fact]
    public void MedicaidBefore2022_WarnsThatRoutineCostsWereNotMandated()
        => Assert.Equal(Severity.Warning, CodePipac(PayerType.Medicaid, Trial(sponsorPays: Aerosol), date: new DateTime(2021, 6, 1)).Single(FindingIds.TrialRoutineNotMandated).Severity);

    [Fact]
    public void Commercial_RoutineCostsCiteThePhsAct()
        => Assert.Contains("trial-commercial-routine", Line(CodePipac(PayerType.Commercial, Trial(sponsorPays: Aerosol)), "49321").Notes);

    [Fact]
    public void NonQualifyingTrial_WarnsAndAddsNoQModifiers()
    {
        var result = CodePipac(PayerType.Medicare, Trial(qualifying: false));
        Assert.Equal(Severity.Warning, result.Single(FindingIds.TrialNotQualifying).Severity);
        Assert.All(result.Lines, l => Assert.Equal("coverage-trial-not-qualifying", l.CoverageRule));
        Assert.All(result.Lines, l => Assert.Empty(l.ModifierCodes()));
        Assert.Empty(result.ClaimMarkers.ConditionCodes);
    }

    [Theory]
    [InlineData("NCT0432949")]
    [InlineData("04329494")]
    [InlineData("NCT043294941")]
    [InlineData("NCTABCDEFGH")]
    public void MalformedNct_IsAnError(string nct)
    {
        var result = CodePipac(PayerType.Medicare, Trial(nct: nct));
        Assert.Equal(("trial.nct", Severity.Error), (result.Single(FindingIds.TrialNctMalformed).Path, result.Single(FindingIds.TrialNctMalformed).Severity));
        Assert.Null(result.ClaimMarkers.ClinicalTrialNumber);
    }

    [Fact]
    public void SameItemFreeAndOnTheInsurerClaim_IsDoubleBilling()
    {
        var result = CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol, drugs: new[] { ("cisplatin", TrialDesignation.Routine) }), drugs: new[] { new DrugAdministration("cisplatin", Dose.FromMilligrams(12), null, suppliedBySponsor: true), Drug("cisplatin", 5) });
        Assert.Equal(Severity.Error, result.Single(FindingIds.TrialDoubleBilling).Severity);
        Assert.False(result.Ready);
    }

    [Fact]
    public void PipacPolicyFlag_IsDroppedInsideAQualifyingTrialOnly()
    {
        CodePipac(PayerType.Medicare, Trial()).HasNo("POLICY004");
        CodePipac(PayerType.Medicare, Trial(qualifying: false)).Single("POLICY004");
    }

    [Fact]
    public void Grid_ShowsWhoPaysPerCycleWithTotals()
    {
        var cycles = new[] { 2, 1 }.Select(n => RuleSet.Default.Code(Case(
            new PipacProcedure(SurgicalApproach.Laparoscopic, n, Duration.FromMinutes(30), null, null, 1, null, null, new[] { Drug("doxorubicin", 3, 10, sponsor: n == 2) }),
            claim: ClaimType.FacilityOutpatient,
            date: new DateTime(2026, 1, 1).AddDays(42 * n),
            trial: Trial(sponsorPays: Aerosol)))).ToList();
        BillingGrid grid = BillingGrid.Build(cycles);
        Assert.Equal(new[] { "cycle 1 (2026-02-12)", "cycle 2 (2026-03-26)" }, grid.Columns);
        Assert.Equal(new[] { "sponsor x1", "not billable x1" }, grid.Rows.Single(r => r.Item == "J9000").Cells.Select(c => c!.ToString()));
        Assert.Equal(new[] { Responsibility.Sponsor, Responsibility.NotBillable }, grid.Rows.Single(r => r.Item == "J9000").Cells.Select(c => c!.Payments.Single().Responsibility));
        Assert.False(grid.Rows.Single(r => r.Item == "J9000").DesignationChanges); // sponsor-paid, then supplied free by the sponsor: both carry out "sponsor"
        Assert.Equal(new[] { "sponsor x1", "sponsor x1" }, grid.Rows.Single(r => r.Item == "96549").Cells.Select(c => c!.ToString()));
        Assert.False(grid.Rows.Single(r => r.Item == "96549").DesignationChanges);
        Assert.Equal(new[] { 1, 1 }, grid.Totals.Single(t => t.Payer == "insurer claim (medicare)").Counts);
        Assert.Equal((Responsibility.Insurer, (PayerType?)PayerType.Medicare), (grid.Totals[0].Responsibility, grid.Totals[0].BillTo));
        Assert.StartsWith("item,label,category,cycle 1 (2026-02-12),cycle 2 (2026-03-26),flag\r\n", grid.ToCsv(), StringComparison.Ordinal);
        Assert.Contains("J9000,\"Doxorubicin, per 10 mg\",drug,sponsor x1,not billable x1,\r\n", grid.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_ItemPaidTheSameWayWithDifferentUnits_IsNoDesignationChange()
    {
        var cycles = new[] { 1, 2 }.Select(n => RuleSet.Default.Code(Case(
            new PipacProcedure(SurgicalApproach.Laparoscopic, n, Duration.FromMinutes(30), null, null, 1, null, null, new[] { Drug("cisplatin", 10 * n) }),
            claim: ClaimType.FacilityOutpatient,
            date: new DateTime(2026, 1, 1).AddDays(42 * n),
            trial: Trial(sponsorPays: Aerosol)))).ToList();
        var row = BillingGrid.Build(cycles).Rows.Single(r => r.Item == "J9060");
        Assert.Equal(new[] { "sponsor x1", "sponsor x2" }, row.Cells.Select(c => c!.ToString()));
        Assert.Equal(new[] { 1, 2 }, row.Cells.Select(c => c!.Units));
        Assert.False(row.DesignationChanges);
    }

    [Fact]
    public void DrugGivenAsTheAerosol_FollowsTheAerosolsDesignation()
    {
        var result = CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol), drugs: Drug("cisplatin", 12));
        Assert.Equal(Responsibility.Sponsor, Line(result, "J9060").Responsibility);
        var investigational = CodePipac(PayerType.Medicare, Trial(), drugs: Drug("cisplatin", 12));
        Assert.Equal(new[] { "Q0" }, Line(investigational, "J9060").ModifierCodes());
    }

    [Fact]
    public void DrugGivenAsTheHipecPerfusate_FollowsTheHipecsDesignation()
    {
        var trial = new ClinicalTrial("NCT04329494", true, null, null, new[] { LineCategory.Hipec });
        var result = RuleSet.Default.Code(Case(Hipec(90, drugs: Drug("mitomycin", 40, opened: 40)), claim: ClaimType.FacilityOutpatient, trial: trial, diagnoses: new[] { "C18.1", "C78.6" }));
        Assert.Equal(Responsibility.Sponsor, Line(result, "J9280").Responsibility);
    }

    [Theory]
    [InlineData(TrialDesignation.Routine, Responsibility.Insurer, "Q1")]
    [InlineData(TrialDesignation.Investigational, Responsibility.Insurer, "Q0")]
    [InlineData(TrialDesignation.Sponsor, Responsibility.Sponsor, null)]
    [InlineData(TrialDesignation.NotBillable, Responsibility.NotBillable, null)]
    public void DrugNamedInTheTrialBlock_HasItsOwnDesignation(TrialDesignation designation, Responsibility who, string? modifier)
    {
        var line = Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol, drugs: new[] { ("Cisplatin", designation) }), drugs: Drug("cisplatin", 12)), "J9060");
        Assert.Equal(who, line.Responsibility);
        Assert.Equal(modifier is null ? System.Array.Empty<string>() : new[] { modifier }, line.ModifierCodes());
    }

    [Fact]
    public void DrugNamedByAnAlias_HasItsDesignation()
        => Assert.Equal(Responsibility.NotBillable, Line(CodePipac(PayerType.Medicare, Trial(drugs: new[] { ("5-FU", TrialDesignation.NotBillable) }), drugs: Drug("fluorouracil", 500)), "J9190").Responsibility);

    [Fact]
    public void DrugCategoryInTheTrialBlock_StillDesignatesEveryDrug()
        => Assert.Equal(Responsibility.Sponsor, Line(CodePipac(PayerType.Medicare, Trial(investigational: Aerosol, sponsorPays: new[] { LineCategory.Drug }), drugs: Drug("cisplatin", 12)), "J9060").Responsibility);

    [Theory]
    [InlineData(ClaimType.FacilityOutpatient)]
    [InlineData(ClaimType.Professional)]
    public void ResearchOnlyBiopsies_LeaveTheInsurerTheLaparoscopyAndTheSponsorTheBiopsies(ClaimType claim)
    {
        var result = CodePipac(PayerType.Medicare, Trial(researchOnly: new[] { LineCategory.Biopsies }), claim: claim);
        Assert.Equal((Responsibility.Insurer, "Q1"), (Line(result, "49320").Responsibility, Line(result, "49320").ModifierCodes().Single()));
        CodeLine biopsy = Line(result, "49321");
        Assert.Equal((Responsibility.Sponsor, LineCategory.Biopsies), (biopsy.Responsibility, biopsy.Category));
        Assert.Contains("pipac-research-biopsies", biopsy.Notes);
        result.HasNo(FindingIds.TrialDoubleBilling);
    }

    [Fact]
    public void ResearchOnlyBiopsies_OnAnInpatientClaim_StayCodedWithNonCoveredCharges()
    {
        var result = CodePipac(PayerType.Medicare, Trial(researchOnly: new[] { LineCategory.Biopsies }), claim: ClaimType.FacilityInpatient);
        CodeLine biopsy = Line(result, "0DBW4ZX");
        Assert.Equal((Responsibility.Insurer, true), (biopsy.Responsibility, biopsy.NonCoveredCharges));
        Assert.Contains("pcs-sponsor-non-covered", biopsy.Notes);
    }

    [Fact]
    public void SponsorPaidPcsLine_StaysOnTheInpatientClaimWithNonCoveredCharges()
    {
        CodeLine line = Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol), claim: ClaimType.FacilityInpatient), "3E0M305");
        Assert.Equal((Responsibility.Insurer, (PayerType?)PayerType.Medicare, true, "coverage-sponsor-paid"), (line.Responsibility, line.BillTo, line.NonCoveredCharges, line.CoverageRule));
    }

    [Fact]
    public void SponsorPaidCptLine_StaysOffTheClaim()
        => Assert.False(Line(CodePipac(PayerType.Medicare, Trial(sponsorPays: Aerosol)), "96549").NonCoveredCharges);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void InvestigationalItemOnAnInpatientClaim_IsWarnedAbout_UnlessTheSponsorPaysIt(bool sponsorPays, bool warned)
    {
        var result = CodePipac(PayerType.Medicare, Trial(sponsorPays: sponsorPays ? Aerosol : null), claim: ClaimType.FacilityInpatient);
        Assert.Equal(warned, result.FindingIds().Contains(FindingIds.TrialInvestigationalBilled));
    }

    [Fact]
    public void MalformedNct_OnAClaimThatCarriesIt_SaysTheClaimCannotCarryIt()
        => Assert.EndsWith("the claim cannot carry the trial number.", CodePipac(PayerType.Medicare, Trial(nct: "NCT1")).Single(FindingIds.TrialNctMalformed).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(true, "the trial does not qualify for this claim's payer")]
    [InlineData(false, "the case is in no clinical trial")]
    public void Z006FirstListedWithoutAQualifyingTrial_IsAnErrorSayingWhy(bool inTrial, string why)
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.Medicare, diagnoses: new[] { "Z00.6", "Z51.11", "C16.9" }, trial: inTrial ? Trial(qualifying: false) : null));
        Finding finding = result.Single(FindingIds.TrialAttestationWithoutQualifyingTrial);
        Assert.Equal("diagnoses[0]", finding.Path);
        Assert.Contains(why, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_TwoLinesOfOneItemInAVisit_ShareTheCell_AndTotalsListPayersInOrder()
    {
        var visit = RuleSet.Default.Code(Case(
            new PipacProcedure(SurgicalApproach.Laparoscopic, 1, Duration.FromMinutes(30), null, null, 1, null, null, new[] { new DrugAdministration("cisplatin", Dose.FromMilligrams(12), null, suppliedBySponsor: true), Drug("cisplatin", 5) }),
            claim: ClaimType.FacilityOutpatient,
            trial: Trial(sponsorPays: Aerosol, drugs: new[] { ("cisplatin", TrialDesignation.Routine) })));
        BillingGrid grid = BillingGrid.Build(new[] { visit });
        BillingGridCell cell = grid.Rows.Single(r => r.Item == "J9060").Cells.Single()!;
        Assert.Equal("not billable x2; insurer Q1 x1", cell.ToString());
        Assert.Equal(3, cell.Units);
        Assert.Equal(new[] { Modifier.Q1 }, cell.Payments[1].TrialModifiers);
        Assert.False(grid.Rows.Single(r => r.Item == "J9060").DesignationChanges);
        Assert.Equal(new[] { "insurer claim (medicare)", "sponsor invoice", "not billable" }, grid.Totals.Select(t => t.Payer));
    }

    [Fact]
    public void Grid_VisitsOfOneCycle_AreOrderedByDateThenCaseId_AndNamedApart()
    {
        CodingResult Visit(string id, int day) => RuleSet.Default.Code(new CodingCase(id, new DateTime(2026, 3, day), ClaimType.FacilityOutpatient, PayerType.Medicare, null, new[] { "Z51.11", "C16.9" }, Pipac(), Trial()));
        var grid = BillingGrid.Build(new[] { Visit("b", 10), Visit("a", 10), Visit("c", 9) });
        Assert.Equal(new[] { "cycle 1 (2026-03-09)", "cycle 1 (2026-03-10) a", "cycle 1 (2026-03-10) b" }, grid.Columns);
        Assert.Throws<ArgumentNullException>(() => BillingGrid.Build(null!));
    }
}
