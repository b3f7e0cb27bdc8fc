using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Reads JSON text into a located <see cref="DataNode"/> tree: the same tree YAML gives, so one strict mapper serves both.
/// Syntax errors (including truncated input) and duplicate keys go to the sink. Only strict JSON is read
/// (<see cref="StrictJson"/>): comments, single quotes, unquoted names and trailing commas are syntax errors, and an
/// escape that decodes to NUL, U+FFFE, U+FFFF or half a surrogate pair is refused as the raw character is.
/// </summary>
internal static class JsonDocumentReader
{
    public static DataNode? Read(string text, DataErrorSink errors)
    {
        // The strict check decides the forms only it refuses; any other defect is reported in the reader's words,
        // and by the check only when the lenient reader would have taken it.
        StrictJson.Defect? strict = StrictJson.Check(text, errors.Limits.MaxDepth);
        if (strict is { Lenient: true } refused)
        {
            errors.Add(refused.Id, refused.Message, refused.At);
            return null;
        }

        long before = errors.Count;
        DataNode? root = ReadLenient(text, errors);
        if (strict is { } defect && errors.Count == before)
        {
            errors.Add(defect.Id, defect.Message, defect.At);
            return null;
        }

        return root;
    }

    private static DataNode? ReadLenient(string text, DataErrorSink errors)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = errors.Limits.MaxDepth + 1,
        };
        try
        {
            if (!ReadSkippingComments(reader))
            {
                errors.Add(DataErrorIds.Syntax, "The file is empty.", new SourceMark(1, 1));
                return null;
            }

            DataNode root = ReadValue(reader, errors, 1);
            if (ReadSkippingComments(reader))
            {
                errors.Add(DataErrorIds.Syntax, "Unexpected content after the end of the JSON value.", Here(reader));
            }

            return root;
        }
        catch (LimitExceededException ex)
        {
            errors.Add(DataErrorIds.LimitExceeded, ex.Message, ex.At);
            return null;
        }
        catch (JsonReaderException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            errors.Add(DataErrorIds.Syntax, "JSON syntax: " + (cut > 0 ? message.Substring(0, cut) : message), new SourceMark(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1)));
            return null;
        }
    }

    private static DataNode ReadValue(JsonTextReader reader, DataErrorSink errors, int depth)
    {
        SourceMark start = Here(reader);
        ReadLimits limits = errors.Limits;
        if (depth > limits.MaxDepth && reader.TokenType is JsonToken.StartObject or JsonToken.StartArray)
        {
            throw new LimitExceededException(string.Format(CultureInfo.InvariantCulture, "Objects and arrays are nested deeper than the limit of {0} levels; raise it with ReadLimits.WithMaxDepth (library).", limits.MaxDepth), start);
        }

        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                var entries = new List<KeyValuePair<ScalarNode, DataNode>>();
                Dictionary<string, SourceMark>? keys = null;
                while (Next(reader) != JsonToken.EndObject)
                {
                    CheckLength(entries.Count, limits, start);
                    string name = (string)reader.Value!;
                    var key = new ScalarNode(Here(reader), name, isText: true);
                    Next(reader);
                    DataNode value = ReadValue(reader, errors, depth + 1);
                    if (KeyIndex.Find(entries, ref keys, name, key.Start) is { } first)
                    {
                        errors.Add(DataErrorIds.DuplicateKey, $"Duplicate key '{Shown.Text(name)}' (first given at line {first.Line}).", key.Start);
                        continue;
                    }

                    entries.Add(new KeyValuePair<ScalarNode, DataNode>(key, value));
                }

                return new MappingNode(start, entries);
            case JsonToken.StartArray:
                var items = new List<DataNode>();
                while (Next(reader) != JsonToken.EndArray)
                {
                    CheckLength(items.Count, limits, start);
                    items.Add(ReadValue(reader, errors, depth + 1));
                }

                return new SequenceNode(start, items);
            case JsonToken.String:
                return new ScalarNode(start, (string)reader.Value!, isText: true);
            case JsonToken.Null:
                return new ScalarNode(start, null, isText: false);
            case JsonToken.Boolean:
                return new ScalarNode(start, (bool)reader.Value! ? "true" : "false", isText: false);
            case JsonToken.Integer:
            case JsonToken.Float:
                return new ScalarNode(start, Convert.ToString(reader.Value, CultureInfo.InvariantCulture), isText: false);
            default:
                throw new JsonReaderException($"Unexpected token {reader.TokenType}.", reader.Path, reader.LineNumber, reader.LinePosition, innerException: null);
        }
    }

    private static JsonToken Next(JsonTextReader reader)
    {
        // StrictJson refuses comments before this reader runs; skipping them keeps this reader total on its own.
        do
        {
            if (!reader.Read())
            {
                throw new JsonReaderException("Unexpected end of content: the file is truncated.", reader.Path, reader.LineNumber, reader.LinePosition, innerException: null);
            }
        }
        while (reader.TokenType == JsonToken.Comment);

        return reader.TokenType;
    }

    /// <summary>Reads the next token that is not a comment; false at the end of the text.</summary>
    private static bool ReadSkippingComments(JsonTextReader reader)
    {
        bool read;
        while ((read = reader.Read()) && reader.TokenType == JsonToken.Comment)
        {
        }

        return read;
    }

    private static SourceMark Here(JsonTextReader reader) => new(Math.Max(reader.LineNumber, 1), Math.Max(reader.LinePosition, 1));

    private static void CheckLength(int count, ReadLimits limits, SourceMark start)
    {
        if (count >= limits.MaxListItems)
        {
            throw new LimitExceededException(string.Format(CultureInfo.InvariantCulture, "An object or array has more than the limit of {0} items; raise it with ReadLimits.WithMaxListItems (library).", limits.MaxListItems), start);
        }
    }
}
