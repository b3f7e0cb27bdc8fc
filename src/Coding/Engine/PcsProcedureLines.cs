using System.Globalization;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Dto;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// The case's own ICD-10-PCS codes (the surgery, from the operative report) as inpatient claim lines, in the order
/// given, each checked against the PCS table in the fiscal year of the discharge date.
/// </summary>
internal static class PcsProcedureLines
{
    /// <summary>The label of a case's PCS code that codes.yaml does not describe.</summary>
    private const string Label = "Procedure from the operative report";

    /// <summary>The rule's lines and the case's own, in the order the rule data's principal-procedure rule says.</summary>
    public static void Apply(CodingContext context, LineRule rule, CaseProceduresOrder order, int biopsies)
    {
        if (order == CaseProceduresOrder.First)
        {
            Add(context, rule, biopsies);
            LineTemplates.Apply(context, rule, biopsies);
        }
        else
        {
            LineTemplates.Apply(context, rule, biopsies);
            Add(context, rule, biopsies);
        }
    }

    /// <summary>The code's own label from codes.yaml when it has one on the date of service, else a generic one.</summary>
    private static string LabelOf(CodingContext context, string code)
    {
        foreach (CodeDefinition definition in context.Rules.Codes)
        {
            if (definition.System == CodeSystem.Icd10Pcs && definition.Code == code && definition.Period.Contains(context.Case.DateOfService))
            {
                return definition.Label;
            }
        }

        return Label;
    }

    private static void Add(CodingContext context, LineRule rule, int biopsies)
    {
        string ruleId = rule.Id;
        CodeValidityTable table = context.Rules.Tables.Icd10Pcs;
        var date = context.Case.CodeSetDate;
        var codes = context.Case.Procedure.PcsProcedures;
        for (int i = 0; i < codes.Count; i++)
        {
            string code = codes[i];
            string path = string.Format(CultureInfo.InvariantCulture, "procedure.pcs_procedures[{0}]", i);
            if (LineTemplates.PcsCodeAlreadyListed(context, code) || LineTemplates.Emits(rule, code, biopsies))
            {
                // Once on the claim; a code the rule also gives is the rule's line (a HIPEC listed as surgery would lose
                // its category, so its notes and a trial's coverage of it).
                context.UseNotes(new[] { context.Rules.ClaimFields.PcsListedOnceNote });
                continue;
            }

            switch (table.Check(code, date, out CodeValidity? row))
            {
                case CodeStatus.Unknown:
                case CodeStatus.Header:
                    context.AddFinding(FindingIds.PcsCodeInvalid, Severity.Error, $"{code} is not a valid ICD-10-PCS code in fiscal year {DiagnosisChecker.FiscalYear(date)} ({table.FamilyOf(code)} is covered by the table and has no such code). Check the operative report's coding. [{table.Source}]", path, "icd10pcs");
                    break;
                case CodeStatus.NotInForce:
                    context.AddFinding(FindingIds.PcsCodeInvalid, Severity.Error, $"{code} is an ICD-10-PCS code {DiagnosisChecker.ValidYears(table.Codes.All(code))}; it is not valid in fiscal year {DiagnosisChecker.FiscalYear(date)}, which the {(context.Case.Details.DischargeDate is null ? "date of service" : "discharge date")} falls in. [{table.Source}]", path, "icd10pcs");
                    break;
                case CodeStatus.NotChecked:
                    context.AddFinding(FindingIds.PcsCodeNotChecked, Severity.Info, $"{code} is outside the ICD-10-PCS codes this rule set ships, so its validity was not checked: confirm it against the fiscal year's PCS tables. [{table.Source}]", path, "icd10pcs");
                    break;
            }

            context.AddLine(CodeSystem.Icd10Pcs, code, LabelOf(context, code), 1, null, LineCategory.PrimarySurgery, ruleId, System.Array.Empty<string>(), null);
        }
    }
}
