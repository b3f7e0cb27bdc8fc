using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Coding.Cases;

/// <summary>Makes defensive, read-only copies of caller-supplied sequences for immutable types.</summary>
internal static class ReadOnly
{
    public static IReadOnlyList<T> Copy<T>(IEnumerable<T>? items)
        => items is null ? Empty<T>.List : new ReadOnlyCollection<T>(items.ToArray());

    /// <summary>Wraps a list the caller built and will never change again, without copying it.</summary>
    public static IReadOnlyList<T> Wrap<T>(List<T> items) => items.Count == 0 ? Empty<T>.List : new ReadOnlyCollection<T>(items);

    /// <summary>
    /// Keeps a list that is already immutable (a rule's frozen list, or an earlier result of this class) as it is, and
    /// copies anything else.
    /// </summary>
    public static IReadOnlyList<T> Keep<T>(IReadOnlyList<T>? items)
        => items is null || items.Count == 0 ? Empty<T>.List : items is ReadOnlyCollection<T> ? items : Copy(items);

    internal static IReadOnlyList<T> None<T>() => Empty<T>.List;

    private static class Empty<T>
    {
        public static readonly IReadOnlyList<T> List = new ReadOnlyCollection<T>(System.Array.Empty<T>());
    }
}
