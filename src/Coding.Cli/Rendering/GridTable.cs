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
/// Renders a billing grid as a table fitted to the width (labels and cells wrap, items do not), with the totals per
/// payer and the courses' error findings underneath.
/// </summary>
internal static class GridTable
{
    /// <summary>The space between two columns.</summary>
    private const int Gap = 2;

    private static readonly string[] Leading = { "Item", "Label" };

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
        var rows = new List<string[]>();
        rows.AddRange(grid.Rows.Select(r => new[] { r.DesignationChanges ? r.Item + " *" : r.Item, r.Label }.Concat(r.Cells.Select(c => c?.ToString() ?? "-")).ToArray()));
        rows.Add(new[] { "Total lines", string.Empty }.Concat(grid.Columns.Select(_ => string.Empty)).ToArray());
        rows.AddRange(grid.Totals.Select(t => new[] { string.Empty, t.Payer }.Concat(t.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))).ToArray()));
        var headings = Leading.Concat(grid.Columns).ToArray();

        var table = new Table { Border = ConsoleCanvas.Border(options), UseSafeBorder = false };
        int?[] widths = VisitWidths(headings, rows, options.Width);
        for (int c = 0; c < headings.Length; c++)
        {
            table.AddColumn(new TableColumn(Cell.Of(headings[c], Cell.Heading)) { NoWrap = c == 0, Padding = new Padding(0, 0, Gap - 1, 0), Width = widths[c] });
        }

        for (int r = 0; r < rows.Count; r++)
        {
            bool totalHeading = r == grid.Rows.Count;
            table.AddRow(rows[r].Select((cell, c) => (IRenderable)Cell.Of(cell, totalHeading && c == 0 ? Cell.Heading : (Style?)null)).ToArray());
        }

        return table;
    }

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
    /// When the table is wider than the width, each visit's column is made as narrow as its longest payment, so the
    /// label column keeps the room (left to Spectre, every column would shrink alike and the labels break mid-word).
    /// </summary>
    private static int?[] VisitWidths(string[] headings, List<string[]> rows, int width)
    {
        var natural = headings.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        var widths = new int?[headings.Length];
        if (1 + natural.Sum() + (Gap * headings.Length) <= width)
        {
            return widths;
        }

        // Each payment ("insurer Q1 x1") whole if the label keeps room for its longest word that way; else only who
        // pays ("not billable") stays whole and its units may go under it.
        int label = rows.Select(r => r[1]).Append(headings[1]).SelectMany(t => t.Split(' ')).Max(w => w.Length); // The grid always has Item and Label.
        foreach (bool whole in new[] { true, false })
        {
            for (int c = 2; c < headings.Length; c++)
            {
                var payments = rows.Select(r => r[c]).SelectMany(t => t.Split(PaymentSeparator, StringSplitOptions.None));
                widths[c] = (whole ? payments : payments.SelectMany(Parts)).Concat(HeadingLines(headings[c])).Max(w => w.Length);
            }

            if (1 + natural[0] + label + widths.Skip(2).Sum(w => w ?? 0) + (Gap * headings.Length) <= width)
            {
                break;
            }
        }

        return widths;
    }
}
