using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

public sealed class DiagnosisAndPolicyTests
{
    private static CodingResult CodeHipec(PayerType payer, params string[] diagnoses)
        => RuleSet.Default.Code(Case(Hipec(90), payer: payer, diagnoses: diagnoses));

    [Fact]
    public void NoDiagnosis_IsAnError() => Assert.Equal(Severity.Error, CodeHipec(PayerType.Medicare).Single(FindingIds.DiagnosisMissing).Severity);

    [Fact]
    public void MalformedDiagnosis_IsAnErrorAtItsIndexAndIsLeftOff()
    {
        var result = CodeHipec(PayerType.Medicare, "C78.6", "78.6");
        Assert.Equal("diagnoses[1]", result.Single(FindingIds.DiagnosisMalformed).Path);
        Assert.Equal(new[] { "C78.6" }, result.Diagnoses);
    }

    [Fact]
    public void Diagnoses_AreNormalisedToUpperCase() => Assert.Equal(new[] { "C18.1", "C78.6" }, CodeHipec(PayerType.Medicare, "c18.1", "C78.6").Diagnoses);

    [Fact]
    public void AscitesFirstListed_IsASequencingWarning()
    {
        Finding finding = CodeHipec(PayerType.Medicare, "R18.0", "C78.6").Single(FindingIds.DiagnosisSequence);
        Assert.Equal(("ascites-code-malignancy-first", "diagnoses[0]"), (finding.Rule, finding.Path));
    }

    [Fact]
    public void AscitesAfterTheMalignancy_IsFine() => CodeHipec(PayerType.Medicare, "C78.6", "R18.0").HasNo(FindingIds.DiagnosisSequence);

    [Fact]
    public void ColorectalPrimary_OnACommercialClaim_IsFlaggedInvestigational()
    {
        Finding finding = CodeHipec(PayerType.Commercial, "C18.2", "C78.6").Single("POLICY001");
        Assert.Equal((Severity.Warning, "bcbsa-20307-hipec-investigational"), (finding.Severity, finding.Rule));
    }

    [Fact]
    public void GastricPrimary_OnACommercialClaim_IsFlaggedInvestigational() => CodeHipec(PayerType.Commercial, "C16.9").Single("POLICY001");

    [Fact]
    public void AppendicealAdenocarcinoma_IsCoveredOnlyAsPseudomyxoma_SoItAsksForTheHistology()
    {
        var result = CodeHipec(PayerType.Commercial, "C18.1", "C78.6");
        result.HasNo("POLICY001");
        result.HasNo("POLICY002");
        Finding finding = result.Single("POLICY005");
        Assert.Equal((Severity.Warning, "bcbsa-20307-hipec-appendiceal-histology"), (finding.Severity, finding.Rule));
        Assert.EndsWith("[BCBSA medical policy 2.03.07]", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bcbsa-20307-hipec-pseudomyxoma", "D37.3", "C78.6")]
    [InlineData("bcbsa-20307-hipec-mesothelioma", "C45.1")]
    [InlineData("bcbsa-20307-hipec-goblet-cell", "C7A.020", "C78.6")]
    public void CoveredIndications_AreInformationNamingThePolicy(string rule, params string[] diagnoses)
    {
        var result = CodeHipec(PayerType.Commercial, diagnoses);
        Finding finding = result.Single("POLICY002");
        Assert.Equal((Severity.Info, rule), (finding.Severity, finding.Rule));
        result.HasNo("POLICY001");
    }

    [Fact]
    public void LowGradeMucinousNeoplasm_WithoutPeritonealSpread_IsNotPseudomyxoma()
        => CodeHipec(PayerType.Commercial, "D37.3").HasNo("POLICY002");

    [Theory]
    [InlineData("C56.9")]
    [InlineData("C57.01")]
    public void OvarianAndFallopianTubeCancer_AreCoveredWithinTheStageCriteria(string code)
        => Assert.Equal(Severity.Warning, CodeHipec(PayerType.Commercial, code, "C78.6").Single("POLICY003").Severity);

    [Theory]
    [InlineData("C48.1")]
    [InlineData("C54.1")]
    [InlineData("C57.4")]
    [InlineData("C20")]
    public void EveryOtherIndication_IsInvestigational(string code)
        => CodeHipec(PayerType.Commercial, code, "C78.6").Single("POLICY001");

    [Fact]
    public void CommercialPolicy_DoesNotApplyToMedicare() => CodeHipec(PayerType.Medicare, "C18.2").HasNo("POLICY001");

    [Fact]
    public void Pipac_OutsideATrial_IsFlaggedExperimental()
        => RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "C16.9" })).Single("POLICY004");

    [Fact]
    public void Pipac_InAQualifyingTrial_IsNotFlaggedExperimental()
        => RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "C16.9" }, trial: new ClinicalTrial("NCT04329494", true, null, null, null))).HasNo("POLICY004");

    [Fact]
    public void Pseudomyxoma_IsRecognisedWhateverTheOrderOfItsTwoCodes()
    {
        CodeHipec(PayerType.Commercial, "D37.3", "C78.6", "R18.0").Single("POLICY002");
        CodeHipec(PayerType.Commercial, "C78.6", "D37.3", "R18.0").Single("POLICY002");
    }

    [Theory]
    [InlineData(new[] { "Z51.11", "C16.9", "C78.6" }, null)]
    [InlineData(new[] { "Z51.11", "D37.3", "C78.6" }, null)]
    [InlineData(new[] { "Z51.11", "Z00.6", "C16.9" }, "diagnoses[1]")]
    [InlineData(new[] { "Z51.11" }, "diagnoses[1]")]
    [InlineData(new[] { "C16.9", "Z51.11" }, "diagnoses[0]")]
    public void PipacEncounter_ListsZ5111FirstAndTheNeoplasmNext(string[] diagnoses, string? flagged)
    {
        var result = RuleSet.Default.Code(Case(Pipac(), claim: ClaimType.FacilityOutpatient, payer: PayerType.Commercial, diagnoses: diagnoses));
        var finding = result.Findings.SingleOrDefault(f => f.Rule == "pipac-chemotherapy-encounter-first");
        Assert.Equal(flagged, finding?.Path);
    }

    [Fact]
    public void HipecEncounter_IsSurgical_SoZ5111FirstIsTheWarning()
        => Assert.Equal("chemotherapy-encounter-not-first", CodeHipec(PayerType.Medicare, "Z51.11", "C18.1").Single(FindingIds.DiagnosisSequence).Rule);

    [Fact]
    public void TwoSequencingRulesAtTheFirstDiagnosis_GiveOneFinding_WhoseAdviceDoesNotContradictItself()
    {
        // Z00.6 first on a PIPAC encounter: one rule wants Z51.11 first, the other wants Z00.6 after the cancer.
        CodingResult result = RuleSet.Default.Code(CaseFile.Read(System.IO.Path.Combine(Paths.Examples, "trial-pipac-medicare-advantage-ide.yaml")).Case!);
        Finding finding = Assert.Single(result.Findings, f => f.Id == FindingIds.DiagnosisSequence && f.Path == "diagnoses[0]");
        Assert.StartsWith("A PIPAC encounter is solely for chemotherapy", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Z00.6, listed first now, is a secondary diagnosis: list it after them", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("list the cancer first", finding.Message, StringComparison.Ordinal);
        Assert.Equal("pipac-chemotherapy-encounter-first", finding.Rule);
    }
}
