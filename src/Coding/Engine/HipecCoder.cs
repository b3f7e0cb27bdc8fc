using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Dto;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Engine;

/// <summary>Codes a HIPEC: temperature checks, the primary surgery, and the time (or unlisted, or ICD-10-PCS) lines.</summary>
internal static class HipecCoder
{
    public static void Code(CodingContext context, HipecProcedure hipec)
    {
        HipecRules rules = context.Rules.Hipec;
        var date = context.Case.DateOfService;
        if (hipec.Temperature is null)
        {
            context.AddFinding(FindingIds.TemperatureMissing, Severity.Warning, "No perfusion temperature is documented; payers expect the record to show the perfusate was hyperthermic.", "procedure.temperature_c", rules.TemperatureRuleId);
        }
        else
        {
            TemperatureCheck.Check(context, hipec.Temperature, rules.Plausible, rules.Hyperthermic, FindingIds.HipecTemperatureOutsideBand, "perfusion", "procedure.temperature_c", rules.TemperatureRuleId);
        }

        if (rules.PlausiblePerfusionMinutes is { } plausible && !plausible.Range.Contains(hipec.PerfusionDuration.TotalMinutes))
        {
            context.AddFinding(FindingIds.HipecPerfusionImplausible, Severity.Error, $"A perfusion of {hipec.PerfusionDuration} cannot be right (plausible: {plausible.Range} min; {plausible.Source}); check the record for a typo or hours written as minutes.", "procedure.perfusion_minutes", plausible.RuleId);
        }

        HipecTimeRule? timeRule = Effective.InForce(rules.TimeCoding, date);
        CodePrimaries(context, hipec, rules, timeRule);
        if (context.IsInpatient)
        {
            CodeInpatient(context, rules);
            return;
        }

        if (timeRule is null)
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No HIPEC time-coding rule is in force on {date:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
            return;
        }

        if (timeRule.Method == TimeCodingMethod.Unlisted)
        {
            string detail = $"{hipec.PerfusionDuration} perfusion; no HIPEC code before 2024, so one unlisted line";
            context.AddLine(timeRule.UnlistedCode!, 1, null, LineCategory.Hipec, timeRule.Id, timeRule.Notes, detail);
            return;
        }

        TimeUnit first = timeRule.FirstUnit!;
        TimeUnit additional = timeRule.AdditionalUnit!;
        var (firstUnits, additionalUnits) = TimeUnitCalculator.Count(hipec.PerfusionDuration, first.Minutes, additional.Minutes);
        if (firstUnits == 0)
        {
            context.AddFinding(
                FindingIds.HipecTooShort,
                Severity.Warning,
                string.Format(CultureInfo.InvariantCulture, "A perfusion of {0} does not pass the mid-point of the first {1}-minute unit (more than {2} minutes are needed), so no HIPEC time code can be reported. Check the perfusion record.", hipec.PerfusionDuration, first.Minutes, first.Minutes / 2.0),
                "procedure.perfusion_minutes",
                timeRule.Id);
            return;
        }

        var firstNotes = hipec.SeparateIncisions > 0 ? timeRule.Notes.Concat(timeRule.IncisionNotes).ToList() : timeRule.Notes;
        string firstDetail = string.Format(
            CultureInfo.InvariantCulture,
            "{0} perfusion: first {1} min{2}",
            hipec.PerfusionDuration,
            first.Minutes,
            hipec.SeparateIncisions > 0 ? $"; {hipec.SeparateIncisions} catheter incision(s) included" : string.Empty);
        context.AddLine(first.Code, firstUnits, null, LineCategory.Hipec, timeRule.Id, firstNotes, firstDetail);
        if (additionalUnits > 0)
        {
            string detail = string.Format(CultureInfo.InvariantCulture, "{0} perfusion: {1} × {2} min beyond the first {3} (mid-point rule)", hipec.PerfusionDuration, additionalUnits, additional.Minutes, first.Minutes);
            context.AddLine(additional.Code, additionalUnits, null, LineCategory.Hipec, timeRule.Id, timeRule.Notes, detail);
        }
    }

    private static void CodePrimaries(CodingContext context, HipecProcedure hipec, HipecRules rules, HipecTimeRule? timeRule)
    {
        bool addOn = timeRule?.Method == TimeCodingMethod.TimeUnits;
        var tables = context.Rules.Tables;
        var date = context.Case.DateOfService;
        string? addOnCode = addOn ? timeRule!.FirstUnit!.Code : null;
        bool checkPrimaries = addOnCode is not null;
        string rule = timeRule?.Id ?? "hipec";
        if (hipec.PrimaryProcedures.Count == 0)
        {
            context.AddFinding(
                FindingIds.HipecPrimaryMissing,
                addOn ? Severity.Error : Severity.Warning,
                addOn
                    ? "HIPEC codes are add-on codes: the primary surgical procedure (e.g. the cytoreduction) must be on the same claim, and none is given."
                    : "No primary surgical procedure is given; HIPEC is normally reported with the surgery it follows.",
                "procedure.primary_procedures",
                rule);
            return;
        }

        if (checkPrimaries && !tables.AddOns.IsAddOn(addOnCode!, date))
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"add-on-codes.yaml lists no primary code for {addOnCode} on {date:yyyy-MM-dd} in rule set {context.Rules}.", "procedure.primary_procedures", rule);
            checkPrimaries = false;
        }

        bool anyEligible = false;
        List<(int Index, string Code)>? notAllowed = null;
        List<(int Index, string Code)>? addOnPrimaries = null;
        for (int i = 0; i < hipec.PrimaryProcedures.Count; i++)
        {
            string code = hipec.PrimaryProcedures[i].Trim().ToUpperInvariant();
            if (!CodeFormats.Cpt.IsMatch(code))
            {
                context.AddFinding(FindingIds.HipecPrimaryMalformed, Severity.Error, $"'{hipec.PrimaryProcedures[i]}' is not a well-formed CPT code (five characters, e.g. 49205).", PrimaryPath(i), rule);
                continue;
            }

            if (!context.IsInpatient)
            {
                // The CPT code goes on the claim: it must be in the code set on the date of service.
                CodeCurrency.Check(context, code, hipec.TumorLengthSum, PrimaryPath(i));
            }

            ProcedureCode? procedure = tables.Procedures.FirstInForce(code, date);
            CheckApproach(context, hipec, procedure, i);
            bool isAddOn = tables.AddOns.IsAddOn(code, date);
            if (isAddOn)
            {
                (addOnPrimaries ??= new()).Add((i, code));
            }
            else if (checkPrimaries && tables.AddOns.Allows(addOnCode!, code, date))
            {
                anyEligible = true;
            }
            else if (checkPrimaries)
            {
                (notAllowed ??= new()).Add((i, code));
            }

            if (!context.IsInpatient)
            {
                context.AddLine(CodeSystem.Cpt, code, procedure?.Label ?? "Primary surgery (as documented)", 1, null, LineCategory.PrimarySurgery, rules.PrimarySurgeryRule, System.Array.Empty<string>(), null);
            }
        }

        if (checkPrimaries && !anyEligible)
        {
            foreach (var (index, code) in addOnPrimaries ?? Enumerable.Empty<(int, string)>())
            {
                context.AddFinding(
                    FindingIds.HipecPrimaryIsAddOn,
                    Severity.Error,
                    $"{code} is an add-on code ({tables.AddOns.Source}): it is never the primary procedure, so it cannot carry the HIPEC codes. Give the surgery it was added to.",
                    PrimaryPath(index),
                    rule);
            }

            if (notAllowed is not null)
            {
                // The list of primaries stops a claim only when every row of it is confirmed; otherwise it may be incomplete.
                var edits = tables.AddOns.For(addOnCode!, date);
                bool confirmed = edits.All(e => e.Source.Confirmed);
                string status = confirmed ? string.Empty : $" The list is not confirmed ({edits.Count(e => !e.Source.Confirmed)} of its {edits.Count} rows keyed without a confirming source): check the quarter's AOC file before changing the claim.";
                context.AddFinding(
                    FindingIds.HipecPrimaryNotEligible,
                    confirmed ? Severity.Error : Severity.Warning,
                    $"None of the primary procedures ({string.Join(", ", notAllowed.Select(n => n.Code))}) is an allowed primary for {addOnCode} in the add-on code edits ({tables.AddOns.Source}).{status}",
                    "procedure.primary_procedures",
                    rule);
            }
        }
        else if (notAllowed is not null)
        {
            foreach (var (index, code) in notAllowed)
            {
                context.AddFinding(
                    FindingIds.HipecPrimaryNotOnList,
                    Severity.Warning,
                    $"{code} is not an allowed primary for {addOnCode} in the add-on code edits ({tables.AddOns.Source}); it stays on the claim, but the HIPEC codes rest on the other primary procedure(s).",
                    PrimaryPath(index),
                    rule);
            }
        }


    }

    /// <summary>A primary whose code is open (or laparoscopic) while the case says the other: a coding error to check.</summary>
    private static void CheckApproach(CodingContext context, HipecProcedure hipec, ProcedureCode? procedure, int index)
    {
        if (procedure is not null && procedure.Approach != hipec.Approach)
        {
            context.AddFinding(
                FindingIds.ApproachMismatch,
                Severity.Warning,
                $"{procedure.Code} ({procedure.Label}) is a{(procedure.Approach == SurgicalApproach.Open ? "n open" : " laparoscopic")} procedure code, but the case's approach is {WireNames.Of(hipec.Approach)}. Use the code for the approach actually used (a laparoscopic procedure with no code of its own is reported with the unlisted laparoscopy code).",
                PrimaryPath(index),
                null);
        }
    }

    private static string PrimaryPath(int index) => string.Format(CultureInfo.InvariantCulture, "procedure.primary_procedures[{0}]", index);

    private static void CodeInpatient(CodingContext context, HipecRules rules)
    {
        LineRule? rule = Effective.InForce(rules.Inpatient, context.Case.DateOfService);
        if (rule is null)
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No HIPEC inpatient (ICD-10-PCS) rule is in force on {context.Case.DateOfService:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
            return;
        }

        if (context.Case.Procedure.PcsProcedures.Count == 0)
        {
            // 3E0M30Y alone groups to a medical DRG: the cytoreduction's own codes must be on the claim.
            CodingNote note = context.Rules.Notes[rules.InpatientSurgeryNote];
            context.AddFinding(FindingIds.InpatientSurgeryCodes, Severity.Error, note.Text + " None are given (procedure.pcs_procedures), so the stay would not group to a surgical DRG: add the cytoreduction's PCS codes from the operative report.", "procedure.pcs_procedures", rule.Id);
            context.UseNotes(new[] { rules.InpatientSurgeryNote });
            LineTemplates.Apply(context, rule, biopsies: 0);
            return;
        }

        PcsProcedureLines.Apply(context, rule, rules.InpatientCaseProcedures, biopsies: 0);
    }
}
