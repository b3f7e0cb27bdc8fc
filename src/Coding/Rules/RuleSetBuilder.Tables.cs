using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

/// <summary>The code tables and CMS edits of a rule set: built by their own builders, then checked against the rules.</summary>
internal sealed partial class RuleSetBuilder
{
    private IntraperitonealCoding.Rules.Tables.CodeTables? BuildTables(
        IntraperitonealCoding.Rules.Tables.ProceduresFileDto? procedures,
        IntraperitonealCoding.Rules.Tables.AddOnCodesFileDto? addOns,
        IntraperitonealCoding.Rules.Tables.PtpEditsFileDto? ptp,
        IntraperitonealCoding.Rules.Tables.MueFileDto? mue,
        IntraperitonealCoding.Rules.Tables.CodeValidityFileDto? cm,
        IntraperitonealCoding.Rules.Tables.CodeValidityFileDto? pcs,
        IntraperitonealCoding.Rules.Tables.InpatientOnlyFileDto? ipo)
    {
        if (procedures is null || addOns is null || ptp is null || mue is null || cm is null || pcs is null || ipo is null)
        {
            return null;
        }

        return new IntraperitonealCoding.Rules.Tables.CodeTables(
            IntraperitonealCoding.Rules.Tables.TableBuilder.Procedures(procedures, sinks["procedures.yaml"]),
            SurgeonRoles(procedures, sinks["procedures.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.AddOns(addOns, sinks["add-on-codes.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Ptp(ptp, id => !notesLoaded || notes.ContainsKey(id), sinks["ptp-edits.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Mue(mue, sinks["mue.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Validity("ICD-10-CM", cm, CodeFormats.Icd10Cm, CodeFormats.Icd10CmPrefix, sinks["icd10cm.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Validity("ICD-10-PCS", pcs, CodeFormats.Pcs, CodeFormats.PcsPrefix, sinks["icd10pcs.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.InpatientOnly(ipo, sinks["inpatient-only.yaml"]));
    }

    private void CrossCheckTables(IntraperitonealCoding.Rules.Tables.CodeTables tables, IntraperitonealCoding.Rules.Tables.AddOnCodesFileDto addOnsFile, HipecFileDto? hipecFile, HipecRules? hipec, DiagnosesFileDto? diagnosesFile, ClinicalTrialsFileDto? trialsFile)
    {
        if (hipec is not null)
        {
            IntraperitonealCoding.Rules.Tables.TableCrossChecks.HipecAddOns(hipec.TimeCoding, tables.AddOns, addOnsFile, sinks["hipec.yaml"], sinks["add-on-codes.yaml"], hipecFile!.At(nameof(hipecFile.TimeCoding)));
        }

        if (codesLoaded)
        {
            IntraperitonealCoding.Rules.Tables.TableCrossChecks.PcsCodes(codes, tables.Icd10Pcs, sinks["codes.yaml"]);
        }

        var cmCodes = new List<(string Code, DataErrorSink Sink, SourceMark At)>();
        if (trialsFile is not null)
        {
            cmCodes.Add((trialsFile.Markers.SecondaryDiagnosis, sinks["clinical-trials.yaml"], trialsFile.Markers.At(nameof(trialsFile.Markers.SecondaryDiagnosis))));
        }

        if (diagnosesFile is not null)
        {
            cmCodes.AddRange(diagnosesFile.Sequencing.Select(r => (r.Code, sinks["diagnoses.yaml"], r.At(nameof(r.Code)))));
        }

        if (coversFrom is { } from)
        {
            IntraperitonealCoding.Rules.Tables.TableCrossChecks.CmCodes(cmCodes, from, tables.Icd10Cm);
        }
    }

    private IReadOnlyList<SurgeonRoleRule> SurgeonRoles(IntraperitonealCoding.Rules.Tables.ProceduresFileDto file, DataErrorSink sink)
    {
        var roles = new List<SurgeonRoleRule>();
        foreach (IntraperitonealCoding.Rules.Tables.SurgeonRoleDto dto in file.SurgeonRoles)
        {
            Modifier? modifier = dto.Modifier is null ? null : RuleModifier(dto.Modifier, sink, dto.At(nameof(dto.Modifier)));

            if (roles.Any(r => r.Role == dto.Role))
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Surgeon role '{IntraperitonealCoding.Maintenance.WireNames.Of(dto.Role)}' is given twice.", dto.At(nameof(dto.Role)));
            }

            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            roles.Add(new SurgeonRoleRule(dto.Role, modifier, dto.Assists, dto.Notes.ToArray()));
        }

        return roles;
    }
}
