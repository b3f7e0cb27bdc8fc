using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Research;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Renders a billing grid as a table fitted to the width (labels wrap, never inside a number and its unit; payments
/// stay whole where they can; items never wrap), with the totals per payer and the courses' error findings underneath.
/// </summary>
internal static class GridTable
{
    /// <summary>The space between two columns.</summary>
    private const int Gap = 2;

    private static readonly string[] Leading = { "Item", "Label" };

    private static readonly string[] StackedLeading = { "Item" };

    private static readonly string[] PaymentSeparator = { "; " };

    public static void Write(TextWriter output, BillingGrid grid, ConsoleOptions options)
        => ConsoleCanvas.Write(output, options, console =>
        {
            // Whose course: subject, trial, payers, cases; a long list wraps indented, never at column 0.
            console.Write(new HangingIndent(Cell.Of(grid.Header.ToString()), 4));
            console.Write(new WithoutBlankEdges(new Padder(Table(grid, options), new Padding(1, 0, 0, 0)), bottomToo: true));
            var notes = new List<(IRenderable, IRenderable)>();
            if (grid.Rows.Any(r => r.DesignationChanges))
            {
                notes.Add((new Text("*"), new Text("paid differently from one visit to another: one protocol item has one designation for the whole course; check the coverage analysis.")));
            }

            foreach (CodingResult visit in grid.Visits.Where(v => !v.Ready))
            {
                foreach (Finding finding in visit.Findings.Where(f => f.Severity == Severity.Error))
                {
                    notes.Add((Cell.Of(Severity.Error), Cell.Of($"{visit.CaseId} {finding.Id}: {finding.Message}")));
                }
            }

            if (notes.Count > 0)
            {
                console.Write(Sections.Listed(notes, indent: 2));
            }
        });

    private static Table Table(BillingGrid grid, ConsoleOptions options)
    {
        var body = grid.Rows.Select(r => new GridLine(r.DesignationChanges ? r.Item + " *" : r.Item, r.Label, r.Cells.Select(c => c?.ToString() ?? "-").ToArray(), Total: false)).ToList();
        body.Add(new GridLine(string.Empty, TotalHeading, grid.Columns.Select(_ => string.Empty).ToArray(), Total: true));
        body.AddRange(grid.Totals.Select(t => new GridLine(string.Empty, t.Payer, t.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray(), Total: false)));
        Plan plan = Fit(grid.Columns, body, options.Width);

        var table = new Table { Border = ConsoleCanvas.Border(options), UseSafeBorder = false };
        var headings = (plan.Stacked ? StackedLeading : Leading).Concat(grid.Columns).ToList();
        var widths = (plan.Stacked ? new int?[] { plan.Label } : new int?[] { null, plan.Label }).Concat(plan.Visits).ToList();
        for (int c = 0; c < headings.Count; c++)
        {
            table.AddColumn(new TableColumn(Cell.Of(headings[c], Cell.Heading)) { NoWrap = c == 0 && !plan.Stacked, Padding = new Padding(0, 0, Gap - 1, 0), Width = widths[c] });
        }

        foreach (GridLine line in body)
        {
            var cells = new List<IRenderable>();
            IEnumerable<IRenderable> label = plan.Label is { } width
                ? Wrapped.Lines(line.Label, plan.Stacked && !line.Total ? width - plan.Indent : width).Select(l => (IRenderable)Cell.Of((plan.Stacked && !line.Total ? new string(' ', plan.Indent) : string.Empty) + l, line.Total ? Cell.Heading : plan.Stacked ? Cell.Dim : (Style?)null))
                : new IRenderable[] { Cell.Of(line.Label, line.Total ? Cell.Heading : (Style?)null) };
            if (plan.Stacked)
            {
                cells.Add(new Rows(line.Item.Length == 0 ? label : label.Prepend(Cell.Of(line.Item))));
            }
            else
            {
                cells.Add(Cell.Of(line.Item));
                cells.Add(new Rows(label));
            }

            cells.AddRange(line.Cells.Select((cell, c) => plan.Parts[c] ? new Rows(cell.Split(PaymentSeparator, StringSplitOptions.None).SelectMany(Parts).Select(p => Cell.Of(p))) : (IRenderable)Cell.Of(cell)));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    /// <summary>The heading of the totals, in the label column.</summary>
    private const string TotalHeading = "Total lines";

    /// <summary>How far a label is indented under its item code when the two share a column.</summary>
    private const int StackIndent = 2;

    /// <summary>A visit's heading on two lines at most: the cycle, then what is in brackets (<c>cycle 2</c> / <c>(not coded)</c>).</summary>
    private static IEnumerable<string> HeadingLines(string heading)
    {
        int bracket = heading.IndexOf(" (", StringComparison.Ordinal);
        return bracket < 0 ? new[] { heading } : new[] { heading.Substring(0, bracket), heading.Substring(bracket + 1) };
    }

    /// <summary>A payment's who-pays part and its units (<c>x2</c>), the pieces a narrow cell may put on two lines.</summary>
    private static IEnumerable<string> Parts(string payment)
    {
        int units = payment.LastIndexOf(" x", StringComparison.Ordinal);
        return units < 0 ? new[] { payment } : new[] { payment.Substring(0, units), payment.Substring(units + 1) };
    }

    /// <summary>
    /// The fullest layout that fits the width, each tried in turn: item and label in columns of their own, everything
    /// on one line; the same with the label wrapped (never inside a number and its unit) and each payment whole
    /// (<c>insurer Q1 x1</c>); the label under the item code, payments whole; the label under the code and the units
    /// under who pays. The item column is as wide as the widest code, no wider.
    /// </summary>
    private static Plan Fit(IReadOnlyList<string> columns, List<GridLine> body, int width)
    {
        int visits = columns.Count;
        int[] natural = Enumerable.Range(0, visits).Select(c => body.Select(l => l.Cells[c].Length).Append(columns[c].Length).Max()).ToArray();
        int[] whole = Enumerable.Range(0, visits).Select(c => body.SelectMany(l => l.Cells[c].Split(PaymentSeparator, StringSplitOptions.None)).Concat(HeadingLines(columns[c])).Max(w => w.Length)).ToArray();
        int[] parts = Enumerable.Range(0, visits).Select(c => body.SelectMany(l => l.Cells[c].Split(PaymentSeparator, StringSplitOptions.None)).SelectMany(Parts).Concat(HeadingLines(columns[c])).Max(w => w.Length)).ToArray();
        int item = body.Select(l => l.Item.Length).Append(Leading[0].Length).Max();
        int labelNatural = body.Select(l => l.Label.Length).Append(Leading[1].Length).Max();
        int labelWord = body.Select(l => Wrapped.LongestWord(l.Label)).Append(Leading[1].Length).Max();
        var noParts = new bool[visits];
        var allParts = Enumerable.Repeat(true, visits).ToArray();

        // A table of n columns takes the cells' widths plus two spaces a column and two at its edges.
        int Room(int columnCount, IEnumerable<int> fixedWidths) => width - fixedWidths.Sum() - (Gap * columnCount) - 2;

        if (Room(visits + 2, natural.Append(item).Append(labelNatural)) >= 0)
        {
            return new Plan(false, null, new int?[visits], noParts);
        }

        int label = Room(visits + 2, whole.Append(item));
        if (label >= labelWord)
        {
            return new Plan(false, Math.Min(label, labelNatural), whole.Select(w => (int?)w).ToArray(), noParts);
        }

        int stackedWord = Math.Max(item, body.Select(l => Wrapped.LongestWord(l.Label) + (l.Total || l.Item.Length == 0 ? 0 : StackIndent)).Max());
        int stacked = Room(visits + 1, whole);
        if (stacked >= stackedWord)
        {
            return new Plan(true, stacked, whole.Select(w => (int?)w).ToArray(), noParts);
        }

        // The narrowest terminals: the label flush under the code, as wide as what is left; a word wider than that breaks.
        int room = Room(visits + 1, parts);
        return new Plan(true, room, parts.Select(w => (int?)w).ToArray(), allParts) { Indent = room >= stackedWord ? StackIndent : 0 };
    }

    /// <summary>One row of the table as text: the item, its label, a cell per visit; or the totals' heading or a total.</summary>
    private sealed record GridLine(string Item, string Label, string[] Cells, bool Total);

    /// <summary>
    /// How the table is laid out: the label under the item code or in a column of its own; the label's width (null: as
    /// wide as it is); each visit's width; whether a visit's payments put their units on a line of their own.
    /// </summary>
    private sealed record Plan(bool Stacked, int? Label, int?[] Visits, bool[] Parts)
    {
        /// <summary>Gets how far a label is indented under its item code when the two share a column.</summary>
        public int Indent { get; init; } = StackIndent;
    }
}
