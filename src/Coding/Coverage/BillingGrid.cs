using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Research;

/// <summary>One row of a <see cref="BillingGrid"/>: an item (code and its non-trial modifiers) and how it is paid in each visit.</summary>
public sealed record BillingGridRow
{
    internal BillingGridRow(string item, string label, LineCategory category, IEnumerable<BillingGridCell?> cells)
    {
        Item = item;
        Label = label;
        Category = category;
        Cells = IntraperitonealCoding.Cases.ReadOnly.Copy(cells);
        var paid = Cells.Where(c => c is not null).Select(c => c!).ToList();
        DesignationChanges = paid.Skip(1).Any(c => !c.SameDesignations(paid[0]));
    }

    /// <summary>Gets the item: the code, with a wastage modifier where it is a separate line (e.g. <c>J9263 JW</c>).</summary>
    public string Item { get; }

    /// <summary>Gets the item's label.</summary>
    public string Label { get; }

    /// <summary>Gets the item's line category.</summary>
    public LineCategory Category { get; }

    /// <summary>Gets, per column, how the item is paid and how many units, or <see langword="null"/> when the item is not in that visit.</summary>
    public IReadOnlyList<BillingGridCell?> Cells { get; }

    /// <summary>
    /// Gets a value indicating whether the item is paid in ways no one designation allows (e.g. routine in cycle 1 and
    /// sponsor-paid in cycle 2): one protocol item has one designation for the whole course, so this needs checking.
    /// A sponsor invoice at one visit and "not billable" at another (the sponsor supplied the drug free) is no change:
    /// both carry out a sponsor designation, as the reconciliation says too (one computation, <c>BilledDesignation</c>).
    /// </summary>
    public bool DesignationChanges { get; }
}

/// <summary>
/// The research-billing grid of one patient's course: items as rows, visits (cycles) as columns, each cell who pays
/// and how many units, with a header saying whose course it is. Immutable. Build it from the course's cases with
/// <see cref="Build(IEnumerable{CodingCase}, RuleSet)"/>, which refuses cases that are not one course, or from coding
/// results already at hand with <see cref="Build(IEnumerable{CodingResult})"/>.
/// </summary>
public sealed class BillingGrid
{
    private static readonly string[] CsvHeader = { "item", "label", "category" };
    private static readonly string[] CsvFlagHeader = { "flag" };
    private static readonly string[] NoFlag = { string.Empty };
    private const string ChangeFlag = "designation changes between visits";

    private BillingGrid(BillingGridHeader header, IReadOnlyList<string> columns, IReadOnlyList<CodingResult> visits, IReadOnlyList<BillingGridRow> rows, IReadOnlyList<BillingGridTotal> totals)
    {
        Header = header;
        Columns = columns;
        Visits = visits;
        Rows = rows;
        Totals = totals;
    }

    /// <summary>Gets whose course the grid is: case ids, study subject, trial number and payers.</summary>
    public BillingGridHeader Header { get; }

    /// <summary>Gets the column headings, one per visit in course order (e.g. <c>cycle 2 (2026-03-03)</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the coding results of the visits, in course order (a scheduled cycle not coded yet has none).</summary>
    public IReadOnlyList<CodingResult> Visits { get; }

    /// <summary>Gets the item rows, in the order items first appear in the course.</summary>
    public IReadOnlyList<BillingGridRow> Rows { get; }

    /// <summary>Gets the totals per payer.</summary>
    public IReadOnlyList<BillingGridTotal> Totals { get; }

    /// <summary>
    /// Says why cases are not one patient's course, or nothing when they are: visits of different trials (or some in
    /// a trial and some not), of different study subjects, two visits with one cycle number, a visit without a cycle
    /// number beside others, or a cycle missing between the first and the last.
    /// </summary>
    /// <param name="course">The cases.</param>
    /// <returns>One sentence per problem; empty when the cases are one course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is null.</exception>
    public static IReadOnlyList<string> CourseProblems(IEnumerable<CodingCase> course)
    {
        Preconditions.CheckNotNull(course, nameof(course));
        var cases = course.ToList();
        var problems = new List<string>();
        var trials = cases.GroupBy(c => c.Trial?.Nct, StringComparer.Ordinal).ToList();
        if (trials.Count > 1)
        {
            problems.Add("The cases are in different trials: " + string.Join("; ", trials.Select(g => (g.Key ?? "no trial") + " (" + Ids(g) + ")")) + ".");
        }

        var subjects = cases.Where(c => c.Trial?.Subject is not null).GroupBy(c => c.Trial!.Subject!, StringComparer.Ordinal).ToList();
        if (subjects.Count > 1)
        {
            problems.Add("The cases are of different patients (study subjects): " + string.Join("; ", subjects.Select(g => g.Key + " (" + Ids(g) + ")")) + ".");
        }

        if (cases.Count > 1)
        {
            foreach (CodingCase unnumbered in cases.Where(c => CycleOf(c) is null))
            {
                problems.Add($"{unnumbered.CaseId} has no cycle number; every visit of a course of {cases.Count} needs one.");
            }
        }

        var numbered = cases.Where(c => CycleOf(c) is not null).GroupBy(c => CycleOf(c)!.Value).OrderBy(g => g.Key).ToList();
        foreach (var twice in numbered.Where(g => g.Count() > 1))
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "Cycle {0} is given {1} times ({2}); one visit per cycle.", twice.Key, twice.Count(), Ids(twice)));
        }

        if (numbered.Count > 0)
        {
            var missing = Enumerable.Range(numbered[0].Key, numbered[numbered.Count - 1].Key - numbered[0].Key + 1).Except(numbered.Select(g => g.Key)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "Cycle{0} {1} missing between cycle {2} and cycle {3}; give every visit of the course.", missing.Count == 1 ? string.Empty : "s", string.Join(", ", missing) + (missing.Count == 1 ? " is" : " are"), numbered[0].Key, numbered[numbered.Count - 1].Key));
            }
        }

        return problems;
    }

    /// <summary>
    /// Codes one patient's course and builds its grid. When every visit names the same study, the study's schedule
    /// of events gives the columns (see <see cref="Build(IEnumerable{CodingResult}, Study)"/>).
    /// </summary>
    /// <param name="course">The cases of the course, any order.</param>
    /// <param name="rules">The rule set to code them with.</param>
    /// <returns>The grid; its <see cref="Visits"/> are the coding results.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The cases are not one course (see <see cref="CourseProblems"/>, which says why: check it first).</exception>
    public static BillingGrid Build(IEnumerable<CodingCase> course, RuleSet rules)
    {
        Preconditions.CheckNotNull(course, nameof(course));
        Preconditions.CheckNotNull(rules, nameof(rules));
        var cases = course.ToList();
        var problems = CourseProblems(cases);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The cases are not one course: " + string.Join(" ", problems), nameof(course));
        }

        return BuildCoded(cases, cases.ConvertAll(rules.Code));
    }

    /// <summary>The grid of a course whose cases are already coded (<paramref name="results"/>, one per case, same order) and checked to be one course.</summary>
    internal static BillingGrid BuildCoded(IReadOnlyList<CodingCase> cases, IReadOnlyList<CodingResult> results)
    {
        var studies = cases.Select(c => c.Trial?.Study).Distinct().ToList();
        var ordered = Ordered(results);
        var first = cases.FirstOrDefault(c => c.Trial is not null)?.Trial;
        var header = new BillingGridHeader(
            ReadOnly.Copy(ordered.Select(r => r.CaseId)),
            cases.Select(c => c.Trial?.Subject).FirstOrDefault(s => s is not null),
            first?.Nct,
            ReadOnly.Copy(ordered.Select(r => r.Payer).Distinct()));
        return studies.Count == 1 && studies[0] is { } study ? Build(ordered, study, header) : Build(ordered, header);
    }

    /// <summary>
    /// Builds the grid of coding results already at hand (any order; sorted by cycle, then date). It does not check
    /// that they are one course, and its header has no study subject (results do not carry it).
    /// </summary>
    /// <param name="visits">The coding results of the visits.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> is null.</exception>
    public static BillingGrid Build(IEnumerable<CodingResult> visits)
    {
        Preconditions.CheckNotNull(visits, nameof(visits));
        var ordered = Ordered(visits);
        return Build(ordered, HeaderOf(ordered));
    }

    /// <summary>
    /// Builds the grid of coding results whose cases name a study: the columns are the study's schedule of events,
    /// one per cycle (<c>cycle 3 (not coded)</c> when no visit has it yet), then any visit whose cycle the schedule
    /// does not have (<c>cycle 4 (2026-06-02, not scheduled)</c>). A HIPEC, given once, is cycle 1. It does not check
    /// that the results are one course.
    /// </summary>
    /// <param name="visits">The coding results of the visits.</param>
    /// <param name="study">The study whose schedule gives the columns.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static BillingGrid Build(IEnumerable<CodingResult> visits, Study study)
    {
        Preconditions.CheckNotNull(visits, nameof(visits));
        Preconditions.CheckNotNull(study, nameof(study));
        var ordered = Ordered(visits);
        return Build(ordered, study, HeaderOf(ordered) with { TrialNumber = study.Nct });
    }

    private static BillingGrid Build(List<CodingResult> ordered, BillingGridHeader header)
        => Build(header, Distinct(ordered.Select(Heading).ToList(), ordered), ordered.ConvertAll(v => (CodingResult?)v));

    private static BillingGrid Build(List<CodingResult> ordered, Study study, BillingGridHeader header)
    {
        var headings = new List<string>();
        var slots = new List<CodingResult?>();
        foreach (StudyVisit planned in study.Visits)
        {
            var coded = ordered.FindAll(v => (v.Cycle ?? 1) == planned.Cycle);
            if (coded.Count == 0)
            {
                headings.Add(string.Format(CultureInfo.InvariantCulture, "cycle {0} (not coded)", planned.Cycle));
                slots.Add(null);
            }

            headings.AddRange(coded.Select(Heading));
            slots.AddRange(coded);
        }

        foreach (CodingResult unplanned in ordered.Where(v => study.Visit(v.Cycle ?? 1) is null))
        {
            headings.Add(Heading(unplanned).TrimEnd(')') + ", not scheduled)");
            slots.Add(unplanned);
        }

        return Build(header, Distinct(headings, slots), slots);
    }

    private static BillingGridHeader HeaderOf(List<CodingResult> ordered)
        => new(
            ReadOnly.Copy(ordered.Select(r => r.CaseId)),
            null,
            // The claim carries the NCT number's eight digits (REF*P4); the grid names the trial as registered.
            ordered.Select(r => r.ClaimMarkers.ClinicalTrialNumber).FirstOrDefault(n => n is not null) is { } digits ? "NCT" + digits : null,
            ReadOnly.Copy(ordered.Select(r => r.Payer).Distinct()));

    private static int? CycleOf(CodingCase codingCase) => codingCase.Procedure is PipacProcedure pipac ? pipac.Cycle : null;

    private static string Ids(IEnumerable<CodingCase> cases) => string.Join(", ", cases.Select(c => c.CaseId));

    private static List<CodingResult> Ordered(IEnumerable<CodingResult> visits)
        => visits.OrderBy(v => v.Cycle ?? int.MaxValue).ThenBy(v => v.DateOfService).ThenBy(v => v.CaseId, StringComparer.Ordinal).ToList();

    /// <summary>Two visits with the same heading (same cycle and date) are told apart by their case ids.</summary>
    private static List<string> Distinct(List<string> columns, IReadOnlyList<CodingResult?> slots)
    {
        var duplicates = new HashSet<string>(columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        return columns.Select((c, i) => duplicates.Contains(c) ? $"{c} {SafeText.Escape(slots[i]!.CaseId)}" : c).ToList();
    }

    private static BillingGrid Build(BillingGridHeader header, List<string> columns, IReadOnlyList<CodingResult?> slots)
    {
        var rowKeys = new List<(string Item, string Label, LineCategory Category)>();
        var cells = new Dictionary<string, List<BillingGridPayment>?[]>(StringComparer.Ordinal);
        var totals = new Dictionary<(Responsibility, PayerType?), (int[] Counts, int[] Units)>();
        for (int column = 0; column < slots.Count; column++)
        {
            foreach (CodeLine line in slots[column]?.Lines ?? ReadOnly.None<CodeLine>())
            {
                string item = string.Join(" ", new[] { line.Code }.Concat(line.Modifiers.Where(m => !IsTrialModifier(m) && !IsAttestation(m)).Select(m => m.Code)));
                if (!cells.TryGetValue(item, out var row))
                {
                    row = new List<BillingGridPayment>?[slots.Count];
                    cells.Add(item, row);
                    rowKeys.Add((item, line.Label, line.Category));
                }

                // Only insurer lines have a payer to bill (CodeLine.BillTo), so who pays and the payer together are the designation.
                var payment = new BillingGridPayment(line.Responsibility, line.BillTo, ReadOnly.Copy(line.Modifiers.Where(IsTrialModifier)), line.Units);
                var payments = row[column] ??= new List<BillingGridPayment>();
                int same = payments.FindIndex(p => p.SameDesignation(payment));
                if (same >= 0)
                {
                    payments[same] = new BillingGridPayment(payment.Responsibility, payment.BillTo, payment.TrialModifiers, payments[same].Units + payment.Units);
                }
                else
                {
                    payments.Add(payment);
                }

                var key = (line.Responsibility, line.BillTo);
                if (!totals.TryGetValue(key, out var total))
                {
                    total = (new int[slots.Count], new int[slots.Count]);
                    totals.Add(key, total);
                }

                total.Counts[column]++;
                total.Units[column] += line.Units;
            }
        }

        var rows = rowKeys.Select(k => new BillingGridRow(k.Item, k.Label, k.Category, cells[k.Item].Select(c => c is null ? null : new BillingGridCell(ReadOnly.Copy(c))))).ToList();
        var totalRows = totals.Select(t => new BillingGridTotal(t.Key.Item1, t.Key.Item2, ReadOnly.Copy(t.Value.Counts), ReadOnly.Copy(t.Value.Units)))
            .OrderBy(t => PayerOrder(t.Responsibility)).ThenBy(t => t.Payer, StringComparer.Ordinal).ToList();
        var visits = slots.Where(v => v is not null).Select(v => v!);
        return new BillingGrid(header, ReadOnly.Copy(columns), ReadOnly.Copy(visits), ReadOnly.Copy(rows), ReadOnly.Copy(totalRows));
    }

    /// <summary>Writes the grid as CSV (RFC 4180 through CsvHelper: a header row, CRLF line ends, formulas neutralised) for the research office.</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv() => CsvTable.Write(CsvRows());

    private IEnumerable<IReadOnlyList<string>> CsvRows()
    {
        yield return CsvHeader.Concat(Columns).Concat(CsvFlagHeader).ToList();
        foreach (BillingGridRow row in Rows)
        {
            yield return new[] { row.Item, row.Label, WireNames.Of(row.Category) }.Concat(row.Cells.Select(c => c?.ToString() ?? string.Empty)).Concat(new[] { row.DesignationChanges ? ChangeFlag : string.Empty }).ToList();
        }

        foreach (BillingGridTotal total in Totals)
        {
            yield return new[] { "total", total.Payer, string.Empty }.Concat(total.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))).Concat(NoFlag).ToList();
        }
    }

    private static string Heading(CodingResult visit)
        => visit.Cycle is { } cycle
            ? string.Format(CultureInfo.InvariantCulture, "cycle {0} ({1:yyyy-MM-dd})", cycle, visit.DateOfService)
            : string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd}", visit.DateOfService);

    // Q0/Q1 say why the insurer pays, and JZ only attests that nothing was discarded: neither makes a separate item.
    private static bool IsTrialModifier(Modifier modifier) => modifier == Modifier.Q0 || modifier == Modifier.Q1;

    private static bool IsAttestation(Modifier modifier) => modifier == Modifier.JZ;

    /// <summary>Says where a line goes: the insurer claim (and which payer receives it), the sponsor invoice, the patient, or nowhere.</summary>
    /// <param name="line">The line.</param>
    /// <returns><c>insurer claim (PAYER)</c>, <c>sponsor invoice</c>, <c>patient</c> or <c>not billable</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public static string PayerOf(CodeLine line)
    {
        Preconditions.CheckNotNull(line, nameof(line));
        return PayerText(line.Responsibility, line.BillTo);
    }

    internal static string PayerText(Responsibility responsibility, PayerType? billTo) => responsibility switch
    {
        Responsibility.Insurer => $"insurer claim ({(billTo is { } payer ? WireNames.Of(payer) : "?")})",
        Responsibility.Sponsor => "sponsor invoice",
        Responsibility.Patient => "patient",
        _ => "not billable",
    };

    private static int PayerOrder(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Insurer => 0,
        Responsibility.Sponsor => 1,
        Responsibility.Patient => 2,
        _ => 3,
    };
}
