using Coding.Rules;

namespace Coding.Engine;

/// <summary>Turns a rule's line templates into lines, keeping those whose condition holds.</summary>
internal static class LineTemplates
{
    public static void Apply(CodingContext context, LineRule rule, int biopsies)
    {
        foreach (LineTemplate template in rule.Lines)
        {
            bool applies = template.When switch
            {
                LineCondition.BiopsiesTaken => biopsies > 0,
                LineCondition.NoBiopsies => biopsies == 0,
                _ => true,
            };
            if (applies)
            {
                string? detail = template.When == LineCondition.BiopsiesTaken ? biopsies == 1 ? "1 peritoneal biopsy taken" : $"{biopsies} peritoneal biopsies taken, reported once" : null;
                context.AddLine(template.Code, 1, null, template.Category, rule.Id, template.Notes, detail);
            }
        }
    }
}
