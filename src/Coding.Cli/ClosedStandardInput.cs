using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Tells when reading standard input could never end: the process was started with standard input closed
/// (<c>coding code - &lt;&amp;-</c>), the runtime then reused descriptor 0 for a pipe of its own, and this process holds
/// that pipe's write end, so a read waits for ever. Linux only (through <c>/proc/self</c>); elsewhere, and whenever
/// the answer is not certain, it says no, and a read behaves as it always did.
/// </summary>
internal static class ClosedStandardInput
{
    /// <summary>The message for such an input.</summary>
    public const string Reason = "standard input was closed when coding started (the descriptor now belongs to a pipe of this process, which would never end); give the case as a file, or redirect it in ('< case.yaml')";

    /// <summary>Whether standard input is a pipe whose write end this process holds itself.</summary>
    public static bool IsClosed()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return false;
        }

        try
        {
            string? input = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (input is null || !input.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string descriptor in Directory.EnumerateFiles("/proc/self/fd").Where(d => Path.GetFileName(d) != "0"))
            {
                if (new FileInfo(descriptor).LinkTarget == input && Writes(Path.GetFileName(descriptor)))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A descriptor closed while listing, or /proc not readable: not certain, so no.
        }

        return false;
    }

    /// <summary>Whether a descriptor of this process is open for writing (its flags in /proc/self/fdinfo).</summary>
    private static bool Writes(string descriptor)
    {
        string? flags = File.ReadLines("/proc/self/fdinfo/" + descriptor).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return flags is not null
            && int.TryParse(flags.Substring(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int octal)
            && (Convert.ToInt32(octal.ToString(CultureInfo.InvariantCulture), 8) & 3) is 1 or 2;
    }
}
