using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>Codes a PIPAC from its parts under the institution's policy in the rule data (or ICD-10-PCS when inpatient).</summary>
internal static class PipacCoder
{
    public static void Code(CodingContext context, PipacProcedure pipac)
    {
        PipacRules rules = context.Rules.Pipac;
        if (pipac.Approach != SurgicalApproach.Laparoscopic)
        {
            context.AddFinding(FindingIds.PipacNotLaparoscopic, Severity.Error, "PIPAC is given at laparoscopy; an open approach is not a PIPAC. Check the procedure kind and approach.", "procedure.approach", rules.UsualRuleId);
        }

        if (pipac.Temperature is { } temperature)
        {
            TemperatureCheck.Check(context, temperature, rules.Plausible, rules.UsualTemperature, FindingIds.PipacParameterUnusual, "aerosol", "procedure.temperature_c", rules.UsualRuleId);
        }

        if (!rules.UsualExposureMinutes.Contains(pipac.ExposureDuration.TotalMinutes))
        {
            context.AddFinding(FindingIds.PipacParameterUnusual, Severity.Warning, $"An aerosol exposure of {pipac.ExposureDuration} is outside the usual {rules.UsualExposureMinutes} min ({rules.UsualSource}); check the record.", "procedure.exposure_minutes", rules.UsualRuleId);
        }

        if (pipac.Capnoperitoneum is { } pressure && !rules.UsualCapnoperitoneumMmHg.Contains(pressure.MillimetresOfMercury))
        {
            context.AddFinding(FindingIds.PipacParameterUnusual, Severity.Warning, $"A capnoperitoneum of {pressure} is outside the usual {rules.UsualCapnoperitoneumMmHg} mmHg; check the record.", "procedure.capnoperitoneum_mmhg", rules.UsualRuleId);
        }

        var date = context.Case.DateOfService;
        LineRule? rule = context.IsInpatient ? Effective.InForce(rules.Inpatient, date) : rules.PolicyInForce(date);
        if (rule is null)
        {
            string what = context.IsInpatient ? "PIPAC inpatient (ICD-10-PCS) rule" : $"PIPAC coding policy '{rules.PolicyId}'";
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No {what} is in force on {date:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
            return;
        }

        if (context.IsInpatient)
        {
            PcsProcedureLines.Apply(context, rule, rules.InpatientCaseProcedures, pipac.Biopsies);
        }
        else if (context.Case.Trial is { } trial && trial.ResearchOnly.Contains(LineCategory.Biopsies))
        {
            // The insurer claim carries the laparoscopy without biopsy; the biopsies go on the sponsor's invoice.
            LineTemplates.Apply(context, rule, biopsies: 0, researchBiopsies: pipac.Biopsies);
        }
        else
        {
            LineTemplates.Apply(context, rule, pipac.Biopsies);
        }
    }
}
