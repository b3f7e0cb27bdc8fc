using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Maintenance;

// The immutable code tables and CMS edits of a loaded rule set. Each is keyed once at load time, so the cost of a
// look-up does not grow with the size of the table. Built by the table builders; never changed after.
#pragma warning disable SA1402, SA1649 // Small sibling types live together.
namespace IntraperitonealCoding.Rules.Tables;

/// <summary>The official file a table mirrors and its release; each row's own source says whether it is confirmed.</summary>
internal sealed record TableSource(string Table, string File, string Release)
{
    public override string ToString() => $"{Table}: {File}, {Release}";

    /// <summary>The table and the source of one of its rows, for a finding that rests on that row.</summary>
    public string With(SourceDocument row) => row.Confirmed ? $"{this}; {row.Document}" : $"{this}; row unconfirmed ({row.Document})";
}

/// <summary>Rows keyed by code, each with the period it is in force; a look-up scans only the rows of one key.</summary>
internal sealed class DatedIndex<T>
    where T : class, IEffective
{
    private readonly Dictionary<string, T[]> byKey;

    public DatedIndex(IEnumerable<T> rows, Func<T, string> key)
    {
        byKey = rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Count = byKey.Values.Sum(r => r.Length);
    }

    public int Count { get; }

    public IEnumerable<string> Keys => byKey.Keys;

    /// <summary>The rows of a key in force on a date.</summary>
    public IEnumerable<T> InForce(string key, DateTime date)
        => byKey.TryGetValue(key, out T[]? rows) ? rows.Where(r => r.Period.Contains(date)) : Enumerable.Empty<T>();

    /// <summary>The first row of a key in force on a date, or null; allocation-free, for the per-case path.</summary>
    public T? FirstInForce(string key, DateTime date)
    {
        if (byKey.TryGetValue(key, out T[]? rows))
        {
            foreach (T row in rows)
            {
                if (row.Period.Contains(date))
                {
                    return row;
                }
            }
        }

        return null;
    }

    /// <summary>Every row of a key, whatever its period.</summary>
    public IReadOnlyList<T> All(string key) => byKey.TryGetValue(key, out T[]? rows) ? rows : Array.Empty<T>();

    public IEnumerable<T> Rows => byKey.Values.SelectMany(r => r);
}

/// <summary>A surgical procedure code a case may give as its primary procedure (codes.yaml rows with an approach).</summary>
internal sealed record ProcedureCode(string Code, string Label, SurgicalApproach Approach, EffectivePeriod Period) : IEffective;

/// <summary>One NCCI add-on code edit: the add-on code may be reported with this primary code (AOC type 1, 2 or 3).</summary>
internal sealed record AddOnEdit(string AddOn, string Primary, int Type, EffectivePeriod Period, SourceDocument Source) : IEffective;

/// <summary>The NCCI add-on code file: which primary codes each add-on code may be reported with.</summary>
internal sealed class AddOnTable
{
    // Keyed by (add-on, primary) without building a string per look-up: coding asks this for every primary of a case.
    private readonly Dictionary<(string AddOn, string Primary), AddOnEdit[]> byPair;

    public AddOnTable(TableSource source, IEnumerable<AddOnEdit> edits)
    {
        Source = source;
        Edits = new DatedIndex<AddOnEdit>(edits, e => e.AddOn);
        byPair = Edits.Rows.GroupBy(e => (e.AddOn, e.Primary)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public TableSource Source { get; }

    public DatedIndex<AddOnEdit> Edits { get; }

    /// <summary>Whether the code is an add-on code on the date (it has an edit in force).</summary>
    public bool IsAddOn(string code, DateTime date) => Edits.FirstInForce(code, date) is not null;

    /// <summary>Whether an edit in force on the date lets the add-on code be reported with this primary code.</summary>
    public bool Allows(string addOn, string primary, DateTime date)
    {
        if (byPair.TryGetValue((addOn, primary), out AddOnEdit[]? rows))
        {
            foreach (AddOnEdit row in rows)
            {
                if (row.Period.Contains(date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The edits of an add-on code in force on a date (empty when the code is not an add-on then).</summary>
    public IReadOnlyList<AddOnEdit> For(string addOn, DateTime date) => Edits.InForce(addOn, date).ToList();
}

/// <summary>One NCCI procedure-to-procedure edit: column 2 is bundled into column 1 (modifier indicator 0, 1 or 9).</summary>
internal sealed record PtpEdit(string Column1, string Column2, int Modifier, EffectivePeriod Period, SourceDocument Source) : IEffective;

/// <summary>Which NCCI table applies: practitioner (professional claims) or outpatient hospital (facility outpatient claims).</summary>
internal enum EditTableKind
{
    Practitioner,
    OutpatientHospital,
}

/// <summary>The NCCI PTP edits of both tables, keyed by column-1 code, with the advice the data gives for some column-2 codes.</summary>
internal sealed class PtpTable
{
    public PtpTable(TableSource source, IEnumerable<PtpEdit> practitioner, IEnumerable<PtpEdit> outpatientHospital, IReadOnlyDictionary<string, string> advice)
    {
        Source = source;
        Practitioner = new DatedIndex<PtpEdit>(practitioner, e => e.Column1);
        OutpatientHospital = new DatedIndex<PtpEdit>(outpatientHospital, e => e.Column1);
        Advice = advice;
    }

    public TableSource Source { get; }

    public DatedIndex<PtpEdit> Practitioner { get; }

    public DatedIndex<PtpEdit> OutpatientHospital { get; }

    /// <summary>A note id per column-2 code, telling the coder what to report instead.</summary>
    public IReadOnlyDictionary<string, string> Advice { get; }

    public DatedIndex<PtpEdit> Of(EditTableKind kind) => kind == EditTableKind.Practitioner ? Practitioner : OutpatientHospital;
}

/// <summary>One medically unlikely edit: the most units of a code per line or per day, with its adjudication indicator.</summary>
internal sealed record MueEdit(string Code, int MaxUnits, int Adjudication, EffectivePeriod Period, SourceDocument Source) : IEffective;

/// <summary>The MUE tables (practitioner and outpatient hospital).</summary>
internal sealed class MueTable
{
    public MueTable(TableSource source, IEnumerable<MueEdit> practitioner, IEnumerable<MueEdit> outpatientHospital)
    {
        Source = source;
        Practitioner = new DatedIndex<MueEdit>(practitioner, e => e.Code);
        OutpatientHospital = new DatedIndex<MueEdit>(outpatientHospital, e => e.Code);
    }

    public TableSource Source { get; }

    public DatedIndex<MueEdit> Practitioner { get; }

    public DatedIndex<MueEdit> OutpatientHospital { get; }

    public DatedIndex<MueEdit> Of(EditTableKind kind) => kind == EditTableKind.Practitioner ? Practitioner : OutpatientHospital;
}

/// <summary>One row of a code validity table: a code (or category header) and the period it is in the code set.</summary>
internal sealed record CodeValidity(string Code, bool Billable, EffectivePeriod Period, SourceDocument Source) : IEffective;

/// <summary>What a validity table says of a code on a date.</summary>
internal enum CodeStatus
{
    /// <summary>A billable code in force on the date.</summary>
    Valid,

    /// <summary>A category or subcategory header in force on the date: not billable, a more specific code is needed.</summary>
    Header,

    /// <summary>A code of the table that is not in force on the date (not yet, or no longer).</summary>
    NotInForce,

    /// <summary>A code in a family the table covers completely, but not in it: no such code.</summary>
    Unknown,

    /// <summary>A code outside the families the table covers: it was not checked.</summary>
    NotChecked,
}

/// <summary>
/// A code validity table (ICD-10-CM or ICD-10-PCS, from the CMS order files), for the families (code prefixes) it covers
/// completely; a code outside them is <see cref="CodeStatus.NotChecked"/>, never silently valid.
/// </summary>
internal sealed class CodeValidityTable
{
    private readonly string[] families;

    public CodeValidityTable(TableSource source, IEnumerable<string> families, IEnumerable<CodeValidity> codes)
    {
        Source = source;
        this.families = families.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray();
        Codes = new DatedIndex<CodeValidity>(codes, c => c.Code);

        // Each header's billable codes, worked out once: headers are few and the table is sorted by code.
        var billable = Codes.Rows.Where(r => r.Billable).Select(r => r.Code).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
        children = Codes.Rows.Where(r => !r.Billable).Select(r => r.Code).Distinct()
            .ToDictionary(h => h, h => billable.Where(c => c.StartsWith(h, StringComparison.Ordinal)).ToArray(), StringComparer.Ordinal);
    }

    private readonly Dictionary<string, string[]> children;

    public TableSource Source { get; }

    public IReadOnlyList<string> Families => families;

    public DatedIndex<CodeValidity> Codes { get; }

    /// <summary>The family (longest prefix) a code belongs to, or null when the table does not cover it.</summary>
    public string? FamilyOf(string code)
    {
        foreach (string family in families)
        {
            if (code.StartsWith(family, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The billable codes under a header that are in force on a date, in code order.</summary>
    public IReadOnlyList<string> BillableUnder(string header, DateTime date)
        => children.TryGetValue(header, out string[]? under) ? under.Where(c => Codes.InForce(c, date).Any(r => r.Billable)).ToList() : Array.Empty<string>();

    public CodeStatus Check(string code, DateTime date, out CodeValidity? row)
    {
        row = Codes.FirstInForce(code, date);
        if (row is not null)
        {
            return row.Billable ? CodeStatus.Valid : CodeStatus.Header;
        }

        var all = Codes.All(code);
        row = all.Count > 0 ? all[0] : null;
        if (row is not null)
        {
            return CodeStatus.NotInForce;
        }

        return FamilyOf(code) is null ? CodeStatus.NotChecked : CodeStatus.Unknown;
    }
}

/// <summary>One code of the Medicare inpatient-only list (OPPS status indicator C) and when it is on the list.</summary>
internal sealed record InpatientOnlyCode(string Code, EffectivePeriod Period, SourceDocument Source) : IEffective;

/// <summary>The Medicare inpatient-only list, and the places of service it counts as outpatient on professional claims.</summary>
internal sealed class InpatientOnlyList
{
    public InpatientOnlyList(TableSource source, IEnumerable<string> outpatientPlacesOfService, IEnumerable<InpatientOnlyCode> codes)
    {
        Source = source;
        OutpatientPlacesOfService = outpatientPlacesOfService.ToArray();
        Codes = new DatedIndex<InpatientOnlyCode>(codes, c => c.Code);
    }

    public TableSource Source { get; }

    public IReadOnlyList<string> OutpatientPlacesOfService { get; }

    public DatedIndex<InpatientOnlyCode> Codes { get; }

    public bool Contains(string code, DateTime date) => Codes.FirstInForce(code, date) is not null;
}

/// <summary>Every code table and edit of a rule set, together.</summary>
internal sealed record CodeTables(
    DatedIndex<ProcedureCode> Procedures,
    IReadOnlyList<SurgeonRoleRule> SurgeonRoles,
    AddOnTable AddOns,
    PtpTable Ptp,
    MueTable Mue,
    CodeValidityTable Icd10Cm,
    CodeValidityTable Icd10Pcs,
    InpatientOnlyList InpatientOnly);
