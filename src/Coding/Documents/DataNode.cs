using System.Collections.Generic;

namespace IntraperitonealCoding.Documents;

/// <summary>A position in a source file, 1-based.</summary>
internal readonly record struct SourceMark(int Line, int Column);

/// <summary>A located node of a parsed YAML or JSON document: the neutral tree the strict mapper reads.</summary>
internal abstract class DataNode
{
    protected DataNode(SourceMark start) => Start = start;

    public SourceMark Start { get; }

    public abstract string Kind { get; }
}

/// <summary>A scalar. <see cref="Value"/> is null for an explicit null; <see cref="IsText"/> is true for quoted YAML or JSON strings.</summary>
internal sealed class ScalarNode : DataNode
{
    public ScalarNode(SourceMark start, string? value, bool isText)
        : base(start)
    {
        Value = value;
        IsText = isText;
    }

    public string? Value { get; }

    public bool IsText { get; }

    public override string Kind => Value is null ? "null" : "a scalar";
}

internal sealed class SequenceNode : DataNode
{
    public SequenceNode(SourceMark start, IReadOnlyList<DataNode> items)
        : base(start) => Items = items;

    public IReadOnlyList<DataNode> Items { get; }

    public override string Kind => "a list";
}

internal sealed class MappingNode : DataNode
{
    public MappingNode(SourceMark start, IReadOnlyList<KeyValuePair<ScalarNode, DataNode>> entries)
        : base(start) => Entries = entries;

    public IReadOnlyList<KeyValuePair<ScalarNode, DataNode>> Entries { get; }

    public override string Kind => "a mapping";
}
