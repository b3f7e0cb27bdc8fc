using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>Turns a rule's line templates into lines, keeping those whose condition holds.</summary>
internal static class LineTemplates
{
    /// <summary>Whether an ICD-10-PCS line with this code is already on the claim (each procedure is coded once).</summary>
    public static bool PcsCodeAlreadyListed(CodingContext context, string code)
    {
        foreach (CodeLine line in context.Lines)
        {
            if (line.System == CodeSystem.Icd10Pcs && line.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the rule puts a line with this code on the claim for these biopsy counts: such a code, when the case also
    /// lists it, is the rule's line (its category, notes and coverage), not a surgery line of the case's.
    /// </summary>
    public static bool Emits(LineRule rule, string code, int biopsies, int researchBiopsies = 0)
    {
        foreach (LineTemplate template in rule.Lines)
        {
            if (template.Code == code && Applies(template, biopsies, researchBiopsies))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies a rule's templates. Research-only biopsies (a trial's) leave the insurer's lines as if none were taken.</summary>
    public static void Apply(CodingContext context, LineRule rule, int biopsies, int researchBiopsies = 0)
    {
        foreach (LineTemplate template in rule.Lines)
        {
            bool applies = Applies(template, biopsies, researchBiopsies);
            if (applies && PcsCodeAlreadyListed(context, template.Code))
            {
                // The case's operative report already gave this PCS code: it is on the claim once.
                context.UseNotes(new[] { context.Rules.ClaimFields.PcsListedOnceNote });
                continue;
            }

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

    private static bool Applies(LineTemplate template, int biopsies, int researchBiopsies) => template.When switch
    {
        LineCondition.BiopsiesTaken => biopsies > 0,
        LineCondition.NoBiopsies => biopsies == 0,
        LineCondition.ResearchBiopsies => researchBiopsies > 0,
        _ => true,
    };
}
