using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Coding.Cases;
using Coding.Engine;
using Coding.Results;
using Coding.Rules;
using Coding.Rules.Dto;

namespace Coding.Coverage;

/// <summary>
/// Decides, line by line, who pays (insurer, sponsor, patient or nobody), which claim receives the line, and the trial
/// claim markers. The order of decisions is fixed here; each decision's id, notes and citation come from
/// <c>clinical-trials.yaml</c>.
/// </summary>
/// <remarks>
/// Order: sponsor-supplied free item → sponsor-paid category → self-pay → no trial → non-qualifying trial →
/// investigational category (Q0) → routine cost (Q1). Then a double-billing guard over the whole claim.
/// </remarks>
internal static class CoverageResolver
{
    public static void Resolve(CodingContext context, List<string> diagnoses)
    {
        CodingCase codingCase = context.Case;
        TrialRules rules = context.Rules.Trials;
        ClinicalTrial? trial = codingCase.Trial;
        var insurer = InsurerTarget(context, rules, trial);
        bool qModifiers = rules.ModifierClaims.Contains(codingCase.Claim);
        if (trial is not null)
        {
            AddTrialMarkers(context, rules, trial, diagnoses);
        }

        var investigationalBilled = new List<string>();
        for (int i = 0; i < context.Lines.Count; i++)
        {
            CodeLine line = context.Lines[i];
            CodeLine? decided = line switch
            {
                { SuppliedBySponsor: true } => Apply(context, line, CoverageDecision.SponsorSupplied, Responsibility.NotBillable, null, null),
                _ when trial is not null && trial.SponsorPays.Contains(line.Category) => Apply(context, line, CoverageDecision.SponsorPaid, Responsibility.Sponsor, null, null),
                _ when codingCase.Payer == PayerType.SelfPay => Apply(context, line, CoverageDecision.SelfPay, Responsibility.Patient, null, null),
                _ when trial is null => Apply(context, line, CoverageDecision.NoTrial, Responsibility.Insurer, insurer.BillTo, null),
                _ when !trial.Qualifying => Apply(context, line, CoverageDecision.NotQualifying, Responsibility.Insurer, insurer.BillTo, null),
                _ when trial.Investigational.Contains(line.Category) => Apply(context, line, CoverageDecision.Investigational, Responsibility.Insurer, insurer.BillTo, qModifiers ? rules.InvestigationalModifier : null),
                _ => Apply(context, line, CoverageDecision.RoutineCost, Responsibility.Insurer, insurer.BillTo, qModifiers ? rules.RoutineModifier : null, insurer.RoutineNotes),
            };
            if (decided is null)
            {
                return;
            }

            context.ReplaceLine(i, decided);
            if (decided.Responsibility == Responsibility.Insurer && trial is { Qualifying: true } && trial.Investigational.Contains(line.Category))
            {
                investigationalBilled.Add(line.Code);
            }
        }

        if (investigationalBilled.Count > 0)
        {
            var rule = rules.For(CoverageDecision.Investigational, codingCase.DateOfService)!;
            context.AddFinding(
                FindingIds.TrialInvestigationalBilled,
                Severity.Warning,
                $"{string.Join(", ", investigationalBilled)} {(investigationalBilled.Count == 1 ? "is" : "are")} the trial's investigational item and the sponsor does not pay for it, so it is billed to the insurer with {rules.InvestigationalModifier}: it is covered only if it would be covered outside the trial. Check the coverage analysis. [{rule.Source}]",
                "trial.investigational",
                rule.Id);
        }

        GuardAgainstDoubleBilling(context);
    }

    private static (PayerType? BillTo, IReadOnlyList<string> RoutineNotes) InsurerTarget(CodingContext context, TrialRules rules, ClinicalTrial? trial)
    {
        CodingCase codingCase = context.Case;
        var date = codingCase.DateOfService;
        if (codingCase.Payer == PayerType.SelfPay || trial is not { Qualifying: true })
        {
            return (codingCase.Payer == PayerType.SelfPay ? null : codingCase.Payer, System.Array.Empty<string>());
        }

        switch (codingCase.Payer)
        {
            case PayerType.MedicareAdvantage when trial.Ide is null:
                return (PayerType.Medicare, NotesOf(context, rules, CoverageDecision.MedicareAdvantageOriginalMedicare));
            case PayerType.MedicareAdvantage:
                return (PayerType.MedicareAdvantage, NotesOf(context, rules, CoverageDecision.MedicareAdvantageIde));
            case PayerType.Medicaid:
                if (rules.For(CoverageDecision.MedicaidRoutine, date) is null)
                {
                    context.AddFinding(
                        FindingIds.TrialRoutineNotMandated,
                        Severity.Warning,
                        string.Format(CultureInfo.InvariantCulture, "Medicaid had to cover routine clinical-trial costs only from {0:yyyy-MM-dd}; on {1:yyyy-MM-dd} it depends on the state plan. Check before billing.", rules.Rules.First(r => r.Decision == CoverageDecision.MedicaidRoutine).Period.From, date),
                        "date_of_service",
                        rules.Rules.First(r => r.Decision == CoverageDecision.MedicaidRoutine).Id);
                    return (PayerType.Medicaid, System.Array.Empty<string>());
                }

                return (PayerType.Medicaid, NotesOf(context, rules, CoverageDecision.MedicaidRoutine));
            case PayerType.Commercial:
                return (PayerType.Commercial, NotesOf(context, rules, CoverageDecision.CommercialRoutine));
            default:
                return (codingCase.Payer, System.Array.Empty<string>());
        }
    }

    private static IReadOnlyList<string> NotesOf(CodingContext context, TrialRules rules, CoverageDecision decision)
    {
        CoverageRule? rule = rules.For(decision, context.Case.DateOfService);
        context.UseRule(rule?.Id);
        return rule?.Notes ?? (IReadOnlyList<string>)System.Array.Empty<string>();
    }

    private static void AddTrialMarkers(CodingContext context, TrialRules rules, ClinicalTrial trial, List<string> diagnoses)
    {
        string nct = trial.Nct.ToUpperInvariant();
        string? number = null;
        if (rules.NctPattern.IsMatch(nct))
        {
            number = nct.Substring(3);
        }
        else
        {
            context.AddFinding(FindingIds.TrialNctMalformed, Severity.Error, $"'{trial.Nct}' is not a ClinicalTrials.gov number (NCT followed by 8 digits); the claim cannot carry the trial number.", "trial.nct", null);
        }

        if (!diagnoses.Contains(rules.SecondaryDiagnosis))
        {
            diagnoses.Add(rules.SecondaryDiagnosis);
        }

        context.UseNotes(rules.MarkerNotes);
        if (!trial.Qualifying)
        {
            var rule = rules.For(CoverageDecision.NotQualifying, context.Case.DateOfService);
            context.AddFinding(
                FindingIds.TrialNotQualifying,
                Severity.Warning,
                $"The trial is marked as not qualifying under Medicare's clinical trial policy: no Q0/Q1 modifiers or condition code 30 are added, and routine costs may be denied as trial-related. [{rule?.Source}]",
                "trial.qualifying",
                rule?.Id);
        }

        // Condition and value codes belong on an institutional claim to a payer; a self-pay patient gets none.
        bool facility = rules.FacilityClaims.Contains(context.Case.Claim) && context.Case.Payer != PayerType.SelfPay;
        var conditionCodes = facility && trial.Qualifying ? new[] { rules.FacilityConditionCode } : null;
        var valueCodes = facility && number is not null ? new[] { new ValueCode(rules.FacilityValueCode, number) } : null;
        context.ClaimMarkers = new ClaimMarkers(number, conditionCodes, valueCodes, trial.Ide);
    }

    private static CodeLine? Apply(CodingContext context, CodeLine line, CoverageDecision decision, Responsibility responsibility, PayerType? billTo, string? modifier, IReadOnlyList<string>? extraNotes = null)
    {
        CoverageRule? rule = context.Rules.Trials.For(decision, context.Case.DateOfService);
        if (rule is null)
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No coverage rule for '{Output.WireNames.Of(decision)}' is in force on {context.Case.DateOfService:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
            return null;
        }

        IReadOnlyList<string> notes = rule.Notes;
        if (extraNotes is { Count: > 0 })
        {
            var merged = new List<string>(rule.Notes.Count + extraNotes.Count);
            merged.AddRange(rule.Notes);
            merged.AddRange(extraNotes);
            notes = merged;
        }

        return line.WithCoverage(responsibility, billTo, rule.Id, modifier, notes);
    }

    private static void GuardAgainstDoubleBilling(CodingContext context)
    {
        // A handful of lines per case: a pairwise scan beats grouping. Each code is reported once.
        var lines = context.Lines;
        var reported = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Responsibility != Responsibility.Insurer || reported.Contains(lines[i].Code))
            {
                continue;
            }

            for (int j = 0; j < lines.Count; j++)
            {
                if (lines[j].Responsibility is Responsibility.Sponsor or Responsibility.NotBillable && lines[j].System == lines[i].System && lines[j].Code == lines[i].Code)
                {
                    reported.Add(lines[i].Code);
                    context.AddFinding(
                        FindingIds.TrialDoubleBilling,
                        Severity.Error,
                        $"{lines[i].Code} is both on the insurer claim and paid by the sponsor (or supplied free): that is double billing. Fix the case or the coverage analysis before the claim goes out.",
                        "trial",
                        null);
                    break;
                }
            }
        }
    }
}
