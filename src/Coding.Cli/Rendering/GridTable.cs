using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary>Renders a billing grid as a plain-text table, with the courses' error findings underneath.</summary>
internal static class GridTable
{
    private static readonly string[] Leading = { "Item", "Label" };

    public static void Write(TextWriter output, BillingGrid grid, IReadOnlyList<CodingResult> visits)
    {
        var rows = new List<string[]> { Leading.Concat(grid.Columns).ToArray() };
        rows.AddRange(grid.Rows.Select(r => new[] { r.DesignationChanges ? r.Item + " *" : r.Item, r.Label }.Concat(r.Cells.Select(c => c ?? "-")).ToArray()));
        rows.Add(new[] { "Total lines", string.Empty }.Concat(grid.Columns.Select(_ => string.Empty)).ToArray());
        rows.AddRange(grid.Totals.Select(t => new[] { string.Empty, t.Payer }.Concat(t.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))).ToArray()));
        ResultTable.WriteRows(output, rows);
        if (grid.Rows.Any(r => r.DesignationChanges))
        {
            output.WriteLine("  * paid differently from one visit to another: one protocol item has one designation for the whole course; check the coverage analysis.");
        }

        foreach (CodingResult visit in visits.Where(v => !v.Ready))
        {
            foreach (Finding finding in visit.Findings.Where(f => f.Severity == Severity.Error))
            {
                output.WriteLine($"  ERROR {visit.CaseId} {finding.Id}: {finding.Message}");
            }
        }
    }
}
