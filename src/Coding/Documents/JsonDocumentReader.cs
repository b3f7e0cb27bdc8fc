using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace Coding.Documents;

/// <summary>
/// Reads JSON text into a located <see cref="DataNode"/> tree: the same tree YAML gives, so one strict mapper serves both.
/// Syntax errors (including truncated input) and duplicate keys go to the sink.
/// </summary>
internal static class JsonDocumentReader
{
    public static DataNode? Read(string text, DataErrorSink errors)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        try
        {
            if (!reader.Read())
            {
                errors.Add(DataErrorIds.Syntax, "The file is empty.", new SourceMark(1, 1));
                return null;
            }

            DataNode root = ReadValue(reader, errors);
            if (reader.Read())
            {
                errors.Add(DataErrorIds.Syntax, "Unexpected content after the end of the JSON value.", Here(reader));
            }

            return root;
        }
        catch (JsonReaderException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            errors.Add(DataErrorIds.Syntax, "JSON syntax: " + (cut > 0 ? message.Substring(0, cut) : message), new SourceMark(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1)));
            return null;
        }
    }

    private static DataNode ReadValue(JsonTextReader reader, DataErrorSink errors)
    {
        SourceMark start = Here(reader);
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                var entries = new List<KeyValuePair<ScalarNode, DataNode>>();
                while (Next(reader) != JsonToken.EndObject)
                {
                    string name = (string)reader.Value!;
                    var key = new ScalarNode(Here(reader), name, isText: true);
                    Next(reader);
                    DataNode value = ReadValue(reader, errors);
                    if (FindKey(entries, name) is { } first)
                    {
                        errors.Add(DataErrorIds.DuplicateKey, $"Duplicate key '{name}' (first given at line {first.Line}).", key.Start);
                        continue;
                    }

                    entries.Add(new KeyValuePair<ScalarNode, DataNode>(key, value));
                }

                return new MappingNode(start, entries);
            case JsonToken.StartArray:
                var items = new List<DataNode>();
                while (Next(reader) != JsonToken.EndArray)
                {
                    items.Add(ReadValue(reader, errors));
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
        // Comments are allowed in hand-written JSON and carry no data.
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

    private static SourceMark Here(JsonTextReader reader) => new(Math.Max(reader.LineNumber, 1), Math.Max(reader.LinePosition, 1));

    /// <summary>Where a key was first given in a mapping, if it was: mappings are small, so a scan beats a dictionary.</summary>
    private static SourceMark? FindKey(List<KeyValuePair<ScalarNode, DataNode>> entries, string key)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key.Value, key, System.StringComparison.Ordinal))
            {
                return entry.Key.Start;
            }
        }

        return null;
    }
}
