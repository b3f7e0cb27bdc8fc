using System;
using System.Collections.Generic;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Maintenance;

/// <summary>
/// JSON Schemas for the rule files, generated from the very DTOs the strict loader maps onto, so the schema an editor
/// checks against can never drift from what the loader accepts. Every object has <c>additionalProperties: false</c>.
/// </summary>
public static class RuleSchemas
{
    private static readonly IReadOnlyDictionary<string, Type> Dtos = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["rule-set.yaml"] = typeof(RuleSetManifestDto),
        ["codes.yaml"] = typeof(CodesFileDto),
        ["notes.yaml"] = typeof(NotesFileDto),
        ["hipec.yaml"] = typeof(HipecFileDto),
        ["pipac.yaml"] = typeof(PipacFileDto),
        ["drugs.yaml"] = typeof(DrugsFileDto),
        ["payer-policies.yaml"] = typeof(PayerPoliciesFileDto),
        ["diagnoses.yaml"] = typeof(DiagnosesFileDto),
        ["clinical-trials.yaml"] = typeof(ClinicalTrialsFileDto),
        ["procedures.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.ProceduresFileDto),
        ["add-on-codes.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.AddOnCodesFileDto),
        ["ptp-edits.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.PtpEditsFileDto),
        ["mue.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.MueFileDto),
        ["icd10cm.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.CodeValidityFileDto),
        ["icd10pcs.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.CodeValidityFileDto),
        ["inpatient-only.yaml"] = typeof(IntraperitonealCoding.Rules.Tables.InpatientOnlyFileDto),
        ["claim-fields.yaml"] = typeof(ClaimFieldsFileDto),
    };

    /// <summary>Gets the rule file names, in load order.</summary>
    public static IReadOnlyList<string> FileNames => RuleSet.FileNames;

    /// <summary>Gives the schema file name for a rule file (<c>hipec.yaml</c> → <c>hipec.schema.json</c>).</summary>
    /// <param name="ruleFileName">A rule file name from <see cref="FileNames"/>.</param>
    /// <returns>The schema's file name.</returns>
    public static string SchemaFileName(string ruleFileName)
        => System.IO.Path.GetFileNameWithoutExtension(ruleFileName) + ".schema.json";

    /// <summary>Generates the JSON Schema (draft 2020-12) of one rule file.</summary>
    /// <param name="ruleFileName">A rule file name from <see cref="FileNames"/>.</param>
    /// <returns>The schema as indented JSON with LF line ends.</returns>
    /// <exception cref="ArgumentException"><paramref name="ruleFileName"/> is not a rule file.</exception>
    public static string Generate(string ruleFileName)
    {
        if (ruleFileName is null || !Dtos.TryGetValue(ruleFileName, out Type? dto))
        {
            throw new ArgumentException($"'{ruleFileName}' is not a rule file.", nameof(ruleFileName));
        }

        return GenerateFor(dto, ruleFileName);
    }

    /// <summary>The schema of a file mapped onto a DTO type (rule files, study files).</summary>
    internal static string GenerateFor(Type dto, string title)
        => DtoSchema.Generate(dto, title, "Generated from the loader's DTOs by 'coding rules schema'; do not edit by hand.");
}
