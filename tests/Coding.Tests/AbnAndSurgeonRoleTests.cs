using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>Advance beneficiary notices (GA/GZ) on likely-denied services, and the surgeon-role modifiers.</summary>
public sealed class AbnAndSurgeonRoleTests
{
    private static CodingResult PipacFor(PayerType payer, bool? abn, ClinicalTrial? trial = null, ClaimType claim = ClaimType.FacilityOutpatient)
        => RuleSet.Default.Code(new CodingCase("abn", Date2026, claim, payer, null, new[] { "Z51.11", "C16.9" }, Pipac(), trial, null, new ClaimDetails(abnOnFile: abn)));

    [Theory]
    [InlineData(true, "GA", FindingIds.AbnSigned, Severity.Info)]
    [InlineData(false, "GZ", FindingIds.AbnNotSigned, Severity.Warning)]
    public void LikelyDeniedMedicareService_CarriesTheAbnModifierOnEveryLine(bool abn, string modifier, string id, Severity severity)
    {
        var result = PipacFor(PayerType.Medicare, abn);
        Assert.All(result.Lines, l => Assert.Equal(modifier, l.ModifierCodes()[^1]));
        Assert.Equal(severity, result.Single(id).Severity);
        Assert.Equal("medicare-abn", result.Single(id).Rule);
    }

    [Fact]
    public void LikelyDeniedMedicareService_WithoutAnAbnStatus_AsksForOne()
    {
        var result = PipacFor(PayerType.Medicare, null);
        Finding finding = result.Single(FindingIds.AbnMissing);
        Assert.Equal((Severity.Warning, "abn_on_file"), (finding.Severity, finding.Path));
        Assert.Contains("POLICY004", finding.Message, StringComparison.Ordinal);
        Assert.All(result.Lines, l => Assert.DoesNotContain(l.ModifierCodes(), m => m is "GA" or "GZ"));
    }

    [Fact]
    public void QualifyingTrial_IsNoLikelyDenial_SoNoAbn()
    {
        var result = PipacFor(PayerType.Medicare, null, new ClinicalTrial("NCT04329494", true, null, null, null));
        result.HasNo(FindingIds.AbnMissing);
        result.HasNo("POLICY004");
    }

    [Theory]
    [InlineData(PayerType.Commercial)]
    [InlineData(PayerType.Medicaid)]
    public void OtherPayers_GetThePatientWaiverNoteInstead(PayerType payer)
    {
        var result = PipacFor(payer, true);
        Assert.Equal(Severity.Info, result.Single(FindingIds.PatientWaiver).Severity);
        Assert.All(result.Lines, l => Assert.DoesNotContain("GA", l.ModifierCodes()));
    }

    [Fact]
    public void InpatientClaims_TakeNoAbn()
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityInpatient, payer: PayerType.Medicare, diagnoses: new[] { "Z51.11", "C16.9" }));
        result.HasNo(FindingIds.AbnMissing);
        result.HasNo(FindingIds.PatientWaiver);
    }

    private static CodingResult HipecBy(SurgeonRole? role)
        => RuleSet.Default.Code(new CodingCase("role", Date2026, ClaimType.Professional, PayerType.Commercial, BodySurfaceArea(), new[] { "C45.1" }, Hipec(90, drugs: Drug("mitomycin", 40)), null, null, new ClaimDetails(surgeonRole: role)));

    private static BodySurfaceArea BodySurfaceArea() => IntraperitonealCoding.BodySurfaceArea.FromSquareMetres(1.8m);

    [Theory]
    [InlineData(SurgeonRole.CoSurgeon, "62", false)]
    [InlineData(SurgeonRole.Assistant, "80", true)]
    [InlineData(SurgeonRole.AssistantAtTeachingHospital, "82", true)]
    [InlineData(SurgeonRole.NonPhysicianAssistant, "AS", true)]
    public void SurgeonRole_PutsItsModifierFirstOnEveryProcedureLine(SurgeonRole role, string modifier, bool warnsOnTheAddOn)
    {
        var result = HipecBy(role);
        Assert.All(result.Lines, l => Assert.Equal(modifier, l.ModifierCodes()[0]));
        Assert.Equal(warnsOnTheAddOn, result.FindingIds().Contains(FindingIds.AddOnByAssistant));
    }

    [Theory]
    [InlineData(SurgeonRole.Primary)]
    [InlineData(null)]
    public void PrimarySurgeon_HasNoRoleModifier(SurgeonRole? role)
    {
        var result = HipecBy(role);
        Assert.All(result.Lines, l => Assert.Empty(l.ModifierCodes()));
        result.HasNo(FindingIds.AddOnByAssistant);
    }

    [Fact]
    public void RoleModifier_ComesBeforeTheTrialModifier()
    {
        var trial = new ClinicalTrial("NCT04329494", true, null, null, null);
        var result = RuleSet.Default.Code(new CodingCase("role", Date2026, ClaimType.Professional, PayerType.Medicare, null, new[] { "Z51.11", "C16.9" }, Pipac(), trial, null, new ClaimDetails(surgeonRole: SurgeonRole.CoSurgeon)));
        Assert.Equal(new[] { "62", "Q1" }, result.Lines.First(l => l.Code == "49321").ModifierCodes());
    }

    [Fact]
    public void AbnModifier_GoesOnlyOnTheLinesMedicareIsBilledFor_AfterTheirOtherModifiers()
    {
        // A non-qualifying trial whose sponsor pays the aerosol: the laparoscopy and the drug are Medicare's, the aerosol the sponsor's.
        var trial = new ClinicalTrial("NCT04329494", false, null, null, new[] { LineCategory.AerosolChemotherapy }, new[] { new System.Collections.Generic.KeyValuePair<string, TrialDesignation>("oxaliplatin", TrialDesignation.Routine) });
        var pipac = new PipacProcedure(SurgicalApproach.Laparoscopic, 1, Duration.FromMinutes(30), null, null, 2, null, null, new[] { Drug("oxaliplatin", 170.2m, opened: 170.4m) });
        var result = RuleSet.Default.Code(new CodingCase("abn", Date2026, ClaimType.FacilityOutpatient, PayerType.Medicare, null, new[] { "Z51.11", "C16.9" }, pipac, trial, null, new ClaimDetails(abnOnFile: false)));
        Assert.Equal(new[] { "49321 GZ", "96549 ", "J9263 JZ GZ" }, result.Lines.Select(l => l.Code + " " + string.Join(" ", l.ModifierCodes())));
    }

    [Fact]
    public void AssistantOnAPipac_HasTheModifierButNoAddOnWarning()
    {
        var result = RuleSet.Default.Code(new CodingCase("role", Date2026, ClaimType.Professional, PayerType.Commercial, null, new[] { "Z51.11", "C16.9" }, Pipac(), null, null, new ClaimDetails(surgeonRole: SurgeonRole.Assistant)));
        Assert.All(result.Lines, l => Assert.Equal("80", l.ModifierCodes()[0]));
        result.HasNo(FindingIds.AddOnByAssistant);
    }
}
