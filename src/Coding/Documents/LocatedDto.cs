using System;
using System.Collections.Generic;

namespace IntraperitonealCoding.Documents;

/// <summary>Marks a DTO property whose key must be present (and not null) in the document.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RequiredKeyAttribute : Attribute
{
}

/// <summary>
/// Lets a plain scalar stand for the whole mapping, as the value of the named string property (a diagnosis given as
/// <c>C78.6</c> is <c>{ code: C78.6 }</c>); the other keys then take their defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ScalarShorthandAttribute : Attribute
{
    public ScalarShorthandAttribute(string property) => Property = property;

    public string Property { get; }
}

/// <summary>
/// The form a mapping is written in, shown when a plain value is given where the mapping belongs (an NDC written as
/// <c>16729-288-11</c> instead of <c>{ code: ..., unit: ..., quantity: ... }</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class MappingFormAttribute : Attribute
{
    public MappingFormAttribute(string form) => Form = form;

    public string Form { get; }
}

/// <summary>
/// Base of every internal DTO the <see cref="StrictMapper"/> fills: remembers where the mapping and each of its values
/// started, so checks made after mapping (a negative duration, an undefined note) can still say file:line:column.
/// </summary>
internal abstract class LocatedDto
{
    // One slot per property, in the order of the type's shared index; a zero line means the key was not given.
    private IReadOnlyDictionary<string, int>? index;
    private SourceMark[]? valueMarks;

    internal SourceMark Start { get; private set; }

    /// <summary>Where the value of a property (by C# property name) starts; the mapping's start when the key is absent.</summary>
    internal SourceMark At(string propertyName)
        => Slot(propertyName) is { } slot && valueMarks![slot].Line > 0 ? valueMarks[slot] : Start;

    /// <summary>Whether the document gave the key for a property (by C# property name).</summary>
    internal bool Has(string propertyName) => Slot(propertyName) is { } slot && valueMarks![slot].Line > 0;

    internal void SetStart(SourceMark start) => Start = start;

    /// <summary>Called by the mapper with the type's property index (shared by every instance of the type).</summary>
    internal void UseIndex(IReadOnlyDictionary<string, int> propertyIndex)
    {
        index = propertyIndex;
        valueMarks = new SourceMark[propertyIndex.Count];
    }

    internal void SetValueMark(int slot, SourceMark mark) => valueMarks![slot] = mark;

    private int? Slot(string propertyName)
        => index is not null && valueMarks is not null && index.TryGetValue(propertyName, out int slot) ? slot : null;
}
