using System.Collections.Generic;
using System.IO;
using System.Text;

namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Splits the lines of a tab- or comma-delimited official file into cells (double quotes group a cell and "" is a
/// quote, as in RFC 4180), keeping each line's number for error messages. Lines are split on LF; a trailing CR goes with
/// the cell trimming (delimited files) or falls past the fixed columns (order files).
/// </summary>
internal static class DelimitedLines
{
    public static IEnumerable<(int Line, string Text)> Lines(TextReader reader)
    {
        int number = 0;
        var builder = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                number++;
                yield return (number, builder.ToString());
                builder.Clear();
            }
            else
            {
                builder.Append((char)c);
            }
        }

        if (builder.Length > 0)
        {
            yield return (number + 1, builder.ToString());
        }
    }

    public static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    /// <summary>A header cell reduced to letters and digits, lower case, for matching column names across releases.</summary>
    public static string Normalise(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (char c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
