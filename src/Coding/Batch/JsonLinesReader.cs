using System.IO;
using System.Text;

namespace Coding.Batch;

/// <summary>One input line: its text, or (when it was longer than the limit) only its length.</summary>
internal readonly record struct InputLine(string? Text, long Bytes, bool Terminated = true)
{
    public bool TooLong => Text is null;
}

/// <summary>
/// Splits JSON Lines on LF only, dropping one CR before it: a bare CR inside a line is JSON whitespace and does not
/// end the record (unlike <see cref="TextReader.ReadLine"/>). A line longer than the limit is skipped to its LF
/// without being held in memory, and reported by its length, so one huge line costs no more memory than the limit.
/// A last line without a final LF is still a line; an input that ends with LF has no empty line after it.
/// </summary>
internal sealed class JsonLinesReader
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private readonly TextReader input;
    private readonly int maxBytes;
    private readonly char[] buffer = new char[1 << 14];
    private readonly StringBuilder line = new();
    private int position;
    private int filled;
    private bool first = true;

    public JsonLinesReader(TextReader input, int maxBytes)
    {
        this.input = input;
        this.maxBytes = maxBytes;
    }

    /// <summary>The next line, or <see langword="null"/> at the end of the input.</summary>
    public InputLine? Next()
    {
        line.Clear();
        long bytes = 0;
        bool tooLong = false;
        bool any = false;
        while (true)
        {
            if (position == filled)
            {
                filled = input.Read(buffer, 0, buffer.Length);
                position = 0;
                if (filled <= 0)
                {
                    filled = 0;
                    return any ? Finish(bytes, tooLong, null, 0, 0) with { Terminated = false } : null;
                }
            }

            any = true;
            int start = position;
            int end = System.Array.IndexOf(buffer, '\n', position, filled - position);
            int stop = end < 0 ? filled : end;
            bytes += Utf8.GetByteCount(buffer, start, stop - start);
            tooLong |= bytes > maxBytes + 1L; // + 1: a CR before the LF is not part of the line.
            position = end < 0 ? filled : end + 1;
            if (end >= 0)
            {
                // The usual case: the whole line is in the buffer, and becomes a string with one copy.
                return line.Length == 0 ? Finish(bytes, tooLong, buffer, start, stop - start) : Append(start, stop, tooLong).Finish(bytes, tooLong, null, 0, 0);
            }

            Append(start, stop, tooLong);
        }
    }

    private JsonLinesReader Append(int start, int stop, bool tooLong)
    {
        if (!tooLong)
        {
            line.Append(buffer, start, stop - start);
        }

        return this;
    }

    /// <summary>The line from <paramref name="chars"/> when given, else from the builder; one CR and a first BOM dropped.</summary>
    private InputLine Finish(long bytes, bool tooLong, char[]? chars, int start, int length)
    {
        bool isFirst = first;
        first = false;
        if (tooLong)
        {
            return new InputLine(null, bytes);
        }

        if (chars is null)
        {
            chars = line.ToString().ToCharArray();
            start = 0;
            length = chars.Length;
        }

        if (isFirst && length > 0 && chars[start] == '\uFEFF')
        {
            start++; // A byte order mark starts the file, not the first case.
            length--;
            bytes -= 3;
        }

        if (length > 0 && chars[start + length - 1] == '\r')
        {
            length--;
            bytes--;
        }

        return bytes > maxBytes ? new InputLine(null, bytes) : new InputLine(new string(chars, start, length), bytes);
    }
}
