using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// What every CSV and X12 output must be, whatever the input held: no raw control character (nor line separator or
/// bidirectional override), no delimiter inside a value, no cell a spreadsheet would run as a formula.
/// </summary>
internal static class OutputLaws
{
    /// <summary>Whether a character may never appear raw in an output (the record and segment ends are checked apart).</summary>
    public static bool Forbidden(char c)
        => c < 0x20 || (c >= 0x7F && c < 0xA0) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>
    /// RFC 4180 with CRLF rows, every row as wide as the header, no raw control character anywhere but the row ends,
    /// and no cell starting with a formula character (<c>= + - @</c>).
    /// </summary>
    /// <returns>The rows, parsed.</returns>
    public static List<List<string>> AssertCsv(string csv)
    {
        if (csv.Length == 0)
        {
            return new List<List<string>>();
        }

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        string body = csv.Replace("\r\n", string.Empty, StringComparison.Ordinal);
        foreach (char c in body)
        {
            Assert.False(Forbidden(c), $"raw U+{(int)c:X4} in CSV: {csv}");
        }

        var rows = Parse(csv);
        foreach (var row in rows)
        {
            Assert.Equal(rows[0].Count, row.Count);
            foreach (string cell in row)
            {
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"a cell a spreadsheet would run: '{cell}'");
            }
        }

        return rows;
    }

    /// <summary>
    /// Every segment ends with the terminator (and a line break when asked), and no element holds a delimiter it is
    /// not built with or a character outside the X12 extended set: so splitting the text gives back the values.
    /// </summary>
    public static void AssertX12(string text, X12Delimiters delimiters, bool lineBreaks)
    {
        string terminator = delimiters.Segment + (lineBreaks ? "\n" : string.Empty);
        if (text.Length == 0)
        {
            return;
        }

        Assert.EndsWith(terminator, text, StringComparison.Ordinal);
        string[] segments = text.Substring(0, text.Length - terminator.Length).Split(new[] { terminator }, StringSplitOptions.None);
        foreach (string segment in segments)
        {
            Assert.DoesNotContain(delimiters.Segment, segment);
            Assert.DoesNotContain(delimiters.Repetition, segment);
            foreach (char c in segment)
            {
                Assert.False(Forbidden(c), $"raw U+{(int)c:X4} in X12 segment {segment}");
                Assert.True(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') || " !\"&'()*+,-./:;?=%@[]_{}\\|<>~#$^`".Contains(c, StringComparison.Ordinal), $"U+{(int)c:X4} outside the X12 extended set in {segment}");
            }

            string[] elements = segment.Split(delimiters.Element);
            Assert.Matches("^[A-Z][A-Z0-9]{1,2}$", elements[0]);
        }
    }

    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
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
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = new List<string>();
                i++;
            }
            else
            {
                Assert.NotEqual('"', c);
                cell.Append(c);
            }
        }

        Assert.False(quoted, "a quoted CSV cell is not closed");
        return rows;
    }
}
