using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// A small stand-in for Verify (not restorable here) that keeps its conventions, so moving to Verify later is mechanical:
/// <c>{Class}.{Method}_{Params}.verified.{ext}</c> committed under <c>Snapshots/</c> beside the tests; on a mismatch or a
/// missing snapshot a <c>.received.</c> file is written next to it (git-ignored) and the test fails. Accepting is a
/// deliberate act: rename received to verified (see <c>docs/rule-updates.md</c>), or run locally with
/// <c>SNAPSHOT_ACCEPT=1</c>. When <c>CI=true</c> nothing is ever accepted.
/// </summary>
internal static class Snapshot
{
    /// <summary>
    /// Replaces the default rule set's version with a placeholder (a Verify-style scrubber): the version changes with
    /// every rule update, and the bump is already visible in rule-set.yaml, so it would only bury real changes.
    /// </summary>
    public static string ScrubRulesVersion(string text)
        => text.Replace(RuleSet.Default.Version, "{rules-version}", StringComparison.Ordinal);

    public static void Match(string actual, string? parameters = null, string extension = "json", [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        string name = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + (parameters is null ? string.Empty : "_" + parameters);
        string verified = Path.Combine(directory, $"{name}.verified.{extension}");
        string received = Path.Combine(directory, $"{name}.received.{extension}");
        string normalized = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (!IsCi() && Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1")
        {
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        string why = File.Exists(verified) ? "does not match" : "has no verified snapshot";
        throw new XunitException(
            $"Snapshot {name} {why}.{Environment.NewLine}Received: {received}{Environment.NewLine}Verified: {verified}{Environment.NewLine}"
            + "Review the difference (e.g. 'diff -u verified received'); accept it by renaming received to verified."
            + (IsCi() ? " CI never accepts snapshots." : string.Empty));
    }

    private static bool IsCi() => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text)
    {
        string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lf.EndsWith('\n') ? lf : lf + "\n";
    }
}
