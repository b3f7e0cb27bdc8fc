using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coding.Documents;

/// <summary>
/// Reads YAML text into a located <see cref="DataNode"/> tree. Reports duplicate keys, unknown anchors and syntax
/// errors to the sink instead of throwing. Only the first document of a stream is read; a second is an error.
/// </summary>
internal static class YamlDocumentReader
{
    public static DataNode? Read(string text, DataErrorSink errors)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, DataNode>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                errors.Add(DataErrorIds.Syntax, "The file is empty.", new SourceMark(1, 1));
                return null;
            }

            parser.Consume<DocumentStart>();
            DataNode root = ReadNode(parser, anchors, errors);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart extra)
            {
                errors.Add(DataErrorIds.Syntax, "Only one YAML document is allowed per file.", Mark(extra.Start));
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(DataErrorIds.Syntax, "YAML syntax: " + Describe(ex), Mark(ex.Start));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, e.g. an unclosed
            // flow sequence at the end of the text. Report it where parsing stopped.
            SourceMark at = parser.Current is { } current ? Mark(current.End) : new SourceMark(1, 1);
            errors.Add(DataErrorIds.Syntax, "YAML syntax: the text ends inside an unclosed [ ], { } or quoted value, or is otherwise malformed after this point.", at);
            return null;
        }
    }

    private static DataNode ReadNode(IParser parser, Dictionary<string, DataNode> anchors, DataErrorSink errors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            errors.Add(DataErrorIds.Syntax, $"Alias '*{alias.Value}' refers to no anchor defined before it.", Mark(alias.Start));
            return new ScalarNode(Mark(alias.Start), null, isText: false);
        }

        DataNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            node = ToScalar(scalar);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            var items = new List<DataNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, errors));
            }

            node = new SequenceNode(Mark(sequenceStart.Start), items);
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            start = mappingStart;
            var entries = new List<KeyValuePair<ScalarNode, DataNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                DataNode keyNode = ReadNode(parser, anchors, errors);
                DataNode value = ReadNode(parser, anchors, errors);
                if (keyNode is not ScalarNode { Value: { } keyText } key)
                {
                    errors.Add(DataErrorIds.InvalidValue, "A mapping key must be plain text.", keyNode.Start);
                    continue;
                }

                if (FindKey(entries, keyText) is { } first)
                {
                    errors.Add(DataErrorIds.DuplicateKey, $"Duplicate key '{keyText}' (first given at line {first.Line}).", key.Start);
                    continue;
                }

                entries.Add(new KeyValuePair<ScalarNode, DataNode>(key, value));
            }

            node = new MappingNode(Mark(mappingStart.Start), entries);
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static ScalarNode ToScalar(Scalar scalar)
    {
        bool plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && IsNullLiteral(scalar.Value))
        {
            return new ScalarNode(Mark(scalar.Start), null, isText: false);
        }

        return new ScalarNode(Mark(scalar.Start), scalar.Value, isText: !plain);
    }

    private static bool IsNullLiteral(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    private static SourceMark Mark(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: x, Col: y, Idx: z) - (...): "; the location is reported separately.
        string message = ex.Message;
        int cut = message.LastIndexOf("): ", System.StringComparison.Ordinal);
        return cut >= 0 ? message.Substring(cut + 3) : message;
    }

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
