using System;
using System.Collections.Generic;

#pragma warning disable SA1402 // Small sibling types live together.
namespace IntraperitonealCoding.Maintenance.Import;

/// <summary>The official CMS files <see cref="RuleTableImport"/> reads, each in the layout CMS publishes it.</summary>
public enum ImportKind
{
    /// <summary>NCCI add-on code edits (tab-delimited text or CSV with a header row) → <c>add-on-codes.yaml</c>.</summary>
    Aoc = 0,

    /// <summary>NCCI procedure-to-procedure edits (tab-delimited text, copyright preamble, header row) → <c>ptp-edits.yaml</c>.</summary>
    Ptp = 1,

    /// <summary>NCCI medically unlikely edits (CSV, preamble, header row) → <c>mue.yaml</c>.</summary>
    Mue = 2,

    /// <summary>ICD-10-CM order file (fixed-width) → <c>icd10cm.yaml</c>.</summary>
    Icd10Cm = 3,

    /// <summary>ICD-10-PCS order file (fixed-width) → <c>icd10pcs.yaml</c>.</summary>
    Icd10Pcs = 4,

    /// <summary>OPPS Addendum B (CSV; rows with status indicator C) → <c>inpatient-only.yaml</c>.</summary>
    Ipo = 5,
}

/// <summary>Which NCCI table a PTP or MUE file is: CMS publishes one file per table.</summary>
public enum NcciTable
{
    /// <summary>Practitioner services (professional claims).</summary>
    Practitioner = 0,

    /// <summary>Outpatient hospital services (facility outpatient claims).</summary>
    OutpatientHospital = 1,
}

/// <summary>How to import one official file. Immutable.</summary>
public sealed record ImportOptions
{
    /// <summary>Creates import options.</summary>
    /// <param name="codes">The codes to keep: <see langword="null"/> for the codes the rule set uses, or a list (empty: every row).</param>
    /// <param name="table">The NCCI table the file is (PTP and MUE only).</param>
    /// <param name="effectiveFrom">The first date the file's values apply (MUE and inpatient-only list: the quarter's first day).</param>
    /// <param name="fiscalYear">The fiscal year of an order file (ICD-10-CM/PCS): FY2027 runs 1 October 2026 to 30 September 2027.</param>
    /// <param name="release">The release the table is keyed from (e.g. <c>2027 Q1</c>); derived from the dates when null.</param>
    /// <param name="limits">The limits the table must keep to load (<see cref="ReadLimits.MaxListItems"/> rows in one list,
    /// <see cref="ReadLimits.MaxRuleFileBytes"/>) and the longest line of the official file read
    /// (<see cref="ReadLimits.MaxLineBytes"/>, counted in characters); <see cref="ReadLimits.RuleDefault"/> when null.</param>
    public ImportOptions(IReadOnlyCollection<string>? codes = null, NcciTable table = NcciTable.Practitioner, DateTime? effectiveFrom = null, int? fiscalYear = null, string? release = null, ReadLimits? limits = null)
    {
        Codes = codes;
        Table = table;
        EffectiveFrom = effectiveFrom;
        FiscalYear = fiscalYear;
        Release = release;
        Limits = limits ?? ReadLimits.RuleDefault;
    }

    /// <summary>Gets the codes to keep: <see langword="null"/> for the codes the rule set uses, or a list (empty: every row).</summary>
    public IReadOnlyCollection<string>? Codes { get; }

    /// <summary>Gets the NCCI table the file is (PTP and MUE only).</summary>
    public NcciTable Table { get; }

    /// <summary>Gets the first date the file's values apply (MUE and inpatient-only list).</summary>
    public DateTime? EffectiveFrom { get; }

    /// <summary>Gets the fiscal year of an order file (ICD-10-CM/PCS).</summary>
    public int? FiscalYear { get; }

    /// <summary>Gets the release the table is keyed from, or <see langword="null"/> to derive it from the dates.</summary>
    public string? Release { get; }

    /// <summary>Gets the loader's limits the table must keep to, and the longest line of the official file read.</summary>
    public ReadLimits Limits { get; }
}

/// <summary>What an import produced: the new table text, or the errors that stopped it (nothing is written then). Immutable.</summary>
public sealed record ImportOutcome
{
    internal ImportOutcome(string? yaml, IReadOnlyList<DataError> errors, int rowsRead, int rowsKept)
    {
        Yaml = yaml;
        Errors = errors;
        RowsRead = rowsRead;
        RowsKept = rowsKept;
    }

    /// <summary>Gets the rule file's new content (sorted and stable, so a diff shows only real changes), or <see langword="null"/> on errors.</summary>
    public string? Yaml { get; }

    /// <summary>Gets the problems found in the official file, each with its line; any makes <see cref="Yaml"/> null.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Gets how many data rows the official file had.</summary>
    public int RowsRead { get; }

    /// <summary>Gets how many of them the table kept.</summary>
    public int RowsKept { get; }

    /// <summary>Gets a value indicating whether the import succeeded.</summary>
    public bool Succeeded => Yaml is not null;
}

/// <summary>One row of any imported table, before it is written: a key, its values and its period.</summary>
internal sealed record ImportedRow(string Key, string Second, int Number, bool Flag, DateTime From, DateTime? To)
{
    /// <summary>Gets the document the row comes from: the imported file for new rows, the table's own source for kept rows.</summary>
    public IntraperitonealCoding.Maintenance.SourceDocument? Source { get; init; }

    /// <summary>Gets the line of the official file the row was read from (0 for a row kept from the table), for errors.</summary>
    public int Line { get; init; }

    /// <summary>Gets a value indicating whether two rows say the same thing (line and source aside).</summary>
    public bool SameAs(ImportedRow other)
        => Key == other.Key && Second == other.Second && Number == other.Number && Flag == other.Flag && From == other.From && To == other.To;
}
