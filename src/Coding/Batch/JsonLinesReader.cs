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
                    return any ? Finish(bytes, tooLong) with { Terminated = false } : null;
                }
            }

            any = true;
            int start = position;
            int end = System.Array.IndexOf(buffer, '\n', position, filled - position);
            int stop = end < 0 ? filled : end;
            for (int i = start; i < stop; i++)
            {
                bytes += Utf8Length(buffer[i]);
            }

            tooLong |= bytes > maxBytes + 1L; // + 1: a CR before the LF is not part of the line.
            if (!tooLong)
            {
                line.Append(buffer, start, stop - start);
            }

            position = end < 0 ? filled : end + 1;
            if (end >= 0)
            {
                return Finish(bytes, tooLong);
            }
        }
    }

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;

    private InputLine Finish(long bytes, bool tooLong)
    {
        if (first && line.Length > 0 && line[0] == '\uFEFF')
        {
            line.Remove(0, 1); // A byte order mark starts the file, not the first case.
            bytes -= 3;
        }

        first = false;
        if (!tooLong && line.Length > 0 && line[line.Length - 1] == '\r')
        {
            line.Length--;
            bytes--;
        }

        return tooLong || bytes > maxBytes ? new InputLine(null, bytes) : new InputLine(line.ToString(), bytes);
    }
}
