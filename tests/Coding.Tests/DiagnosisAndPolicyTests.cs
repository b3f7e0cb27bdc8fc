using Coding.Cases;
using Coding.Results;
using Coding.Rules;
using Coding.Tests.Infrastructure;
using Xunit;
using static Coding.Tests.Infrastructure.Cases;

namespace Coding.Tests;

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
    public void AppendicealPrimary_IsACoveredIndicationNotInvestigational()
    {
        var result = CodeHipec(PayerType.Commercial, "C18.1", "C78.6");
        result.HasNo("POLICY001");
        Assert.Equal(Severity.Info, result.Single("POLICY002").Severity);
    }

    [Fact]
    public void CommercialPolicy_DoesNotApplyToMedicare() => CodeHipec(PayerType.Medicare, "C18.2").HasNo("POLICY001");

    [Fact]
    public void Pipac_OutsideATrial_IsFlaggedExperimental()
        => RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "C16.9" })).Single("POLICY004");

    [Fact]
    public void Pipac_InAQualifyingTrial_IsNotFlaggedExperimental()
        => RuleSet.Default.Code(Case(Pipac(), diagnoses: new[] { "C16.9" }, trial: new ClinicalTrial("NCT04329494", true, null, null, null))).HasNo("POLICY004");
}
