using IntraperitonealCoding.Research;


namespace IntraperitonealCoding.Engine;

/// <summary>
/// For a case that names its study: the deviations of the coded visit from the study's coverage analysis (an item the
/// schedule does not plan, a cycle it does not have, a sponsor item on the insurer claim, a payer it does not qualify for).
/// </summary>
internal static class StudyChecker
{
    public static void Check(CodingContext context)
    {
        if (context.Case.Trial?.Study is not { } study)
        {
            return;
        }

        var comparison = VisitComparison.Compare(study, context.Case, context.Lines, context.LineDrugNames, context.Coverage.SameDrug, context.ClaimMarkers.ClinicalTrialNumber is not null);
        foreach (var deviation in comparison.Deviations)
        {
            context.AddFinding(deviation.Id, deviation.Severity, deviation.Message, deviation.Path, deviation.Rule);
        }
    }
}
