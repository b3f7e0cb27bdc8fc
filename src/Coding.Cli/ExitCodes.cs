namespace Coding.Cli;

/// <summary>The console's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every case is ready (no error findings); or a rule set validated clean.</summary>
    public const int Ready = 0;

    /// <summary>At least one case has error findings.</summary>
    public const int FindingsHaveErrors = 1;

    /// <summary>A file could not be read or parsed (case file or rule data), or the command line was wrong.</summary>
    public const int Unreadable = 2;
}
