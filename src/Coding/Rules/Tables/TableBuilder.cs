using System;
using System.Linq;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding.Rules.Tables;

/// <summary>
/// Builds and validates each code table and edit file on its own (formats, indicators, periods, overlaps); checks
/// across files are made by <see cref="TableCrossChecks"/>. Every problem goes to the file's sink; nothing throws.
/// </summary>
internal static class TableBuilder
{
    public static TableSource Source(string table, TableSourceDto dto) => new(table, dto.File.Trim(), dto.Release.Trim(), dto.ToConfirm);

    public static DatedIndex<ProcedureCode> Procedures(ProceduresFileDto file, DataErrorSink sink)
    {
        var rows = new List<ProcedureCode>();
        foreach (ProcedureCodeDto dto in file.Procedures)
        {
            Format(dto.Code, CodeFormats.Cpt, "CPT", sink, dto.At(nameof(dto.Code)));
            rows.Add(new ProcedureCode(dto.Code, dto.Label, dto.Approach, RuleSetBuilder.Period(dto, sink)));
        }

        NoOverlap(file.Procedures, rows, r => r.Code, "Procedure", sink);
        return new DatedIndex<ProcedureCode>(rows, r => r.Code);
    }

    public static AddOnTable AddOns(AddOnCodesFileDto file, DataErrorSink sink)
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

            rows.Add(new AddOnEdit(dto.AddOn, dto.Primary, dto.AocType, RuleSetBuilder.Period(dto, sink)));
        }

        NoOverlap(file.Edits, rows, r => r.AddOn + " with " + r.Primary, "Add-on edit", sink);
        return new AddOnTable(Source("NCCI add-on codes", file.Source), rows);
    }

    public static PtpTable Ptp(PtpEditsFileDto file, Func<string, bool> noteExists, DataErrorSink sink)
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

        return new PtpTable(Source("NCCI PTP edits", file.Source), PtpRows(file.Practitioner, "practitioner", sink), PtpRows(file.OutpatientHospital, "outpatient hospital", sink), advice);
    }

    public static MueTable Mue(MueFileDto file, DataErrorSink sink)
        => new(Source("MUE", file.Source), MueRows(file.Practitioner, "practitioner", sink), MueRows(file.OutpatientHospital, "outpatient hospital", sink));

    public static CodeValidityTable Validity(string table, CodeValidityFileDto file, Regex format, Regex familyFormat, DataErrorSink sink)
    {
        foreach (string family in file.Families)
        {
            if (!familyFormat.IsMatch(family))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Family '{family}' is not the start of an {table} code.", file.At(nameof(file.Families)));
            }
        }

        var validity = new CodeValidityTable(Source(table, file.Source), file.Families, Array.Empty<CodeValidity>());
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

            rows.Add(new CodeValidity(dto.Code, dto.Billable, RuleSetBuilder.Period(dto, sink)));
        }

        NoOverlap(file.Codes, rows, r => r.Code, table + " code", sink);
        return new CodeValidityTable(validity.Source, file.Families, rows);
    }

    public static InpatientOnlyList InpatientOnly(InpatientOnlyFileDto file, DataErrorSink sink)
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
            rows.Add(new InpatientOnlyCode(dto.Code, RuleSetBuilder.Period(dto, sink)));
        }

        NoOverlap(file.Codes, rows, r => r.Code, "Inpatient-only code", sink);
        return new InpatientOnlyList(Source("Medicare inpatient-only list", file.Source), file.OutpatientPlacesOfService, rows);
    }

    /// <summary>A place-of-service code: two digits.</summary>
    internal static readonly Regex PlaceOfService = new("^[0-9]{2}$", RegexOptions.CultureInvariant);

    private static List<PtpEdit> PtpRows(List<PtpEditDto> dtos, string table, DataErrorSink sink)
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

            rows.Add(new PtpEdit(dto.Column1, dto.Column2, dto.Modifier, RuleSetBuilder.Period(dto, sink)));
        }

        NoOverlap(dtos, rows, r => r.Column1 + "/" + r.Column2, $"PTP edit ({table})", sink);
        return rows;
    }

    private static List<MueEdit> MueRows(List<MueDto> dtos, string table, DataErrorSink sink)
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

            rows.Add(new MueEdit(dto.Code, dto.MaxUnits, dto.Adjudication, RuleSetBuilder.Period(dto, sink)));
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

    private static void Format(string code, Regex format, string what, DataErrorSink sink, SourceMark at)
    {
        if (!format.IsMatch(code))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"'{code}' is not a well-formed {what} code.", at);
        }
    }

    /// <summary>Rows with the same identity must not overlap in time: the rule-set builder's check, at each row's position.</summary>
    private static void NoOverlap<TDto, TRow>(IReadOnlyList<TDto> dtos, IReadOnlyList<TRow> rows, Func<TRow, string> identity, string what, DataErrorSink sink)
        where TDto : LocatedDto
        where TRow : IEffective
        => RuleSetBuilder.CheckNoOverlap(rows.Select((row, i) => (row, row.Period, dtos[i].Start)).ToList(), identity, what, sink);
}
