using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A plain text table: a header and rows in columns two spaces apart, padded to the widest cell, with no colour or
/// borders, so that it reads the same in a terminal, a log and a diff, and <c>grep</c>/<c>awk</c> can take it apart.
/// </summary>
internal sealed class PlainTable
{
    private readonly string[] header;
    private readonly List<string[]> rows = new();

    public PlainTable(params string[] header) => this.header = header;

    /// <summary>Gets the number of rows added (the header not counted).</summary>
    public int Count => rows.Count;

    /// <summary>Adds a row with one cell per header column.</summary>
    /// <exception cref="ArgumentException">The row has another number of cells than the header.</exception>
    public PlainTable Add(params string[] cells)
    {
        if (cells.Length != header.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {header.Length} columns.", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    /// <summary>Writes the header and the rows, each line after <paramref name="indent"/>; the last column is not padded, so no line ends in spaces.</summary>
    public void Write(TextWriter output, string indent = "")
    {
        var all = rows.Prepend(header).ToList();
        int[] widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in all)
        {
            output.WriteLine((indent + string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])))).TrimEnd());
        }
    }
}
