using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class PipacRuleTests
{
    [Fact]
    public void DefaultPolicy_WithBiopsies_CodesLaparoscopyWithBiopsyAndUnlistedChemotherapy()
    {
        var result = RuleSet.Default.Code(Case(Pipac(biopsies: 3)));
        Assert.Equal(new[] { "49321x1", "96549x1" }, result.Lines());
        Assert.Equal(new[] { LineCategory.Laparoscopy, LineCategory.AerosolChemotherapy }, new[] { result.Lines[0].Category, result.Lines[1].Category });
        Assert.Contains("unlisted-code-documentation", result.Lines[1].Notes);
    }

    [Fact]
    public void DefaultPolicy_WithoutBiopsies_CodesDiagnosticLaparoscopy()
        => Assert.Equal(new[] { "49320x1", "96549x1" }, RuleSet.Default.Code(Case(Pipac(biopsies: 0))).Lines());

    [Fact]
    public void UnlistedLaparoscopyPolicy_CodesOneUnlistedLine()
    {
        using var rules = RuleFixture.CopyOfDefault(("pipac.yaml", "policy: pipac-laparoscopy-and-unlisted-chemotherapy", "policy: pipac-unlisted-laparoscopy"));
        var result = RuleSet.Load(rules.Directory).Code(Case(Pipac(biopsies: 3)));
        Assert.Equal(new[] { "49329x1" }, result.Lines());
        Assert.Equal("pipac-unlisted-laparoscopy", result.Lines[0].Rule);
        Assert.Contains("unlisted-code-documentation", result.Lines[0].Notes);
    }

    [Fact]
    public void InpatientClaim_CodesThePeritonealChemotherapyAsPrincipal_ThenTheBiopsy_AndNoInspectionOfItsOwn()
    {
        // UHDDS: the definitive treatment most related to Z51.11 is the chemotherapy; B3.11a: no separate inspection.
        var withBiopsies = RuleSet.Default.Code(Case(Pipac(biopsies: 2), claim: ClaimType.FacilityInpatient, diagnoses: new[] { "Z51.11", "C78.6" }));
        Assert.Equal(new[] { "3E0M305x1", "0DBW4ZXx1" }, withBiopsies.Lines());
        Assert.Equal(("3E0M305", true), (withBiopsies.ClaimForm.Procedures[0].Code, withBiopsies.ClaimForm.Procedures[0].Principal));
        Assert.Contains(withBiopsies.Notes, n => n.Id == "pcs-principal-procedure");
        Assert.Equal(new[] { "3E0M305x1" }, RuleSet.Default.Code(Case(Pipac(biopsies: 0), claim: ClaimType.FacilityInpatient)).Lines());
    }

    [Fact]
    public void InpatientClaim_APcsCodeTheCaseListsAndARuleEmits_AppearsOnceWithANote()
    {
        var pipac = new PipacProcedure(SurgicalApproach.Laparoscopic, 1, Duration.FromMinutes(30), null, null, 2, null, null, null, new[] { "0DBW4ZX", "3E0M305" });
        var result = RuleSet.Default.Code(Case(pipac, claim: ClaimType.FacilityInpatient));
        Assert.Equal(new[] { "3E0M305x1", "0DBW4ZXx1" }, result.Lines());
        Assert.Contains(result.Notes, n => n.Id == "pcs-code-listed-once");
    }

    [Fact]
    public void OpenApproach_IsAnError()
        => Assert.Equal(Severity.Error, RuleSet.Default.Code(Case(Pipac(approach: SurgicalApproach.Open))).Single(FindingIds.PipacNotLaparoscopic).Severity);

    [Fact]
    public void UnusualExposureAndPressure_AreWarnings()
    {
        var result = RuleSet.Default.Code(Case(Pipac(minutes: 45, mmHg: 18)));
        Assert.Equal(2, result.Findings.Count(f => f.Id == FindingIds.PipacParameterUnusual && f.Severity == Severity.Warning));
        Assert.True(result.Ready);
    }

    [Fact]
    public void UsualValues_RaiseNoParameterWarning()
        => RuleSet.Default.Code(Case(Pipac())).HasNo(FindingIds.PipacParameterUnusual);
}
