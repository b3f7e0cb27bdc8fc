using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Documents;

#pragma warning disable SA1402 // Small sibling types live together.
namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>
/// Collects the rows an import keeps while the file is read: only those are held in memory, and no more than one list
/// of the rule file may hold (<see cref="ReadLimits.MaxListItems"/>), so a huge file with <c>--codes all</c> stops
/// with a located error instead of writing a table the loader then refuses.
/// </summary>
internal sealed class RowCollector
{
    private readonly Func<ImportedRow, bool> keep;
    private readonly int maxRows;

    public RowCollector(Func<ImportedRow, bool> keep, int maxRows)
    {
        this.keep = keep;
        this.maxRows = maxRows;
    }

    public List<ImportedRow> Kept { get; } = new();

    public int Read { get; private set; }

    /// <summary>Counts a row and keeps it when wanted; returns <see langword="false"/> (after an error) when the table would exceed the limit.</summary>
    public bool Add(ImportedRow row, DataErrorSink sink)
    {
        Read++;
        if (!keep(row))
        {
            return true;
        }

        if (Kept.Count >= maxRows)
        {
            sink.Add(DataErrorIds.LimitExceeded, string.Format(CultureInfo.InvariantCulture, "The table would hold more than {0} rows, the most one list of a rule file may hold, and the rule set would not load: keep fewer codes (--codes), or raise the limit where the rule set is loaded (library: ReadLimits.WithMaxListItems).", maxRows), new SourceMark(row.Line, 1));
            return false;
        }

        Kept.Add(row);
        return true;
    }
}

/// <summary>
/// What the loader would refuse in the rows an import keeps, reported at the official file's lines before anything is
/// written: an edit of a code with itself (RULE007), and two rows that give one edit or one code different values for
/// the same dates (RULE008). Rows that say the same thing twice are merged into one.
/// </summary>
internal static class ImportChecks
{
    public static List<ImportedRow> Distinct(ImportKind kind, List<ImportedRow> rows, DataErrorSink sink)
    {
        foreach (ImportedRow row in rows.Where(r => kind is ImportKind.Aoc or ImportKind.Ptp && r.Key == r.Second))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, kind == ImportKind.Aoc ? $"Add-on code {row.Key} is listed as its own primary code." : $"The PTP edit pairs {row.Key} with itself.", new SourceMark(row.Line, 1));
        }

        var result = new List<ImportedRow>(rows.Count);
        foreach (var group in rows.GroupBy(r => (r.Key, kind is ImportKind.Aoc or ImportKind.Ptp ? r.Second : string.Empty)))
        {
            var distinct = new List<ImportedRow>();
            foreach (ImportedRow row in group)
            {
                if (distinct.Any(d => d.SameAs(row)))
                {
                    continue;
                }

                if (distinct.FirstOrDefault(d => Overlap(d, row)) is { } other)
                {
                    sink.Add(DataErrorIds.OverlappingPeriods, Conflict(kind, other, row), new SourceMark(row.Line, 1));
                    continue;
                }

                distinct.Add(row);
            }

            result.AddRange(distinct);
        }

        return result;
    }

    private static bool Overlap(ImportedRow a, ImportedRow b)
        => (a.To is null || b.From <= a.To) && (b.To is null || a.From <= b.To);

    private static string Conflict(ImportKind kind, ImportedRow first, ImportedRow row)
    {
        string line = first.Line.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            ImportKind.Aoc => $"The add-on edit {row.Key} with primary {row.Second} is also on line {line} ({Dated("AOC type", first)}); this row gives {Dated("AOC type", row)}, and the periods overlap: one edit holds one value at a time.",
            ImportKind.Ptp => $"The PTP edit {row.Key}/{row.Second} is also on line {line} ({Dated("modifier indicator", first)}); this row gives {Dated("modifier indicator", row)}, and the periods overlap: one edit holds one value at a time.",
            ImportKind.Mue => $"Code {row.Key} is also on line {line}, with the MUE {first.Number} (adjudication {first.Second}); this row gives {row.Number} (adjudication {row.Second}): the file gives the code two values.",
            _ => $"Code {row.Key} is also on line {line}, as {(first.Flag ? "billable" : "a header")}; this row makes it {(row.Flag ? "billable" : "a header")}: the file gives the code two values.",
        };
    }

    private static string Dated(string what, ImportedRow row)
        => string.Format(CultureInfo.InvariantCulture, "{0} {1} from {2:yyyy-MM-dd}{3}", what, row.Number, row.From, row.To is { } to ? to.ToString(" 'to' yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
}
