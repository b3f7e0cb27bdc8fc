using System;
using System.Globalization;
using System.IO;
using System.Text;
using Coding.Batch;
using Coding.Rules;

namespace Coding.Cli;

/// <summary>The <c>coding batch</c> and <c>coding generate</c> commands.</summary>
internal static class BatchCommands
{
    public static int Batch(string input, string? output, DirectoryInfo? rulesDirectory, int parallel, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        if (parallel < 1)
        {
            stderr.WriteLine("coding: --parallel must be at least 1.");
            return ExitCodes.Unreadable;
        }

        RuleSet? rules = CliApp.LoadRules(rulesDirectory, stderr);
        if (rules is null)
        {
            return ExitCodes.Unreadable;
        }

        TextReader reader;
        try
        {
            reader = input == "-" ? Console.In : new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{input}: DATA006: Cannot read the file: {ex.Message}");
            return ExitCodes.Unreadable;
        }

        using (reader)
        {
            using TextWriter writer = output is null ? stdout : new StreamWriter(output, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
            var options = new BatchOptions(parallel, sourceName: input == "-" ? "stdin" : Path.GetFileName(input), progress: stderrIsTerminal ? new Progress(stderr) : null);
            BatchSummary summary = BatchCoder.Run(rules, reader, writer, options);
            if (stderrIsTerminal)
            {
                stderr.Write("\r" + new string(' ', 72) + "\r");
            }

            stderr.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "batch: {0} records: {1} ready, {2} with errors, {3} unreadable; {4:0} cases/s ({5:0.00} s, rules {6})",
                summary.Records,
                summary.Ready,
                summary.WithErrors,
                summary.Unreadable,
                summary.CasesPerSecond,
                summary.Elapsed.TotalSeconds,
                rules));
            return summary.Unreadable > 0 ? ExitCodes.Unreadable : summary.WithErrors > 0 ? ExitCodes.FindingsHaveErrors : ExitCodes.Ready;
        }
    }

    public static int Generate(long count, int seed, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (count < 0)
        {
            stderr.WriteLine("coding: the count cannot be negative.");
            return ExitCodes.Unreadable;
        }

        using TextWriter writer = output is null ? stdout : new StreamWriter(output, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        CaseGenerator.Write(writer, count, seed);
        return ExitCodes.Ready;
    }

    /// <summary>A one-line progress display on a terminal, redrawn in place after each chunk.</summary>
    private sealed class Progress : IProgress<BatchSummary>
    {
        private readonly TextWriter stderr;

        public Progress(TextWriter stderr) => this.stderr = stderr;

        public void Report(BatchSummary value)
            => stderr.Write(string.Format(CultureInfo.InvariantCulture, "\rcoding: {0,10} cases  {1,8:0} cases/s  {2} with errors  {3} unreadable ", value.Records, value.CasesPerSecond, value.WithErrors, value.Unreadable));
    }
}
