using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Reads YAML text into a located <see cref="DataNode"/> tree. Reports duplicate keys, unknown anchors, tags and syntax
/// errors to the sink instead of throwing. Only the first document of a stream is read; a second is an error.
/// </summary>
/// <remarks>
/// Bounded: nesting deeper than <see cref="ReadLimits.MaxDepth"/>, a list or mapping longer than
/// <see cref="ReadLimits.MaxListItems"/>, or a document that expands (every alias counted at the size of what it
/// refers to) past <see cref="ReadLimits.MaxNodes"/> stops the read with one located error, so neither the stack nor
/// the heap grows with a hostile input. Duplicate keys are found by hashing, in linear time.
/// </remarks>
internal sealed class YamlDocumentReader
{
    private readonly IParser parser;
    private readonly DataErrorSink errors;
    private readonly ReadLimits limits;
    private readonly Dictionary<string, (DataNode Node, long Weight)> anchors = new(StringComparer.Ordinal);
    private long expanded;

    private YamlDocumentReader(IParser parser, DataErrorSink errors)
    {
        this.parser = parser;
        this.errors = errors;
        limits = errors.Limits;
    }

    public static DataNode? Read(string text, DataErrorSink errors)
    {
        var parser = new Parser(new StringReader(text));
        return new YamlDocumentReader(parser, errors).ReadDocument();
    }

    private static SourceMark Mark(Mark mark) => new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: x, Col: y, Idx: z) - (...): "; the location is reported separately.
        string message = ex.Message;
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message.Substring(cut + 3) : message;
    }

    private ScalarNode ToScalar(Scalar scalar)
    {
        // An escape ("\0", "\uFFFF", "\x00") can decode to what the raw text may not hold: refused the same way.
        if (TextCheck.ForbiddenIn(scalar.Value) is { } what)
        {
            errors.Add(DataErrorIds.InvalidText, "The value holds " + what + ".", Mark(scalar.Start));
        }

        bool plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && IsNullLiteral(scalar.Value))
        {
            return new ScalarNode(Mark(scalar.Start), null, isText: false);
        }

        return new ScalarNode(Mark(scalar.Start), scalar.Value, isText: !plain);
    }

    private static bool IsNullLiteral(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    private DataNode? ReadDocument()
    {
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                errors.Add(DataErrorIds.Syntax, "The file is empty.", new SourceMark(1, 1));
                return null;
            }

            parser.Consume<DocumentStart>();
            DataNode root = ReadNode(1);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart extra)
            {
                errors.Add(DataErrorIds.Syntax, "Only one YAML document is allowed per file.", Mark(extra.Start));
            }

            return root;
        }
        catch (LimitExceededException ex)
        {
            errors.Add(DataErrorIds.LimitExceeded, ex.Message, ex.At);
            return null;
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

    private DataNode ReadNode(int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Count(target.Weight, Mark(alias.Start));
                return target.Node;
            }

            errors.Add(DataErrorIds.Syntax, $"Alias '*{alias.Value}' refers to no anchor defined before it.", Mark(alias.Start));
            return new ScalarNode(Mark(alias.Start), null, isText: false);
        }

        if (depth > limits.MaxDepth)
        {
            SourceMark at = parser.Current is { } current ? Mark(current.Start) : new SourceMark(1, 1);
            throw new LimitExceededException(string.Format(CultureInfo.InvariantCulture, "Lists and mappings are nested deeper than the limit of {0} levels; raise it with ReadLimits.WithMaxDepth (library).", limits.MaxDepth), at);
        }

        long before = expanded;
        DataNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            Count(1, Mark(scalar.Start));
            node = ToScalar(scalar);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            Count(1, Mark(sequenceStart.Start));
            node = ReadSequence(sequenceStart, depth);
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            start = mappingStart;
            Count(1, Mark(mappingStart.Start));
            node = ReadMapping(mappingStart, depth);
        }

        if (!start.Tag.IsEmpty)
        {
            errors.Add(DataErrorIds.UnsupportedTag, $"YAML tags ('{Shown.Text(start.Tag.Value)}') are not supported: write the plain value (quoted when it is text).", Mark(start.Start));
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = (node, expanded - before);
        }

        return node;
    }

    private SequenceNode ReadSequence(SequenceStart sequenceStart, int depth)
    {
        var items = new List<DataNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            CheckLength(items.Count, sequenceStart.Start);
            items.Add(ReadNode(depth + 1));
        }

        return new SequenceNode(Mark(sequenceStart.Start), items);
    }

    private MappingNode ReadMapping(MappingStart mappingStart, int depth)
    {
        var entries = new List<KeyValuePair<ScalarNode, DataNode>>();
        Dictionary<string, SourceMark>? keys = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            CheckLength(entries.Count, mappingStart.Start);
            DataNode keyNode = ReadNode(depth + 1);
            DataNode value = ReadNode(depth + 1);
            if (keyNode is not ScalarNode { Value: { } keyText } key)
            {
                errors.Add(DataErrorIds.InvalidValue, "A mapping key must be plain text.", keyNode.Start);
                continue;
            }

            if (KeyIndex.Find(entries, ref keys, keyText, key.Start) is { } first)
            {
                errors.Add(DataErrorIds.DuplicateKey, $"Duplicate key '{Shown.Text(keyText)}' (first given at line {first.Line}).", key.Start);
                continue;
            }

            entries.Add(new KeyValuePair<ScalarNode, DataNode>(key, value));
        }

        return new MappingNode(Mark(mappingStart.Start), entries);
    }

    private void CheckLength(int count, Mark start)
    {
        if (count >= limits.MaxListItems)
        {
            throw new LimitExceededException(string.Format(CultureInfo.InvariantCulture, "A list or mapping has more than the limit of {0} items; raise it with ReadLimits.WithMaxListItems (library).", limits.MaxListItems), Mark(start));
        }
    }

    private void Count(long weight, SourceMark at)
    {
        expanded += weight;
        if (expanded > limits.MaxNodes)
        {
            throw new LimitExceededException(string.Format(CultureInfo.InvariantCulture, "The document expands to more than the limit of {0} values (aliases counted at the size of what they refer to); raise it with ReadLimits.WithMaxNodes (library).", limits.MaxNodes), at);
        }
    }
}
