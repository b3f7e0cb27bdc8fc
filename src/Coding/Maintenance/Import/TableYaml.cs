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
        yaml.Append("edits:\n");
        foreach (var r in rows)
        {
            Row(yaml, $"add_on: {Code(r.Key)}, primary: {Code(r.Second)}, aoc_type: {r.Number}", r);
        }

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
            yaml.Append(name).Append(":\n");
            foreach (var r in kind == which ? rows : Existing(index))
            {
                Row(yaml, $"column1: {Code(r.Key)}, column2: {Code(r.Second)}, modifier: {r.Number}", r);
            }
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
            yaml.Append(name).Append(":\n");
            foreach (var r in kind == which ? rows : Existing(index))
            {
                Row(yaml, $"code: {Code(r.Key)}, max_units: {r.Number}, adjudication: {r.Second}", r);
            }
        }

        return yaml.ToString();
    }

    public static string Validity(string current, TableSource source, CodeValidityTable table, IReadOnlyList<ImportedRow> rows)
    {
        var yaml = Start(current, source, rows);
        yaml.Append("families: [").Append(string.Join(", ", table.Families.OrderBy(f => f, StringComparer.Ordinal).Select(Code))).Append("]\n");
        yaml.Append("codes:\n");
        foreach (var r in rows)
        {
            Row(yaml, $"code: {Code(r.Key)}, billable: {(r.Flag ? "true" : "false")}", r);
        }

        return yaml.ToString();
    }

    public static string InpatientOnly(string current, TableSource source, InpatientOnlyList list, IReadOnlyList<ImportedRow> rows)
    {
        var yaml = Start(current, source, rows);
        yaml.Append("outpatient_places_of_service: [").Append(string.Join(", ", list.OutpatientPlacesOfService.Select(p => "\"" + p + "\""))).Append("]\n");
        yaml.Append("codes:\n");
        foreach (var r in rows)
        {
            Row(yaml, $"code: {Code(r.Key)}", r);
        }

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

    private static string Text(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
