using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Splits the lines of a tab- or comma-delimited official file into cells (double quotes group a cell and "" is a
/// quote, as in RFC 4180), keeping each line's number for error messages. Lines are split on LF, and a CR before the LF is dropped.
/// </summary>
internal static class DelimitedLines
{
    /// <summary>
    /// The file's lines, each at most <paramref name="maxLength"/> characters (a longer one is a DATA007 error and ends the
    /// reading, so a file of one endless line, or a device, is never held in memory). A CR is dropped before an LF or at
    /// the end; anywhere else the file's lines end in CR alone (or it is damaged), which is a DATA001 error and ends the
    /// reading too: read as one line, such a file would give one row, or none, without a word.
    /// </summary>
    public static IEnumerable<(int Line, string Text)> Lines(TextReader reader, int maxLength, DataErrorSink sink)
    {
        int number = 0;
        var builder = new StringBuilder();
        bool carriageReturn = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (carriageReturn && c != '\n')
            {
                sink.Add(DataErrorIds.Syntax, "A carriage return (CR) inside a line: the file's lines end in CR alone, or it is damaged. Save it with LF or CRLF line ends.", new SourceMark(number + 1, builder.Length + 1));
                yield break;
            }

            carriageReturn = false;
            if (c == '\n')
            {
                number++;
                yield return (number, builder.ToString());
                builder.Clear();
            }
            else if (c == '\r')
            {
                carriageReturn = true;
            }
            else if (builder.Length >= maxLength)
            {
                sink.Add(DataErrorIds.LimitExceeded, string.Format(CultureInfo.InvariantCulture, "The line is longer than the limit of {0} characters (an official file's lines are a few hundred): is this the right file? Raise the limit with --max-line-bytes (library: ReadLimits.WithMaxLineBytes).", maxLength), new SourceMark(number + 1, maxLength + 1));
                yield break;
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
