using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Coding.Cases.Reading;
using Coding.Documents;
using Coding.Infrastructure;
using Coding.Output;
using Coding.Results;
using Coding.Rules;

namespace Coding.Batch;

/// <summary>
/// Codes JSON Lines: one case per input line, one result per output line, in input order, streamed in fixed-size chunks
/// so memory stays flat however large the input. A line that cannot be read becomes an error record with its line
/// number: the number of output records always equals the number of input lines.
/// </summary>
/// <remarks>Thread-safe: it keeps no state; the rule set is shared read-only by the workers.</remarks>
public static class BatchCoder
{
    /// <summary>Codes every line of <paramref name="input"/> and writes one JSON record per line to <paramref name="output"/>.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="input">JSON Lines: one case per line.</param>
    /// <param name="output">Where the records go: a result (the <see cref="ResultJson"/> form) or an error record per line.</param>
    /// <param name="options">How to run; default: sequential.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Parallelism or chunk size is below 1.</exception>
    public static BatchSummary Run(RuleSet rules, TextReader input, TextWriter output, BatchOptions? options = null)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(input, nameof(input));
        Preconditions.CheckNotNull(output, nameof(output));
        options ??= new BatchOptions();
        Preconditions.CheckArgumentRange(options.Parallelism >= 1, nameof(options), options.Parallelism, "Parallelism must be at least 1.");
        Preconditions.CheckArgumentRange(options.ChunkSize >= 1, nameof(options), options.ChunkSize, "Chunk size must be at least 1.");

        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        if (options.Parallelism == 1)
        {
            RunSequential(rules, input, output, options, counts, clock);
        }
        else
        {
            RunPipelined(rules, input, output, options, counts, clock);
        }

        output.Flush();
        return counts.Summary(clock.Elapsed);
    }

    private static void RunSequential(RuleSet rules, TextReader input, TextWriter output, BatchOptions options, Counts counts, Stopwatch clock)
    {
        long lineNumber = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            var (record, outcome) = CodeLine(rules, line, ++lineNumber, options.SourceName);
            output.Write(record);
            output.Write('\n');
            counts.Add(outcome);
            if (options.Progress is not null && lineNumber % options.ChunkSize == 0)
            {
                options.Progress.Report(counts.Summary(clock.Elapsed));
            }
        }

        options.Progress?.Report(counts.Summary(clock.Elapsed));
    }

    /// <summary>
    /// Reader → workers → writer: the calling thread reads chunks and hands them to <see cref="BatchOptions.Parallelism"/>
    /// workers, each of which parses, codes and serialises a whole chunk; a writer writes finished chunks strictly in
    /// input order. Both queues are bounded, so memory stays flat; nothing depends on which worker took which chunk.
    /// </summary>
    private static void RunPipelined(RuleSet rules, TextReader input, TextWriter output, BatchOptions options, Counts counts, Stopwatch clock)
    {
        int capacity = options.Parallelism * 4;
        using var failed = new CancellationTokenSource();
        using var work = new BlockingCollection<Chunk>(capacity);
        using var inOrder = new BlockingCollection<Chunk>(capacity * 2);
        var workers = new Task[options.Parallelism];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(
                () =>
                {
                    foreach (Chunk chunk in work.GetConsumingEnumerable())
                    {
                        chunk.Process(rules, options.SourceName);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        var writer = Task.Factory.StartNew(
            () =>
            {
                foreach (Chunk chunk in inOrder.GetConsumingEnumerable())
                {
                    chunk.Done.Wait();
                    chunk.Done.Dispose();
                    if (chunk.Error is { } error)
                    {
                        failed.Cancel();
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
                    }

                    for (int i = 0; i < chunk.Count; i++)
                    {
                        output.Write(chunk.Records[i]);
                        output.Write('\n');
                        counts.Add(chunk.Outcomes[i]);
                    }

                    options.Progress?.Report(counts.Summary(clock.Elapsed));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        _ = writer.ContinueWith(_ => failed.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        try
        {
            long lineNumber = 0;
            while (true)
            {
                var chunk = new Chunk(options.ChunkSize, lineNumber + 1);
                string? line;
                while (chunk.Count < options.ChunkSize && (line = input.ReadLine()) is not null)
                {
                    chunk.Lines[chunk.Count++] = line;
                }

                if (chunk.Count == 0)
                {
                    chunk.Done.Dispose();
                    break;
                }

                lineNumber += chunk.Count;
                inOrder.Add(chunk, failed.Token);
                work.Add(chunk, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // The writer failed; its exception is rethrown below.
        }
        finally
        {
            work.CompleteAdding();
            inOrder.CompleteAdding();
        }

        Task.WaitAll(workers);
        writer.GetAwaiter().GetResult();
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

    private static CaseReadResult Read(string? line, long number, string sourceName)
    {
        string name = sourceName + ":" + number.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(line))
        {
            return new CaseReadResult(name, null, new[] { new DataError(DataErrorIds.Syntax, "The line is empty; every line must hold one case.", name, 1, 1) });
        }

        return CaseFile.Parse(line!, name, DocumentFormat.Json);
    }

    private static (string Record, Outcome Outcome) CodeLine(RuleSet rules, string line, long number, string sourceName)
    {
        CaseReadResult read = Read(line, number, sourceName);
        if (read.Case is null)
        {
            return (ErrorRecord(number, read.Errors), Outcome.Unreadable);
        }

        CodingResult result = rules.Code(read.Case);
        return (ResultJson.Serialize(result, indented: false), result.Ready ? Outcome.Ready : Outcome.WithErrors);
    }

    /// <summary>The record for a line that could not be read: its number and every error, as one JSON line.</summary>
    internal static string ErrorRecord(long line, IReadOnlyList<DataError> errors)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new Newtonsoft.Json.JsonTextWriter(text))
        {
            json.WriteStartObject();
            json.WritePropertyName("line");
            json.WriteValue(line);
            json.WritePropertyName("unreadable");
            json.WriteValue(true);
            json.WritePropertyName("ready");
            json.WriteValue(false);
            json.WritePropertyName("errors");
            json.WriteStartArray();
            foreach (DataError error in errors)
            {
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(error.Id);
                json.WritePropertyName("message");
                json.WriteValue(error.Message);
                json.WritePropertyName("column");
                json.WriteValue(error.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return text.ToString();
    }

    private enum Outcome
    {
        Ready,
        WithErrors,
        Unreadable,
    }

    /// <summary>A run of consecutive input lines and, once a worker is done, their records.</summary>
    private sealed class Chunk
    {
        public Chunk(int size, long firstLine)
        {
            Lines = new string[size];
            Records = new string[size];
            Outcomes = new Outcome[size];
            FirstLine = firstLine;
        }

        public string[] Lines { get; }

        public string[] Records { get; }

        public Outcome[] Outcomes { get; }

        public long FirstLine { get; }

        public int Count { get; set; }

        public ManualResetEventSlim Done { get; } = new(false);

        public Exception? Error { get; private set; }

        public void Process(RuleSet rules, string sourceName)
        {
            try
            {
                for (int i = 0; i < Count; i++)
                {
                    (Records[i], Outcomes[i]) = CodeLine(rules, Lines[i], FirstLine + i, sourceName);
                }
            }
#pragma warning disable CA1031 // Handed to the writer thread, which rethrows it on the caller's behalf.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Error = ex;
            }
            finally
            {
                Done.Set();
            }
        }
    }

    /// <summary>Running counts, updated by the single thread that writes records.</summary>
    private sealed class Counts
    {
        private long ready;
        private long withErrors;
        private long unreadable;

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Ready: ready++; break;
                case Outcome.WithErrors: withErrors++; break;
                default: unreadable++; break;
            }
        }

        public BatchSummary Summary(TimeSpan elapsed) => new(ready + withErrors + unreadable, ready, withErrors, unreadable, elapsed);
    }
}
