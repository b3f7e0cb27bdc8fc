using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Research;

/// <summary>One row of a <see cref="BillingGrid"/>: an item (code and its non-trial modifiers) and who pays for it in each visit.</summary>
public sealed record BillingGridRow
{
    internal BillingGridRow(string item, string label, LineCategory category, IEnumerable<string?> cells, IEnumerable<string?> designations)
    {
        Item = item;
        Label = label;
        Category = category;
        Cells = IntraperitonealCoding.Cases.ReadOnly.Copy(cells);
        DesignationChanges = designations.Where(d => d is not null).Distinct(StringComparer.Ordinal).Count() > 1;
    }

    /// <summary>Gets the item: the code, with a wastage modifier where it is a separate line (e.g. <c>J9263 JW</c>).</summary>
    public string Item { get; }

    /// <summary>Gets the item's label.</summary>
    public string Label { get; }

    /// <summary>Gets the item's line category.</summary>
    public LineCategory Category { get; }

    /// <summary>Gets, per column, who pays (e.g. <c>insurer Q1</c>, <c>sponsor</c>, <c>not billable</c>), or <see langword="null"/> when the item is not in that visit.</summary>
    public IReadOnlyList<string?> Cells { get; }

    /// <summary>
    /// Gets a value indicating whether the item is paid differently in different visits (e.g. routine in cycle 1 and
    /// sponsor-paid in cycle 2): one protocol item has one designation for the whole course, so this needs checking.
    /// </summary>
    public bool DesignationChanges { get; }
}

/// <summary>A total row of a <see cref="BillingGrid"/>: how many lines go to one payer, per column. Immutable.</summary>
public sealed record BillingGridTotal
{
    internal BillingGridTotal(string payer, IReadOnlyList<int> counts)
    {
        Payer = payer;
        Counts = counts;
    }

    /// <summary>Gets where the lines go: <c>insurer claim (medicare)</c>, <c>sponsor invoice</c>, <c>patient</c>, <c>not billable</c>.</summary>
    public string Payer { get; }

    /// <summary>Gets the number of lines per column.</summary>
    public IReadOnlyList<int> Counts { get; }
}

/// <summary>
/// The research-billing grid of one patient's course: items as rows, visits (cycles) as columns, each cell who pays.
/// Immutable; built from coding results with <see cref="Build(IEnumerable{CodingResult})"/>.
/// </summary>
public sealed class BillingGrid
{
    private static readonly string[] CsvHeader = { "item", "label", "category" };
    private static readonly string[] CsvFlagHeader = { "flag" };
    private static readonly string[] NoFlag = { string.Empty };
    private const string ChangeFlag = "designation changes between visits";

    private BillingGrid(IReadOnlyList<string> columns, IReadOnlyList<BillingGridRow> rows, IReadOnlyList<BillingGridTotal> totals)
    {
        Columns = columns;
        Rows = rows;
        Totals = totals;
    }

    /// <summary>Gets the column headings, one per visit in course order (e.g. <c>cycle 2 (2026-03-03)</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the item rows, in the order items first appear in the course.</summary>
    public IReadOnlyList<BillingGridRow> Rows { get; }

    /// <summary>Gets the totals per payer.</summary>
    public IReadOnlyList<BillingGridTotal> Totals { get; }

    /// <summary>Builds the grid of a course from the coding results of its visits (any order; sorted by cycle, then date).</summary>
    /// <param name="visits">The coding results of the visits.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> is null.</exception>
    public static BillingGrid Build(IEnumerable<CodingResult> visits)
    {
        Preconditions.CheckNotNull(visits, nameof(visits));
        var ordered = Ordered(visits);
        return Build(Distinct(ordered.Select(Heading).ToList(), ordered), ordered.ConvertAll(v => (CodingResult?)v));
    }

    /// <summary>
    /// Builds the grid of a course whose cases name a study: the columns are the study's schedule of events, one per
    /// cycle (<c>cycle 3 (not coded)</c> when no visit has it yet), then any visit whose cycle the schedule does not
    /// have (<c>cycle 4 (2026-06-02, not scheduled)</c>). A HIPEC, given once, is cycle 1.
    /// </summary>
    /// <param name="visits">The coding results of the visits.</param>
    /// <param name="study">The study whose schedule gives the columns.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static BillingGrid Build(IEnumerable<CodingResult> visits, IntraperitonealCoding.Research.Study study)
    {
        Preconditions.CheckNotNull(visits, nameof(visits));
        Preconditions.CheckNotNull(study, nameof(study));
        var ordered = Ordered(visits);
        var headings = new List<string>();
        var slots = new List<CodingResult?>();
        foreach (IntraperitonealCoding.Research.StudyVisit planned in study.Visits)
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

        return Build(Distinct(headings, slots), slots);
    }

    private static List<CodingResult> Ordered(IEnumerable<CodingResult> visits)
        => visits.OrderBy(v => v.Cycle ?? int.MaxValue).ThenBy(v => v.DateOfService).ThenBy(v => v.CaseId, StringComparer.Ordinal).ToList();

    /// <summary>Two visits with the same heading (same cycle and date) are told apart by their case ids.</summary>
    private static List<string> Distinct(List<string> columns, IReadOnlyList<CodingResult?> slots)
    {
        var duplicates = new HashSet<string>(columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        return columns.Select((c, i) => duplicates.Contains(c) ? $"{c} {SafeText.Escape(slots[i]!.CaseId)}" : c).ToList();
    }

    private static BillingGrid Build(List<string> columns, IReadOnlyList<CodingResult?> ordered)
    {
        var rowKeys = new List<(string Item, string Label, LineCategory Category)>();
        var cells = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var designations = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int column = 0; column < ordered.Count; column++)
        {
            foreach (CodeLine line in ordered[column]?.Lines ?? ReadOnly.None<CodeLine>())
            {
                string item = string.Join(" ", new[] { line.Code }.Concat(line.Modifiers.Where(m => !IsTrialModifier(m) && !IsAttestation(m)).Select(m => m.Code)));
                if (!cells.TryGetValue(item, out var row))
                {
                    row = new string?[ordered.Count];
                    cells.Add(item, row);
                    designations.Add(item, new string?[ordered.Count]);
                    rowKeys.Add((item, line.Label, line.Category));
                }

                string cell = Who(line);
                row[column] = row[column] is null ? cell : row[column] + "; " + cell;
                string who = Who(line, withUnits: false);
                var designation = designations[item];
                designation[column] = designation[column] is null ? who : designation[column] + "; " + who;
                string payer = PayerOf(line);
                if (!totals.TryGetValue(payer, out var counts))
                {
                    counts = new int[ordered.Count];
                    totals.Add(payer, counts);
                }

                counts[column]++;
            }
        }

        var rows = rowKeys.Select(k => new BillingGridRow(k.Item, k.Label, k.Category, cells[k.Item], designations[k.Item])).ToList();
        var totalRows = totals.OrderBy(t => PayerOrder(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new BillingGridTotal(t.Key, IntraperitonealCoding.Cases.ReadOnly.Copy(t.Value))).ToList();
        return new BillingGrid(IntraperitonealCoding.Cases.ReadOnly.Copy(columns), IntraperitonealCoding.Cases.ReadOnly.Copy(rows), IntraperitonealCoding.Cases.ReadOnly.Copy(totalRows));
    }

    /// <summary>Writes the grid as CSV (RFC 4180 through CsvHelper: a header row, CRLF line ends, formulas neutralised) for the research office.</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv() => CsvTable.Write(CsvRows());

    private IEnumerable<IReadOnlyList<string>> CsvRows()
    {
        yield return CsvHeader.Concat(Columns).Concat(CsvFlagHeader).ToList();
        foreach (BillingGridRow row in Rows)
        {
            yield return new[] { row.Item, row.Label, WireNames.Of(row.Category) }.Concat(row.Cells.Select(c => c ?? string.Empty)).Concat(new[] { row.DesignationChanges ? ChangeFlag : string.Empty }).ToList();
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

    private static string Who(CodeLine line, bool withUnits = true)
    {
        string who = line.Responsibility switch
        {
            Responsibility.Insurer => "insurer",
            Responsibility.Sponsor => "sponsor",
            Responsibility.Patient => "patient",
            _ => "not billable",
        };
        var trial = line.Modifiers.Where(IsTrialModifier).ToList();
        string units = line.Units == 1 || !withUnits ? string.Empty : string.Format(CultureInfo.InvariantCulture, " x{0}", line.Units);
        return who + (trial.Count == 0 ? string.Empty : " " + string.Join(" ", trial)) + units;
    }

    /// <summary>Says where a line goes: the insurer claim (and which payer receives it), the sponsor invoice, the patient, or nowhere.</summary>
    /// <param name="line">The line.</param>
    /// <returns><c>insurer claim (PAYER)</c>, <c>sponsor invoice</c>, <c>patient</c> or <c>not billable</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public static string PayerOf(CodeLine line) => Preconditions.CheckNotNull(line, nameof(line)).Responsibility switch
    {
        Responsibility.Insurer => $"insurer claim ({(line.BillTo is { } payer ? WireNames.Of(payer) : "?")})",
        Responsibility.Sponsor => "sponsor invoice",
        Responsibility.Patient => "patient",
        _ => "not billable",
    };

    private static int PayerOrder(string payer)
        => payer.StartsWith("insurer", StringComparison.Ordinal) ? 0 : payer == "sponsor invoice" ? 1 : payer == "patient" ? 2 : 3;
}
