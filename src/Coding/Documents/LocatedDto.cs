using System;
using System.Collections.Generic;

namespace Coding.Documents;

/// <summary>Marks a DTO property whose key must be present (and not null) in the document.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RequiredKeyAttribute : Attribute
{
}

/// <summary>
/// Base of every internal DTO the <see cref="StrictMapper"/> fills: remembers where the mapping and each of its values
/// started, so checks made after mapping (a negative duration, an undefined note) can still say file:line:column.
/// </summary>
internal abstract class LocatedDto
{
    private Dictionary<string, SourceMark>? valueMarks;

    internal SourceMark Start { get; private set; }

    /// <summary>Where the value of a property (by C# property name) starts; the mapping's start when the key is absent.</summary>
    internal SourceMark At(string propertyName)
        => valueMarks is not null && valueMarks.TryGetValue(propertyName, out var mark) ? mark : Start;

    /// <summary>Whether the document gave the key for a property (by C# property name).</summary>
    internal bool Has(string propertyName) => valueMarks is not null && valueMarks.ContainsKey(propertyName);

    internal void SetStart(SourceMark start) => Start = start;

    internal void SetValueMark(string propertyName, SourceMark mark)
        => (valueMarks ??= new Dictionary<string, SourceMark>(StringComparer.Ordinal))[propertyName] = mark;
}
