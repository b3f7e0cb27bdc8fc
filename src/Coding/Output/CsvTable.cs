using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;

namespace IntraperitonealCoding.Output;

/// <summary>
/// Writes rows as CSV by RFC 4180 (comma, CRLF line ends, a field quoted when it holds a comma, quote or line break),
/// through CsvHelper. A field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is
/// prefixed with an apostrophe, so a spreadsheet never runs a value from a case file as a formula. Control characters
/// (C0 including CR, LF and tab; DEL; C1), line and paragraph separators and bidirectional overrides in a field are
/// written as visible escapes (<c>\x1B</c>, <c>\u202E</c>), as the console's tables write them: a CSV printed to a
/// terminal cannot run an escape sequence, and a row is always one line. The one CSV writer of the product.
/// </summary>
internal static class CsvTable
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static void Write(TextWriter writer, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        foreach (IReadOnlyList<string> row in rows)
        {
            foreach (string field in row)
            {
                csv.WriteField(SafeText.Escape(field));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, rows);
        return text.ToString();
    }
}
