using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
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
        var lines = new string[options.ChunkSize];
        var records = new string[options.ChunkSize];
        var outcomes = new Outcome[options.ChunkSize];
        long lineNumber = 0, ready = 0, withErrors = 0, unreadable = 0;
        while (true)
        {
            int count = 0;
            string? line;
            while (count < lines.Length && (line = input.ReadLine()) is not null)
            {
                lines[count++] = line;
            }

            if (count == 0)
            {
                break;
            }

            long first = lineNumber + 1;
            void Process(int i) => (records[i], outcomes[i]) = CodeLine(rules, lines[i], first + i, options.SourceName);
            if (options.Parallelism == 1 || count == 1)
            {
                for (int i = 0; i < count; i++)
                {
                    Process(i);
                }
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, Process);
            }

            for (int i = 0; i < count; i++)
            {
                output.Write(records[i]);
                output.Write('\n');
                switch (outcomes[i])
                {
                    case Outcome.Ready: ready++; break;
                    case Outcome.WithErrors: withErrors++; break;
                    default: unreadable++; break;
                }
            }

            lineNumber += count;
            options.Progress?.Report(new BatchSummary(lineNumber, ready, withErrors, unreadable, clock.Elapsed));
        }

        output.Flush();
        return new BatchSummary(lineNumber, ready, withErrors, unreadable, clock.Elapsed);
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
}
