using System;
using System.Text.RegularExpressions;

namespace IntraperitonealCoding.Rules;

/// <summary>
/// Compiles the rule data's <c>nct_pattern</c> and proves at load time that it cannot hang coding: the pattern runs
/// with a match timeout against probes built to trigger catastrophic backtracking; one that times out on a probe is a
/// rule error, not a crash in the middle of a batch.
/// </summary>
internal static class NctPattern
{
    /// <summary>The match timeout used at load and when coding.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private const int MaxPatternLength = 200;

    /// <summary>The compiled pattern, or <see langword="null"/> with <paramref name="problem"/> saying why it was refused.</summary>
    public static Regex? Compile(string pattern, out string? problem)
    {
        problem = null;
        if (pattern.Length > MaxPatternLength)
        {
            problem = $"nct_pattern is longer than {MaxPatternLength} characters.";
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException ex)
        {
            problem = "nct_pattern is not a valid regular expression: " + ex.Message;
            return null;
        }

        try
        {
            foreach (string probe in Probes())
            {
                regex.IsMatch(probe);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            problem = "nct_pattern takes too long on some inputs (catastrophic backtracking); write it without nested or overlapping repetition, e.g. ^NCT[0-9]{8}$.";
            return null;
        }

        return regex;
    }

    private static string[] Probes()
    {
        // Long runs of what an NCT number is made of, each spoilt at the end: nested quantifiers backtrack on these.
        const int length = 4000;
        return new[]
        {
            "NCT" + new string('0', length) + "!",
            new string('N', length) + "!",
            "NCT" + new string('a', length) + "!",
            new string(' ', length) + "!",
            new string('x', length) + "\n!",
            string.Concat(System.Linq.Enumerable.Repeat("NCT0", length / 4)) + "!",
        };
    }
}
