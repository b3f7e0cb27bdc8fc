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
/// Created once per case; each line's coverage is decided as the line is created (<see cref="Decide"/>), so a line is
/// built once. Order: sponsor-supplied free item → sponsor-paid category → self-pay → no trial → non-qualifying trial →
/// investigational category (Q0) → routine cost (Q1). Then a double-billing guard over the whole claim.
/// </remarks>
internal sealed class CoverageResolver
{
    private readonly CodingContext context;
    private readonly TrialRules rules;
    private readonly ClinicalTrial? trial;
    private readonly bool qModifiers;
    private readonly PayerType? billTo;
    private readonly CoverageRule? mandate;
    private readonly bool medicaidNotMandated;
    private readonly List<CoverageDecision> missing = new();

    /// <summary>Works out, once per case and without side effects, what every line's decision depends on.</summary>
    public CoverageResolver(CodingContext context)
    {
        this.context = context;
        rules = context.Rules.Trials;
        CodingCase codingCase = context.Case;
        trial = codingCase.Trial;
        qModifiers = rules.ModifierClaims.Contains(codingCase.Claim);
        billTo = codingCase.Payer == PayerType.SelfPay ? null : codingCase.Payer;
        if (codingCase.Payer == PayerType.SelfPay || trial is not { Qualifying: true })
        {
            return;
        }

        var date = codingCase.DateOfService;
        switch (codingCase.Payer)
        {
            case PayerType.MedicareAdvantage when trial.Ide is null:
                billTo = PayerType.Medicare;
                mandate = rules.For(CoverageDecision.MedicareAdvantageOriginalMedicare, date);
                break;
            case PayerType.MedicareAdvantage:
                mandate = rules.For(CoverageDecision.MedicareAdvantageIde, date);
                break;
            case PayerType.Medicaid:
                mandate = rules.For(CoverageDecision.MedicaidRoutine, date);
                medicaidNotMandated = mandate is null;
                break;
            case PayerType.Commercial:
                mandate = rules.For(CoverageDecision.CommercialRoutine, date);
                break;
        }
    }

    /// <summary>The coverage of a line about to be created: who pays, the claim it goes on, the rule, a Q modifier, notes.</summary>
    public LineCoverage Decide(LineCategory category, bool suppliedBySponsor)
    {
        if (suppliedBySponsor)
        {
            return Of(CoverageDecision.SponsorSupplied, Responsibility.NotBillable, null, null);
        }

        if (trial is not null && trial.SponsorPays.Contains(category))
        {
            return Of(CoverageDecision.SponsorPaid, Responsibility.Sponsor, null, null);
        }

        if (context.Case.Payer == PayerType.SelfPay)
        {
            return Of(CoverageDecision.SelfPay, Responsibility.Patient, null, null);
        }

        if (trial is null)
        {
            return Of(CoverageDecision.NoTrial, Responsibility.Insurer, billTo, null);
        }

        if (!trial.Qualifying)
        {
            return Of(CoverageDecision.NotQualifying, Responsibility.Insurer, billTo, null);
        }

        return trial.Investigational.Contains(category)
            ? Of(CoverageDecision.Investigational, Responsibility.Insurer, billTo, qModifiers ? rules.InvestigationalModifier : null)
            : Of(CoverageDecision.RoutineCost, Responsibility.Insurer, billTo, qModifiers ? rules.RoutineModifier : null, mandate?.Notes);
    }

    /// <summary>
    /// After the last line: the payer-mandate and trial findings, the claim markers and Z00.6, the coverage notes in
    /// line order, the investigational warning and the double-billing guard.
    /// </summary>
    public void Finish(List<string> diagnoses)
    {
        CodingCase codingCase = context.Case;
        context.UseRule(mandate?.Id);
        if (medicaidNotMandated)
        {
            CoverageRule first = rules.Rules.First(r => r.Decision == CoverageDecision.MedicaidRoutine);
            context.AddFinding(
                FindingIds.TrialRoutineNotMandated,
                Severity.Warning,
                string.Format(CultureInfo.InvariantCulture, "Medicaid had to cover routine clinical-trial costs only from {0:yyyy-MM-dd}; on {1:yyyy-MM-dd} it depends on the state plan. Check before billing.", first.Period.From, codingCase.DateOfService),
                "date_of_service",
                first.Id);
        }

        if (trial is not null)
        {
            AddTrialMarkers(trial, diagnoses);
        }

        foreach (CoverageDecision decision in missing)
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No coverage rule for '{Output.WireNames.Of(decision)}' is in force on {codingCase.DateOfService:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
        }

        var investigationalBilled = new List<string>();
        foreach (CodeLine line in context.Lines)
        {
            context.UseNotes(line.CoverageNotes);
            context.UseRule(line.CoverageRule);
            if (line.Responsibility == Responsibility.Insurer && trial is { Qualifying: true } && trial.Investigational.Contains(line.Category))
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

    private LineCoverage Of(CoverageDecision decision, Responsibility responsibility, PayerType? payer, string? modifier, IReadOnlyList<string>? extraNotes = null)
    {
        CoverageRule? rule = rules.For(decision, context.Case.DateOfService);
        if (rule is null)
        {
            // Unreachable with validated data (every decision is in force from covers_from); reported once in Finish.
            if (!missing.Contains(decision))
            {
                missing.Add(decision);
            }

            return new LineCoverage(responsibility, payer, string.Empty, null, System.Array.Empty<string>());
        }

        IReadOnlyList<string> notes = rule.Notes;
        if (extraNotes is { Count: > 0 })
        {
            var merged = new List<string>(rule.Notes.Count + extraNotes.Count);
            merged.AddRange(rule.Notes);
            merged.AddRange(extraNotes);
            notes = merged;
        }

        return new LineCoverage(responsibility, payer, rule.Id, modifier, notes);
    }

    private void AddTrialMarkers(ClinicalTrial trial, List<string> diagnoses)
    {
        string nct = trial.Nct.ToUpperInvariant();
        string? number = null;
        if (MatchesWithinTimeout(rules.NctPattern, nct))
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

    /// <summary>A pattern that times out on an input (possible only with a case built in code) counts as no match, never a crash.</summary>
    private static bool MatchesWithinTimeout(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void GuardAgainstDoubleBilling(CodingContext context)
    {
        // Linear: the (system, code) pairs the sponsor pays for or supplies free, hashed once; then each insurer line is
        // a lookup. Findings come in line order and each code is reported once, as before.
        var lines = context.Lines;
        var sponsorItems = new HashSet<(CodeSystem, string)>();
        foreach (CodeLine line in lines)
        {
            if (line.Responsibility is Responsibility.Sponsor or Responsibility.NotBillable)
            {
                sponsorItems.Add((line.System, line.Code));
            }
        }

        if (sponsorItems.Count == 0)
        {
            return;
        }

        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (CodeLine line in lines)
        {
            if (line.Responsibility == Responsibility.Insurer && sponsorItems.Contains((line.System, line.Code)) && reported.Add(line.Code))
            {
                context.AddFinding(
                    FindingIds.TrialDoubleBilling,
                    Severity.Error,
                    $"{line.Code} is both on the insurer claim and paid by the sponsor (or supplied free): that is double billing. Fix the case or the coverage analysis before the claim goes out.",
                    "trial",
                    null);
            }
        }
    }
}

/// <summary>One line's coverage decision.</summary>
internal readonly record struct LineCoverage(Responsibility Responsibility, PayerType? BillTo, string Rule, string? Modifier, IReadOnlyList<string> Notes);
