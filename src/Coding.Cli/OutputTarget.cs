using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Where a command's output goes when <c>--out</c> names a file: a temporary file beside it, renamed over the target
/// only when the output is complete, so a crash, a full disk or an interruption never leaves a truncated record where
/// the user expects results. A device or FIFO (<c>/dev/null</c>, a named pipe) is written directly. A target that is
/// one of the inputs (same path, hard link or symbolic link) is refused before anything is opened for writing.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly string path;
    private readonly string? temporary;
    private bool done;

    private OutputTarget(string path, string? temporary, TextWriter writer)
    {
        this.path = path;
        this.temporary = temporary;
        Writer = writer;
    }

    public TextWriter Writer { get; }

    /// <summary>An <c>--out</c> as given: <c>-</c> means standard output (<see langword="null"/>), as it does for inputs.</summary>
    public static string? Named(string? path) => path == "-" ? null : path;

    /// <summary>Opens the target, or prints why not (path and OS reason) and returns <see langword="null"/>.</summary>
    /// <param name="path">The target.</param>
    /// <param name="inputs">The command's inputs, which the target may not be.</param>
    /// <param name="stderr">Where to say why the target cannot be written.</param>
    /// <param name="option">What the user gave the target as, for the messages (default <c>--out</c>).</param>
    public static OutputTarget? Open(string path, IEnumerable<string> inputs, TextWriter stderr, string option = "--out")
    {
        if (SameAsAnInput(path, inputs) is { } input)
        {
            stderr.WriteLine($"coding: {option} {path} is the input {input} (the same file, a hard link or a symbolic link); writing it would destroy the input. Choose another output file.");
            return null;
        }

        // A link is followed to the file it names: the temporary file goes beside that file and replaces it, so the
        // link stays a link (and /dev/stdout, a link to the shell's output, is never replaced by a file).
        string final = FinalTarget(path);
        if (FileStatus.KindOf(final) != FileKind.Missing || FileStatus.KindOf(path) == FileKind.Missing)
        {
            path = final; // (A link to "pipe:[…]" in /proc resolves to no file: the link itself is written then.)
        }

        FileKind kind = FileStatus.KindOf(path);
        if (kind == FileKind.Directory)
        {
            stderr.WriteLine($"coding: cannot write {path}: it is a directory.");
            return null;
        }

        string? temporary = kind is FileKind.Device or FileKind.Pipe ? null : TemporaryBeside(path);
        try
        {
            var stream = new FileStream(temporary ?? path, temporary is null ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            return new OutputTarget(path, temporary, new OutputWriter(stream, temporary ?? path));
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"coding: cannot write {path}: the directory {Path.GetDirectoryName(Path.GetFullPath(path))} does not exist.");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot write {path}: permission denied (the directory {Path.GetDirectoryName(Path.GetFullPath(path))} is read-only or not yours).");
            return null;
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"coding: cannot write {path}: {Reason(ex)}");
            return null;
        }
    }

    /// <summary>The OS's reason, without .NET's own wording around it where it adds nothing.</summary>
    public static string Reason(Exception ex) => ex.InnerException is IOException inner ? inner.Message : ex.Message;

    /// <summary>Flushes and puts the complete output in place.</summary>
    /// <exception cref="OutputFailedException">The last write or the rename failed (the target is left as it was, and
    /// the temporary file is removed): e.g. the target is immutable, or another user's file in a sticky directory.</exception>
    public void Commit()
    {
        Writer.Dispose();
        if (temporary is not null)
        {
            try
            {
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Dispose();
                throw new OutputFailedException(path, ex is IOException io ? io : new IOException(ReplaceRefused(ex), ex));
            }
        }

        done = true;
    }

    /// <summary>Why a complete output could not be put in place of the target: the OS's reason, said for this case.</summary>
    private static string ReplaceRefused(Exception ex)
        => "the file cannot be replaced (permission denied: it may be immutable, or another user's file in a directory only its owners may replace files in)" + (ex.InnerException is { } inner ? " [" + inner.Message + "]" : string.Empty);

    /// <summary>Keeps what was written (whole records only) beside the target as <c>.partial</c>; the target is untouched.</summary>
    /// <returns>Where the partial output is, or <see langword="null"/> when the target is a device (written directly).</returns>
    public string? KeepPartial()
    {
        Writer.Dispose();
        done = true;
        if (temporary is null)
        {
            return null;
        }

        string partial = path + ".partial";
        try
        {
            File.Move(temporary, partial, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"{partial} cannot be replaced: {ex.Message}; the records are in {temporary}", ex);
        }

        return partial;
    }

    /// <summary>Drops an incomplete output: the temporary file is deleted, the target is untouched.</summary>
    public void Dispose()
    {
        if (done)
        {
            return;
        }

        done = true;
        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // The output is being dropped; a failing last flush changes nothing.
        }

        if (temporary is not null)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a stray temporary file is harmless and named after the target.
            }
        }
    }

    private static string FinalTarget(string path)
    {
        string? link;
        try
        {
            link = new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return path;
        }

        if (link is null)
        {
            return path;
        }

        // A dangling link resolves to nothing (or throws): then its own target, created by the write, is the file.
        string own = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", link));
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? own;
        }
        catch (IOException)
        {
            return own; // (A loop fails when opened.)
        }
    }

    private static string TemporaryBeside(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        return Path.Combine(directory, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
    }

    private static string? SameAsAnInput(string output, IEnumerable<string> inputs)
    {
        var outputIdentity = FileStatus.IdentityOf(output);
        string outputFull = Path.GetFullPath(output);
        foreach (string input in inputs)
        {
            string name = input == "-" ? "/dev/stdin" : input;
            if (string.Equals(Path.GetFullPath(name), outputFull, StringComparison.Ordinal))
            {
                return input;
            }

            if (outputIdentity is { } o && FileStatus.IdentityOf(name) is { } i && o == i && FileStatus.KindOf(output) == FileKind.Regular)
            {
                return input;
            }
        }

        return null;
    }
}

/// <summary>An output file's writer whose I/O errors name the file, so the console can report path and reason.</summary>
internal sealed class OutputWriter : TextWriter
{
    private readonly StreamWriter inner;

    public OutputWriter(Stream stream, string path)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        inner = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        Path = path;
    }

    public string Path { get; }

    public override Encoding Encoding => inner.Encoding;

    // Each method catches for itself: a lambda per call would allocate on every record written.
    public override void Write(char value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(Path, ex);
        }
    }

    public override void Write(string? value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(Path, ex);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            inner.Write(buffer, index, count);
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(Path, ex);
        }
    }

    public override void Flush() => Guard(inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Guard(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(Path, ex);
        }
    }
}

/// <summary>Raised when writing the output failed (full disk, device error), to tell it from failures to read the input.</summary>
#pragma warning disable CA1032, CA1064 // Internal to the console; always built with the I/O error it wraps.
internal sealed class OutputFailedException : IOException
#pragma warning restore CA1032, CA1064
{
    public OutputFailedException(string path, IOException inner)
        : base(inner.Message, inner) => Path = path;

    public string Path { get; }
}

/// <summary>
/// Standard output with its I/O errors named: a full device, a closed pipe (<c>coding batch … | head</c>) or a device
/// error becomes an <see cref="OutputFailedException"/> for <see cref="Name"/>, which the console reports as exit 2
/// with the OS reason rather than as an internal error.
/// </summary>
internal sealed class StandardOutputWriter : TextWriter
{
    /// <summary>The name standard output's failures are reported under.</summary>
    public const string Name = "standard output";

    private readonly TextWriter inner;

    public StandardOutputWriter(TextWriter inner)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        this.inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>
    /// The process's standard output. A pipe or socket is written through a stream of its own: the console's stream
    /// drops the writes to a pipe whose reader has gone (EPIPE), so a cut-off output would look complete. A file, a
    /// device or a terminal keeps the console's writer (a file shared with standard error keeps one file offset).
    /// </summary>
    public static TextWriter ForThisProcess()
    {
        if (!Console.IsOutputRedirected || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Console.Out;
        }

        FileStream? stream = null;
        try
        {
            stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)1, ownsHandle: false), FileAccess.Write, 1);
            if (!stream.CanSeek)
            {
                return new StreamWriter(stream, new UTF8Encoding(false), 1 << 12) { AutoFlush = true };
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            // Not a usable descriptor: the console's writer reports what goes wrong.
        }

        stream?.Dispose();
        return Console.Out;
    }

    // Each method catches for itself: a lambda per call would allocate on every record written.
    public override void Write(char value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException ex) when (ex is not OutputFailedException)
        {
            throw new OutputFailedException(Name, ex);
        }
    }

    public override void Write(string? value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException ex) when (ex is not OutputFailedException)
        {
            throw new OutputFailedException(Name, ex);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            inner.Write(buffer, index, count);
        }
        catch (IOException ex) when (ex is not OutputFailedException)
        {
            throw new OutputFailedException(Name, ex);
        }
    }

    public override void WriteLine(string? value)
    {
        try
        {
            inner.WriteLine(value);
        }
        catch (IOException ex) when (ex is not OutputFailedException)
        {
            throw new OutputFailedException(Name, ex);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException ex) when (ex is not OutputFailedException)
        {
            throw new OutputFailedException(Name, ex);
        }
    }
}
