using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Reads each official CMS file in its published layout into rows, reporting every row that breaks the layout with its
/// line (and column where it helps). Delimited files are found by their header row (the copyright preamble CMS puts
/// before it is skipped), so a file of the wrong kind is reported as such rather than misread.
/// </summary>
#pragma warning disable CA1845, CA1846, CA2249 // Span and char overloads: netstandard2.0, one of the targets, lacks them.
internal static class OfficialFiles
{
    private static readonly string[] AocColumns = { "addoncode", "primarycode", "aocedittype", "aocediteffectivedate", "aoceditdeletiondate" };
    private static readonly string[] PtpColumns = { "column1", "column2", "effectivedate", "deletiondate", "modifier" };
    private static readonly string[] MueColumns = { "hcpcscptcode", "muevalues", "adjudicationindicator" };
    private static readonly string[] IpoColumns = { "hcpcscode", "si" };

    /// <summary>Reads the file's rows, keeping those <paramref name="rows"/> wants (so only kept rows are held in memory).</summary>
    public static void Read(ImportKind kind, TextReader reader, ImportOptions options, RowCollector rows, DataErrorSink sink)
    {
        int maxLength = options.Limits.MaxLineBytes;
        switch (kind)
        {
            case ImportKind.Aoc:
                Delimited(DelimitedLines.Lines(reader, maxLength, sink), rows, sink, "AOC", AocColumns, (c, at, line) => Aoc(c, at, line, sink));
                break;
            case ImportKind.Ptp:
                Delimited(DelimitedLines.Lines(reader, maxLength, sink), rows, sink, "PTP", PtpColumns, (c, at, line) => Ptp(c, at, line, sink));
                break;
            case ImportKind.Mue:
                Delimited(DelimitedLines.Lines(reader, maxLength, sink), rows, sink, "MUE", MueColumns, (c, at, line) => Mue(c, at, line, options, sink));
                break;
            case ImportKind.Ipo:
                Delimited(DelimitedLines.Lines(reader, maxLength, sink), rows, sink, "OPPS Addendum B", IpoColumns, (c, at, line) => Ipo(c, at, options));
                break;
            default:
                OrderFile(DelimitedLines.Lines(reader, maxLength, sink), rows, sink, pcs: kind == ImportKind.Icd10Pcs, options);
                break;
        }
    }

    /// <summary>
    /// A delimited file: lines before the header row are preamble; the header maps column names (matched loosely:
    /// letters and digits only; an exact name first, else the first header that contains it) to positions.
    /// </summary>
    private static void Delimited(IEnumerable<(int Line, string Text)> lines, RowCollector rows, DataErrorSink sink, string layout, string[] required, Func<List<string>, int[], int, ImportedRow?> row)
    {
        int[]? at = null;
        int headerLine = 0;
        int dataLines = 0;
        char delimiter = '\t';
        foreach (var (line, text) in lines)
        {
            if (text.Trim().Length == 0)
            {
                continue;
            }

            if (at is null)
            {
                delimiter = text.IndexOf('\t') >= 0 ? '\t' : ',';
                var headers = DelimitedLines.Split(text, delimiter).Select(DelimitedLines.Normalise).ToList();
                var found = required.Select(name => Find(headers, name)).ToArray();
                if (found.All(i => i >= 0))
                {
                    at = found;
                    headerLine = line;
                }

                continue;
            }

            dataLines++;
            var cells = DelimitedLines.Split(text, delimiter);
            if (cells.Count <= at.Max())
            {
                sink.Add(DataErrorIds.Syntax, $"Expected at least {at.Max() + 1} columns in this {layout} row, found {cells.Count}: the line is short or cut off.", new SourceMark(line, 1));
                continue;
            }

            if (row(cells, at, line) is { } parsed && !rows.Add(parsed with { Line = line }, sink))
            {
                return;
            }
        }

        if (at is null)
        {
            if (!sink.HasErrors)
            {
                sink.Add(DataErrorIds.Syntax, $"No {layout} header row was found (expected columns {string.Join(", ", required)}): is this the right file?", new SourceMark(1, 1));
            }
        }
        else if (dataLines == 0 && !sink.HasErrors)
        {
            sink.Add(DataErrorIds.Syntax, $"The file has no rows: nothing follows its {layout} header row. Is it cut off?", new SourceMark(headerLine, 1));
        }
    }

    private static int Find(List<string> headers, string name)
    {
        int exact = headers.IndexOf(name);
        return exact >= 0 || name.Length <= 2 ? exact : headers.FindIndex(h => h.Contains(name));
    }

    private static ImportedRow? Aoc(List<string> cells, int[] at, int line, DataErrorSink sink)
    {
        string addOn = cells[at[0]].ToUpperInvariant();
        string primary = cells[at[1]].ToUpperInvariant();
        if (!IsCode(addOn) || !IsCode(primary))
        {
            sink.Add(DataErrorIds.InvalidValue, $"'{addOn}' / '{primary}' is not a pair of CPT/HCPCS codes.", new SourceMark(line, 1));
            return null;
        }

        if (!int.TryParse(cells[at[2]], NumberStyles.None, CultureInfo.InvariantCulture, out int type) || type is < 1 or > 3)
        {
            sink.Add(DataErrorIds.InvalidValue, $"AOC edit type '{cells[at[2]]}' is not 1, 2 or 3.", new SourceMark(line, 1));
            return null;
        }

        return Dated(addOn, primary, type, cells[at[3]], cells[at[4]], line, sink);
    }

    private static ImportedRow? Ptp(List<string> cells, int[] at, int line, DataErrorSink sink)
    {
        string column1 = cells[at[0]].ToUpperInvariant();
        string column2 = cells[at[1]].ToUpperInvariant();
        if (!IsCode(column1) || !IsCode(column2))
        {
            sink.Add(DataErrorIds.InvalidValue, $"'{column1}' / '{column2}' is not a pair of CPT/HCPCS codes.", new SourceMark(line, 1));
            return null;
        }

        string modifier = cells[at[4]];
        if (modifier is not ("0" or "1" or "9"))
        {
            sink.Add(DataErrorIds.InvalidValue, $"Modifier indicator '{modifier}' is not 0, 1 or 9.", new SourceMark(line, 1));
            return null;
        }

        return Dated(column1, column2, modifier[0] - '0', cells[at[2]], cells[at[3]], line, sink);
    }

    /// <summary>An edit's period: from its effective date to the day before its deletion date (<c>*</c> or blank: none).</summary>
    private static ImportedRow? Dated(string key, string second, int number, string effectiveText, string deletionText, int line, DataErrorSink sink)
    {
        DateTime? effective = ParseDate(effectiveText);
        bool noDeletion = deletionText.Length == 0 || deletionText == "*";
        DateTime? deletion = noDeletion ? null : ParseDate(deletionText);
        if (effective is null || (!noDeletion && deletion is null))
        {
            sink.Add(DataErrorIds.InvalidValue, $"'{(effective is null ? effectiveText : deletionText)}' is not a date (YYYYMMDD, YYYYDDD or MM/DD/YYYY; '*' for no deletion date).", new SourceMark(line, 1));
            return null;
        }

        if (deletion <= effective)
        {
            sink.Add(DataErrorIds.InvalidValue, "The deletion date is not after the effective date.", new SourceMark(line, 1));
            return null;
        }

        return new ImportedRow(key, second, number, false, effective.Value, deletion?.AddDays(-1));
    }

    private static ImportedRow? Mue(List<string> cells, int[] at, int line, ImportOptions options, DataErrorSink sink)
    {
        string code = cells[at[0]].ToUpperInvariant();
        if (!IsCode(code))
        {
            sink.Add(DataErrorIds.InvalidValue, $"'{code}' is not a CPT/HCPCS code.", new SourceMark(line, 1));
            return null;
        }

        string indicator = cells[at[2]].Trim();
        if (!int.TryParse(cells[at[1]].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int units) || indicator.Length == 0 || indicator[0] is < '1' or > '3')
        {
            sink.Add(DataErrorIds.InvalidValue, $"MUE value '{cells[at[1]]}' must be a whole number and the adjudication indicator '{indicator}' must start with 1, 2 or 3.", new SourceMark(line, 1));
            return null;
        }

        return new ImportedRow(code, indicator.Substring(0, 1), units, false, options.EffectiveFrom!.Value, null);
    }

    private static ImportedRow? Ipo(List<string> cells, int[] at, ImportOptions options)
    {
        string code = cells[at[0]].ToUpperInvariant();
        return IsCode(code) && cells[at[1]].Trim() == "C" ? new ImportedRow(code, string.Empty, 0, true, options.EffectiveFrom!.Value, null) : null;
    }

    /// <summary>The CMS order file: order number (1–5), code (7–13, no dot), header flag 0/1 (15), short title (17–76), long title (78–).</summary>
    private static void OrderFile(IEnumerable<(int Line, string Text)> lines, RowCollector rows, DataErrorSink sink, bool pcs, ImportOptions options)
    {
        var from = new DateTime(options.FiscalYear!.Value - 1, 10, 1);
        bool any = false;
        foreach (var (line, text) in lines)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length < 16 || !text.Substring(0, 5).All(char.IsDigit) || text[5] != ' ' || text[13] != ' ' || text[15] != ' ')
            {
                bool first = !any && !sink.HasErrors;
                sink.Add(DataErrorIds.Syntax, "Not an order-file line: expected a 5-digit order number, a space, the code in columns 7-13, a space, the flag 0 or 1 in column 15 and a space." + (first ? " Is this the right file?" : string.Empty), new SourceMark(line, 1));
                if (first)
                {
                    // A file whose first line is not in the layout is the wrong file: one error, not one per line.
                    return;
                }

                continue;
            }

            any = true;
            string raw = text.Substring(6, 7).Trim();
            char flag = text[14];
            if (flag is not ('0' or '1'))
            {
                sink.Add(DataErrorIds.InvalidValue, $"Flag '{flag}' is not 0 (header) or 1 (billable).", new SourceMark(line, 15));
                continue;
            }

            string code = pcs || raw.Length <= 3 ? raw : raw.Substring(0, 3) + "." + raw.Substring(3);
            bool valid = pcs ? CodeFormats.PcsPrefix.IsMatch(code) && (flag == '0' || code.Length == 7) : CodeFormats.Icd10Cm.IsMatch(code);
            if (!valid)
            {
                sink.Add(DataErrorIds.InvalidValue, $"'{raw}' is not a well-formed {(pcs ? "ICD-10-PCS" : "ICD-10-CM")} code.", new SourceMark(line, 7));
                continue;
            }

            if (!rows.Add(new ImportedRow(code, string.Empty, 0, flag == '1', from, null) { Line = line }, sink))
            {
                return;
            }
        }

        if (!any && !sink.HasErrors)
        {
            sink.Add(DataErrorIds.Syntax, "The order file has no code lines.", new SourceMark(1, 1));
        }
    }

    private static bool IsCode(string code) => CodeFormats.Cpt.IsMatch(code) || CodeFormats.Hcpcs.IsMatch(code);

    /// <summary>YYYYMMDD, YYYYDDD (year and day of year) or MM/DD/YYYY; <c>*</c> or blank is no date.</summary>
    internal static DateTime? ParseDate(string text)
    {
        if (text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length == 7 && int.TryParse(text.Substring(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1900
            && int.TryParse(text.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out int day) && day >= 1 && day <= (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return new DateTime(year, 1, 1).AddDays(day - 1);
        }

        return DateTime.TryParseExact(text, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? date : null;
    }
}
