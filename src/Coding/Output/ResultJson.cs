using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding;

/// <summary>
/// Writes coding results as JSON: snake_case keys, enumerations as their wire names (<see cref="WireNames"/>), dates as
/// <c>YYYY-MM-DD</c>. This is the machine contract billing software reads; every key is written here, in this order.
/// </summary>
/// <remarks>
/// Written field by field rather than by reflection: the contract is visible in one place and serialising costs a
/// fraction of a reflection-based serializer's time (docs/performance.md). Thread-safe: it keeps no state.
/// </remarks>
public static class ResultJson
{
    /// <summary>Serialises one result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent (for people) or write one line (for JSON Lines).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Serialize(CodingResult result, bool indented = true)
    {
        Preconditions.CheckNotNull(result, nameof(result));
        using var text = new StringWriter(new System.Text.StringBuilder(4096), CultureInfo.InvariantCulture);
        Write(text, result, indented);
        return text.ToString();
    }

    /// <summary>Serialises several results as one JSON array.</summary>
    /// <param name="results">The results.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static string Serialize(IEnumerable<CodingResult> results, bool indented = true)
    {
        Preconditions.CheckNotNull(results, nameof(results));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var json = Writer(text, indented);
        json.WriteStartArray();
        foreach (CodingResult result in results)
        {
            WriteResult(json, result);
        }

        json.WriteEndArray();
        json.Flush();
        return text.ToString();
    }

    /// <summary>Writes one result to a text writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="writer"/> or <paramref name="result"/> is null.</exception>
    public static void Write(TextWriter writer, CodingResult result, bool indented = false)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        Preconditions.CheckNotNull(result, nameof(result));
        using var json = Writer(writer, indented);
        WriteResult(json, result);
        json.Flush();
    }

    /// <summary>
    /// Reads stored results back: one JSON object (a <c>coding code --format json</c> element, a batch record's result)
    /// or an array of them. Strict like case files: an unknown key, a wrong type, a missing key, or a result that
    /// contradicts itself (ready with error findings, a pointer to no diagnosis) is an error with its line and column,
    /// and every error is reported together. Never throws for bad content.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <returns>The results, or the errors that kept them from being read.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="json"/> or <paramref name="sourceName"/> is null.</exception>
    public static ResultReadResult Read(string json, string sourceName) => Read(json, sourceName, ReadLimits.Default);

    /// <summary>Reads stored results back with the given limits (see <see cref="Read(string, string)"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="limits">The depth, length and error-count limits.</param>
    /// <returns>The results, or the errors that kept them from being read.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static ResultReadResult Read(string json, string sourceName, ReadLimits limits)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        Preconditions.CheckNotNull(limits, nameof(limits));
        var sink = new IntraperitonealCoding.Documents.DataErrorSink(sourceName, limits: limits);
        IntraperitonealCoding.Documents.DataNode? root = DocumentReader.Read(json, DocumentFormat.Json, sink);
        var results = new List<CodingResult>();
        var items = root is IntraperitonealCoding.Documents.SequenceNode sequence ? sequence.Items : root is null ? System.Array.Empty<IntraperitonealCoding.Documents.DataNode>() : new[] { root };
        var reader = new ResultReader(sink);
        foreach (IntraperitonealCoding.Documents.DataNode item in items)
        {
            if (IntraperitonealCoding.Documents.StrictMapper.Map<ResultDto>(item, sink) is { } dto && reader.Build(dto) is { } result)
            {
                results.Add(result);
            }
        }

        return new ResultReadResult(sourceName, results, sink.Errors);
    }

    /// <summary>
    /// Reads stored results from a stream (a request body, a file opened elsewhere) as UTF-8, at most
    /// <see cref="ReadLimits.MaxFileBytes"/> bytes; see <see cref="Read(string, string)"/>. The stream is read to its
    /// end and left open.
    /// </summary>
    /// <param name="stream">The JSON, UTF-8 encoded.</param>
    /// <param name="sourceName">The name to report errors under (e.g. <c>request 7</c>).</param>
    /// <param name="limits">The size, depth and error-count limits (default <see cref="ReadLimits.Default"/>).</param>
    /// <returns>The results, or the errors that kept them from being read; an I/O failure of the stream is one such error.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    public static ResultReadResult Read(Stream stream, string sourceName, ReadLimits? limits = null)
    {
        Preconditions.CheckNotNull(stream, nameof(stream));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        limits ??= ReadLimits.Default;
        string? json = IntraperitonealCoding.Documents.SourceText.Read(stream, sourceName, limits.MaxFileBytes, IntraperitonealCoding.Documents.SourceText.FileSizeHint, out DataError? error);
        return json is null ? new ResultReadResult(sourceName, System.Array.Empty<CodingResult>(), new[] { error! }) : Read(json, sourceName, limits);
    }

    /// <summary>
    /// Reads stored results from a text reader, at most <see cref="ReadLimits.MaxFileBytes"/> characters; see
    /// <see cref="Read(string, string)"/>. The reader is read to its end and left open.
    /// </summary>
    /// <param name="reader">The JSON text.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="limits">The size, depth and error-count limits (default <see cref="ReadLimits.Default"/>).</param>
    /// <returns>The results, or the errors that kept them from being read; an I/O failure of the reader is one such error.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is null.</exception>
    public static ResultReadResult Read(TextReader reader, string sourceName, ReadLimits? limits = null)
    {
        Preconditions.CheckNotNull(reader, nameof(reader));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        limits ??= ReadLimits.Default;
        string? json = IntraperitonealCoding.Documents.SourceText.Read(reader, sourceName, limits.MaxFileBytes, IntraperitonealCoding.Documents.SourceText.FileSizeHint, out DataError? error);
        return json is null ? new ResultReadResult(sourceName, System.Array.Empty<CodingResult>(), new[] { error! }) : Read(json, sourceName, limits);
    }

    private static JsonTextWriter Writer(TextWriter writer, bool indented)
        => new(writer) { Formatting = indented ? Formatting.Indented : Formatting.None, CloseOutput = false, Culture = CultureInfo.InvariantCulture };

    private static void WriteResult(JsonWriter json, CodingResult result)
    {
        json.WriteStartObject();
        Property(json, "case_id", result.CaseId);
        Property(json, "date_of_service", Date(result.DateOfService));
        Property(json, "claim", WireNames.Of(result.Claim));
        Property(json, "payer", WireNames.Of(result.Payer));
        Property(json, "procedure", WireNames.Of(result.Procedure));
        json.WritePropertyName("cycle");
        json.WriteValue(result.Cycle);
        Property(json, "rules_version", result.RulesVersion);
        json.WritePropertyName("ready");
        json.WriteValue(result.Ready);

        json.WritePropertyName("lines");
        json.WriteStartArray();
        foreach (CodeLine line in result.Lines)
        {
            WriteLine(json, line);
        }

        json.WriteEndArray();
        Strings(json, "diagnoses", result.Diagnoses);

        json.WritePropertyName("notes");
        json.WriteStartArray();
        foreach (CodingNote note in result.Notes)
        {
            json.WriteStartObject();
            Property(json, "id", note.Id);
            Property(json, "text", note.Text);
            Property(json, "source", note.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteMarkers(json, result.ClaimMarkers);
        WriteClaimForm(json, result.ClaimForm);

        json.WritePropertyName("findings");
        json.WriteStartArray();
        foreach (Finding finding in result.Findings)
        {
            json.WriteStartObject();
            Property(json, "id", finding.Id);
            Property(json, "severity", WireNames.Of(finding.Severity));
            Property(json, "message", finding.Message);
            Property(json, "path", finding.Path);
            Property(json, "rule", finding.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLine(JsonWriter json, CodeLine line)
    {
        json.WriteStartObject();
        Property(json, "system", WireNames.Of(line.System));
        Property(json, "code", line.Code);
        Property(json, "label", line.Label);
        json.WritePropertyName("units");
        json.WriteValue(line.Units);
        json.WritePropertyName("modifiers");
        json.WriteStartArray();
        foreach (Modifier modifier in line.Modifiers)
        {
            json.WriteValue(modifier.Code);
        }

        json.WriteEndArray();
        Property(json, "category", WireNames.Of(line.Category));
        Property(json, "rule", line.Rule);
        Strings(json, "notes", line.Notes);
        Property(json, "detail", line.Detail);
        Property(json, "responsibility", WireNames.Of(line.Responsibility));
        Property(json, "bill_to", line.BillTo is { } payer ? WireNames.Of(payer) : null);
        Property(json, "coverage_rule", line.CoverageRule);
        json.WritePropertyName("non_covered_charges");
        json.WriteValue(line.NonCoveredCharges);
        Property(json, "revenue_code", line.RevenueCode);
        json.WritePropertyName("diagnosis_pointers");
        json.WriteStartArray();
        foreach (int pointer in line.DiagnosisPointers)
        {
            json.WriteValue(pointer);
        }

        json.WriteEndArray();
        json.WritePropertyName("ndc");
        if (line.Ndc is { } ndc)
        {
            json.WriteStartObject();
            Property(json, "code", ndc.Code.Digits);
            Property(json, "unit", WireNames.Of(ndc.Unit));
            json.WritePropertyName("quantity");
            json.WriteValue(ndc.Quantity);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        Property(json, "description", line.Description);
        json.WriteEndObject();
    }

    private static void WriteClaimForm(JsonWriter json, ClaimForm form)
    {
        json.WritePropertyName("claim_form");
        json.WriteStartObject();
        Property(json, "form", WireNames.Of(form.Form));
        Property(json, "type_of_bill", form.TypeOfBill);
        Property(json, "place_of_service", form.PlaceOfService);
        Property(json, "statement_from", Date(form.StatementFrom));
        Property(json, "statement_through", Date(form.StatementThrough));
        json.WritePropertyName("procedures");
        json.WriteStartArray();
        foreach (ClaimProcedure procedure in form.Procedures)
        {
            json.WriteStartObject();
            Property(json, "code", procedure.Code);
            Property(json, "date", Date(procedure.Date));
            json.WritePropertyName("principal");
            json.WriteValue(procedure.Principal);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Property(json, "admission_date", form.AdmissionDate is { } admission ? Date(admission) : null);
        Property(json, "admitting_diagnosis", form.AdmittingDiagnosis);
        json.WritePropertyName("present_on_admission");
        json.WriteStartArray();
        foreach (PoaIndicator? poa in form.PresentOnAdmission)
        {
            if (poa is { } indicator)
            {
                json.WriteValue(WireNames.Of(indicator));
            }
            else
            {
                json.WriteNull();
            }
        }

        json.WriteEndArray();
        Property(json, "patient_control_number", form.PatientControlNumber);
        json.WriteEndObject();
    }

    private static string Date(System.DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteMarkers(JsonWriter json, ClaimMarkers markers)
    {
        json.WritePropertyName("claim_markers");
        json.WriteStartObject();
        Property(json, "clinical_trial_number", markers.ClinicalTrialNumber);
        Strings(json, "condition_codes", markers.ConditionCodes);
        json.WritePropertyName("value_codes");
        json.WriteStartArray();
        foreach (ValueCode value in markers.ValueCodes)
        {
            json.WriteStartObject();
            Property(json, "code", value.Code);
            Property(json, "value", value.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Property(json, "ide", markers.Ide);
        json.WriteEndObject();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Strings(JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (string value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }
}
