using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace IntraperitonealCoding.Batch;

// The parallel form of Run: a reader, the workers and a writer over pooled chunks of lines and records.
public static partial class BatchCoder
{
    /// <summary>
    /// Reader → workers → writer: the calling thread reads chunks and hands them to <see cref="BatchOptions.Parallelism"/>
    /// workers, each of which parses, codes and serialises a whole chunk; a writer writes finished chunks strictly in
    /// input order. Both queues are bounded, so memory stays flat; nothing depends on which worker took which chunk.
    /// </summary>
    /// <remarks>
    /// Chunks are pooled: a chunk's line and record buffers are reused once the writer is done with it, so what waits
    /// between stages is long-lived buffers, never per-case objects. A case's objects (its DTOs, case, result) live only
    /// while one worker codes it, and die young (gen0) however long its chunk waits for the writer.
    /// </remarks>
    private static void RunPipelined(RuleSet rules, JsonLinesReader input, TextWriter output, BatchOptions options, Counts counts, Stopwatch clock, CancellationToken cancellation)
    {
        // Enough chunks queued to keep every worker busy, and no more: each pooled chunk holds its lines and records
        // (about 0.5 MB for 64 full records), so the pool, not the input, is what the memory grows with. At 8 workers
        // a pool of 4 x parallelism chunks per queue took a 1,000,000-case batch to 155 MB; this one stays near 100 MB.
        int capacity = options.Parallelism + 1;
        int ordered = options.Parallelism * 2;

        // A chunk waits in both queues at once (to be coded, and to be written in order), so what is in flight is at
        // most the ordered queue's chunks, the one being read and the one being written.
        int poolSize = ordered + 2;
        int created = 0;
        var all = new List<Chunk>(poolSize);
        using var failed = new CancellationTokenSource();
        using var free = new BlockingCollection<Chunk>(poolSize);
        using var work = new BlockingCollection<Chunk>(capacity);
        using var inOrder = new BlockingCollection<Chunk>(ordered);
        var workers = new Task[options.Parallelism];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(
                () =>
                {
                    foreach (Chunk chunk in work.GetConsumingEnumerable())
                    {
                        chunk.Process(rules, options);
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
                    if (chunk.Error is { } error)
                    {
                        failed.Cancel();
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
                    }

                    output.Write(chunk.Records.Buffer, 0, chunk.Records.Length);
                    for (int i = 0; i < chunk.Count; i++)
                    {
                        counts.Add(chunk.Outcomes[i]);
                    }

                    options.Progress?.Report(counts.Summary(clock.Elapsed));
                    free.Add(chunk);
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
                Chunk chunk;
                if (!free.TryTake(out chunk!))
                {
                    if (created < poolSize)
                    {
                        chunk = new Chunk(options.ChunkSize);
                        all.Add(chunk);
                        created++;
                    }
                    else
                    {
                        chunk = free.Take(failed.Token);
                    }
                }

                chunk.Reset(lineNumber + 1);
                while (chunk.Count < options.ChunkSize && !cancellation.IsCancellationRequested && input.Next(chunk.Input, out LineSpan line))
                {
                    if (cancellation.IsCancellationRequested && !line.Terminated)
                    {
                        break; // Cut off by the interruption: dropped, not coded.
                    }

                    chunk.Lines[chunk.Count++] = line;
                }

                if (chunk.Count == 0)
                {
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

        Task.WaitAll(workers, CancellationToken.None); // In-flight chunks are finished, not dropped.
        try
        {
            writer.GetAwaiter().GetResult();
        }
        finally
        {
            foreach (Chunk chunk in all)
            {
                chunk.Done.Dispose();
            }
        }
    }

    /// <summary>A run of consecutive input lines and, once a worker is done, their records; pooled and reused.</summary>
    private sealed class Chunk
    {
        /// <summary>Buffers that grew past this (a huge line) are let go when the chunk is reused, so one line does not pin memory.</summary>
        private const int KeepChars = 1 << 21;

        public Chunk(int size)
        {
            Lines = new LineSpan[size];
            Outcomes = new Outcome[size];
        }

        public LineBuffer Input { get; private set; } = new();

        public LineSpan[] Lines { get; }

        public RecordWriter Records { get; private set; } = new(1 << 17);

        public Outcome[] Outcomes { get; }

        public long FirstLine { get; private set; }

        public int Count { get; set; }

        public ManualResetEventSlim Done { get; } = new(false);

        public Exception? Error { get; private set; }

        public void Reset(long firstLine)
        {
            if (Input.Chars.Length > KeepChars)
            {
                Input = new LineBuffer();
            }

            if (Records.Buffer.Length > KeepChars)
            {
                Records = new RecordWriter(1 << 17);
            }

            Input.Length = 0;
            Records.Clear();
            Count = 0;
            Error = null;
            FirstLine = firstLine;
            Done.Reset();
        }

        public void Process(RuleSet rules, BatchOptions options)
        {
            try
            {
                for (int i = 0; i < Count; i++)
                {
                    Outcomes[i] = CodeLine(rules, Input.Chars, Lines[i], FirstLine + i, options, Records);
                    Records.EndLine();
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
}
