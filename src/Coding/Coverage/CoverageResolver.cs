using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Engine;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Coverage;

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
    private readonly bool qualifiesForPayer;
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

        // The trial markers attest that the claim holds routine costs of a trial that qualifies for this payer:
        // Medicare and Medicare Advantage under NCD 310.1, Medicaid only once its routine-cost benefit is in force.
        qualifiesForPayer = !medicaidNotMandated;
    }

    /// <summary>Gets a value indicating whether the case's trial qualifies for its payer, so the claim carries the trial markers.</summary>
    public bool QualifiesForPayer => qualifiesForPayer;

    /// <summary>The coverage of a line about to be created: who pays, the claim it goes on, the rule, a Q modifier, notes.</summary>
    public LineCoverage Decide(LineCategory category, bool suppliedBySponsor, CodeSystem system = CodeSystem.Cpt, string? drugName = null)
    {
        // With a study, its item designates the line, and the line's notes say which item and why.
        IntraperitonealCoding.Research.StudyItem? item = null;
        string? studyNote = null;
        if (trial?.Study is { } study)
        {
            item = IntraperitonealCoding.Research.StudyDesignations.Designating(study, category, drugName, context.Case.Procedure.Kind, SameDrug);
            CodingNote note = IntraperitonealCoding.Research.StudyDesignations.Note(study, item);
            context.DefineNote(note);
            studyNote = note.Id;
        }

        LineCoverage coverage = DecideWho(category, suppliedBySponsor, drugName, item);

        // An inpatient claim reports every procedure performed, whoever pays: a sponsor-paid ICD-10-PCS code stays on
        // the insurer's claim with its charges marked non-covered (UB-04 FL48).
        if (system == CodeSystem.Icd10Pcs && coverage.Responsibility is Responsibility.Sponsor or Responsibility.NotBillable && context.Case.Payer != PayerType.SelfPay)
        {
            // The sponsor still pays, but the line is not "off the claim": only the non-covered notes apply.
            coverage = coverage with { Responsibility = Responsibility.Insurer, BillTo = billTo, NonCoveredCharges = true, Notes = rules.NonCoveredNotes };
        }

        return studyNote is null ? coverage : coverage with { Notes = coverage.Notes.Concat(new[] { studyNote }).ToList() };
    }

    /// <summary>Whether a drug name a trial or study uses means a drug rule's name (by name or one of its aliases).</summary>
    public bool SameDrug(string designated, string drugName)
        => string.Equals(designated, drugName, System.StringComparison.OrdinalIgnoreCase)
           || context.Rules.Drugs.Find(designated, context.Case.DateOfService)?.Name == drugName;

    private LineCoverage DecideWho(LineCategory category, bool suppliedBySponsor, string? drugName, IntraperitonealCoding.Research.StudyItem? item)
    {
        if (suppliedBySponsor)
        {
            return Of(CoverageDecision.SponsorSupplied, Responsibility.NotBillable, null, null);
        }

        TrialDesignation? designation = trial is null ? null : trial.Study is null ? Designation(trial, category, drugName) : item?.Designation ?? TrialDesignation.Routine;
        if (designation == TrialDesignation.NotBillable)
        {
            return Of(CoverageDecision.SponsorSupplied, Responsibility.NotBillable, null, null);
        }

        if (designation == TrialDesignation.Sponsor)
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

        if (!qualifiesForPayer)
        {
            return Of(CoverageDecision.NotQualifying, Responsibility.Insurer, billTo, null);
        }

        return designation == TrialDesignation.Investigational
            ? Of(CoverageDecision.Investigational, Responsibility.Insurer, billTo, qModifiers ? rules.InvestigationalModifier : null)
            : Of(CoverageDecision.RoutineCost, Responsibility.Insurer, billTo, qModifiers ? rules.RoutineModifier : null, mandate?.Notes);
    }

    /// <summary>
    /// A line's designation in the trial: a drug named in the trial block has its own; any other drug follows the
    /// "drug" category when the trial designates it, else the treatment it is given as (the PIPAC aerosol, the HIPEC
    /// perfusion); research-only items are the sponsor's; otherwise sponsor-paid, investigational or routine by category.
    /// </summary>
    private TrialDesignation Designation(ClinicalTrial trial, LineCategory category, string? drugName)
    {
        if (drugName is not null && Named(trial, drugName) is { } named)
        {
            return named;
        }

        ProcedureKind procedure = context.Case.Procedure.Kind;

        if (category == LineCategory.Drug && !trial.SponsorPays.Contains(LineCategory.Drug) && !trial.Investigational.Contains(LineCategory.Drug))
        {
            category = procedure == ProcedureKind.Pipac ? LineCategory.AerosolChemotherapy : LineCategory.Hipec;
        }

        if (trial.ResearchOnly.Contains(category) || trial.SponsorPays.Contains(category))
        {
            return TrialDesignation.Sponsor;
        }

        return trial.Investigational.Contains(category) ? TrialDesignation.Investigational : TrialDesignation.Routine;
    }

    /// <summary>The designation the trial block gives a drug by its name or one of its aliases, or null.</summary>
    private TrialDesignation? Named(ClinicalTrial trial, string drugName)
    {
        foreach (var designated in trial.DrugDesignations)
        {
            if (SameDrug(designated.Key, drugName))
            {
                return designated.Value;
            }
        }

        return null;
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
                string.Format(CultureInfo.InvariantCulture, "Medicaid had to cover routine clinical-trial costs only from {0:yyyy-MM-dd}; on {1:yyyy-MM-dd} it depends on the state plan, so the trial does not qualify for this claim's payer: no {2}, trial number, condition code {3}, value code {4} or {5}/{6} modifiers are added, and the lines are billed as ordinary care. Check the state plan before billing. [{7}]", first.Period.From, codingCase.DateOfService, rules.SecondaryDiagnosis, rules.FacilityConditionCode, rules.FacilityValueCode, rules.RoutineModifier, rules.InvestigationalModifier, first.Source),
                "date_of_service",
                first.Id);
        }

        if (trial is not null)
        {
            AddTrialMarkers(trial, diagnoses);
        }

        GuardAgainstUnqualifiedAttestation(trial, diagnoses);

        foreach (CoverageDecision decision in missing)
        {
            context.AddFinding(FindingIds.NoRuleInForce, Severity.Error, $"No coverage rule for '{WireNames.Of(decision)}' is in force on {codingCase.DateOfService:yyyy-MM-dd} in rule set {context.Rules}.", "date_of_service", null);
        }

        var investigationalBilled = new List<string>();
        foreach (CodeLine line in context.Lines)
        {
            context.UseNotes(line.CoverageNotes);
            context.UseRule(line.CoverageRule);
            if (line.Responsibility == Responsibility.Insurer && !line.NonCoveredCharges && line.CoverageRule == rules.For(CoverageDecision.Investigational, codingCase.DateOfService)?.Id)
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

    private LineCoverage Of(CoverageDecision decision, Responsibility responsibility, PayerType? payer, Modifier? modifier, IReadOnlyList<string>? extraNotes = null)
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
        CodingCase codingCase = context.Case;
        bool markers = trial.Qualifying && qualifiesForPayer && codingCase.Payer != PayerType.SelfPay;
        string nct = trial.Nct.ToUpperInvariant();
        string? number = MatchesWithinTimeout(rules.NctPattern, nct) ? nct.Substring(3) : null;
        if (number is null)
        {
            // Only a claim that carries the number is held up by a malformed one; otherwise it is a record to correct.
            context.AddFinding(
                FindingIds.TrialNctMalformed,
                markers ? Severity.Error : Severity.Warning,
                markers
                    ? $"'{trial.Nct}' is not a ClinicalTrials.gov number (NCT followed by 8 digits); the claim cannot carry the trial number."
                    : $"'{trial.Nct}' is not a ClinicalTrials.gov number (NCT followed by 8 digits); this claim carries no trial number, but correct the trial record.",
                "trial.nct",
                null);
        }

        if (!markers)
        {
            // A study's own finding (STUDY004, with the analysis's basis) says why it does not qualify for this payer.
            if (!trial.Qualifying && codingCase.Payer != PayerType.SelfPay && trial.Study is null)
            {
                var rule = rules.For(CoverageDecision.NotQualifying, codingCase.DateOfService);
                context.AddFinding(
                    FindingIds.TrialNotQualifying,
                    Severity.Warning,
                    $"The trial is marked as not qualifying, so it does not qualify for {WireNames.Of(codingCase.Payer)}: no {rules.SecondaryDiagnosis}, trial number, condition code {rules.FacilityConditionCode}, value code {rules.FacilityValueCode} or {rules.RoutineModifier}/{rules.InvestigationalModifier} modifiers are added, and the lines are billed as ordinary care; routine costs may be denied as trial-related. Check the coverage analysis (Medicare: NCD 310.1; commercial: an approved trial under PHSA section 2709). [{rule?.Source}]",
                    "trial.qualifying",
                    rule?.Id);
            }

            return;
        }

        if (!diagnoses.Contains(rules.SecondaryDiagnosis))
        {
            diagnoses.Add(rules.SecondaryDiagnosis);
        }

        context.UseNotes(rules.MarkerNotes);

        // Condition and value codes belong on an institutional claim.
        bool facility = rules.FacilityClaims.Contains(codingCase.Claim);
        var conditionCodes = facility ? new[] { rules.FacilityConditionCode } : null;
        var valueCodes = facility && number is not null ? new[] { new ValueCode(rules.FacilityValueCode, number) } : null;
        context.ClaimMarkers = new ClaimMarkers(number, conditionCodes, valueCodes, trial.Ide);
    }

    /// <summary>Z00.6 listed by the case on a claim without qualifying-trial markers is a false attestation.</summary>
    private void GuardAgainstUnqualifiedAttestation(ClinicalTrial? trial, List<string> diagnoses)
    {
        bool markers = trial is { Qualifying: true } && qualifiesForPayer && context.Case.Payer != PayerType.SelfPay;
        int index = -1;
        for (int i = 0; i < context.Case.Diagnoses.Count; i++)
        {
            if (string.Equals(context.Case.Diagnoses[i].Trim(), rules.SecondaryDiagnosis, System.StringComparison.OrdinalIgnoreCase))
            {
                index = i;
                break;
            }
        }

        if (markers || index < 0)
        {
            return;
        }

        diagnoses.Remove(rules.SecondaryDiagnosis);
        context.AddFinding(
            FindingIds.TrialAttestationWithoutQualifyingTrial,
            Severity.Error,
            $"{rules.SecondaryDiagnosis} is listed, but {(trial is null ? "the case is in no clinical trial" : "the trial does not qualify for this claim's payer")}: {rules.SecondaryDiagnosis} attests that the claim holds routine costs of a qualifying clinical trial, so it must not be on this claim. It has been left off the claim's diagnoses; remove it from the case. [CMS Claims Processing Manual, ch. 32, section 69.6]",
            string.Format(CultureInfo.InvariantCulture, "diagnoses[{0}]", index),
            null);
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
internal readonly record struct LineCoverage(Responsibility Responsibility, PayerType? BillTo, string Rule, Modifier? Modifier, IReadOnlyList<string> Notes, bool NonCoveredCharges = false);
