using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
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

        IntraperitonealCoding.Rules.Tables.TableBuilder.CodeCheck check = CheckTableCode;
        return new IntraperitonealCoding.Rules.Tables.CodeTables(
            IntraperitonealCoding.Rules.Tables.TableBuilder.Procedures(codes),
            SurgeonRoles(procedures, sinks["procedures.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.AddOns(addOns, Provenance("add-on-codes.yaml", addOns.Sources), check, sinks["add-on-codes.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Ptp(ptp, id => !notesLoaded || notes.ContainsKey(id), Provenance("ptp-edits.yaml", ptp.Sources), check, sinks["ptp-edits.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Mue(mue, Provenance("mue.yaml", mue.Sources), check, sinks["mue.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Validity("ICD-10-CM", cm, CodeFormats.Icd10Cm, CodeFormats.Icd10CmPrefix, Provenance("icd10cm.yaml", cm.Sources), sinks["icd10cm.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.Validity("ICD-10-PCS", pcs, CodeFormats.Pcs, CodeFormats.PcsPrefix, Provenance("icd10pcs.yaml", pcs.Sources), sinks["icd10pcs.yaml"]),
            IntraperitonealCoding.Rules.Tables.TableBuilder.InpatientOnly(ipo, Provenance("inpatient-only.yaml", ipo.Sources), check, sinks["inpatient-only.yaml"]));
    }

    /// <summary>
    /// A CPT/HCPCS code a table row names must be valid for the whole time the row is in force. A code codes.yaml does
    /// not define is not checked here (an imported CMS table names thousands of codes the rules never meet).
    /// </summary>
    private void CheckTableCode(string code, EffectivePeriod usedDuring, DataErrorSink sink, SourceMark at)
    {
        if (!codesLoaded)
        {
            return;
        }

        codesByCode ??= codes.ToLookup(c => c.Code, System.StringComparer.Ordinal);
        var definitions = codesByCode[code].ToList();

        // A code whose own period is backwards already has its error; every row using it would only repeat it.
        if (definitions.Count > 0 && !definitions.Any(d => d.Period.To < d.Period.From) && !definitions.Any(d => d.Period.Covers(usedDuring)))
        {
            sink.Add(DataErrorIds.CodeOutsideValidity, OutsideValidity(code, usedDuring, definitions), at);
        }
    }

    /// <summary>What a maintainer reads when a code is used outside its validity: its periods, and its replacements if it was deleted.</summary>
    private static string OutsideValidity(string code, EffectivePeriod usedDuring, IReadOnlyList<CodeDefinition> definitions)
    {
        var replaced = definitions.SelectMany(d => d.ReplacedBy).Distinct(System.StringComparer.Ordinal).ToList();
        string valid = string.Join("; ", definitions.Select(d => d.Period.ToString()));
        var lastEnd = definitions.Select(d => d.Period.To).Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty().Max();
        string advice = replaced.Count > 0
            ? $" It was deleted after {Date(lastEnd)} and replaced by {string.Join(", ", replaced)}: end this on {Date(lastEnd)} and use the replacements from then on."
            : " Give it a period within the code's.";
        return $"Code {code} is valid {valid} (codes.yaml), but it is used {usedDuring}.{advice}";
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

    /// <summary>A provenance builder for one rule file; its tables are collected when the rule set is built.</summary>
    private ProvenanceBuilder Provenance(string fileName, IEnumerable<SourceDocumentDto> sources)
    {
        var builder = new ProvenanceBuilder(fileName, sources, sinks[fileName]);
        provenanceBuilders.Add(builder);
        return builder;
    }

    private IReadOnlyList<SurgeonRoleRule> SurgeonRoles(IntraperitonealCoding.Rules.Tables.ProceduresFileDto file, DataErrorSink sink)
    {
        var roles = new List<SurgeonRoleRule>();
        foreach (IntraperitonealCoding.Rules.Tables.SurgeonRoleDto dto in file.SurgeonRoles)
        {
            Modifier? modifier = dto.Modifier is null ? null : RuleModifier(dto.Modifier, sink, dto.At(nameof(dto.Modifier)));

            if (roles.Any(r => r.Role == dto.Role))
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Surgeon role '{WireNames.Of(dto.Role)}' is given twice.", dto.At(nameof(dto.Role)));
            }

            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            roles.Add(new SurgeonRoleRule(dto.Role, modifier, dto.Assists, dto.Notes.ToArray()));
        }

        return roles;
    }
}
