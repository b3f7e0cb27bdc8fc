using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding.Output;

/// <summary>Turns mapped result DTOs back into <see cref="CodingResult"/>s, checking what the JSON shape alone cannot.</summary>
internal sealed class ResultReader
{
    private readonly DataErrorSink errors;

    public ResultReader(DataErrorSink errors) => this.errors = errors;

    public CodingResult? Build(ResultDto dto)
    {
        var noteIds = new HashSet<string>(dto.Notes.Select(n => n.Id), StringComparer.Ordinal);
        var lines = new List<CodeLine>(dto.Lines.Count);
        foreach (ResultLineDto line in dto.Lines)
        {
            lines.Add(Line(line, dto.Diagnoses.Count, noteIds));
        }

        var findings = dto.Findings.Select(f => new Finding(f.Id, f.Severity, f.Message, f.Path, f.Rule)).ToList();
        bool ready = !findings.Exists(f => f.Severity == Severity.Error);
        if (ready != dto.Ready)
        {
            errors.Add(DataErrorIds.ConflictingKeys, dto.Ready ? "ready is true, but the findings hold an error: a result with errors is never ready." : "ready is false, but no finding is an error.", dto.At(nameof(ResultDto.Ready)));
        }

        if (dto.Cycle is not null && dto.Procedure != ProcedureKind.Pipac)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "cycle belongs to a PIPAC result only.", dto.At(nameof(ResultDto.Cycle)));
        }

        if (dto.ClaimForm.StatementThrough < dto.ClaimForm.StatementFrom)
        {
            errors.Add(DataErrorIds.ImpossibleValue, "statement_through is before statement_from.", dto.ClaimForm.At(nameof(ResultClaimFormDto.StatementThrough)));
        }

        var markers = new ClaimMarkers(dto.ClaimMarkers.ClinicalTrialNumber, dto.ClaimMarkers.ConditionCodes, dto.ClaimMarkers.ValueCodes.Select(v => new ValueCode(v.Code, v.Value)), dto.ClaimMarkers.Ide);
        ResultClaimFormDto form = dto.ClaimForm;
        if (form.PresentOnAdmission.Count > 0 && form.PresentOnAdmission.Count != dto.Diagnoses.Count)
        {
            errors.Add(DataErrorIds.ConflictingKeys, string.Format(CultureInfo.InvariantCulture, "present_on_admission has {0} indicators for {1} diagnoses: one per diagnosis, null where none.", form.PresentOnAdmission.Count, dto.Diagnoses.Count), form.At(nameof(ResultClaimFormDto.PresentOnAdmission)));
        }

        var claimForm = new ClaimForm(form.Form, form.TypeOfBill, form.PlaceOfService, form.StatementFrom, form.StatementThrough, ReadOnly.Wrap(form.Procedures.Select(p => new ClaimProcedure(p.Code, p.Date, p.Principal)).ToList()))
        {
            AdmissionDate = form.AdmissionDate,
            AdmittingDiagnosis = form.AdmittingDiagnosis,
            PresentOnAdmission = ReadOnly.Wrap(form.PresentOnAdmission.ToList()),
            PatientControlNumber = form.PatientControlNumber ?? dto.CaseId,
        };
        var notes = dto.Notes.Select(n => new CodingNote(n.Id, n.Text, n.Source)).ToList();
        return new CodingResult(dto.CaseId, dto.DateOfService, dto.Claim, dto.Payer, dto.Procedure, dto.Cycle, dto.RulesVersion, lines, dto.Diagnoses, notes, findings, markers, claimForm);
    }

    private CodeLine Line(ResultLineDto dto, int diagnoses, HashSet<string> noteIds)
    {
        foreach (int pointer in dto.DiagnosisPointers.Where(p => p < 1 || p > diagnoses))
        {
            errors.Add(DataErrorIds.ImpossibleValue, string.Format(CultureInfo.InvariantCulture, "Diagnosis pointer {0} points at no diagnosis (the result has {1}).", pointer, diagnoses), dto.At(nameof(ResultLineDto.DiagnosisPointers)));
        }

        foreach (string note in dto.Notes.Where(n => !noteIds.Contains(n)))
        {
            errors.Add(DataErrorIds.InvalidValue, $"Note '{Shown.Text(note)}' is not among the result's notes.", dto.At(nameof(ResultLineDto.Notes)));
        }

        if (dto.Units < 0)
        {
            errors.Add(DataErrorIds.ImpossibleValue, "units cannot be negative.", dto.At(nameof(ResultLineDto.Units)));
        }

        LineNdc? ndc = null;
        if (dto.Ndc is { } given)
        {
            if (!NationalDrugCode.TryParse(given.Code, out NationalDrugCode code, out string? problem) || code.Digits != given.Code)
            {
                errors.Add(DataErrorIds.InvalidValue, problem ?? $"'{Shown.Text(given.Code)}' is not an 11-digit NDC as results carry it.", given.At(nameof(ResultNdcDto.Code)));
            }
            else
            {
                ndc = new LineNdc(code, given.Unit, given.Quantity);
            }
        }

        var modifiers = new List<Modifier>(dto.Modifiers.Count);
        foreach (string text in dto.Modifiers)
        {
            if (Modifier.TryParse(text, out Modifier modifier))
            {
                modifiers.Add(modifier);
            }
            else
            {
                errors.Add(DataErrorIds.InvalidValue, $"'{Shown.Text(text)}' is not a modifier (two upper-case letters or digits).", dto.At(nameof(ResultLineDto.Modifiers)));
            }
        }

        var coverage = new IntraperitonealCoding.Coverage.LineCoverage(dto.Responsibility, dto.BillTo, dto.CoverageRule, null, Array.Empty<string>(), dto.NonCoveredCharges);
        return new CodeLine(dto.System, dto.Code, dto.Label, dto.Units, modifiers, dto.Category, dto.Rule, dto.Notes, dto.Detail, coverage)
        {
            RevenueCode = dto.RevenueCode,
            DiagnosisPointers = ReadOnly.Wrap(dto.DiagnosisPointers),
            Ndc = ndc,
            Description = dto.Description,
        };
    }
}
