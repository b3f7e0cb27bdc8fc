using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Batch;

/// <summary>
/// Codes JSON Lines: one case per input line, one result per output line, in input order, streamed in fixed-size chunks
/// so memory stays flat however large the input. A line that cannot be read becomes an error record with its line
/// number: the number of output records always equals the number of input lines.
/// </summary>
/// <remarks>Thread-safe: it keeps no state; the rule set is shared read-only by the workers.</remarks>
public static partial class BatchCoder
{
    /// <summary>Codes every line of <paramref name="input"/> and writes one JSON record per line to <paramref name="output"/>.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="input">JSON Lines: one case per line, split on LF only (one CR before it is dropped).</param>
    /// <param name="output">Where the records go: a result (the <see cref="ResultJson"/> form) or an error record per line.</param>
    /// <param name="options">How to run; default: sequential.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Parallelism or chunk size is below 1.</exception>
    /// <exception cref="IOException">Reading the input or writing the output failed; the records before it were written.</exception>
    public static BatchSummary Run(RuleSet rules, TextReader input, TextWriter output, BatchOptions? options = null)
        => Run(rules, input, output, options, CancellationToken.None);

    /// <summary>
    /// Codes every line of <paramref name="input"/> until the end or until <paramref name="cancellation"/> is signalled:
    /// then no further line is read, the lines already read are coded and written whole, and the summary says the
    /// run was interrupted. No record is ever written in part by this method.
    /// </summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="input">JSON Lines: one case per line, split on LF only (one CR before it is dropped).</param>
    /// <param name="output">Where the records go.</param>
    /// <param name="options">How to run; default: sequential.</param>
    /// <param name="cancellation">Stops reading (e.g. on SIGINT); what was read is still written.</param>
    /// <returns>The counts, with <see cref="BatchSummary.Interrupted"/> set when cancelled before the end.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Parallelism or chunk size is below 1.</exception>
    /// <exception cref="IOException">Reading the input or writing the output failed; the records before it were written.</exception>
    public static BatchSummary Run(RuleSet rules, TextReader input, TextWriter output, BatchOptions? options, CancellationToken cancellation)
    {
        options = Checked(rules, input, output, options);

        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        var lines = new JsonLinesReader(input, options.Limits.MaxLineBytes);
        if (options.Parallelism == 1)
        {
            RunSequential(rules, lines, output, options, counts, clock, cancellation);
        }
        else
        {
            RunPipelined(rules, lines, output, options, counts, clock, cancellation);
        }

        output.Flush();
        return counts.Summary(clock.Elapsed, cancellation.IsCancellationRequested);
    }

    /// <summary>
    /// Codes every line of <paramref name="input"/> as <see cref="Run(RuleSet, TextReader, TextWriter, BatchOptions?, CancellationToken)"/>
    /// does, on a thread-pool thread, so a server or UI thread is not held while a large batch runs. Cancelling
    /// stops reading; the lines already read are written whole and the task completes with a summary whose
    /// <see cref="BatchSummary.Interrupted"/> is set (it is not a cancelled task).
    /// </summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="input">JSON Lines: one case per line. It is read synchronously on the batch's thread.</param>
    /// <param name="output">Where the records go; written synchronously on the batch's thread.</param>
    /// <param name="options">How to run; default: sequential.</param>
    /// <param name="cancellation">Stops reading; what was read is still written.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (thrown at once, not through the task).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Parallelism or chunk size is below 1 (thrown at once).</exception>
    /// <exception cref="IOException">Through the task: reading the input or writing the output failed.</exception>
    public static Task<BatchSummary> RunAsync(RuleSet rules, TextReader input, TextWriter output, BatchOptions? options = null, CancellationToken cancellation = default)
    {
        options = Checked(rules, input, output, options);

        // The token is not given to Task.Run: a cancelled batch still completes, with what it read written and counted.
        return Task.Run(() => Run(rules, input, output, options, cancellation), CancellationToken.None);
    }

    /// <summary>The options to run with, once the arguments are checked (a programmer error throws).</summary>
    private static BatchOptions Checked(RuleSet rules, TextReader input, TextWriter output, BatchOptions? options)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(input, nameof(input));
        Preconditions.CheckNotNull(output, nameof(output));
        options ??= new BatchOptions();
        Preconditions.CheckArgumentRange(options.Parallelism >= 1, nameof(options), options.Parallelism, "Parallelism must be at least 1.");
        Preconditions.CheckArgumentRange(options.ChunkSize >= 1, nameof(options), options.ChunkSize, "Chunk size must be at least 1.");
        return options;
    }

    private static void RunSequential(RuleSet rules, JsonLinesReader input, TextWriter output, BatchOptions options, Counts counts, Stopwatch clock, CancellationToken cancellation)
    {
        // One line buffer and one record buffer, reused line after line: each record goes out as soon as it is coded.
        var line = new LineBuffer();
        var record = new RecordWriter();
        long lineNumber = 0;
        while (!cancellation.IsCancellationRequested)
        {
            line.Length = 0;
            if (!input.Next(line, out LineSpan read))
            {
                break;
            }

            if (cancellation.IsCancellationRequested && !read.Terminated)
            {
                break; // The input was cut off by the interruption: the partial line is dropped, not coded.
            }

            record.Clear();
            counts.Add(CodeLine(rules, line.Chars, read, ++lineNumber, options, record));
            record.EndLine();
            output.Write(record.Buffer, 0, record.Length);
            if (options.Progress is not null && lineNumber % options.ChunkSize == 0)
            {
                options.Progress.Report(counts.Summary(clock.Elapsed));
            }
        }

        options.Progress?.Report(counts.Summary(clock.Elapsed));
    }

    /// <summary>
    /// Writes the notes file that goes with compact records (<see cref="BatchOptions.Compact"/>): every note of the rule
    /// set once, as <c>{"rules_version": "…", "notes": [{"id", "text", "source"}, …]}</c>, sorted by id.
    /// </summary>
    /// <param name="rules">The rule set the records were coded with.</param>
    /// <param name="output">Where to write the notes (one JSON document, indented, ending with LF).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">Writing failed.</exception>
    public static void WriteNotes(RuleSet rules, TextWriter output)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(output, nameof(output));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new Newtonsoft.Json.JsonTextWriter(text) { Formatting = Newtonsoft.Json.Formatting.Indented })
        {
            json.WriteStartObject();
            json.WritePropertyName("rules_version");
            json.WriteValue(rules.Version);
            json.WritePropertyName("notes");
            json.WriteStartArray();
            foreach (CodingNote note in rules.Notes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(note.Id);
                json.WritePropertyName("text");
                json.WriteValue(note.Text);
                json.WritePropertyName("source");
                json.WriteValue(note.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(IntraperitonealCoding.Output.SafeText.EscapeJson(text.ToString().Replace("\r\n", "\n")));
        output.Write('\n');
        output.Flush();
    }

    /// <summary>Codes cases given as JSON texts, lazily and in order; one record per text.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="lines">The cases, one JSON document each.</param>
    /// <param name="sourceName">The name errors are reported under.</param>
    /// <returns>One record per input, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<BatchRecord> Code(RuleSet rules, IEnumerable<string> lines, string sourceName = "input")
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(lines, nameof(lines));
        return Iterate(rules, lines, sourceName);

        static IEnumerable<BatchRecord> Iterate(RuleSet rules, IEnumerable<string> lines, string sourceName)
        {
            long number = 0;
            foreach (string line in lines)
            {
                number++;
                CaseReadResult read = Read(line, number, sourceName);
                yield return new BatchRecord(number, read.Case is null ? null : rules.Code(read.Case), read.Errors);
            }
        }
    }

    private static CaseReadResult Read(string? line, long number, string sourceName, ReadLimits? limits = null)
    {
        string name = sourceName + ":" + number.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(line))
        {
            return new CaseReadResult(name, null, new[] { new DataError(DataErrorIds.Syntax, "The line is empty; every line must hold one case.", name, 1, 1) });
        }

        limits ??= ReadLimits.Default;
        char[] chars = line!.ToCharArray();
        return JsonLineMapper.TryMap<CaseDto>(chars, 0, chars.Length, limits) is { } dto
            ? CaseFile.Build(dto, new DataErrorSink(name, limits: limits), name)
            : CaseFile.Parse(line, name, DocumentFormat.Json, limits);
    }

    /// <summary>
    /// Reads a line through the fast path (<see cref="JsonLineMapper"/>) when it takes it, else through the document
    /// reader, which gives every located error; either way the same case builder checks the values.
    /// </summary>
    private static CaseReadResult Read(char[] chars, LineSpan line, long number, BatchOptions options)
    {
        if (JsonLineMapper.TryMap<CaseDto>(chars, line.Start, line.Length, options.Limits) is { } dto)
        {
            string name = options.SourceName + ":" + number.ToString(CultureInfo.InvariantCulture);
            return CaseFile.Build(dto, new DataErrorSink(name, limits: options.Limits), name);
        }

        return Read(new string(chars, line.Start, line.Length), number, options.SourceName, options.Limits);
    }

    /// <summary>Codes one line and writes its record (no line end) to <paramref name="output"/>.</summary>
    private static Outcome CodeLine(RuleSet rules, char[] chars, LineSpan line, long number, BatchOptions options, RecordWriter output)
    {
        if (line.TooLong)
        {
            string name = options.SourceName + ":" + number.ToString(CultureInfo.InvariantCulture);
            string message = SourceText.TooLargeMessage("The line", line.Bytes, options.Limits.MaxLineBytes, "raise it with --max-line-bytes (library: ReadLimits.WithMaxLineBytes)");
            output.Record(ErrorRecord(number, new[] { new DataError(DataErrorIds.LimitExceeded, message, name, 1, 1) }));
            return Outcome.Unreadable;
        }

        int mark = output.Length;
        try
        {
            CaseReadResult read = Read(chars, line, number, options);
            if (read.Case is null)
            {
                output.Record(ErrorRecord(number, read.Errors));
                return Outcome.Unreadable;
            }

            CodingResult result = rules.Code(read.Case);
            output.Result(result, rules.Notes, options.Compact);
            return result.Ready ? Outcome.Ready : Outcome.WithErrors;
        }
#pragma warning disable CA1031 // A defect met on one line must not take the other lines down: it becomes that line's record.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            output.Truncate(mark); // Nothing of a record cut short by the defect is kept.
            output.Record(BatchRecords.Failed(number, ex));
            return Outcome.Failed;
        }
    }

    /// <summary>The record for a line that could not be read: its number and every error, as one JSON line.</summary>
    internal static string ErrorRecord(long line, IReadOnlyList<DataError> errors) => BatchRecords.Unreadable(line, errors);

    private enum Outcome
    {
        Ready,
        WithErrors,
        Unreadable,
        Failed,
    }

    /// <summary>Running counts, updated by the single thread that writes records.</summary>
    private sealed class Counts
    {
        private long ready;
        private long withErrors;
        private long unreadable;
        private long failed;

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Ready: ready++; break;
                case Outcome.WithErrors: withErrors++; break;
                case Outcome.Failed: failed++; break;
                default: unreadable++; break;
            }
        }

        public BatchSummary Summary(TimeSpan elapsed, bool interrupted = false) => new(ready + withErrors + unreadable + failed, ready, withErrors, unreadable, elapsed) { Failed = failed, Interrupted = interrupted };
    }
}
