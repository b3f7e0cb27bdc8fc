using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>Turns a rule's line templates into lines, keeping those whose condition holds.</summary>
internal static class LineTemplates
{
    /// <summary>Applies a rule's templates. Research-only biopsies (a trial's) leave the insurer's lines as if none were taken.</summary>
    public static void Apply(CodingContext context, LineRule rule, int biopsies, int researchBiopsies = 0)
    {
        foreach (LineTemplate template in rule.Lines)
        {
            bool applies = template.When switch
            {
                LineCondition.BiopsiesTaken => biopsies > 0,
                LineCondition.NoBiopsies => biopsies == 0,
                LineCondition.ResearchBiopsies => researchBiopsies > 0,
                _ => true,
            };
            if (applies)
            {
                int count = template.When == LineCondition.ResearchBiopsies ? researchBiopsies : biopsies;
                string? detail = template.When is LineCondition.BiopsiesTaken or LineCondition.ResearchBiopsies
                    ? (count == 1 ? "1 peritoneal biopsy taken" : $"{count} peritoneal biopsies taken, reported once") + (template.When == LineCondition.ResearchBiopsies ? ", for the study only" : string.Empty)
                    : null;
                context.AddLine(template.Code, 1, null, template.Category, rule.Id, template.Notes, detail);
            }
        }
    }
}
