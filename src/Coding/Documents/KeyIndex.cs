using System;
using System.Collections.Generic;

namespace Coding.Documents;

/// <summary>
/// Finds a key already given in the mapping being read: a scan while the mapping is small (the usual case), a hash
/// table once it grows, so 200,000 keys cost linear time, not quadratic.
/// </summary>
internal sealed class KeyIndex
{
    private const int ScanLimit = 8;
    private readonly List<KeyValuePair<string, SourceMark>> small = new();
    private Dictionary<string, SourceMark>? large;

    /// <summary>Where the key was first given, or <see langword="null"/> (and the key is recorded) when it is new.</summary>
    public SourceMark? AddOrFind(string key, SourceMark at)
    {
        if (large is not null)
        {
            if (large.TryGetValue(key, out SourceMark first))
            {
                return first;
            }

            large.Add(key, at);
            return null;
        }

        foreach (var entry in small)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        small.Add(new KeyValuePair<string, SourceMark>(key, at));
        if (small.Count > ScanLimit)
        {
            large = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
            foreach (var entry in small)
            {
                large.Add(entry.Key, entry.Value);
            }
        }

        return null;
    }
}

/// <summary>Thrown inside a reader when a limit is exceeded, to stop reading at once; never escapes the reader.</summary>
#pragma warning disable CA1032, CA1064 // Private control flow of the readers, caught where the read starts.
internal sealed class LimitExceededException : Exception
#pragma warning restore CA1032, CA1064
{
    public LimitExceededException(string message, SourceMark at)
        : base(message) => At = at;

    public SourceMark At { get; }
}
