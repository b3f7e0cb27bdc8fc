using System;
using IntraperitonealCoding.Tool;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// The surroundings every in-process console run is given, so that no test inherits the machine's: no environment
/// variables (COLUMNS, NO_COLOR, CODING_MAX_RULE_FILE_BYTES), a fixed today whatever the clock or time zone, and an
/// empty standard input without a terminal (nothing prompts, nothing waits on the test runner's own input).
/// </summary>
internal static class TestHost
{
    /// <summary>The date the tests take as today.</summary>
    public static readonly DateTime Today = new(2026, 3, 14);

    /// <summary>No environment variables, and <see cref="Today"/>.</summary>
    public static HostEnvironment Environment { get; } = new(_ => null, Today);

    /// <summary>The same, with the given variables set.</summary>
    public static HostEnvironment With(params (string Name, string Value)[] variables)
        => new(name => Array.Find(variables, v => v.Name == name) is { Name: not null } found ? found.Value : null, Today);

    /// <summary>A child process started without the variables that change the console's output or limits, in UTC.</summary>
    public static System.Diagnostics.ProcessStartInfo Fixed(System.Diagnostics.ProcessStartInfo start)
    {
        foreach (string name in new[] { "COLUMNS", "NO_COLOR", CliApp.MaxRuleFileBytesVariable })
        {
            start.Environment.Remove(name);
        }

        start.Environment["TZ"] = "UTC";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        return start;
    }
}
