using System;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// What the console takes from the process around it besides its streams: environment variables and today's date.
/// Program.cs passes the process's own (<see cref="ForThisProcess"/>); tests pass fixed ones, so that no test inherits
/// the machine's environment, time zone or date.
/// </summary>
/// <param name="Variable">Reads an environment variable (<see langword="null"/> when unset).</param>
/// <param name="Today">The date a command takes as today (rules in force, a new case's date of service).</param>
internal sealed record HostEnvironment(Func<string, string?> Variable, DateTime Today)
{
    /// <summary>The process's environment variables and the local date now.</summary>
    public static HostEnvironment ForThisProcess() => new(Environment.GetEnvironmentVariable, DateTime.Today);
}
