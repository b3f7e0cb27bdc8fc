using System;
using System.Collections.Generic;
using System.IO;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding.Rules;

/// <summary>
/// Reads the rule files of a directory safely: a file that resolves outside the directory (a symbolic link pointing
/// elsewhere) is refused without being read, so its content is never echoed; a directory, device or FIFO is refused;
/// a file over <see cref="ReadLimits.MaxRuleFileBytes"/> is refused before it is read; and an I/O error becomes a
/// located error for <see cref="RuleDataException"/>, never a crash.
/// </summary>
internal static class RuleFileReader
{
    internal const string LimitHint = "raise it with the environment variable CODING_MAX_RULE_FILE_BYTES (console) or ReadLimits.RuleDefault.WithMaxRuleFileBytes (library)";

    public static RuleSource? Read(string directory, string fileName, ReadLimits limits, List<DataError> errors)
    {
        string path = Path.Combine(directory, fileName);
        if (!File.Exists(path) && !Directory.Exists(path) && !IsLink(path))
        {
            return null;
        }

        if (IntraperitonealCoding.Infrastructure.FileStatus.LinkOutside(directory, path) is { } target)
        {
            errors.Add(new DataError(DataErrorIds.Unreadable, $"Cannot read the file: it is a link to {target}, outside the rule set directory; copy the file in instead.", path, 0, 0));
            return null;
        }

        string? text = SourceText.Read(path, path, limits.MaxRuleFileBytes, LimitHint, out DataError? error);
        if (text is null)
        {
            errors.Add(error!);
            return null;
        }

        return new RuleSource(fileName, path, text);
    }

    private static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
