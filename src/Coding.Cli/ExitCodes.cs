namespace IntraperitonealCoding.Tool;

/// <summary>The console's exit codes (README, docs/reliability.md). A code never means two things.</summary>
internal static class ExitCodes
{
    /// <summary>Every case is ready (no error findings); or a rule set validated clean.</summary>
    public const int Ready = 0;

    /// <summary>At least one case has error findings (or <c>rules validate</c> found problems).</summary>
    public const int FindingsHaveErrors = 1;

    /// <summary>
    /// A file could not be read or parsed (case file or rule data), an input is over a limit, the output cannot be
    /// written (missing or read-only directory, full disk, --out naming an input), or the command line was wrong.
    /// </summary>
    public const int Unreadable = 2;

    /// <summary>An unexpected failure: a defect of this program, never bad input (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by SIGINT (Ctrl+C): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
