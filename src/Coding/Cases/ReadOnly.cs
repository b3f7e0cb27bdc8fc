using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace IntraperitonealCoding.Cases;

/// <summary>
/// Makes defensive, read-only copies of caller-supplied sequences for immutable types. The lists it returns compare by
/// value (<see cref="ValueList{T}"/>), so records holding them (cases, lines, results) are equal when their contents are.
/// </summary>
internal static class ReadOnly
{
    public static IReadOnlyList<T> Copy<T>(IEnumerable<T>? items)
        => items is null ? Empty<T>.List : new ValueList<T>(items.ToArray());

    /// <summary>Wraps a list the caller built and will never change again, without copying it.</summary>
    public static IReadOnlyList<T> Wrap<T>(List<T> items) => items.Count == 0 ? Empty<T>.List : new ValueList<T>(items);

    /// <summary>
    /// Keeps a list that is already immutable (a rule's frozen list, or an earlier result of this class) without
    /// copying it, and copies anything else.
    /// </summary>
    public static IReadOnlyList<T> Keep<T>(IReadOnlyList<T>? items)
        => items is null || items.Count == 0 ? Empty<T>.List
            : items is ValueList<T> ? items
            : items is ReadOnlyCollection<T> frozen ? new ValueList<T>(frozen)
            : Copy(items);

    internal static IReadOnlyList<T> None<T>() => Empty<T>.List;

    private static class Empty<T>
    {
        public static readonly IReadOnlyList<T> List = new ValueList<T>(System.Array.Empty<T>());
    }
}

/// <summary>A read-only list that is equal to another with the same items in the same order (record-friendly).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ValueList<T> : IReadOnlyList<T>, System.IEquatable<ValueList<T>>
{
    private readonly IList<T> items;

    /// <summary>Wraps a list nobody changes any more (the caller's promise), without copying it.</summary>
    public ValueList(IList<T> items) => this.items = items;

    public int Count => items.Count;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < Count; i++)
        {
            if (!comparer.Equals(items[i], other.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (T item in items)
            {
                hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
            }

            return hash;
        }
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>A read-only dictionary equal to another with the same keys and values (record-friendly).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class ValueDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, System.IEquatable<ValueDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> items;

    /// <summary>Wraps a dictionary nobody changes any more (the caller's promise), without copying it.</summary>
    public ValueDictionary(Dictionary<TKey, TValue> items) => this.items = items;

    public int Count => items.Count;

    public IEnumerable<TKey> Keys => items.Keys;

    public IEnumerable<TValue> Values => items.Values;

    public TValue this[TKey key] => items[key];

    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => items.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var pair in items)
        {
            if (!other.items.TryGetValue(pair.Key, out TValue? value) || !EqualityComparer<TValue>.Default.Equals(pair.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueDictionary<TKey, TValue> other && Equals(other);

    public override int GetHashCode()
    {
        // Order-independent: the sum of the pairs' hashes, with the keys hashed by the dictionary's own comparer.
        unchecked
        {
            int hash = Count;
            foreach (var pair in items)
            {
                hash += (items.Comparer.GetHashCode(pair.Key) * 31) ^ (pair.Value is null ? 0 : EqualityComparer<TValue>.Default.GetHashCode(pair.Value));
            }

            return hash;
        }
    }
}
