using System;
using System.Globalization;
using System.IO;
using System.Text;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Reads a data file's text safely: refuses directories, devices and FIFOs before opening them, refuses a file over
/// its size limit before reading it whole, and decodes UTF-8 so that an invalid byte stays visible (as U+FFFF, which
/// <see cref="TextCheck"/> then reports with its line and column) instead of being silently replaced.
/// </summary>
internal static class SourceText
{
    /// <summary>How a user raises the size limit of a case or study file: the console's option, or the library's setting.</summary>
    public const string FileSizeHint = "raise it with --max-file-bytes (library: ReadLimits.WithMaxFileBytes)";

    /// <summary>UTF-8 that decodes each invalid byte sequence to the noncharacter U+FFFF, so it can be located afterwards.</summary>
    public static readonly Encoding MarkedUtf8 = CreateMarkedUtf8();

    /// <summary>Reads a file's text, or gives the one error that kept it from being read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name errors are reported under.</param>
    /// <param name="maxBytes">The largest file read.</param>
    /// <param name="limitHint">How a user raises <paramref name="maxBytes"/> (an option or setting).</param>
    /// <param name="error">Why the file could not be read.</param>
    /// <returns>The text (a UTF-8 byte order mark removed), or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static string? Read(string path, string displayName, long maxBytes, string limitHint, out DataError? error)
    {
        error = null;
        FileKind kind;
        try
        {
            kind = FileStatus.KindOf(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
        {
            error = Unreadable(displayName, ex.Message);
            return null;
        }

        switch (kind)
        {
            case FileKind.Missing:
                error = Unreadable(displayName, "no such file.");
                return null;
            case FileKind.Directory:
                error = Unreadable(displayName, "it is a directory, not a file.");
                return null;
            case FileKind.Device:
            case FileKind.Pipe:
                error = Unreadable(displayName, "it is not a regular file (a device, FIFO or socket); only regular files are read.");
                return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(stream, displayName, maxBytes, limitHint, out error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = Unreadable(displayName, ex.Message);
            return null;
        }
    }

    /// <summary>Reads UTF-8 text from a stream, at most <paramref name="maxBytes"/> (whatever length the stream claims).</summary>
    public static string? Read(Stream stream, string displayName, long maxBytes, string limitHint, out DataError? error)
    {
        error = null;
        try
        {
            if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            {
                error = TooLarge(displayName, stream.Length - stream.Position, maxBytes, limitHint);
                return null;
            }

            byte[]? bytes = ReadAtMost(stream, maxBytes);
            if (bytes is null)
            {
                error = TooLarge(displayName, null, maxBytes, limitHint);
                return null;
            }

            return Decode(bytes, bytes.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            error = Unreadable(displayName, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Reads a text reader to its end, at most <paramref name="maxChars"/> characters, leaving it open; a byte order
    /// mark decoded into the text (standard input, a reader over a file) is dropped, as a file's is.
    /// </summary>
    public static string? Read(TextReader reader, string displayName, long maxChars, string limitHint, out DataError? error)
    {
        error = null;
        var text = new StringBuilder();
        var block = new char[1 << 14];
        try
        {
            int read;
            while ((read = reader.Read(block, 0, block.Length)) > 0)
            {
                if (text.Length + (long)read > maxChars)
                {
                    error = new DataError(DataErrorIds.LimitExceeded, TooLargeMessage("The text", null, maxChars, limitHint), displayName, 0, 0);
                    return null;
                }

                text.Append(block, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            error = new DataError(DataErrorIds.Unreadable, "Cannot read the text: " + ex.Message, displayName, 0, 0);
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text.Remove(0, 1);
        }

        return text.ToString();
    }

    /// <summary>Decodes UTF-8 bytes with invalid sequences marked as U+FFFF; a leading byte order mark is dropped.</summary>
    public static string Decode(byte[] bytes, int count)
    {
        int start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return MarkedUtf8.GetString(bytes, start, count - start);
    }

    /// <summary>The message for an input over a size limit: the limit, the size when known, and how to raise it.</summary>
    public static string TooLargeMessage(string what, long? size, long maxBytes, string limitHint)
        => string.Format(
            CultureInfo.InvariantCulture,
            "{0} is {1}larger than the limit of {2} bytes; {3}.",
            what,
            size is { } s ? s.ToString(CultureInfo.InvariantCulture) + " bytes, " : string.Empty,
            maxBytes,
            limitHint);

    private static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        // Read in blocks, never more than the limit plus one byte: a file whose length lies (a /proc file) is still bounded.
        using var buffer = new MemoryStream();
        var block = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(block, 0, block.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return null;
            }

            buffer.Write(block, 0, read);
        }

        return buffer.ToArray();
    }

    private static DataError Unreadable(string file, string reason) => new(DataErrorIds.Unreadable, "Cannot read the file: " + reason, file, 0, 0);

    private static DataError TooLarge(string file, long? size, long maxBytes, string limitHint)
        => new(DataErrorIds.LimitExceeded, TooLargeMessage("The file", size, maxBytes, limitHint), file, 0, 0);

    private static Encoding CreateMarkedUtf8()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new DecoderReplacementFallback("\uFFFF");
        return encoding;
    }
}

/// <summary>Finds characters no data file may hold: invalid UTF-8 (decoded as U+FFFF), U+FFFF itself, and NUL.</summary>
internal static class TextCheck
{
    /// <summary>
    /// What a decoded value holds that no data file may (NUL, U+FFFE, U+FFFF, half of a surrogate pair), written
    /// out for a message; <see langword="null"/> when it is clean. For values an escape produced.
    /// </summary>
    public static string? ForbiddenIn(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\0')
            {
                return "a NUL character (written as an escape); data files are text";
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return $"the noncharacter U+{(int)c:X4} (written as an escape)";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"half of a surrogate pair (U+{(int)c:X4}) without its other half";
            }
        }

        return null;
    }

    private static readonly char[] Forbidden = { '\0', '\uFFFF' };

    /// <summary>Reports the first such character with its line and column; returns whether the text is clean.</summary>
    public static bool Check(string text, DataErrorSink errors)
    {
        // The common case, clean text, is one vectorised search; positions are worked out only for a hit.
        int at = text.IndexOfAny(Forbidden);
        if (at < 0)
        {
            return true;
        }

        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= at; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (i == at)
            {
                string what = c == '\0'
                    ? "a NUL character; data files are text"
                    : "bytes that are not valid UTF-8 (or the noncharacter U+FFFF); save the file as UTF-8";
                errors.Add(DataErrorIds.InvalidText, "The text holds " + what + ".", new SourceMark(line, i - lineStart + 1));
                return false;
            }
        }

        return true;
    }
}
