using System;
using System.Collections.Generic;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Finds a key already given in the mapping being read: a scan of the entries while the mapping is small (the usual
/// case, with no allocation), a hash table built once it grows, so 200,000 keys cost linear time, not quadratic.
/// </summary>
internal static class KeyIndex
{
    private const int ScanLimit = 8;

    /// <summary>Where <paramref name="key"/> was first given, or <see langword="null"/> when it is new (then the caller adds it).</summary>
    public static SourceMark? Find(List<KeyValuePair<ScalarNode, DataNode>> entries, ref Dictionary<string, SourceMark>? index, string key, SourceMark at)
    {
        if (index is null && entries.Count < ScanLimit)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return entry.Key.Start;
                }
            }

            return null;
        }

        if (index is null)
        {
            index = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                index[entry.Key.Value!] = entry.Key.Start;
            }
        }

        if (index.TryGetValue(key, out SourceMark first))
        {
            return first;
        }

        index.Add(key, at);
        return null;
    }
}
