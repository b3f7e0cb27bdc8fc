using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Output;


namespace IntraperitonealCoding.Maintenance;

/// <summary>
/// JSON Schemas of the case file and of the result JSON, generated from the DTOs the strict readers map onto (like
/// <see cref="IntraperitonealCoding.Maintenance.RuleSchemas"/>), so an editor or a billing system checks exactly what the readers accept.
/// </summary>
public static class DocumentSchemas
{
    /// <summary>The case file schema's file name, beside the rule-file schemas in <c>data/schema</c>.</summary>
    public const string CaseFileName = "case.schema.json";

    /// <summary>The result JSON schema's file name, beside the rule-file schemas in <c>data/schema</c>.</summary>
    public const string ResultFileName = "result.schema.json";

    /// <summary>Generates the case file schema (YAML or JSON case files; <c>CaseFile.Read</c>).</summary>
    /// <returns>The schema as indented JSON with LF line ends.</returns>
    public static string Case()
        => DtoSchema.Generate(typeof(CaseDto), "case file", "A HIPEC or PIPAC case to code. Generated from the case reader's DTOs by 'coding rules schema'; do not edit by hand.");

    /// <summary>Generates the schema of one result object (<c>ResultJson.Serialize</c>; <c>ResultJson.Read</c> reads it back).</summary>
    /// <returns>The schema as indented JSON with LF line ends.</returns>
    public static string Result()
        => DtoSchema.Generate(typeof(ResultDto), "coding result", "One coding result as ResultJson writes it. Generated from the result reader's DTOs by 'coding rules schema'; do not edit by hand.");
}
