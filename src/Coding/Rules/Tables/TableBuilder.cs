using System;
using System.Linq;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Rules.Tables;

/// <summary>
/// Builds and validates each code table and edit file on its own (formats, indicators, periods, overlaps); checks
/// across files are made by <see cref="TableCrossChecks"/>. Every problem goes to the file's sink; nothing throws.
/// </summary>
internal static class TableBuilder
{
    /// <summary>Checks that a CPT/HCPCS code a row names is valid (in codes.yaml) for the whole period the row is in force.</summary>
    public delegate void CodeCheck(string code, EffectivePeriod period, DataErrorSink sink, SourceMark at);

    public static TableSource Source(string table, TableSourceDto dto) => new(table, dto.File.Trim(), dto.Release.Trim());

    /// <summary>The surgical codes a case may give as primary procedures: the CPT rows of codes.yaml that have an approach.</summary>
    public static DatedIndex<ProcedureCode> Procedures(IEnumerable<CodeDefinition> codes)
        => new(codes.Where(c => c.Approach is not null).Select(c => new ProcedureCode(c.Code, c.Label, c.Approach!.Value, c.Period)), r => r.Code);

    public static AddOnTable AddOns(AddOnCodesFileDto file, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
    {
        var rows = new List<AddOnEdit>();
        foreach (AddOnEditDto dto in file.Edits)
        {
            HcpcsOrCpt(dto.AddOn, sink, dto.At(nameof(dto.AddOn)));
            HcpcsOrCpt(dto.Primary, sink, dto.At(nameof(dto.Primary)));
            if (dto.AocType is < 1 or > 3)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"AOC type {dto.AocType} is not one of 1, 2, 3.", dto.At(nameof(dto.AocType)));
            }

            if (dto.AddOn == dto.Primary)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Add-on code {dto.AddOn} cannot be its own primary.", dto.At(nameof(dto.Primary)));
            }

            var source = provenance.Cite("AOC edits", dto.AddOn + " with " + dto.Primary, dto.Source, dto.At(nameof(dto.Source)));
            var period = RuleSetBuilder.Period(dto, sink);
            check(dto.AddOn, period, sink, dto.At(nameof(dto.AddOn)));
            check(dto.Primary, period, sink, dto.At(nameof(dto.Primary)));
            rows.Add(new AddOnEdit(dto.AddOn, dto.Primary, dto.AocType, period, source));
        }

        NoOverlap(file.Edits, rows, r => r.AddOn + " with " + r.Primary, "Add-on edit", sink);
        return new AddOnTable(Source("NCCI add-on codes", file.Table), rows);
    }

    public static PtpTable Ptp(PtpEditsFileDto file, Func<string, bool> noteExists, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
    {
        var advice = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PtpAdviceDto dto in file.Advice)
        {
            if (!noteExists(dto.Note))
            {
                sink.Add(DataErrorIds.UndefinedNote, $"Note '{dto.Note}' is not defined in notes.yaml.", dto.At(nameof(dto.Note)));
            }

            if (!advice.ContainsKey(dto.Column2))
            {
                advice.Add(dto.Column2, dto.Note);
            }
            else
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Advice for column-2 code {dto.Column2} is given twice.", dto.At(nameof(dto.Column2)));
            }
        }

        return new PtpTable(Source("NCCI PTP edits", file.Table), PtpRows(file.Practitioner, "practitioner", provenance, check, sink), PtpRows(file.OutpatientHospital, "outpatient hospital", provenance, check, sink), advice);
    }

    public static MueTable Mue(MueFileDto file, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
        => new(Source("MUE", file.Table), MueRows(file.Practitioner, "practitioner", provenance, check, sink), MueRows(file.OutpatientHospital, "outpatient hospital", provenance, check, sink));

    public static CodeValidityTable Validity(string table, CodeValidityFileDto file, Regex format, Regex familyFormat, ProvenanceBuilder provenance, DataErrorSink sink)
    {
        foreach (string family in file.Families)
        {
            if (!familyFormat.IsMatch(family))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Family '{family}' is not the start of an {table} code.", file.At(nameof(file.Families)));
            }
        }

        var validity = new CodeValidityTable(Source(table, file.Table), file.Families, Array.Empty<CodeValidity>());
        var rows = new List<CodeValidity>();
        foreach (CodeValidityDto dto in file.Codes)
        {
            var at = dto.At(nameof(dto.Code));
            if (!format.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{dto.Code}' is not a well-formed {table} code.", at);
            }
            else if (validity.FamilyOf(dto.Code) is null)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"{dto.Code} is outside every family the table lists ({string.Join(", ", file.Families)}); add its family or drop the row.", at);
            }

            var source = provenance.Cite(table + " codes", dto.Code, dto.Source, dto.At(nameof(dto.Source)));
            rows.Add(new CodeValidity(dto.Code, dto.Billable, RuleSetBuilder.Period(dto, sink), source));
        }

        NoOverlap(file.Codes, rows, r => r.Code, table + " code", sink);
        return new CodeValidityTable(validity.Source, file.Families, rows);
    }

    public static InpatientOnlyList InpatientOnly(InpatientOnlyFileDto file, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
    {
        foreach (string place in file.OutpatientPlacesOfService)
        {
            if (!PlaceOfService.IsMatch(place))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{place}' is not a place-of-service code (two digits).", file.At(nameof(file.OutpatientPlacesOfService)));
            }
        }

        var rows = new List<InpatientOnlyCode>();
        foreach (InpatientOnlyDto dto in file.Codes)
        {
            HcpcsOrCpt(dto.Code, sink, dto.At(nameof(dto.Code)));
            var source = provenance.Cite("Inpatient-only codes", dto.Code, dto.Source, dto.At(nameof(dto.Source)));
            var period = RuleSetBuilder.Period(dto, sink);
            check(dto.Code, period, sink, dto.At(nameof(dto.Code)));
            rows.Add(new InpatientOnlyCode(dto.Code, period, source));
        }

        NoOverlap(file.Codes, rows, r => r.Code, "Inpatient-only code", sink);
        return new InpatientOnlyList(Source("Medicare inpatient-only list", file.Table), file.OutpatientPlacesOfService, rows);
    }

    /// <summary>A place-of-service code: two digits.</summary>
    internal static readonly Regex PlaceOfService = new("^[0-9]{2}\\z", RegexOptions.CultureInvariant);

    private static List<PtpEdit> PtpRows(List<PtpEditDto> dtos, string table, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
    {
        var rows = new List<PtpEdit>();
        foreach (PtpEditDto dto in dtos)
        {
            HcpcsOrCpt(dto.Column1, sink, dto.At(nameof(dto.Column1)));
            HcpcsOrCpt(dto.Column2, sink, dto.At(nameof(dto.Column2)));
            if (dto.Modifier is not (0 or 1 or 9))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"PTP modifier indicator {dto.Modifier} is not one of 0, 1, 9.", dto.At(nameof(dto.Modifier)));
            }

            if (dto.Column1 == dto.Column2)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"A PTP edit pairs two different codes; {dto.Column1} is given twice.", dto.At(nameof(dto.Column2)));
            }

            var source = provenance.Cite($"PTP edits ({table})", dto.Column1 + "/" + dto.Column2, dto.Source, dto.At(nameof(dto.Source)));
            var period = RuleSetBuilder.Period(dto, sink);
            check(dto.Column1, period, sink, dto.At(nameof(dto.Column1)));
            check(dto.Column2, period, sink, dto.At(nameof(dto.Column2)));
            rows.Add(new PtpEdit(dto.Column1, dto.Column2, dto.Modifier, period, source));
        }

        NoOverlap(dtos, rows, r => r.Column1 + "/" + r.Column2, $"PTP edit ({table})", sink);
        return rows;
    }

    private static List<MueEdit> MueRows(List<MueDto> dtos, string table, ProvenanceBuilder provenance, CodeCheck check, DataErrorSink sink)
    {
        var rows = new List<MueEdit>();
        foreach (MueDto dto in dtos)
        {
            HcpcsOrCpt(dto.Code, sink, dto.At(nameof(dto.Code)));
            if (dto.MaxUnits < 0)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"An MUE value cannot be negative (found {dto.MaxUnits}).", dto.At(nameof(dto.MaxUnits)));
            }

            if (dto.Adjudication is < 1 or > 3)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"MUE adjudication indicator {dto.Adjudication} is not one of 1, 2, 3.", dto.At(nameof(dto.Adjudication)));
            }

            var source = provenance.Cite($"MUE ({table})", dto.Code, dto.Source, dto.At(nameof(dto.Source)));
            var period = RuleSetBuilder.Period(dto, sink);
            check(dto.Code, period, sink, dto.At(nameof(dto.Code)));
            rows.Add(new MueEdit(dto.Code, dto.MaxUnits, dto.Adjudication, period, source));
        }

        NoOverlap(dtos, rows, r => r.Code, $"MUE ({table})", sink);
        return rows;
    }

    private static void HcpcsOrCpt(string code, DataErrorSink sink, SourceMark at)
    {
        if (!CodeFormats.Cpt.IsMatch(code) && !CodeFormats.Hcpcs.IsMatch(code))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"'{code}' is not a well-formed CPT or HCPCS code.", at);
        }
    }

    /// <summary>Rows with the same identity must not overlap in time: the rule-set builder's check, at each row's position.</summary>
    private static void NoOverlap<TDto, TRow>(IReadOnlyList<TDto> dtos, IReadOnlyList<TRow> rows, Func<TRow, string> identity, string what, DataErrorSink sink)
        where TDto : LocatedDto
        where TRow : IEffective
        => RuleSetBuilder.CheckNoOverlap(rows.Select((row, i) => (row, row.Period, dtos[i].Start)).ToList(), identity, what, sink);
}
