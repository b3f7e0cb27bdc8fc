using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Turns an official CMS file (AOC, PTP, MUE, ICD-10-CM/PCS order file, OPPS Addendum B) into the rule set's YAML table,
/// keeping the codes the rule set needs, merged with the table's history so that each row keeps its effective period.
/// A pure function: it reads the file from a reader and returns the new table text, or every located error (then
/// nothing should be written). The console wires it to files; see <c>docs/rule-updates.md</c>.
/// </summary>
public static class RuleTableImport
{
    /// <summary>Gives the rule file an import kind writes (e.g. <c>ptp-edits.yaml</c>).</summary>
    /// <param name="kind">The kind of official file.</param>
    /// <returns>The rule file's name.</returns>
    public static string TargetFile(ImportKind kind) => kind switch
    {
        ImportKind.Aoc => "add-on-codes.yaml",
        ImportKind.Ptp => "ptp-edits.yaml",
        ImportKind.Mue => "mue.yaml",
        ImportKind.Icd10Cm => "icd10cm.yaml",
        ImportKind.Icd10Pcs => "icd10pcs.yaml",
        _ => "inpatient-only.yaml",
    };

    /// <summary>Imports one official file into the rule set's table of that kind.</summary>
    /// <param name="rules">The rule set whose table is updated (its codes decide what is kept; its rows are the history).</param>
    /// <param name="kind">The kind of official file.</param>
    /// <param name="input">The official file's text.</param>
    /// <param name="inputName">The file's name, for errors and the table's source.</param>
    /// <param name="currentTable">The current text of the rule file (its leading comments are kept).</param>
    /// <param name="options">What to keep and the dates the file applies from.</param>
    /// <returns>The new table, or the errors.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ImportOutcome Import(RuleSet rules, ImportKind kind, TextReader input, string inputName, string currentTable, ImportOptions options)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(input, nameof(input));
        Preconditions.CheckNotNull(inputName, nameof(inputName));
        Preconditions.CheckNotNull(currentTable, nameof(currentTable));
        Preconditions.CheckNotNull(options, nameof(options));
        var sink = new DataErrorSink(inputName);
        CheckOptions(kind, options, sink);
        CheckText("The file name", Path.GetFileName(inputName), sink);
        CheckText("The release (--release)", options.Release, sink);
        if (sink.HasErrors)
        {
            return new ImportOutcome(null, sink.Errors, 0, 0);
        }

        // A PTP edit is kept when both its codes are; an add-on edit whenever its add-on code is (all of its primaries count).
        Func<string, bool> keep = Keeper(rules, kind, options);
        var collector = new RowCollector(r => keep(r.Key) && (kind != ImportKind.Ptp || keep(r.Second)), options.Limits.MaxListItems);
        OfficialFiles.Read(kind, input, options, collector, sink);
        List<ImportedRow> read = sink.HasErrors ? collector.Kept : ImportChecks.Distinct(kind, collector.Kept, sink);
        if (sink.HasErrors)
        {
            return new ImportOutcome(null, sink.Errors, collector.Read, 0);
        }

        CodeTables tables = rules.Tables;
        string release = options.Release ?? Release(kind, options);
        var source = new TableSource(string.Empty, Path.GetFileName(inputName), release);

        // The official file confirms the rows it holds: they cite it; rows kept from the table keep their own source.
        string document = $"{Path.GetFileName(inputName)}, {release} (imported with 'coding rules import')";
        var imported = new SourceDocument(ImportSourceId(rules, document, release), document, confirmed: true, note: null);
        var kept = read.Select(r => r with { Source = imported }).ToList();
        string yaml = kind switch
        {
            ImportKind.Aoc => TableYaml.AddOns(currentTable, source, Replace(kept)),
            ImportKind.Ptp => TableYaml.Ptp(currentTable, source, tables.Ptp, options.Table, Replace(kept)),
            ImportKind.Mue => TableYaml.Mue(currentTable, source, tables.Mue, options.Table, Merge(MueRows(tables.Mue, options.Table), kept, options.EffectiveFrom!.Value, keep)),
            ImportKind.Icd10Cm => TableYaml.Validity(currentTable, source, tables.Icd10Cm, Merge(ValidityRows(tables.Icd10Cm), kept, FiscalYearStart(options), keep)),
            ImportKind.Icd10Pcs => TableYaml.Validity(currentTable, source, tables.Icd10Pcs, Merge(ValidityRows(tables.Icd10Pcs), kept, FiscalYearStart(options), keep)),
            _ => TableYaml.InpatientOnly(currentTable, source, tables.InpatientOnly, Merge(IpoRows(tables.InpatientOnly), kept, options.EffectiveFrom!.Value, keep)),
        };
        return new ImportOutcome(yaml, sink.Errors, collector.Read, kept.Count);
    }

    /// <summary>
    /// Checks that the rule set in a directory still loads with the table an import produced in place of its own, by the
    /// very loader <see cref="RuleSet.Load(string, ReadLimits)"/> runs (every check, the limits included), without
    /// writing anything. Run it before replacing the rule file: a table that would not load is never written.
    /// </summary>
    /// <param name="rulesDirectory">The rule set directory the table belongs to.</param>
    /// <param name="kind">The kind of official file imported (it names the rule file).</param>
    /// <param name="yaml">The new table (<see cref="ImportOutcome.Yaml"/>).</param>
    /// <param name="limits">The limits the rule set is loaded with (the table's size among them).</param>
    /// <returns>Every error the rule set would have, the new table's reported as <c>FILE (as imported, not written)</c>; empty when it loads.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<DataError> CheckLoads(string rulesDirectory, ImportKind kind, string yaml, ReadLimits limits)
    {
        Preconditions.CheckNotNull(rulesDirectory, nameof(rulesDirectory));
        Preconditions.CheckNotNull(yaml, nameof(yaml));
        Preconditions.CheckNotNull(limits, nameof(limits));
        try
        {
            RuleSet.Load(rulesDirectory, limits, new RuleSource(TargetFile(kind), Path.Combine(rulesDirectory, TargetFile(kind)) + " (as imported, not written)", yaml));
            return Array.Empty<DataError>();
        }
        catch (RuleDataException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>A name written into the table must be text a rule file can hold: escapes cannot carry NUL, U+FFFE, U+FFFF or half a surrogate pair.</summary>
    private static void CheckText(string what, string? text, DataErrorSink sink)
    {
        if (text is null)
        {
            return;
        }

        if (text.Trim().Length == 0)
        {
            sink.Add(DataErrorIds.InvalidValue, what + " is empty.", default);
        }
        else if (TextCheck.ForbiddenIn(text) is not null)
        {
            // The first character at fault: NUL, U+FFFE, U+FFFF or a surrogate without its other half.
            char bad = '\0';
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (c is '\0' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
                {
                    bad = c;
                    break;
                }
            }

            sink.Add(DataErrorIds.InvalidText, string.Format(CultureInfo.InvariantCulture, "{0} holds U+{1:X4}, which no rule file may hold, even as an escape: {2}.", what, (int)bad, what.StartsWith("The file", StringComparison.Ordinal) ? "rename the file" : "give another release"), default);
        }
    }

    /// <summary>
    /// An id for the imported file's source: the same id when the table already cites this very document (importing
    /// the same file twice changes nothing), otherwise one unlike any the rule set cites.
    /// </summary>
    private static string ImportSourceId(RuleSet rules, string document, string release)
    {
        string slug = ("import-" + new string(release.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray()).Trim('-')).TrimEnd('-');
        var cited = rules.Provenance.SelectMany(t => t.Rows).Select(r => r.Source).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Document, StringComparer.Ordinal);
        string id = slug;
        for (int n = 2; cited.TryGetValue(id, out string? existing) && existing != document; n++)
        {
            id = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    private static void CheckOptions(ImportKind kind, ImportOptions options, DataErrorSink sink)
    {
        if (kind is ImportKind.Mue or ImportKind.Ipo && options.EffectiveFrom is null)
        {
            sink.Add(DataErrorIds.MissingKey, $"A {kind} file carries no dates: give the first day its values apply (--effective-from YYYY-MM-DD).", default);
        }

        if (kind is ImportKind.Icd10Cm or ImportKind.Icd10Pcs && options.FiscalYear is not (>= 2016 and <= 2100))
        {
            sink.Add(DataErrorIds.MissingKey, "An order file is for one fiscal year: give it (--fiscal-year YYYY, e.g. 2027 for 1 October 2026 to 30 September 2027).", default);
        }
    }

    private static DateTime FiscalYearStart(ImportOptions options) => new(options.FiscalYear!.Value - 1, 10, 1);

    private static string Release(ImportKind kind, ImportOptions options)
        => kind is ImportKind.Icd10Cm or ImportKind.Icd10Pcs
            ? "FY" + options.FiscalYear!.Value.ToString(CultureInfo.InvariantCulture)
            : options.EffectiveFrom is { } from ? string.Format(CultureInfo.InvariantCulture, "{0} Q{1}", from.Year, ((from.Month - 1) / 3) + 1) : "as published";

    /// <summary>Which codes to keep: a list given, every row (empty list), or the codes the rule set knows (its codes, procedures and table families).</summary>
    private static Func<string, bool> Keeper(RuleSet rules, ImportKind kind, ImportOptions options)
    {
        if (options.Codes is { Count: 0 })
        {
            return _ => true;
        }

        if (options.Codes is { } codes)
        {
            var set = new HashSet<string>(codes, StringComparer.OrdinalIgnoreCase);
            return set.Contains;
        }

        if (kind == ImportKind.Icd10Cm)
        {
            return c => rules.Tables.Icd10Cm.FamilyOf(c) is not null;
        }

        if (kind == ImportKind.Icd10Pcs)
        {
            return c => rules.Tables.Icd10Pcs.FamilyOf(c) is not null;
        }

        var known = new HashSet<string>(rules.Codes.Select(c => c.Code).Concat(rules.Tables.Procedures.Keys).Concat(rules.Tables.AddOns.Edits.Keys), StringComparer.Ordinal);
        return known.Contains;
    }

    /// <summary>AOC and PTP files carry each edit's own dates: their rows replace the table's.</summary>
    private static List<ImportedRow> Replace(List<ImportedRow> rows)
        => rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Second, StringComparer.Ordinal).ThenBy(r => r.From).ToList();

    /// <summary>
    /// A file that is a snapshot (MUE, inpatient-only list, order files): from <paramref name="from"/> on, the table holds
    /// exactly the snapshot's rows for the kept codes. An open row whose value is unchanged stays as it is; one that changed
    /// or vanished is closed the day before; new values start on <paramref name="from"/>. Rows of codes not kept are untouched.
    /// </summary>
    internal static List<ImportedRow> Merge(IEnumerable<ImportedRow> existing, List<ImportedRow> snapshot, DateTime from, Func<string, bool> keep)
    {
        var result = new List<ImportedRow>();
        var wanted = snapshot.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First() with { From = from, To = null }, StringComparer.Ordinal);
        var stillOpen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ImportedRow row in existing)
        {
            bool open = row.To is null || row.To >= from;
            if (!keep(row.Key) || !open)
            {
                result.Add(row);
            }
            else if (wanted.TryGetValue(row.Key, out var next) && next.Second == row.Second && next.Number == row.Number && next.Flag == row.Flag && row.To is null)
            {
                // Unchanged: the row keeps its dates, and the official file now confirms it.
                result.Add(row with { Source = next.Source });
                stillOpen.Add(row.Key);
            }
            else if (row.From < from)
            {
                result.Add(row with { To = from.AddDays(-1) });
            }
        }

        result.AddRange(wanted.Values.Where(r => !stillOpen.Contains(r.Key)));
        return result.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.From).ToList();
    }

    private static IEnumerable<ImportedRow> MueRows(MueTable table, NcciTable which)
        => (which == NcciTable.Practitioner ? table.Practitioner : table.OutpatientHospital).Rows
            .Select(r => new ImportedRow(r.Code, r.Adjudication.ToString(CultureInfo.InvariantCulture), r.MaxUnits, false, r.Period.From, r.Period.To) { Source = r.Source });

    private static IEnumerable<ImportedRow> ValidityRows(CodeValidityTable table)
        => table.Codes.Rows.Select(r => new ImportedRow(r.Code, string.Empty, 0, r.Billable, r.Period.From, r.Period.To) { Source = r.Source });

    private static IEnumerable<ImportedRow> IpoRows(InpatientOnlyList list)
        => list.Codes.Rows.Select(r => new ImportedRow(r.Code, string.Empty, 0, true, r.Period.From, r.Period.To) { Source = r.Source });
}
