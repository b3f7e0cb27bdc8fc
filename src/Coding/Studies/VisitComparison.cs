using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Research;

/// <summary>
/// One coded visit against its study: what the schedule planned, what was coded and who was billed, item by item,
/// with every deviation as a finding. The same comparison gives the findings on a coding result and the rows of a
/// reconciliation report, so the two can never disagree.
/// </summary>
internal sealed class VisitComparison
{
    private readonly List<Finding> deviations = new();

    private VisitComparison(int cycle, StudyVisit? visit)
    {
        Cycle = cycle;
        Visit = visit;
    }

    public int Cycle { get; }

    public StudyVisit? Visit { get; }

    public List<ReconciledItem> Items { get; } = new();

    public IReadOnlyList<Finding> Deviations => deviations;

    /// <summary>Compares a coded visit with the study.</summary>
    /// <param name="study">The study.</param>
    /// <param name="codingCase">The case coded.</param>
    /// <param name="lines">Its lines.</param>
    /// <param name="drugNames">For each line, the drug rule's name (null for other lines).</param>
    /// <param name="sameDrug">Whether a name the study uses means a drug rule's name.</param>
    /// <param name="claimMarkers">Whether the claim carries the trial markers.</param>
    public static VisitComparison Compare(Study study, CodingCase codingCase, IReadOnlyList<CodeLine> lines, IReadOnlyList<string?> drugNames, Func<string, string, bool> sameDrug, bool claimMarkers)
    {
        int cycle = StudyDesignations.CycleOf(codingCase);
        var comparison = new VisitComparison(cycle, study.Visit(cycle));
        comparison.Run(study, codingCase, lines, drugNames, sameDrug, claimMarkers);
        return comparison;
    }

    private void Run(Study study, CodingCase codingCase, IReadOnlyList<CodeLine> lines, IReadOnlyList<string?> drugNames, Func<string, string, bool> sameDrug, bool claimMarkers)
    {
        ProcedureKind procedure = codingCase.Procedure.Kind;
        PayerType payer = codingCase.Payer;
        if (Visit is null)
        {
            string scheduled = study.Visits.Count == 0 ? "no visits" : "cycles " + string.Join(", ", study.Visits.Select(v => v.Cycle.ToString(CultureInfo.InvariantCulture)));
            Add(FindingIds.StudyCycleNotScheduled, Severity.Error, string.Format(CultureInfo.InvariantCulture, "Cycle {0} is not in the {1} schedule of events ({2}): the visit is outside the protocol the coverage analysis covers. Check the cycle number, or have the analysis amended before billing.", Cycle, study.Nct, scheduled), "procedure.cycle");
        }

        // The coded items, each with its lines, in line order.
        var coded = new List<(string Name, StudyItem? Item, List<CodeLine> Lines)>();
        for (int i = 0; i < lines.Count; i++)
        {
            CodeLine line = lines[i];
            string? drug = i < drugNames.Count ? drugNames[i] : null;
            StudyItem? item = StudyDesignations.Designating(study, line.Category, drug, procedure, sameDrug);
            string name = item?.Name ?? drug ?? WireNames.Of(line.Category);
            int at = coded.FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                coded.Add((name, item, new List<CodeLine> { line }));
            }
            else
            {
                coded[at].Lines.Add(line);
            }
        }

        // Biopsies the study does not take for itself are reported with the laparoscopy: coded all the same.
        if (codingCase.Procedure is PipacProcedure { Biopsies: > 0 } && !coded.Exists(c => c.Name == WireNames.Of(LineCategory.Biopsies)))
        {
            coded.Add((WireNames.Of(LineCategory.Biopsies), study.ItemFor(LineCategory.Biopsies), lines.Where(l => l.Category == LineCategory.Laparoscopy).ToList()));
        }

        string treatment = WireNames.Of(StudyDesignations.TreatmentOf(procedure));
        var rows = new List<(string Name, StudyItem? Item, List<CodeLine> Lines, bool Planned)>();
        foreach (string planned in Visit?.Items ?? ReadOnly.None<string>())
        {
            int at = coded.FindIndex(c => string.Equals(c.Name, planned, StringComparison.OrdinalIgnoreCase));
            rows.Add(at < 0 ? (planned, study.Item(planned), new List<CodeLine>(), true) : (coded[at].Name, coded[at].Item, coded[at].Lines, true));
        }

        foreach (var c in coded)
        {
            if (!rows.Exists(r => string.Equals(r.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
            {
                // A drug is planned with the treatment it is given as, unless the schedule lists it by name.
                bool withTreatment = c.Item?.Drug is not null || c.Lines.TrueForAll(l => l.Category == LineCategory.Drug);
                bool planned = Visit is not null && withTreatment && Visit.Plans(treatment);
                rows.Add((c.Name, c.Item, c.Lines, planned));
            }
        }

        foreach (var row in rows)
        {
            Items.Add(Row(study, payer, row.Name, row.Item, row.Lines, row.Planned));
        }

        Qualification(study, payer, claimMarkers);
    }

    private ReconciledItem Row(Study study, PayerType payer, string name, StudyItem? item, List<CodeLine> lines, bool planned)
    {
        var ids = new List<string>();
        string designation = item is null ? "no designation" : WireNames.Of(item.Designation);
        if (Visit is not null && lines.Count > 0 && !planned)
        {
            ids.Add(FindingIds.StudyItemUnplanned);
            Add(FindingIds.StudyItemUnplanned, Severity.Warning, string.Format(CultureInfo.InvariantCulture, "'{0}' ({1}) was coded at cycle {2}, where the {3} schedule of events does not plan it: an unplanned item needs its own designation in the coverage analysis before it is billed.", name, designation, Cycle, study.Nct), "trial.study");
        }

        if (Visit is not null && lines.Count == 0 && planned && item?.Category != LineCategory.Biopsies)
        {
            ids.Add(FindingIds.StudyItemNotCoded);
            Add(FindingIds.StudyItemNotCoded, Severity.Info, string.Format(CultureInfo.InvariantCulture, "The {0} schedule plans '{1}' at cycle {2}, and nothing was coded for it.", study.Nct, name, Cycle), "trial.study");
        }
        else if (Visit is not null && lines.Count == 0 && planned)
        {
            ids.Add(FindingIds.StudyItemNotCoded);
            Add(FindingIds.StudyItemNotCoded, Severity.Info, string.Format(CultureInfo.InvariantCulture, "The {0} schedule plans '{1}' at cycle {2}, and none were taken.", study.Nct, name, Cycle), "procedure.biopsies");
        }

        TrialDesignation expected = item?.Designation ?? TrialDesignation.Routine;
        if (lines.Exists(l => OnInsurerClaim(l)) && expected is TrialDesignation.Sponsor or TrialDesignation.NotBillable)
        {
            ids.Add(FindingIds.StudySponsorItemOnInsurerClaim);
            string codes = string.Join(", ", lines.Where(OnInsurerClaim).Select(l => l.Code).Distinct(StringComparer.Ordinal));
            Add(FindingIds.StudySponsorItemOnInsurerClaim, Severity.Error, string.Format(CultureInfo.InvariantCulture, "'{0}' is designated {1} by the {2} coverage analysis ({3}), yet {4} is on the insurer claim: that is double billing. Take it off the claim (or have the analysis changed) before the claim goes out.", name, designation, study.Nct, item!.Reason, codes), "trial.study");
        }
        else if (lines.Exists(l => !Agrees(expected, payer, l)))
        {
            ids.Add(FindingIds.StudyBilledDifferently);
            string billed = string.Join(", ", lines.Where(l => !Agrees(expected, payer, l)).Select(l => l.Code + " to " + BillingGrid.PayerOf(l)).Distinct(StringComparer.Ordinal));
            Add(FindingIds.StudyBilledDifferently, Severity.Warning, string.Format(CultureInfo.InvariantCulture, "'{0}' is designated {1} by the {2} coverage analysis, but {3}. Check the case against the analysis.", name, designation, study.Nct, billed), "trial.study");
        }

        return new ReconciledItem(
            name,
            item?.Designation,
            item?.Reason,
            planned,
            lines.Select(Shown).ToList(),
            lines.Select(Billed).Distinct(StringComparer.Ordinal).ToList(),
            ids);
    }

    private void Qualification(Study study, PayerType payer, bool claimMarkers)
    {
        if (payer == PayerType.SelfPay || study.QualifiesFor(payer))
        {
            return;
        }

        string basis = study.QualificationFor(payer) is { } q ? "it does not qualify (" + q.Basis + ")" : "it gives no qualification for this payer, so the trial does not qualify";
        if (claimMarkers)
        {
            Add(FindingIds.StudyNotQualifyingForPayer, Severity.Error, string.Format(CultureInfo.InvariantCulture, "The {0} coverage analysis says that for {1} {2}, yet the claim carries the trial markers (Z00.6, the trial number, Q0/Q1): they attest a qualifying trial and must come off.", study.Nct, WireNames.Of(payer), basis), "trial.study");
        }
        else
        {
            Add(FindingIds.StudyNotQualifyingForPayer, Severity.Warning, string.Format(CultureInfo.InvariantCulture, "The {0} coverage analysis says that for {1} {2}: the claim carries no trial markers (Z00.6, trial number, condition code 30, Q0/Q1), and routine costs are billed as ordinary care and may be denied as trial-related.", study.Nct, WireNames.Of(payer), basis), "trial.study");
        }
    }

    /// <summary>On the insurer claim with its charges: an inpatient line kept with non-covered charges is not billed to the insurer.</summary>
    private static bool OnInsurerClaim(CodeLine line) => line.Responsibility == Responsibility.Insurer && !line.NonCoveredCharges;

    /// <summary>Whether a line is billed the way its designation says (<see cref="BilledDesignation.CarriesOut"/>, which the grid shares).</summary>
    private static bool Agrees(TrialDesignation designation, PayerType payer, CodeLine line)
        => BilledDesignation.CarriesOut(designation, line.Responsibility, line.NonCoveredCharges, payer == PayerType.SelfPay);

    private static string Shown(CodeLine line) => string.Join(" ", new[] { line.Code }.Concat(line.Modifiers.Select(m => m.Code))) + (line.Units == 1 ? string.Empty : " x" + line.Units.ToString(CultureInfo.InvariantCulture));

    private static string Billed(CodeLine line) => BillingGrid.PayerOf(line) + (line.NonCoveredCharges ? ", non-covered charges" : string.Empty);

    private void Add(string id, Severity severity, string message, string path) => deviations.Add(new Finding(id, severity, message, path, null));
}
