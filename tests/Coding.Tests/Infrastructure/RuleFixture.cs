using System;
using System.IO;

namespace Coding.Tests.Infrastructure;

/// <summary>A temporary copy of the shipped data/ folder with text edits applied: one rule-set variant per test.</summary>
internal sealed class RuleFixture : IDisposable
{
    private RuleFixture(string directory) => Directory = directory;

    public string Directory { get; }

    public static RuleFixture CopyOfDefault(params (string File, string Find, string Replace)[] edits)
    {
        string directory = Path.Combine(Path.GetTempPath(), "coding-rules-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        foreach (string file in System.IO.Directory.GetFiles(Paths.Data, "*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        foreach (var (file, find, replace) in edits)
        {
            string path = Path.Combine(directory, file);
            string text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            if (find.Length > 0 && !text.Contains(find, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Fixture edit: '{find}' not found in {file}.");
            }

            File.WriteAllText(path, find.Length == 0 ? replace : text.Replace(find, replace, StringComparison.Ordinal));
        }

        return new RuleFixture(directory);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
