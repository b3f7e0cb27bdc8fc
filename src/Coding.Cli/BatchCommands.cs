using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tool;

/// <summary>The <c>coding batch</c> and <c>coding generate</c> commands.</summary>
internal static class BatchCommands
{
    /// <summary><c>coding batch</c>.</summary>
    public static Command CreateBatch(CommandContext context)
    {
        var input = new Argument<string>("input") { Description = "JSON Lines input, one case per line ('-' for standard input)." };
        var output = new Option<string?>("--out") { Description = "Where to write the results, one JSON record per input line (default, or '-': standard output)." };
        var parallel = new Option<int>("--parallel")
        {
            Description = $"How many cases to code at once, 1 to {MaxParallel} (default 1). Output order and content do not depend on it.",
            DefaultValueFactory = _ => 1,
        };
        var maxLineBytes = new Option<int>("--max-line-bytes")
        {
            Description = $"The longest input line read, in bytes (default {ReadLimits.DefaultMaxLineBytes}); a longer one becomes an error record.",
            DefaultValueFactory = _ => ReadLimits.DefaultMaxLineBytes,
        };
        var compact = new Option<bool>("--compact")
        {
            Description = "Write compact records: keys whose value is null, [] or false left out, and note ids instead of note texts; the texts go once to the notes file (--notes-out, default OUT.notes.json). See docs/performance.md.",
        };
        var notesOutput = new Option<string?>("--notes-out") { Description = "With --compact: where to write the notes file (default: the --out file's name + .notes.json)." };
        var batch = new Command("batch", "Code a JSON Lines file of cases, streaming, one result record per input line, in order.") { input, output, context.RulesOption, parallel, maxLineBytes, compact, notesOutput };
        batch.SetAction(parse =>
        {
            if (parse.GetValue(maxLineBytes) is < 1 or > 1 << 30)
            {
                context.Stderr.WriteLine("coding: --max-line-bytes must be from 1 to 1073741824.");
                return ExitCodes.Unreadable;
            }

            var request = new BatchRequest(parse.GetValue(input)!, OutputTarget.Named(parse.GetValue(output)), parse.GetValue(context.RulesOption), parse.GetValue(parallel), ReadLimits.Default.WithMaxLineBytes(parse.GetValue(maxLineBytes)))
            {
                Compact = parse.GetValue(compact),
                NotesOut = parse.GetValue(notesOutput),
                RuleLimits = context.RuleLimits,
            };
            return Batch(request, context.RawOut, context.Stderr, context.RawErr, context.StderrIsTerminal, context.Cancellation);
        });
        return batch;
    }

    /// <summary><c>coding generate</c>.</summary>
    public static Command CreateGenerate(CommandContext context)
    {
        var count = new Argument<long>("count") { Description = "How many cases to write." };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed gives the same cases (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Where to write (default, or '-': standard output)." };
        var generate = new Command("generate", "Write realistic synthetic cases as JSON Lines, deterministically from a seed (for load tests).") { count, seed, output };
        generate.SetAction(parse => Generate(parse.GetValue(count), parse.GetValue(seed), OutputTarget.Named(parse.GetValue(output)), context.RawOut, context.Stderr));
        return generate;
    }

    /// <summary>The most workers <c>--parallel</c> accepts: four per core (more only adds contention).</summary>
    public static int MaxParallel => 4 * Environment.ProcessorCount;

    public static int Batch(BatchRequest request, TextWriter stdout, TextWriter stderr, TextWriter progressWriter, bool stderrIsTerminal, CancellationToken cancellation = default)
    {
        if (request.Parallel < 1 || request.Parallel > MaxParallel)
        {
            stderr.WriteLine($"coding: --parallel must be from 1 to {MaxParallel} (4 × {Environment.ProcessorCount} cores); {request.Parallel} was given.");
            return ExitCodes.Unreadable;
        }

        // A regular file or a pipe (streamed input); a device such as /dev/zero would be one endless line.
        if (request.Input != "-" && FileStatus.KindOf(request.Input) is var kind && kind is not (FileKind.Regular or FileKind.Pipe))
        {
            string why = kind switch
            {
                FileKind.Directory => "it is a directory.",
                FileKind.Device => "it is a device, not a file of JSON Lines.",
                _ => "no such file.",
            };
            stderr.WriteLine($"{request.Input}: DATA006: Cannot read the file: {why}");
            return ExitCodes.Unreadable;
        }

        if (request.Input == "-" && ClosedStandardInput.IsClosed())
        {
            stderr.WriteLine($"stdin: DATA006: Cannot read the file: {ClosedStandardInput.Reason}.");
            return ExitCodes.Unreadable;
        }

        if (request.NotesOut is not null && !request.Compact)
        {
            stderr.WriteLine("coding: --notes-out goes with --compact (full records carry their notes).");
            return ExitCodes.Unreadable;
        }

        if (request.Compact && request.NotesPath is null)
        {
            stderr.WriteLine("coding: --compact writes the note texts to a notes file: give --out (the notes go beside it) or --notes-out.");
            return ExitCodes.Unreadable;
        }

        if (request.NotesPath is { } sameAs && request.Output is not null && string.Equals(Path.GetFullPath(sameAs), Path.GetFullPath(request.Output), StringComparison.Ordinal))
        {
            stderr.WriteLine("coding: --notes-out cannot be the --out file.");
            return ExitCodes.Unreadable;
        }

        OutputTarget? target = null;
        if (request.Output is not null)
        {
            // Refused before anything is opened: not even the rules are loaded when the output would destroy the input.
            target = OutputTarget.Open(request.Output, new[] { request.Input }, stderr);
            if (target is null)
            {
                return ExitCodes.Unreadable;
            }
        }

        OutputTarget? notes = null;
        if (request.NotesPath is { } notesPath)
        {
            notes = OutputTarget.Open(notesPath, new[] { request.Input }, stderr, request.NotesOut is null ? "the notes file (--out + .notes.json)" : "--notes-out");
            if (notes is null)
            {
                target?.Dispose();
                return ExitCodes.Unreadable;
            }
        }

        using (notes)
        using (target)
        {
            RuleSet? rules = CliApp.LoadRules(request.Rules, stderr, request.RuleLimits);
            if (rules is null)
            {
                return ExitCodes.Unreadable;
            }

            if (notes is not null)
            {
                try
                {
                    BatchCoder.WriteNotes(rules, notes.Writer);
                }
                catch (IOException ex)
                {
                    stderr.WriteLine($"coding: cannot write {request.NotesPath}: {OutputTarget.Reason(ex)}");
                    return ExitCodes.Unreadable;
                }
            }

            // A regular file never blocks, and the batch checks the token between lines; a pipe or terminal may block
            // in a read, so it is read on a pump thread whose reads end at once on a signal.
            bool mayBlock = request.Input == "-" || FileStatus.KindOf(request.Input) != FileKind.Regular;
            Stream stream;
            try
            {
                stream = request.Input == "-" ? Console.OpenStandardInput() : new FileStream(request.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{request.Input}: DATA006: Cannot read the file: {ex.Message}");
                return ExitCodes.Unreadable;
            }

            // A file's size is known: the progress line then shows how much of it is read and the time left.
            BatchProgress? progress = null;
            if (stderrIsTerminal)
            {
                CountingStream? counted = mayBlock ? null : new CountingStream(stream);
                progress = counted is null ? new BatchProgress(progressWriter) : new BatchProgress(progressWriter, counted, stream.Length);
                stream = counted ?? stream;
            }

            using var signals = new SignalWatch(cancellation);
            using TextReader reader = mayBlock
                ? new CancellableReader(stream, SourceText.MarkedUtf8, signals.Token)
                : new StreamReader(stream, SourceText.MarkedUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            return Run(request, rules, reader, target, notes, stdout, stderr, progress, signals);
        }
    }

    public static int Generate(long count, int seed, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (count < 0)
        {
            stderr.WriteLine("coding: the count cannot be negative.");
            return ExitCodes.Unreadable;
        }

        OutputTarget? target = output is null ? null : OutputTarget.Open(output, Array.Empty<string>(), stderr);
        if (output is not null && target is null)
        {
            return ExitCodes.Unreadable;
        }

        using (target)
        {
            try
            {
                CaseGenerator.Write(target?.Writer ?? stdout, count, seed);
                target?.Commit();
                return ExitCodes.Ready;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"coding: cannot write {output ?? "standard output"}: {OutputTarget.Reason(ex)}");
                return ExitCodes.Unreadable;
            }
        }
    }

    private static int Run(BatchRequest request, RuleSet rules, TextReader reader, OutputTarget? target, OutputTarget? notes, TextWriter stdout, TextWriter stderr, BatchProgress? progress, SignalWatch signals)
    {
        TextWriter writer = target?.Writer ?? stdout;
        var options = new BatchOptions(
            request.Parallel,
            chunkSize: 64,
            sourceName: request.Input == "-" ? "stdin" : Path.GetFileName(request.Input),
            progress: progress,
            limits: request.Limits).WithCompact(request.Compact);
        BatchSummary summary;
        try
        {
            summary = BatchCoder.Run(rules, reader, writer, options, signals.Token);

            // The notes file is put in place first: a record in place never names notes that are not.
            notes?.Commit();
            if (!summary.Interrupted)
            {
                target?.Commit();
            }
        }
        catch (OutputFailedException ex) when (ex.Path == StandardOutputWriter.Name)
        {
            // Standard output: a pipe whose reader stopped ('| head'), a full device. What was written stays written.
            stderr.WriteLine($"coding: the output was cut short: cannot write {StandardOutputWriter.Name}: {OutputTarget.Reason(ex)}; the records after the last one delivered were not written.");
            return ExitCodes.Unreadable;
        }
        catch (OutputFailedException ex)
        {
            stderr.WriteLine($"coding: cannot write {(ex.Path == request.NotesPath ? ex.Path : request.Output ?? ex.Path)}: {OutputTarget.Reason(ex)}; nothing was put in place of {request.Output ?? "the output"}.");
            return ExitCodes.Unreadable;
        }
        catch (IOException ex) when (target is null)
        {
            stderr.WriteLine($"coding: batch stopped: {ex.Message}");
            return ExitCodes.Unreadable;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"coding: cannot read {request.Input} or write {request.Output}: {ex.Message}; nothing was put in place of {request.Output}.");
            return ExitCodes.Unreadable;
        }

        progress?.Clear();

        stderr.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "batch: {0} records: {1} ready, {2} with errors, {3} unreadable{4}; {5:0} cases/s ({6:0.00} s, rules {7})",
            summary.Records,
            summary.Ready,
            summary.WithErrors,
            summary.Unreadable,
            summary.Failed > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0} failed (internal error, see their records)", summary.Failed) : string.Empty,
            summary.CasesPerSecond,
            summary.Elapsed.TotalSeconds,
            rules));
        if (summary.Interrupted)
        {
            return Interrupted(summary, target, stderr, signals);
        }

        return summary.Failed > 0 ? ExitCodes.InternalError
            : summary.Unreadable > 0 ? ExitCodes.Unreadable
            : summary.WithErrors > 0 ? ExitCodes.FindingsHaveErrors
            : ExitCodes.Ready;
    }

    private static int Interrupted(BatchSummary summary, OutputTarget? target, TextWriter stderr, SignalWatch signals)
    {
        string? partial = null;
        try
        {
            partial = target?.KeepPartial();
        }
        catch (IOException ex)
        {
            stderr.WriteLine("coding: could not keep the partial output: " + OutputTarget.Reason(ex));
        }

        string where = partial is null ? string.Empty : $"; they are in {partial}, and the output file was not replaced";
        stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "batch: interrupted by {0}: stopped reading after {1} records, each written whole{2}.", signals.SignalName, summary.Records, where));
        return signals.ExitCode;
    }

    /// <summary>Turns SIGINT and SIGTERM (and a caller's token) into one cancellation, remembering which came.</summary>
    private sealed class SignalWatch : IDisposable
    {
        private readonly CancellationTokenSource source;
        private readonly PosixSignalRegistration? interrupt;
        private readonly PosixSignalRegistration? terminate;
        private int exitCode = ExitCodes.Interrupted;
        private int signalled;

        public SignalWatch(CancellationToken external)
        {
            source = CancellationTokenSource.CreateLinkedTokenSource(external);
            try
            {
                interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, On);
                terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, On);
            }
            catch (PlatformNotSupportedException)
            {
                // No signals here; the caller's token still works.
            }
        }

        public CancellationToken Token => source.Token;

        public int ExitCode => exitCode;

        public string SignalName => exitCode == ExitCodes.Terminated ? "SIGTERM" : "SIGINT";

        public void Dispose()
        {
            interrupt?.Dispose();
            terminate?.Dispose();
            source.Dispose();
        }

        private void On(PosixSignalContext context)
        {
            if (Interlocked.Exchange(ref signalled, 1) == 1)
            {
                return; // A second signal: the default action ends the process now (e.g. a writer stuck on a pipe).
            }

            context.Cancel = true; // Do not die at once: finish the records in flight, then exit with the signal's code.
            exitCode = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
            source.Cancel();
        }
    }
}

/// <summary>What <c>coding batch</c> was asked to do.</summary>
internal sealed record BatchRequest(string Input, string? Output, DirectoryInfo? Rules, int Parallel, ReadLimits Limits)
{
    /// <summary>Gets a value indicating whether records are written compact (note texts once, in the notes file).</summary>
    public bool Compact { get; init; }

    /// <summary>Gets where the notes file of compact records goes; default: the output's name + <c>.notes.json</c>.</summary>
    public string? NotesOut { get; init; }

    /// <summary>Gets the limits for a rule set directory (<see cref="CommandContext.RuleLimits"/>); default those of the process's environment.</summary>
    public ReadLimits? RuleLimits { get; init; }

    /// <summary>Gets the notes file's path, or <see langword="null"/> when there is none to write.</summary>
    public string? NotesPath => !Compact ? null : NotesOut ?? (Output is null ? null : Output + ".notes.json");
}
