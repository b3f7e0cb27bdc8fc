using System.Collections.Generic;
using System.Linq;
using Coding.Documents;
using Coding.Rules.Dto;

namespace Coding.Rules;

/// <summary>The code tables and CMS edits of a rule set: built by their own builders, then checked against the rules.</summary>
internal sealed partial class RuleSetBuilder
{
    private Tables.CodeTables? BuildTables(
        Tables.ProceduresFileDto? procedures,
        Tables.AddOnCodesFileDto? addOns,
        Tables.PtpEditsFileDto? ptp,
        Tables.MueFileDto? mue,
        Tables.CodeValidityFileDto? cm,
        Tables.CodeValidityFileDto? pcs,
        Tables.InpatientOnlyFileDto? ipo)
    {
        if (procedures is null || addOns is null || ptp is null || mue is null || cm is null || pcs is null || ipo is null)
        {
            return null;
        }

        return new Tables.CodeTables(
            Tables.TableBuilder.Procedures(procedures, sinks["procedures.yaml"]),
            SurgeonRoles(procedures, sinks["procedures.yaml"]),
            Tables.TableBuilder.AddOns(addOns, sinks["add-on-codes.yaml"]),
            Tables.TableBuilder.Ptp(ptp, id => !notesLoaded || notes.ContainsKey(id), sinks["ptp-edits.yaml"]),
            Tables.TableBuilder.Mue(mue, sinks["mue.yaml"]),
            Tables.TableBuilder.Validity("ICD-10-CM", cm, CodeFormats.Icd10Cm, CodeFormats.Icd10CmPrefix, sinks["icd10cm.yaml"]),
            Tables.TableBuilder.Validity("ICD-10-PCS", pcs, CodeFormats.Pcs, CodeFormats.PcsPrefix, sinks["icd10pcs.yaml"]),
            Tables.TableBuilder.InpatientOnly(ipo, sinks["inpatient-only.yaml"]));
    }

    private void CrossCheckTables(Tables.CodeTables tables, Tables.AddOnCodesFileDto addOnsFile, HipecFileDto? hipecFile, HipecRules? hipec, DiagnosesFileDto? diagnosesFile, ClinicalTrialsFileDto? trialsFile)
    {
        if (hipec is not null)
        {
            Tables.TableCrossChecks.HipecAddOns(hipec.TimeCoding, tables.AddOns, addOnsFile, sinks["hipec.yaml"], sinks["add-on-codes.yaml"], hipecFile!.At(nameof(hipecFile.TimeCoding)));
        }

        if (codesLoaded)
        {
            Tables.TableCrossChecks.PcsCodes(codes, tables.Icd10Pcs, sinks["codes.yaml"]);
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
            Tables.TableCrossChecks.CmCodes(cmCodes, from, tables.Icd10Cm);
        }
    }

    private IReadOnlyList<SurgeonRoleRule> SurgeonRoles(Tables.ProceduresFileDto file, DataErrorSink sink)
    {
        var roles = new List<SurgeonRoleRule>();
        foreach (Tables.SurgeonRoleDto dto in file.SurgeonRoles)
        {
            if (dto.Modifier is { } modifier && !CodeFormats.Modifier.IsMatch(modifier))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{modifier}' is not a modifier (two letters or digits).", dto.At(nameof(dto.Modifier)));
            }

            if (roles.Any(r => r.Role == dto.Role))
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Surgeon role '{Output.WireNames.Of(dto.Role)}' is given twice.", dto.At(nameof(dto.Role)));
            }

            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            roles.Add(new SurgeonRoleRule(dto.Role, dto.Modifier, dto.Assists, dto.Notes.ToArray()));
        }

        return roles;
    }
}
