using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The case inputs a command line names for <c>code</c> and <c>grid</c>: files as given, a directory as the case files
/// directly in it (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>, sorted by name; not its subdirectories, so a course folder
/// or an archive below it is never coded by surprise: name it, or let the shell expand <c>dir/**/*.yaml</c>), and
/// <c>-</c> as one case read from standard input.
/// </summary>
internal static class CaseInputs
{
    /// <summary>The argument that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The name standard input's errors are reported under (as in <c>coding batch -</c>).</summary>
    public const string StandardInputName = "stdin";

    /// <summary>
    /// The inputs in the order given, each directory replaced by its case files; or <see langword="null"/> (after
    /// saying why on stderr) when a directory holds no case file, cannot be listed, or <c>-</c> is given twice.
    /// </summary>
    public static CaseInputList? Expand(IEnumerable<FileInfo> arguments, TextWriter stderr)
    {
        var inputs = new CaseInputList();
        foreach (string argument in arguments.Select(a => a.ToString()))
        {
            if (argument == StandardInput)
            {
                if (inputs.Contains(StandardInput))
                {
                    stderr.WriteLine("coding: '-' (standard input) can be given once: it holds one case.");
                    return null;
                }

                inputs.Add(StandardInput);
                continue;
            }

            if (!Directory.Exists(argument))
            {
                inputs.Add(argument); // A missing or unreadable file is reported, with its name, when it is read.
                continue;
            }

            List<string> files;
            try
            {
                files = FilesIn(argument).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"coding: cannot list the directory {argument}: {ex.Message}");
                return null;
            }

            if (files.Count == 0)
            {
                stderr.WriteLine($"coding: {argument}: no case files (.yaml, .yml or .json) in this directory; its subdirectories are not searched.");
                return null;
            }

            foreach (string file in files)
            {
                // A link out of the directory (to a system file) is refused unread, as rule and study files are.
                if (IntraperitonealCoding.Infrastructure.FileStatus.LinkOutside(argument, file) is { } target)
                {
                    inputs.Refused[file] = $"{file}: {DataErrorIds.Unreadable}: Cannot read the file: it is a link to {target}, outside the directory {argument}; name the file itself to code it.";
                }

                inputs.Add(file);
            }
        }

        return inputs;
    }

    /// <summary>The case files directly in a directory, sorted by name (ordinal), named as the directory was given.</summary>
    public static IEnumerable<string> FilesIn(string directory)
        => Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Where(IsCaseFile)
            .Select(f => Path.Combine(directory, Path.GetFileName(f)))
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>Reads one input: a file (its format by extension), or standard input (its format from its first character).</summary>
    public static CaseReadResult Read(string input, ConsoleInput console, ReadLimits limits, StudyCatalogue studies)
    {
        if (input != StandardInput)
        {
            return CaseFile.Read(input, limits, studies);
        }

        TextReader stdin = console.Stdin;
        // Whitespace before the first character is kept, so that errors keep their line and column.
        var leading = new StringBuilder();
        int next;
        try
        {
            while ((next = stdin.Read()) >= 0)
            {
                leading.Append((char)next);
                if (!IsLeadingSpace((char)next) || leading.Length > limits.MaxFileBytes)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return CaseFile.Read(new FailedReader(ex), StandardInputName, DocumentFormat.Yaml, limits, studies);
        }

        using var text = new PrefixedReader(leading.ToString(), stdin);
        return CaseFile.Read(text, StandardInputName, FormatOf(leading.ToString()), limits, studies);
    }

    /// <summary>JSON when the first character that is not white space (or a byte order mark) is <c>{</c>; YAML otherwise.</summary>
    public static DocumentFormat FormatOf(string text)
        => text.FirstOrDefault(c => !IsLeadingSpace(c)) == '{' ? DocumentFormat.Json : DocumentFormat.Yaml;

    private static bool IsCaseFile(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsLeadingSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    /// <summary>The inputs, and those refused unread with the reason (a link in a directory leading out of it).</summary>
    internal sealed class CaseInputList : List<string>
    {
        /// <summary>Gets the refused inputs with their error line (<c>file: DATA006: …</c>).</summary>
        public Dictionary<string, string> Refused { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Text already read, then the rest of a reader.</summary>
    private sealed class PrefixedReader : TextReader
    {
        private readonly string prefix;
        private readonly TextReader rest;
        private int position;

        public PrefixedReader(string prefix, TextReader rest)
        {
            this.prefix = prefix;
            this.rest = rest;
        }

        public override int Peek() => position < prefix.Length ? prefix[position] : rest.Peek();

        public override int Read() => position < prefix.Length ? prefix[position++] : rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (position >= prefix.Length)
            {
                return rest.Read(buffer, index, count);
            }

            int taken = Math.Min(count, prefix.Length - position);
            prefix.CopyTo(position, buffer, index, taken);
            position += taken;
            return taken;
        }
    }

    /// <summary>A reader whose first read fails as the real one did, so the reader reports it in its own words.</summary>
    private sealed class FailedReader : TextReader
    {
        private readonly Exception failure;

        public FailedReader(Exception failure) => this.failure = failure;

        public override int Read(char[] buffer, int index, int count) => throw new IOException(failure.Message, failure);
    }
}
