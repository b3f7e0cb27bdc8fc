using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Dto;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Engine;

/// <summary>Checks the case's ICD-10-CM codes: present, well-formed, and sequenced as the rule data requires.</summary>
internal static class DiagnosisChecker
{
    public static List<string> Check(CodingContext context)
    {
        var diagnoses = new List<string>();
        IReadOnlyList<string> given = context.Case.Diagnoses;
        if (given.Count == 0)
        {
            context.AddFinding(FindingIds.DiagnosisMissing, Severity.Error, "The case lists no diagnosis; a claim needs at least the malignancy being treated.", "diagnoses", null);
            return diagnoses;
        }

        List<string>? notChecked = null;
        for (int i = 0; i < given.Count; i++)
        {
            string code = given[i].Trim().ToUpperInvariant();
            if (!CodeFormats.Icd10Cm.IsMatch(code))
            {
                context.AddFinding(FindingIds.DiagnosisMalformed, Severity.Error, $"'{given[i]}' is not a well-formed ICD-10-CM code (e.g. C78.6).", Path(i), null);
                continue;
            }

            diagnoses.Add(code);
            CheckValidity(context, code, i, ref notChecked);
        }

        if (notChecked is not null)
        {
            var table = context.Rules.Tables.Icd10Cm;
            context.AddFinding(
                FindingIds.DiagnosisNotChecked,
                Severity.Info,
                $"{string.Join(", ", notChecked)} {(notChecked.Count == 1 ? "is" : "are")} outside the ICD-10-CM families this rule set ships ({string.Join(", ", table.Families)}), so {(notChecked.Count == 1 ? "its" : "their")} validity was not checked: confirm against the fiscal year's code set. [{table.Source}]",
                "diagnoses",
                "icd10cm");
        }

        var atFirst = new List<SequencingRule>();
        foreach (var rule in context.Rules.Sequencing)
        {
            if (diagnoses.Count == 0 || (rule.Procedures.Count > 0 && !rule.Procedures.Contains(context.Case.Procedure.Kind)))
            {
                continue;
            }

            bool first = diagnoses[0] == rule.Code;
            if (rule.Rule == SequencingRuleKind.NotFirstListed ? first : !first)
            {
                atFirst.Add(rule);
            }
            else if (first && rule.ThenStarting.Count > 0 && (diagnoses.Count < 2 || !rule.ThenStarting.Any(p => diagnoses[1].StartsWith(p, System.StringComparison.Ordinal))))
            {
                context.AddFinding(FindingIds.DiagnosisSequence, rule.Severity, rule.ThenMessage!, Path(1), rule.Id);
            }
        }

        AddFirstListedFindings(context, atFirst);
        return diagnoses;
    }

    /// <summary>
    /// The sequencing problems with the first-listed diagnosis, as one coherent finding: when a rule names the code that
    /// must come first (Z51.11 on a PIPAC encounter) and another says the code now first must not be (Z00.6), their
    /// two messages would give opposite advice at one place, so the first-listed rule's message stands and the others'
    /// codes are said to follow it as secondary diagnoses.
    /// </summary>
    private static void AddFirstListedFindings(CodingContext context, List<SequencingRule> rules)
    {
        List<SequencingRule> mustBeFirst = rules.Where(r => r.Rule == SequencingRuleKind.FirstListed).ToList();
        if (mustBeFirst.Count != 1 || rules.Count == 1)
        {
            foreach (SequencingRule rule in rules)
            {
                context.AddFinding(FindingIds.DiagnosisSequence, rule.Severity, rule.Message, Path(0), rule.Id);
            }

            return;
        }

        SequencingRule lead = mustBeFirst[0];
        var secondary = rules.Where(r => r != lead).ToList();
        string codes = string.Join(" and ", secondary.Select(r => r.Code).Distinct(System.StringComparer.Ordinal));
        string message = lead.Message + string.Format(CultureInfo.InvariantCulture, " {0}, listed first now, {1} a secondary diagnosis: list it after them ({2}).", codes, secondary.Count == 1 ? "is" : "are", string.Join(", ", secondary.Select(r => r.Id)));
        context.AddFinding(FindingIds.DiagnosisSequence, rules.Min(r => r.Severity), message, Path(0), lead.Id);
        foreach (SequencingRule rule in secondary)
        {
            context.UseRule(rule.Id); // it took part, though the finding names the lead rule
        }
    }

    /// <summary>The code must be a billable ICD-10-CM code in the fiscal year of the date of service.</summary>
    private static void CheckValidity(CodingContext context, string code, int index, ref List<string>? notChecked)
    {
        CodeValidityTable table = context.Rules.Tables.Icd10Cm;
        var date = context.Case.CodeSetDate;
        switch (table.Check(code, date, out CodeValidity? row))
        {
            case CodeStatus.Header:
                var children = table.BillableUnder(code, date);
                context.AddFinding(
                    FindingIds.DiagnosisNotBillable,
                    Severity.Error,
                    $"{code} is a category header, not a billable ICD-10-CM code; code to the highest specificity documented ({string.Join(", ", children.Take(10))}{(children.Count > 10 ? ", ..." : string.Empty)}). [{table.Source}]",
                    Path(index),
                    "icd10cm");
                break;
            case CodeStatus.Unknown:
                context.AddFinding(
                    FindingIds.DiagnosisUnknown,
                    Severity.Error,
                    $"{code} is not an ICD-10-CM code (its family {table.FamilyOf(code)} has no such code in fiscal year {FiscalYear(date)}). Check the code. [{table.Source}]",
                    Path(index),
                    "icd10cm");
                break;
            case CodeStatus.NotInForce:
                context.AddFinding(
                    FindingIds.DiagnosisNotInForce,
                    Severity.Error,
                    $"{code} is an ICD-10-CM code {ValidYears(table.Codes.All(code))}; it is not valid in fiscal year {FiscalYear(date)} ({(context.Case.Details.DischargeDate is null ? "date of service" : "discharge date")} {date:yyyy-MM-dd}). Use the code in force on that date. [{table.Source.With(row!.Source)}]",
                    Path(index),
                    "icd10cm");
                break;
            case CodeStatus.NotChecked:
                (notChecked ??= new List<string>()).Add(code);
                break;
        }
    }

    /// <summary>The fiscal years a code is in the code set, in words: "in FY2022 on (from 2021-10-01)", "in FY2016 to FY2024 (...)".</summary>
    internal static string ValidYears(IEnumerable<CodeValidity> rows)
        => string.Join(" and ", rows.OrderBy(r => r.Period.From).Select(r => r.Period.To is { } to
            ? $"in FY{FiscalYear(r.Period.From)} to FY{FiscalYear(to)} only ({r.Period})"
            : $"only from FY{FiscalYear(r.Period.From)} on (from {r.Period.From:yyyy-MM-dd})"));

    /// <summary>The US federal fiscal year a date falls in (FY2026 runs 1 October 2025 to 30 September 2026).</summary>
    internal static int FiscalYear(System.DateTime date) => date.Month >= 10 ? date.Year + 1 : date.Year;

    private static string Path(int index) => string.Format(CultureInfo.InvariantCulture, "diagnoses[{0}]", index);
}
