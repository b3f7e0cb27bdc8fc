using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// The limits a reader enforces before trusting its input: file and line sizes, nesting depth, list lengths, the
/// number of nodes a document may expand to (YAML aliases included) and the number of errors listed. Every limit is
/// checked before the whole input is held in memory, and exceeding one is a located <see cref="DataErrorIds.LimitExceeded"/>
/// error naming the limit, never an exception. Immutable; the defaults are generous for real cases and rule sets.
/// </summary>
/// <remarks>
/// The console raises the size limits with <c>--max-file-bytes</c> or <c>--max-line-bytes</c>; a library caller passes
/// its own <see cref="ReadLimits"/> (e.g. <c>ReadLimits.Default.WithMaxFileBytes(8_000_000).WithMaxListItems(50_000)</c>).
/// The number of errors listed is fixed. See docs/reliability.md.
/// </remarks>
public sealed class ReadLimits
{
    /// <summary>The default largest case file, in bytes (1 MiB; a real case is a few hundred bytes).</summary>
    public const long DefaultMaxFileBytes = 1L << 20;

    /// <summary>The default largest JSON Lines line, in bytes (1 MiB).</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    /// <summary>The largest rule file in <see cref="Default"/>, in bytes (16 MiB); <see cref="RuleDefault"/> allows 64 MiB.</summary>
    public const long DefaultMaxRuleFileBytes = 16L << 20;

    /// <summary>The deepest nesting a caller may allow (the readers recurse once per level).</summary>
    private const int DepthCeiling = 1000;

    private ReadLimits(long maxFileBytes, int maxLineBytes, long maxRuleFileBytes, int maxDepth = 64, int maxListItems = 10_000, int maxNodes = 1_000_000)
    {
        MaxFileBytes = maxFileBytes;
        MaxLineBytes = maxLineBytes;
        MaxRuleFileBytes = maxRuleFileBytes;
        MaxDepth = maxDepth;
        MaxListItems = maxListItems;
        MaxNodes = maxNodes;
    }

    /// <summary>Gets the default limits for cases (case files, JSON Lines).</summary>
    public static ReadLimits Default { get; } = new(DefaultMaxFileBytes, DefaultMaxLineBytes, DefaultMaxRuleFileBytes);

    /// <summary>
    /// Gets the default limits for rule data, which <see cref="RuleSet.Load(string)"/> uses: code tables (ICD-10,
    /// NCCI edits) run to hundreds of thousands of rows, so a list may hold 1,000,000 items and a file expand to
    /// 20,000,000 values; a rule file may be 64 MiB. Depth and the error count are as for cases.
    /// </summary>
    public static ReadLimits RuleDefault { get; } = new(DefaultMaxFileBytes, DefaultMaxLineBytes, 64L << 20, maxListItems: 1_000_000, maxNodes: 20_000_000);

    /// <summary>Gets the largest case file read, in bytes.</summary>
    public long MaxFileBytes { get; }

    /// <summary>Gets the largest JSON Lines line read, in bytes (its terminating LF and CR excluded).</summary>
    public int MaxLineBytes { get; }

    /// <summary>Gets the largest rule file read, in bytes.</summary>
    public long MaxRuleFileBytes { get; }

    /// <summary>Gets the deepest nesting of lists and mappings in one document (default 64, as JSON readers commonly allow).</summary>
    public int MaxDepth { get; }

    /// <summary>Gets the most items one list or mapping may hold (default 10,000).</summary>
    public int MaxListItems { get; }

    /// <summary>Gets the most values one document may expand to, every YAML alias counted at its full size (default 1,000,000).</summary>
    public int MaxNodes { get; }

    /// <summary>Gets the most errors listed for one input; the rest are counted in one final error (100).</summary>
    public int MaxErrors { get; } = 100;

    /// <summary>Returns these limits with another largest case file.</summary>
    /// <param name="bytes">The largest case file, in bytes; at least 1.</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is below 1.</exception>
    public ReadLimits WithMaxFileBytes(long bytes)
    {
        Preconditions.CheckArgumentRange(bytes >= 1, nameof(bytes), bytes, "A limit must be at least 1 byte.");
        return new ReadLimits(bytes, MaxLineBytes, MaxRuleFileBytes, MaxDepth, MaxListItems, MaxNodes);
    }

    /// <summary>Returns these limits with another largest JSON Lines line.</summary>
    /// <param name="bytes">The largest line, in bytes; from 1 to 1 GiB.</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is out of range.</exception>
    public ReadLimits WithMaxLineBytes(int bytes)
    {
        Preconditions.CheckArgumentRange(bytes is >= 1 and <= 1 << 30, nameof(bytes), bytes, "A line limit runs from 1 byte to 1 GiB.");
        return new ReadLimits(MaxFileBytes, bytes, MaxRuleFileBytes, MaxDepth, MaxListItems, MaxNodes);
    }

    /// <summary>Returns these limits with another largest rule file.</summary>
    /// <param name="bytes">The largest rule file, in bytes; at least 1.</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is below 1.</exception>
    public ReadLimits WithMaxRuleFileBytes(long bytes)
    {
        Preconditions.CheckArgumentRange(bytes >= 1, nameof(bytes), bytes, "A limit must be at least 1 byte.");
        return new ReadLimits(MaxFileBytes, MaxLineBytes, bytes, MaxDepth, MaxListItems, MaxNodes);
    }

    /// <summary>Returns these limits with another deepest nesting.</summary>
    /// <param name="levels">From 1 to 1,000 (the readers recurse once per level; more could exhaust the stack).</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is out of range.</exception>
    public ReadLimits WithMaxDepth(int levels)
    {
        Preconditions.CheckArgumentRange(levels is >= 1 and <= DepthCeiling, nameof(levels), levels, "A depth limit runs from 1 to 1000.");
        return new ReadLimits(MaxFileBytes, MaxLineBytes, MaxRuleFileBytes, levels, MaxListItems, MaxNodes);
    }

    /// <summary>Returns these limits with another largest list or mapping.</summary>
    /// <param name="items">At least 1.</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="items"/> is below 1.</exception>
    public ReadLimits WithMaxListItems(int items)
    {
        Preconditions.CheckArgumentRange(items >= 1, nameof(items), items, "A list limit must be at least 1.");
        return new ReadLimits(MaxFileBytes, MaxLineBytes, MaxRuleFileBytes, MaxDepth, items, MaxNodes);
    }

    /// <summary>Returns these limits with another largest expanded document.</summary>
    /// <param name="nodes">At least 1.</param>
    /// <returns>The new limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodes"/> is below 1.</exception>
    public ReadLimits WithMaxNodes(int nodes)
    {
        Preconditions.CheckArgumentRange(nodes >= 1, nameof(nodes), nodes, "A node limit must be at least 1.");
        return new ReadLimits(MaxFileBytes, MaxLineBytes, MaxRuleFileBytes, MaxDepth, MaxListItems, nodes);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "file {0} B, line {1} B, rule file {2} B, depth {3}, list {4}, nodes {5}", MaxFileBytes, MaxLineBytes, MaxRuleFileBytes, MaxDepth, MaxListItems, MaxNodes);
}
