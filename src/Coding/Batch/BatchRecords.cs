using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Batch;

/// <summary>The JSON records of lines that were not coded: unreadable ones, and ones on which coding failed.</summary>
internal static class BatchRecords
{
    /// <summary>The record for a line that could not be read: its number and every error, as one JSON line.</summary>
    public static string Unreadable(long line, IReadOnlyList<DataError> errors)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new Newtonsoft.Json.JsonTextWriter(text))
        {
            json.WriteStartObject();
            json.WritePropertyName("line");
            json.WriteValue(line);
            json.WritePropertyName("unreadable");
            json.WriteValue(true);
            json.WritePropertyName("ready");
            json.WriteValue(false);
            json.WritePropertyName("errors");
            json.WriteStartArray();
            foreach (DataError error in errors)
            {
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(error.Id);
                json.WritePropertyName("message");
                json.WriteValue(error.Message);
                json.WritePropertyName("column");
                json.WriteValue(error.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return text.ToString();
    }

    /// <summary>The record for a line on which an unexpected error (a defect, never bad input) stopped coding.</summary>
    public static string Failed(long line, Exception error)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new Newtonsoft.Json.JsonTextWriter(text))
        {
            json.WriteStartObject();
            json.WritePropertyName("line");
            json.WriteValue(line);
            json.WritePropertyName("failed");
            json.WriteValue(true);
            json.WritePropertyName("ready");
            json.WriteValue(false);
            json.WritePropertyName("error");
            json.WriteValue(error.GetType().Name + ": " + error.Message);
            json.WriteEndObject();
        }

        return text.ToString();
    }
}
