using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding.Tests.Infrastructure;

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

            // Only the first occurrence: a maintainer's update that repeats the text elsewhere must not change the fixture.
            int at = text.IndexOf(find, StringComparison.Ordinal);
            File.WriteAllText(path, find.Length == 0 ? replace : string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length)));
        }

        return new RuleFixture(directory);
    }

    /// <summary>
    /// A copy of data/ with the edits applied, in which every source of the named files is marked confirmed: the edits
    /// those rows drive then stop a claim (errors), as they will once a maintainer confirms them.
    /// </summary>
    public static RuleFixture CopyOfDefaultConfirming(string[] files, params (string File, string Find, string Replace)[] edits)
    {
        var fixture = CopyOfDefault(edits);
        foreach (string file in files)
        {
            string path = Path.Combine(fixture.Directory, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace("    confirmed: false\n", "    confirmed: true\n", StringComparison.Ordinal));
        }

        return fixture;
    }

    /// <summary>Applies a fixture folder's <c>edits.yaml</c> (find/replace, whole-file content or bytes, or delete) to a copy of data/.</summary>
    public static RuleFixture FromFolder(string folder)
    {
        string path = Path.Combine(folder, "edits.yaml");
        var sink = new DataErrorSink(path);
        var root = DocumentReader.Read(File.ReadAllText(path), DocumentFormat.Yaml, sink);
        var edits = root is null ? null : StrictMapper.Map<EditsDto>(root, sink);
        // An edit may write a character no data file may hold (a NUL through the escape "\0"): that is its purpose,
        // so the reader's DATA008 for such a value does not make the fixture bad.
        if (edits is null || sink.Errors.Any(e => e.Id != DataErrorIds.InvalidText))
        {
            throw new InvalidOperationException("Bad fixture: " + string.Join("; ", sink.Errors));
        }

        var fixture = CopyOfDefault(edits.Edits.Where(e => e.Find is not null).Select(e => (e.File, e.Find!, e.Replace ?? string.Empty)).ToArray());
        foreach (EditDto edit in edits.Edits.Where(e => e.Find is null))
        {
            string target = Path.Combine(fixture.Directory, edit.File);
            if (edit.Delete)
            {
                File.Delete(target);
            }
            else if (edit.ContentBase64 is not null)
            {
                File.WriteAllBytes(target, Convert.FromBase64String(edit.ContentBase64));
            }
            else
            {
                File.WriteAllText(target, edit.Content ?? string.Empty);
            }
        }

        return fixture;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

#pragma warning disable CA1812, CA1002, CA2227 // Filled by the strict mapper.
internal sealed class EditsDto : LocatedDto
{
    [RequiredKey] public List<EditDto> Edits { get; set; } = new();
}

internal sealed class EditDto : LocatedDto
{
    [RequiredKey] public string File { get; set; } = "";
    public string? Find { get; set; }
    public string? Replace { get; set; }
    public string? Content { get; set; }

    /// <summary>Raw bytes for the whole file (invalid UTF-8, binary), base64-encoded.</summary>
    public string? ContentBase64 { get; set; }
    public bool Delete { get; set; }
}
