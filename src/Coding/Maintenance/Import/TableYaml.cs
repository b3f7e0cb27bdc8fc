using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Writes a code table back as YAML in the layout of the shipped files: the file's leading comments, the source block,
/// the table's other keys, then one flow-style row per line, sorted, so that a refresh diffs line by line.
/// </summary>
internal static class TableYaml
{
    public static string AddOns(string current, TableSource source, IReadOnlyList<ImportedRow> rows)
    {
        var yaml = Start(current, source, rows);
        List(yaml, "edits", rows, r => $"add_on: {Code(r.Key)}, primary: {Code(r.Second)}, aoc_type: {r.Number}");

        return yaml.ToString();
    }

    public static string Ptp(string current, TableSource source, PtpTable table, NcciTable which, IReadOnlyList<ImportedRow> rows)
    {
        var other = (which == NcciTable.Practitioner ? table.OutpatientHospital : table.Practitioner).Rows.Select(e => e.Source);
        var yaml = Start(current, source, rows, other);
        if (table.Advice.Count > 0)
        {
            yaml.Append("advice:\n");
            foreach (var advice in table.Advice.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                yaml.Append("  - { column2: ").Append(Code(advice.Key)).Append(", note: ").Append(advice.Value).Append(" }\n");
            }
        }

        IEnumerable<ImportedRow> Existing(DatedIndex<PtpEdit> index)
            => index.Rows.Select(e => new ImportedRow(e.Column1, e.Column2, e.Modifier, false, e.Period.From, e.Period.To) { Source = e.Source }).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Second, StringComparer.Ordinal).ThenBy(r => r.From);
        foreach (var (name, kind, index) in new[] { ("practitioner", NcciTable.Practitioner, table.Practitioner), ("outpatient_hospital", NcciTable.OutpatientHospital, table.OutpatientHospital) })
        {
            List(yaml, name, kind == which ? rows : Existing(index), r => $"column1: {Code(r.Key)}, column2: {Code(r.Second)}, modifier: {r.Number}");
        }

        return yaml.ToString();
    }

    public static string Mue(string current, TableSource source, MueTable table, NcciTable which, IReadOnlyList<ImportedRow> rows)
    {
        var other = (which == NcciTable.Practitioner ? table.OutpatientHospital : table.Practitioner).Rows.Select(e => e.Source);
        var yaml = Start(current, source, rows, other);
        IEnumerable<ImportedRow> Existing(DatedIndex<MueEdit> index)
            => index.Rows.Select(e => new ImportedRow(e.Code, e.Adjudication.ToString(CultureInfo.InvariantCulture), e.MaxUnits, false, e.Period.From, e.Period.To) { Source = e.Source }).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.From);
        foreach (var (name, kind, index) in new[] { ("practitioner", NcciTable.Practitioner, table.Practitioner), ("outpatient_hospital", NcciTable.OutpatientHospital, table.OutpatientHospital) })
        {
            List(yaml, name, kind == which ? rows : Existing(index), r => $"code: {Code(r.Key)}, max_units: {r.Number}, adjudication: {r.Second}");
        }

        return yaml.ToString();
    }

    public static string Validity(string current, TableSource source, CodeValidityTable table, IReadOnlyList<ImportedRow> rows)
    {
        var yaml = Start(current, source, rows);
        yaml.Append("families: [").Append(string.Join(", ", table.Families.OrderBy(f => f, StringComparer.Ordinal).Select(Code))).Append("]\n");
        List(yaml, "codes", rows, r => $"code: {Code(r.Key)}, billable: {(r.Flag ? "true" : "false")}");

        return yaml.ToString();
    }

    public static string InpatientOnly(string current, TableSource source, InpatientOnlyList list, IReadOnlyList<ImportedRow> rows)
    {
        var yaml = Start(current, source, rows);
        yaml.Append("outpatient_places_of_service: [").Append(string.Join(", ", list.OutpatientPlacesOfService.Select(p => "\"" + p + "\""))).Append("]\n");
        List(yaml, "codes", rows, r => $"code: {Code(r.Key)}");

        return yaml.ToString();
    }

    /// <summary>The current file's leading comment lines (schema pointer and explanation), the table block, then every source a row cites.</summary>
    private static StringBuilder Start(string current, TableSource source, IEnumerable<ImportedRow> rows, IEnumerable<SourceDocument>? others = null)
    {
        var yaml = new StringBuilder();
        foreach (string line in current.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0 || line[0] != '#')
            {
                break;
            }

            yaml.Append(line).Append('\n');
        }

        yaml.Append("table:\n");
        yaml.Append("  file: ").Append(Text(source.File)).Append('\n');
        yaml.Append("  release: ").Append(Text(source.Release)).Append('\n');
        yaml.Append("  note: ").Append(Text("Imported from " + source.File + " with 'coding rules import'.")).Append('\n');
        yaml.Append("sources:\n");
        var cited = rows.Select(r => r.Source!).Concat(others ?? Enumerable.Empty<SourceDocument>()).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal);
        foreach (SourceDocument document in cited)
        {
            yaml.Append("  - { id: ").Append(Text(document.Id)).Append(", document: ").Append(Text(document.Document)).Append(", confirmed: ").Append(document.Confirmed ? "true" : "false");
            if (document.Note is { } note)
            {
                yaml.Append(", note: ").Append(Text(note));
            }

            yaml.Append(" }\n");
        }

        return yaml;
    }

    /// <summary>A list of rows, one flow mapping a line; an empty list as <c>[]</c>, never a key without a value.</summary>
    private static void List(StringBuilder yaml, string name, IEnumerable<ImportedRow> rows, Func<ImportedRow, string> fields)
    {
        yaml.Append(name).Append(':');
        int start = yaml.Length;
        yaml.Append('\n');
        foreach (var r in rows)
        {
            Row(yaml, fields(r), r);
        }

        if (yaml.Length == start + 1)
        {
            yaml.Insert(start, " []");
        }
    }

    private static void Row(StringBuilder yaml, string fields, ImportedRow row)
    {
        yaml.Append("  - { ").Append(fields).Append(", effective_from: ").Append(Date(row.From));
        if (row.To is { } to)
        {
            yaml.Append(", effective_to: ").Append(Date(to));
        }

        yaml.Append(", source: ").Append(Text(row.Source!.Id)).Append(" }\n");
    }

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Codes that YAML would read as numbers are quoted, as in the shipped files.</summary>
    private static string Code(string code) => code.All(char.IsDigit) ? "\"" + code + "\"" : code;

    /// <summary>
    /// A double-quoted YAML string. Besides the quote and the backslash, every character that could end a line or
    /// fool a reader (C0 and C1 controls, DEL, line and paragraph separators, the byte order mark, bidirectional
    /// controls) is written as a <c>\uXXXX</c> escape, so a file name or release holding a line feed stays one value.
    /// (NUL, U+FFFE, U+FFFF and half surrogate pairs cannot be held even as escapes; the import refuses them first.)
    /// </summary>
    private static string Text(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (c is '\\' or '"')
            {
                quoted.Append('\\').Append(c);
            }
            else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c is '\u2028' or '\u2029' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }
}
