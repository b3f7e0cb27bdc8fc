using System.CommandLine;
using System.IO;
using System.Threading;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// What every command is built with: the writers, how tables are drawn, standard input, the cancellation, and the
/// options several commands share (one instance each, so they read and show alike everywhere).
/// </summary>
internal sealed class CommandContext
{
    public CommandContext(TextWriter rawOut, TextWriter stdout, TextWriter stderr, TextWriter rawErr, bool stderrIsTerminal, ConsoleOptions console, ConsoleInput input, HostEnvironment host, CancellationToken cancellation)
    {
        RawOut = rawOut;
        Stdout = stdout;
        Stderr = stderr;
        RawErr = rawErr;
        StderrIsTerminal = stderrIsTerminal;
        Console = console;
        Input = input;
        Cancellation = cancellation;
        Host = host;
        RuleLimits = CliApp.RuleLimits(host);
    }

    /// <summary>Gets standard output for machine formats (JSON, CSV, X12) and for tables, which escape what they print.</summary>
    public TextWriter RawOut { get; }

    /// <summary>Gets standard output for plain messages: every string written is escaped.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Gets standard error, escaped.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Gets standard error unescaped (the batch's progress line).</summary>
    public TextWriter RawErr { get; }

    /// <summary>Gets a value indicating whether standard error is a terminal (progress is shown on one).</summary>
    public bool StderrIsTerminal { get; }

    /// <summary>Gets how tables are drawn.</summary>
    public ConsoleOptions Console { get; }

    /// <summary>Gets standard input and the terminal to prompt on.</summary>
    public ConsoleInput Input { get; }

    /// <summary>Gets the token that stops a batch.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Gets the environment variables and today's date the commands see.</summary>
    public HostEnvironment Host { get; }

    /// <summary>Gets the limits for a rule set directory (<c>--rules</c>), raised by CODING_MAX_RULE_FILE_BYTES.</summary>
    public ReadLimits RuleLimits { get; }

    /// <summary>Gets <c>--rules DIR</c>.</summary>
    public Option<DirectoryInfo?> RulesOption { get; } = new("--rules")
    {
        Description = "A rule set directory (a copy of data/). Default: the rules built into the library.",
    };

    /// <summary>Gets <c>--studies DIR</c>.</summary>
    public Option<DirectoryInfo?> StudiesOption { get; } = new("--studies")
    {
        Description = $"The study files a case's trial block can name (trial: {{ study: NCT... }}). Default: the '{StudyCommands.DefaultDirectory}' directory in the current directory, if there is one.",
    };

    /// <summary>Gets <c>--max-file-bytes N</c>.</summary>
    public Option<long> MaxFileBytes { get; } = new("--max-file-bytes")
    {
        Description = $"The largest case file read, in bytes (default {ReadLimits.DefaultMaxFileBytes}).",
        DefaultValueFactory = _ => ReadLimits.DefaultMaxFileBytes,
    };

    /// <summary>The read limits the command line asks for (checked by <see cref="BadLimit"/> first).</summary>
    public ReadLimits Limits(ParseResult parse)
        => parse.GetValue(MaxFileBytes) is var bytes and >= 1 ? ReadLimits.Default.WithMaxFileBytes(bytes) : ReadLimits.Default;

    /// <summary>Exit 2 with a message for a --max-file-bytes below 1; <see langword="null"/> when it is fine.</summary>
    public int? BadLimit(ParseResult parse)
    {
        long bytes = parse.GetValue(MaxFileBytes);
        if (bytes >= 1)
        {
            return null;
        }

        Stderr.WriteLine($"coding: --max-file-bytes must be at least 1; {bytes} was given.");
        return ExitCodes.Unreadable;
    }
}
