using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Batch;

/// <summary>
/// Writes batch records, one JSON line each, straight into a reusable character buffer: no string per record, no
/// second pass to escape. A full record is exactly <c>SafeText.EscapeJson(ResultJson.Serialize(result, false))</c>
/// (the Newtonsoft writer's escaping and number forms, then DEL, C1 and bidirectional controls as <c>\uXXXX</c>);
/// <c>BatchRecordTests</c> hold the two to the same bytes. A compact record (<see cref="BatchOptions.Compact"/>) is the
/// same keys in the same order, less every key whose value is null, an empty list or false (<c>ready</c> is always
/// written), with the result's notes as ids when they are the rule set's own notes (the texts go once to the notes file).
/// </summary>
/// <remarks>One instance per thread; it is reused record after record, so its buffer reaches a steady size once.</remarks>
internal sealed class RecordWriter
{
    private static readonly char[] Hex = "0123456789abcdef".ToCharArray();
    private static readonly char[] UpperHex = "0123456789ABCDEF".ToCharArray();
#if !NETSTANDARD2_0

    /// <summary>Every character <see cref="Quoted"/> escapes.</summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x2028, 7)).Concat(Enumerable.Range(0x2066, 4))
            .Select(c => (char)c).Concat(new[] { '"', '\\' }).ToArray());
#endif
    private char[] buffer;
    private bool compact;
    private bool first;

    public RecordWriter(int capacity = 1 << 14) => buffer = new char[capacity];

    /// <summary>Gets the characters written since the last <see cref="Clear"/>.</summary>
    public char[] Buffer => buffer;

    /// <summary>Gets how many characters of <see cref="Buffer"/> are written.</summary>
    public int Length { get; private set; }

    public void Clear() => Length = 0;

    /// <summary>Drops what was written after <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => Length = length;

    /// <summary>Writes one result record (no line end).</summary>
    /// <param name="result">The result.</param>
    /// <param name="notes">The rule set's notes, by id, when compact; ignored otherwise.</param>
    /// <param name="compactForm">Whether to write the compact form.</param>
    public void Result(CodingResult result, IReadOnlyDictionary<string, CodingNote>? notes, bool compactForm)
    {
        compact = compactForm;
        StartObject();
        Text("case_id", result.CaseId);
        DateText("date_of_service", result.DateOfService);
        Text("claim", WireNames.Of(result.Claim));
        Text("payer", WireNames.Of(result.Payer));
        Text("procedure", WireNames.Of(result.Procedure));
        Number("cycle", result.Cycle);
        Text("rules_version", result.RulesVersion);
        Name("ready");
        Raw(result.Ready ? "true" : "false");
        if (StartArray("lines", result.Lines.Count))
        {
            foreach (CodeLine line in result.Lines)
            {
                Line(line);
            }

            EndArray();
        }

        Strings("diagnoses", result.Diagnoses);
        if (StartArray("notes", result.Notes.Count))
        {
            foreach (CodingNote note in result.Notes)
            {
                if (compact && notes is not null && notes.TryGetValue(note.Id, out CodingNote? known) && known.Equals(note))
                {
                    Item();
                    Quoted(note.Id);
                    continue;
                }

                StartItemObject();
                Text("id", note.Id);
                Text("text", note.Text);
                Text("source", note.Source);
                EndObject();
            }

            EndArray();
        }

        Markers(result.ClaimMarkers);
        Form(result.ClaimForm);
        if (StartArray("findings", result.Findings.Count))
        {
            foreach (Finding finding in result.Findings)
            {
                StartItemObject();
                Text("id", finding.Id);
                Text("severity", WireNames.Of(finding.Severity));
                Text("message", finding.Message);
                Text("path", finding.Path);
                Text("rule", finding.Rule);
                EndObject();
            }

            EndArray();
        }

        EndObject();
    }

    /// <summary>Appends text that is already one JSON record (an error record), escaped as <see cref="SafeText.EscapeJson"/> does.</summary>
    public void Record(string json) => Append(SafeText.EscapeJson(json));

    /// <summary>Ends the current record with LF.</summary>
    public void EndLine() => Append('\n');


    private void Line(CodeLine line)
    {
        StartItemObject();
        Text("system", WireNames.Of(line.System));
        Text("code", line.Code);
        Text("label", line.Label);
        Number("units", line.Units);
        Modifiers(line.Modifiers);
        Text("category", WireNames.Of(line.Category));
        Text("rule", line.Rule);
        Strings("notes", line.Notes);
        Text("detail", line.Detail);
        Text("responsibility", WireNames.Of(line.Responsibility));
        Text("bill_to", line.BillTo is { } payer ? WireNames.Of(payer) : null);
        Text("coverage_rule", line.CoverageRule);
        Flag("non_covered_charges", line.NonCoveredCharges);
        Text("revenue_code", line.RevenueCode);
        if (StartArray("diagnosis_pointers", line.DiagnosisPointers.Count))
        {
            foreach (int pointer in line.DiagnosisPointers)
            {
                Item();
                Integer(pointer);
            }

            EndArray();
        }

        if (line.Ndc is { } ndc)
        {
            Name("ndc");
            StartObjectValue();
            Text("code", ndc.Code.Digits);
            Text("unit", WireNames.Of(ndc.Unit));
            Name("quantity");
            Decimal(ndc.Quantity);
            EndObject();
        }
        else if (!compact)
        {
            Name("ndc");
            Raw("null");
        }

        Text("description", line.Description);
        EndObject();
    }

    private void Form(ClaimForm form)
    {
        Name("claim_form");
        StartObjectValue();
        Text("form", WireNames.Of(form.Form));
        Text("type_of_bill", form.TypeOfBill);
        Text("place_of_service", form.PlaceOfService);
        DateText("statement_from", form.StatementFrom);
        DateText("statement_through", form.StatementThrough);
        if (StartArray("procedures", form.Procedures.Count))
        {
            foreach (ClaimProcedure procedure in form.Procedures)
            {
                StartItemObject();
                Text("code", procedure.Code);
                DateText("date", procedure.Date);
                Flag("principal", procedure.Principal);
                EndObject();
            }

            EndArray();
        }

        Text("admission_date", form.AdmissionDate is { } admission ? admission.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Text("admitting_diagnosis", form.AdmittingDiagnosis);
        if (StartArray("present_on_admission", form.PresentOnAdmission.Count))
        {
            foreach (PoaIndicator? poa in form.PresentOnAdmission)
            {
                Item();
                if (poa is { } indicator)
                {
                    Quoted(WireNames.Of(indicator));
                }
                else
                {
                    Raw("null");
                }
            }

            EndArray();
        }

        Text("patient_control_number", form.PatientControlNumber);
        EndObject();
    }

    private void Markers(ClaimMarkers markers)
    {
        Name("claim_markers");
        StartObjectValue();
        Text("clinical_trial_number", markers.ClinicalTrialNumber);
        Strings("condition_codes", markers.ConditionCodes);
        if (StartArray("value_codes", markers.ValueCodes.Count))
        {
            foreach (ValueCode value in markers.ValueCodes)
            {
                StartItemObject();
                Text("code", value.Code);
                Text("value", value.Value);
                EndObject();
            }

            EndArray();
        }

        Text("ide", markers.Ide);
        EndObject();
    }

    private void Text(string name, string? value)
    {
        if (value is null)
        {
            if (!compact)
            {
                Name(name);
                Raw("null");
            }

            return;
        }

        Name(name);
        Quoted(value);
    }

    /// <summary>A date as <c>"YYYY-MM-DD"</c> (the invariant <c>yyyy-MM-dd</c> form), written digit by digit.</summary>
    private void DateText(string name, DateTime date)
    {
        Name(name);
        Ensure(12);
        buffer[Length++] = '"';
        Digits(date.Year, 4);
        buffer[Length++] = '-';
        Digits(date.Month, 2);
        buffer[Length++] = '-';
        Digits(date.Day, 2);
        buffer[Length++] = '"';
    }

    private void Digits(int value, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            buffer[Length + i] = (char)('0' + (value % 10));
            value /= 10;
        }

        Length += count;
    }

    private void Number(string name, int? value)
    {
        if (value is { } number)
        {
            Name(name);
            Integer(number);
        }
        else if (!compact)
        {
            Name(name);
            Raw("null");
        }
    }

    private void Number(string name, int value)
    {
        Name(name);
        Integer(value);
    }

    private void Flag(string name, bool value)
    {
        if (value || !compact)
        {
            Name(name);
            Raw(value ? "true" : "false");
        }
    }

    private void Modifiers(IReadOnlyList<Modifier> values)
    {
        if (!StartArray("modifiers", values.Count))
        {
            return;
        }

        foreach (Modifier value in values)
        {
            Item();
            Quoted(value.Code);
        }

        EndArray();
    }

    private void Strings(string name, IReadOnlyList<string> values)
    {
        if (!StartArray(name, values.Count))
        {
            return;
        }

        foreach (string value in values)
        {
            Item();
            Quoted(value);
        }

        EndArray();
    }

    /// <summary>Starts a named array, or (compact, empty) writes nothing and returns false.</summary>
    private bool StartArray(string name, int count)
    {
        if (count == 0)
        {
            if (!compact)
            {
                Name(name);
                Raw("[]");
            }

            return false;
        }

        Name(name);
        Append('[');
        first = true;
        return true;
    }

    private void EndArray()
    {
        Append(']');
        first = false;
    }

    private void StartObject()
    {
        Append('{');
        first = true;
    }

    private void StartObjectValue() => StartObject();

    private void StartItemObject()
    {
        Item();
        StartObject();
    }

    private void EndObject()
    {
        Append('}');
        first = false;
    }

    /// <summary>Separates an array item from the one before it.</summary>
    private void Item()
    {
        if (!first)
        {
            Append(',');
        }

        first = false;
    }

    /// <summary>Writes <c>"name":</c> (with a comma before it unless it is the first of its object).</summary>
    private void Name(string name)
    {
        Ensure(name.Length + 4);
        if (!first)
        {
            buffer[Length++] = ',';
        }

        first = false;
        buffer[Length++] = '"';
        name.CopyTo(0, buffer, Length, name.Length);
        Length += name.Length;
        buffer[Length++] = '"';
        buffer[Length++] = ':';
    }

    private void Raw(string text) => Append(text);

    private void Integer(int value)
    {
#if NETSTANDARD2_0
        Append(value.ToString(CultureInfo.InvariantCulture));
#else
        Ensure(11);
        value.TryFormat(buffer.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
        Length += written;
#endif
    }

    /// <summary>A decimal as the Newtonsoft writer gives it: invariant digits, with <c>.0</c> added when there is no point.</summary>
    private void Decimal(decimal value)
    {
        string text = value.ToString(CultureInfo.InvariantCulture);
        Append(text);
        if (text.IndexOf('.') < 0)
        {
            Append(".0");
        }
    }

    /// <summary>
    /// A JSON string: the Newtonsoft writer's escapes (quote, backslash, C0 as short or <c>\u00xx</c> escapes, U+0085,
    /// U+2028, U+2029), then <see cref="SafeText.EscapeJson"/>'s (DEL, the other C1 controls, bidirectional controls as
    /// upper-case <c>\uXXXX</c>). Everything else, lone surrogates included, is written as it is.
    /// </summary>
    private void Quoted(string value)
    {
        Ensure(value.Length + 2);
        buffer[Length++] = '"';
#if !NETSTANDARD2_0
        // The usual text needs no escape at all: one vectorised search, one copy.
        int next = value.AsSpan().IndexOfAny(Escaped);
        if (next < 0)
        {
            value.CopyTo(0, buffer, Length, value.Length);
            Length += value.Length;
            buffer[Length++] = '"';
            return;
        }
#else
        int next = 0;
#endif

        int run = 0;
        for (int i = next; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7F)
            {
                continue;
            }

            string? escape = EscapeOf(c, out bool upper);
            if (escape is null && !upper)
            {
                continue;
            }

            Append(value, run, i - run);
            run = i + 1;
            if (escape is not null)
            {
                Append(escape);
            }
            else
            {
                Ensure(6);
                buffer[Length++] = '\\';
                buffer[Length++] = 'u';
                char[] digits = c < 0x20 ? Hex : UpperHex;
                buffer[Length++] = digits[(c >> 12) & 0xF];
                buffer[Length++] = digits[(c >> 8) & 0xF];
                buffer[Length++] = digits[(c >> 4) & 0xF];
                buffer[Length++] = digits[c & 0xF];
            }
        }

        Append(value, run, value.Length - run);
        Append('"');
    }

    /// <summary>The short escape of <paramref name="c"/>, or null with <paramref name="unicode"/> set when it is written as <c>\uXXXX</c>.</summary>
    private static string? EscapeOf(char c, out bool unicode)
    {
        unicode = false;
        switch (c)
        {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\f': return "\\f";
            case '\b': return "\\b";
            case '\u0085': return "\\u0085";
            case '\u2028': return "\\u2028";
            case '\u2029': return "\\u2029";
        }

        unicode = c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        return null;
    }

    private void Append(char c)
    {
        Ensure(1);
        buffer[Length++] = c;
    }

    private void Append(string text) => Append(text, 0, text.Length);

    private void Append(string text, int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        Ensure(count);
        text.CopyTo(start, buffer, Length, count);
        Length += count;
    }

    private void Ensure(int more)
    {
        if (Length + more <= buffer.Length)
        {
            return;
        }

        var larger = new char[Math.Max(buffer.Length * 2, Length + more)];
        Array.Copy(buffer, larger, Length);
        buffer = larger;
    }
}
