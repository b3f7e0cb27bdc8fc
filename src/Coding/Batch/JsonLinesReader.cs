using System;
using System.IO;
using System.Text;

namespace IntraperitonealCoding.Batch;

/// <summary>One input line: its text, or (when it was longer than the limit) only its length.</summary>
internal readonly record struct InputLine(string? Text, long Bytes, bool Terminated = true)
{
    public bool TooLong => Text is null;
}

/// <summary>Where one line sits in a <see cref="LineBuffer"/>: its characters, or (too long) only its length in bytes.</summary>
internal readonly record struct LineSpan(int Start, int Length, long Bytes, bool TooLong, bool Terminated);

/// <summary>A growable run of characters that lines are copied into, reused chunk after chunk (so lines are not strings).</summary>
internal sealed class LineBuffer
{
    public LineBuffer(int capacity = 1 << 15) => Chars = new char[capacity];

    public char[] Chars { get; private set; }

    public int Length { get; set; }

    public void Append(char[] source, int start, int count)
    {
        if (Length + count > Chars.Length)
        {
            var larger = new char[Math.Max(Chars.Length * 2, Length + count)];
            Array.Copy(Chars, larger, Length);
            Chars = larger;
        }

        Array.Copy(source, start, Chars, Length, count);
        Length += count;
    }
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
    private LineBuffer? single;
    private int position;
    private int filled;
    private bool first = true;

    public JsonLinesReader(TextReader input, int maxBytes)
    {
        this.input = input;
        this.maxBytes = maxBytes;
    }

    /// <summary>The next line as a string, or <see langword="null"/> at the end of the input.</summary>
    public InputLine? Next()
    {
        single ??= new LineBuffer(256);
        single.Length = 0;
        if (!Next(single, out LineSpan line))
        {
            return null;
        }

        return new InputLine(line.TooLong ? null : new string(single.Chars, line.Start, line.Length), line.Bytes, line.Terminated);
    }

    /// <summary>Copies the next line to the end of <paramref name="into"/>; false at the end of the input.</summary>
    public bool Next(LineBuffer into, out LineSpan line)
    {
        int lineStart = into.Length;
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
                    line = any ? Finish(into, lineStart, bytes, tooLong, terminated: false) : default;
                    return any;
                }
            }

            any = true;
            int start = position;
            int end = Array.IndexOf(buffer, '\n', position, filled - position);
            int stop = end < 0 ? filled : end;
            bytes += Utf8.GetByteCount(buffer, start, stop - start);
            tooLong |= bytes > maxBytes + 1L; // + 1: a CR before the LF is not part of the line.
            position = end < 0 ? filled : end + 1;
            if (!tooLong)
            {
                into.Append(buffer, start, stop - start);
            }

            if (end >= 0)
            {
                line = Finish(into, lineStart, bytes, tooLong, terminated: true);
                return true;
            }
        }
    }

    /// <summary>The line just copied; one CR and a first BOM dropped; a line over the limit keeps only its length.</summary>
    private LineSpan Finish(LineBuffer into, int start, long bytes, bool tooLong, bool terminated)
    {
        bool isFirst = first;
        first = false;
        int origin = start;
        int length = into.Length - start;
        char[] chars = into.Chars;
        if (!tooLong)
        {
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
        }

        if (tooLong || bytes > maxBytes)
        {
            into.Length = origin; // Nothing of a line over the limit is kept.
            return new LineSpan(origin, 0, bytes, TooLong: true, terminated);
        }

        return new LineSpan(start, length, bytes, TooLong: false, terminated);
    }
}
