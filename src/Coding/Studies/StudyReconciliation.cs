using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Research;

/// <summary>One item of a reconciled visit: what the analysis designated and planned, what was coded and who was billed. Immutable.</summary>
public sealed record ReconciledItem
{
    internal ReconciledItem(string item, TrialDesignation? designation, string? reason, bool planned, IEnumerable<string> lines, IEnumerable<string> billedTo, IEnumerable<string> deviations)
    {
        Item = item;
        Designation = designation;
        Reason = reason;
        Planned = planned;
        Lines = ReadOnly.Copy(lines);
        BilledTo = ReadOnly.Copy(billedTo);
        Deviations = ReadOnly.Copy(deviations);
    }

    /// <summary>Gets the item's name (a study item, or the line category or drug of a line no item designates).</summary>
    public string Item { get; }

    /// <summary>Gets the study's designation of the item, or <see langword="null"/> when the study designates none.</summary>
    public TrialDesignation? Designation { get; }

    /// <summary>Gets the study's reason for the designation, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the schedule plans the item at this visit (a drug is planned with the treatment it is given as).</summary>
    public bool Planned { get; }

    /// <summary>Gets the lines coded for the item, each as code, modifiers and units (e.g. <c>49320 Q1</c>, <c>J9060 x2</c>); empty when nothing was coded.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Gets where the item's lines went (e.g. <c>insurer claim (medicare)</c>, <c>sponsor invoice</c>, <c>not billable</c>).</summary>
    public IReadOnlyList<string> BilledTo { get; }

    /// <summary>Gets the ids of the deviations found on the item (<see cref="FindingIds"/> STUDY0xx); empty when it went as planned.</summary>
    public IReadOnlyList<string> Deviations { get; }
}

/// <summary>One patient visit reconciled with its study. Immutable.</summary>
public sealed record ReconciledVisit
{
    internal ReconciledVisit(string? subject, CodingResult result, int cycle, bool scheduled, StudyQualification? qualification, IEnumerable<ReconciledItem> items, IEnumerable<Finding> deviations)
    {
        Subject = subject;
        CaseId = result.CaseId;
        DateOfService = result.DateOfService;
        Payer = result.Payer;
        Cycle = cycle;
        Scheduled = scheduled;
        Qualification = qualification;
        ClaimMarkers = result.ClaimMarkers.ClinicalTrialNumber is not null;
        Ready = result.Ready;
        Items = ReadOnly.Copy(items);
        Deviations = ReadOnly.Copy(deviations);
    }

    /// <summary>Gets the patient's study subject identifier (the trial block's <c>subject</c>), or <see langword="null"/>.</summary>
    public string? Subject { get; }

    /// <summary>Gets the case's id.</summary>
    public string CaseId { get; }

    /// <summary>Gets the date of service.</summary>
    public DateTime DateOfService { get; }

    /// <summary>Gets the case's payer.</summary>
    public PayerType Payer { get; }

    /// <summary>Gets the visit's cycle (a HIPEC is cycle 1).</summary>
    public int Cycle { get; }

    /// <summary>Gets a value indicating whether the schedule of events has the cycle.</summary>
    public bool Scheduled { get; }

    /// <summary>Gets the study's qualification for the payer, or <see langword="null"/> when it gives none.</summary>
    public StudyQualification? Qualification { get; }

    /// <summary>Gets a value indicating whether the coded claim carries the trial markers.</summary>
    public bool ClaimMarkers { get; }

    /// <summary>Gets a value indicating whether the coded case has no error findings (deviations included).</summary>
    public bool Ready { get; }

    /// <summary>Gets the items: the planned ones in schedule order, then the others as coded.</summary>
    public IReadOnlyList<ReconciledItem> Items { get; }

    /// <summary>Gets every deviation of the visit from the analysis (findings with <see cref="FindingIds"/> STUDY0xx ids).</summary>
    public IReadOnlyList<Finding> Deviations { get; }
}

/// <summary>
/// A study's coverage analysis against what was coded and billed, per patient and visit, with every deviation: the
/// report a research compliance audit asks for. Immutable; built with <see cref="Reconcile"/>.
/// </summary>
public sealed class StudyReconciliation
{
    private StudyReconciliation(Study study, IReadOnlyList<ReconciledVisit> visits)
    {
        Study = study;
        Visits = visits;
        Deviations = ReadOnly.Copy(visits.SelectMany(v => v.Deviations));
    }

    /// <summary>Gets the study reconciled.</summary>
    public Study Study { get; }

    /// <summary>Gets the visits, by subject, then cycle, then date of service.</summary>
    public IReadOnlyList<ReconciledVisit> Visits { get; }

    /// <summary>Gets every deviation of every visit, in visit order.</summary>
    public IReadOnlyList<Finding> Deviations { get; }

    /// <summary>
    /// Codes each case with the rules and compares it with the study. A case may name the study or carry its own trial
    /// lists with the study's NCT number (claims coded before the analysis was on file); a case in no trial or another
    /// study is itself a deviation (<see cref="FindingIds.StudyCaseNotInStudy"/>).
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="rules">The rule set to code with.</param>
    /// <param name="cases">The cases: the visits of one or more patients.</param>
    /// <returns>The reconciliation.</returns>
    /// <exception cref="ArgumentNullException">An argument, or one of the cases, is null.</exception>
    public static StudyReconciliation Reconcile(Study study, RuleSet rules, IEnumerable<CodingCase> cases)
    {
        Preconditions.CheckNotNull(study, nameof(study));
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(cases, nameof(cases));
        var visits = new List<ReconciledVisit>();
        foreach (CodingCase codingCase in cases)
        {
            Preconditions.CheckNotNull(codingCase, nameof(cases));
            visits.Add(Visit(study, rules, codingCase));
        }

        var ordered = visits.OrderBy(v => v.Subject ?? "\uffff", StringComparer.Ordinal).ThenBy(v => v.Cycle).ThenBy(v => v.DateOfService).ThenBy(v => v.CaseId, StringComparer.Ordinal).ToList();
        return new StudyReconciliation(study, ReadOnly.Copy(ordered));
    }

    /// <summary>
    /// Writes the report as CSV through the product's one CSV writer (RFC 4180, a header row, CRLF line ends, cells a
    /// spreadsheet would run as formulas neutralised, control characters escaped): one row per item of each visit, and
    /// one per visit-wide deviation.
    /// </summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv() => IntraperitonealCoding.Output.CsvTable.Write(CsvRows());

    private IEnumerable<IReadOnlyList<string>> CsvRows()
    {
        yield return new[] { "nct", "subject", "case_id", "cycle", "date_of_service", "payer", "qualifies", "item", "designation", "planned", "coded", "billed_to", "deviations" };
        foreach (ReconciledVisit visit in Visits)
        {
            string[] head =
            {
                Study.Nct, visit.Subject ?? string.Empty, visit.CaseId, visit.Cycle.ToString(CultureInfo.InvariantCulture), visit.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                WireNames.Of(visit.Payer), visit.Qualification is { Qualifies: true } ? "yes" : "no",
            };
            foreach (ReconciledItem item in visit.Items)
            {
                yield return head.Concat(new[] { item.Item, item.Designation is { } d ? WireNames.Of(d) : "none", item.Planned ? "yes" : "no", string.Join("; ", item.Lines), string.Join("; ", item.BilledTo), string.Join(" ", item.Deviations) }).ToList();
            }

            foreach (Finding deviation in visit.Deviations.Where(d => !visit.Items.Any(i => i.Deviations.Contains(d.Id))))
            {
                yield return head.Concat(new[] { "(visit)", string.Empty, string.Empty, string.Empty, string.Empty, deviation.Id }).ToList();
            }
        }
    }

    private static ReconciledVisit Visit(Study study, RuleSet rules, CodingCase codingCase)
    {
        CodingResult result = rules.Code(codingCase);
        ClinicalTrial? trial = codingCase.Trial;
        string? subject = trial?.Subject;
        int cycle = StudyDesignations.CycleOf(codingCase);
        if (trial is null || !string.Equals(trial.Nct.Trim(), study.Nct, StringComparison.OrdinalIgnoreCase))
        {
            string why = trial is null ? "is in no clinical trial" : "is enrolled in " + IntraperitonealCoding.Documents.Shown.Text(trial.Nct);
            var notInStudy = new Finding(FindingIds.StudyCaseNotInStudy, Severity.Error, $"Case {IntraperitonealCoding.Documents.Shown.Text(codingCase.CaseId)} {why}, not {study.Nct}: it cannot be reconciled with this study's coverage analysis.", "trial", null);
            return new ReconciledVisit(subject, result, cycle, study.Visit(cycle) is not null, study.QualificationFor(codingCase.Payer), ReadOnly.None<ReconciledItem>(), new[] { notInStudy });
        }

        bool SameDrug(string designated, string drugName)
            => string.Equals(designated, drugName, StringComparison.OrdinalIgnoreCase) || rules.Drugs.Find(designated, codingCase.DateOfService)?.Name == drugName;

        var comparison = VisitComparison.Compare(study, codingCase, result.Lines, result.LineDrugNames, SameDrug, result.ClaimMarkers.ClinicalTrialNumber is not null);
        return new ReconciledVisit(subject, result, cycle, comparison.Visit is not null, study.QualificationFor(codingCase.Payer), comparison.Items, comparison.Deviations);
    }
}
