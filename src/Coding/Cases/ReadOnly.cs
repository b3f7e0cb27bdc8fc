using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Coding.Cases;

/// <summary>Makes defensive, read-only copies of caller-supplied sequences for immutable types.</summary>
internal static class ReadOnly
{
    public static IReadOnlyList<T> Copy<T>(IEnumerable<T>? items)
        => items is null ? Empty<T>.List : new ReadOnlyCollection<T>(items.ToArray());

    private static class Empty<T>
    {
        public static readonly IReadOnlyList<T> List = new ReadOnlyCollection<T>(System.Array.Empty<T>());
    }
}
