using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>Columns padded with spaces, for the tables not drawn with Spectre.Console yet (reconcile).</summary>
internal static class PlainRows
{
    /// <summary>Writes the rows (the first is the heading) with each column as wide as its widest cell, two spaces apart.</summary>
    public static void Write(TextWriter output, List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            var cells = row.Select((cell, c) => c == columns - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }
}
