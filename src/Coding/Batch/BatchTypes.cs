using System;
using System.Collections.Generic;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Batch;

/// <summary>How a batch runs. Immutable.</summary>
public sealed record BatchOptions
{
    /// <summary>Creates batch options.</summary>
    /// <param name="parallelism">The number of cases coded at once (1 = sequential). Output order never depends on it.</param>
    /// <param name="chunkSize">How many input lines are read, coded and written together; bounds memory whatever the input size. Small chunks keep each record short-lived (gen0) for the garbage collector.</param>
    /// <param name="sourceName">The name input lines are reported under in error records (e.g. the input file's name).</param>
    /// <param name="progress">A receiver of progress after each chunk, or <see langword="null"/>.</param>
    public BatchOptions(int parallelism = 1, int chunkSize = 64, string sourceName = "input", IProgress<BatchSummary>? progress = null)
        : this(parallelism, chunkSize, sourceName, progress, ReadLimits.Default)
    {
    }

    /// <summary>Creates batch options with read limits.</summary>
    /// <param name="parallelism">The number of cases coded at once (1 = sequential). Output order never depends on it.</param>
    /// <param name="chunkSize">How many input lines are read, coded and written together.</param>
    /// <param name="sourceName">The name input lines are reported under in error records.</param>
    /// <param name="progress">A receiver of progress after each chunk, or <see langword="null"/>.</param>
    /// <param name="limits">The read limits; a line over <see cref="ReadLimits.MaxLineBytes"/> becomes an error record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public BatchOptions(int parallelism, int chunkSize, string sourceName, IProgress<BatchSummary>? progress, ReadLimits limits)
    {
        Parallelism = parallelism;
        ChunkSize = chunkSize;
        SourceName = sourceName;
        Progress = progress;
        Limits = IntraperitonealCoding.Infrastructure.Preconditions.CheckNotNull(limits, nameof(limits));
    }

    /// <summary>Gets the read limits.</summary>
    public ReadLimits Limits { get; }

    /// <summary>Gets the number of cases coded at once (1 = sequential).</summary>
    public int Parallelism { get; }

    /// <summary>Gets how many input lines are read, coded and written together.</summary>
    public int ChunkSize { get; }

    /// <summary>Gets the name input lines are reported under in error records.</summary>
    public string SourceName { get; }

    /// <summary>Gets the receiver of progress after each chunk, or <see langword="null"/>.</summary>
    public IProgress<BatchSummary>? Progress { get; }

    /// <summary>
    /// Gets a value indicating whether result records are written compact: the keys of the full record in the same
    /// order, less every key whose value is null, an empty list or false (<c>ready</c> is always written), and the
    /// result's <c>notes</c> as note ids, whose texts <see cref="BatchCoder.WriteNotes"/> writes once. Error records
    /// are the same in both forms. Default: <see langword="false"/> (every record is the full <see cref="ResultJson"/> form).
    /// </summary>
    /// <remarks>
    /// To read a compact record back as a full one, put back each missing key of the result form with its empty value
    /// (null, <c>[]</c> or <c>false</c>) and replace each note id by the note of that id in the notes file; the record
    /// is then byte for byte the full one, which <see cref="ResultJson.Read(string, string)"/> reads.
    /// </remarks>
    public bool Compact { get; private init; }

    /// <summary>Returns these options with compact records on or off (see <see cref="Compact"/>).</summary>
    /// <param name="compact">Whether result records are written compact.</param>
    /// <returns>The new options.</returns>
    public BatchOptions WithCompact(bool compact = true) => this with { Compact = compact };
}

/// <summary>Counts for a batch run (or the part of it done so far). Immutable.</summary>
public sealed record BatchSummary
{
    internal BatchSummary(long records, long ready, long withErrors, long unreadable, TimeSpan elapsed)
    {
        Records = records;
        Ready = ready;
        WithErrors = withErrors;
        Unreadable = unreadable;
        Elapsed = elapsed;
    }

    /// <summary>Gets the number of records written: always the number of input lines read (ready + with errors + unreadable + failed).</summary>
    public long Records { get; }

    /// <summary>Gets the number of cases coded with no error findings.</summary>
    public long Ready { get; }

    /// <summary>Gets the number of cases coded with error findings.</summary>
    public long WithErrors { get; }

    /// <summary>Gets the number of lines that could not be read as a case (each has an error record).</summary>
    public long Unreadable { get; }

    /// <summary>Gets the number of lines on which coding failed unexpectedly (a defect; each has a <c>"failed": true</c> record).</summary>
    public long Failed { get; internal init; }

    /// <summary>Gets a value indicating whether the run was cancelled before the end of the input (the records written are whole).</summary>
    public bool Interrupted { get; internal init; }

    /// <summary>Gets the wall time taken.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the throughput in records per second.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
}

/// <summary>The outcome for one input line: a coding result, or the errors that kept the line from being read. Immutable.</summary>
public sealed record BatchRecord
{
    internal BatchRecord(long line, CodingResult? result, IReadOnlyList<DataError> errors)
    {
        Line = line;
        Result = result;
        Errors = errors;
    }

    /// <summary>Gets the 1-based input line number.</summary>
    public long Line { get; }

    /// <summary>Gets the coding result, or <see langword="null"/> when the line could not be read.</summary>
    public CodingResult? Result { get; }

    /// <summary>Gets the errors that kept the line from being read; empty when <see cref="Result"/> is set.</summary>
    public IReadOnlyList<DataError> Errors { get; }
}
