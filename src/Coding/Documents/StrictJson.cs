using System.Collections.Generic;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Checks that JSON text is strict RFC 8259 JSON before the (lenient) Newtonsoft reader builds the tree: no comments,
/// no single-quoted strings, no unquoted names, no trailing commas, no literals JSON does not have (<c>NaN</c>,
/// <c>undefined</c>), no leading zeros; and that no string escape decodes to a character no data file may hold (NUL,
/// U+FFFE, U+FFFF, or half of a surrogate pair), as <see cref="TextCheck"/> refuses them written raw. Strict, as the
/// YAML side is: a case means the same to every JSON reader a billing pipeline runs.
/// </summary>
/// <remarks>
/// Linear, one pass, with an explicit stack (no recursion): nesting past the depth limit stops the check, and the
/// reader then reports the limit. A defect that is not one of the lenient forms (truncated text, a stray character)
/// is reported by the caller in the reader's own words when the reader finds it too.
/// </remarks>
internal sealed class StrictJson
{
    private readonly string text;
    private readonly int maxDepth;
    private int position;
    private int line = 1;
    private int lineStart;

    private StrictJson(string text, int maxDepth)
    {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /// <summary>One defect: where, what, and whether it is one a lenient reader accepts (so only this check can report it).</summary>
    internal readonly record struct Defect(string Id, string Message, SourceMark At, bool Lenient);

    /// <summary>The first defect of <paramref name="text"/>, or <see langword="null"/> when it is strict JSON (or nested past the limit).</summary>
    public static Defect? Check(string text, int maxDepth) => new StrictJson(text, maxDepth).Run();

    /// <summary>The end of a strict text (never reported).</summary>
    private static readonly Defect Done = new(string.Empty, string.Empty, default, false);

    private SourceMark Here => new(line, position - lineStart + 1);

    private Defect? Run()
    {
        // The containers open around the current position: '{' or '['.
        var open = new Stack<char>();
        if (SkipSpace() is { } before)
        {
            return before;
        }

        while (true)
        {
            // A value is expected here.
            bool opened = Value(open, out Defect? defect);
            if (defect is not null)
            {
                return defect;
            }

            if (opened)
            {
                if (open.Count > maxDepth)
                {
                    return null; // The reader reports the depth limit.
                }

                if (SkipSpace() is { } inside)
                {
                    return inside;
                }

                if (position >= text.Length || text[position] != (open.Peek() == '{' ? '}' : ']'))
                {
                    if (open.Peek() == '{' && Name() is { } name)
                    {
                        return name;
                    }

                    continue; // the first member's value
                }

                position++;
                open.Pop(); // an empty container
            }

            if (AfterValue(open) is { } after)
            {
                return after.Id.Length == 0 ? null : after;
            }
        }
    }

    /// <summary>After a whole value: closes containers and reads up to the next value; a defect, <see cref="Done"/>, or null for "a value follows".</summary>
    private Defect? AfterValue(Stack<char> open)
    {
        while (true)
        {
            if (SkipSpace() is { } space)
            {
                return space;
            }

            if (open.Count == 0)
            {
                return position < text.Length ? Malformed("Unexpected content after the end of the JSON value.") : Done;
            }

            if (position >= text.Length)
            {
                return Malformed("Unexpected end of content: the file is truncated.");
            }

            char c = text[position];
            char closing = open.Peek() == '{' ? '}' : ']';
            if (c == closing)
            {
                position++;
                open.Pop();
                continue;
            }

            if (c != ',')
            {
                return Malformed($"Expected ',' or '{closing}'.");
            }

            SourceMark comma = Here;
            position++;
            if (SkipSpace() is { } afterComma)
            {
                return afterComma;
            }

            if (position < text.Length && text[position] is '}' or ']')
            {
                return Lenient("A trailing comma before '" + text[position] + "' is not JSON; remove it.", comma);
            }

            return open.Peek() == '{' ? Name() : null;
        }
    }

    /// <summary>Reads one value; returns true when it opened a container (pushed on <paramref name="open"/>).</summary>
    private bool Value(Stack<char> open, out Defect? defect)
    {
        defect = null;
        if (position >= text.Length)
        {
            defect = Malformed("Unexpected end of content: the file is truncated.");
            return false;
        }

        char c = text[position];
        switch (c)
        {
            case '{':
            case '[':
                open.Push(c);
                position++;
                return true;
            case '"':
                defect = String();
                return false;
            case '\'':
                defect = Lenient("Strings are written in double quotes (\"), not single quotes.", Here);
                return false;
            case '-':
            case >= '0' and <= '9':
                defect = Number();
                return false;
            default:
                if (Word("true") || Word("false") || Word("null"))
                {
                    return false;
                }

                // (Not a lenient form only this check sees: the reader refuses most such words in its own words.)
                defect = char.IsLetter(c) || c == '_'
                    ? Malformed($"'{Shown.Text(WordAt())}' is not a JSON value (a string is quoted; the literals are true, false and null).")
                    : Malformed($"Unexpected character '{Shown.Text(c.ToString())}'.");
                return false;
        }
    }

    /// <summary>Reads a member's name and its colon, with the space after them.</summary>
    private Defect? Name()
    {
        if (position >= text.Length)
        {
            return Malformed("Unexpected end of content: the file is truncated.");
        }

        char c = text[position];
        if (c != '"')
        {
            return c == '\'' ? Lenient("Names are written in double quotes (\"), not single quotes.", Here)
                : char.IsLetter(c) || c == '_' || c == '$' ? Lenient($"The name '{Shown.Text(WordAt())}' is not quoted; JSON names are strings in double quotes.", Here)
                : Malformed($"Expected a name in double quotes, found '{Shown.Text(c.ToString())}'.");
        }

        if ((String() ?? SkipSpace()) is { } defect)
        {
            return defect;
        }

        if (position >= text.Length || text[position] != ':')
        {
            return Malformed("Expected ':' after a name.");
        }

        position++;
        return SkipSpace();
    }

    private Defect? String()
    {
        position++; // the opening quote
        while (position < text.Length)
        {
            char c = text[position];
            if (c == '"')
            {
                position++;
                return null;
            }

            if (c < 0x20)
            {
                return Malformed("A control character inside a string must be written as an escape (\\n, \\t, \\u001B).");
            }

            if (c != '\\')
            {
                position++;
                continue;
            }

            SourceMark escape = Here;
            if (position + 1 >= text.Length)
            {
                break;
            }

            char kind = text[position + 1];
            if (kind is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
            {
                position += 2;
                continue;
            }

            if (kind != 'u')
            {
                return Lenient($"'\\{Shown.Text(kind.ToString())}' is not a JSON escape.", escape);
            }

            if (Hex(position + 2) is not { } unit)
            {
                return Malformed("A \\u escape needs four hexadecimal digits.");
            }

            position += 6;
            if (unit is 0 or 0xFFFE or 0xFFFF)
            {
                return new Defect(DataErrorIds.InvalidText, $"The escape \\u{unit:X4} stands for {(unit == 0 ? "a NUL character" : "a noncharacter")}, which no data file may hold.", escape, true);
            }

            if (unit is >= 0xD800 and <= 0xDBFF && position + 1 < text.Length && text[position] == '\\' && text[position + 1] == 'u' && Hex(position + 2) is >= 0xDC00 and <= 0xDFFF)
            {
                position += 6; // a surrogate pair: one character
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                return new Defect(DataErrorIds.InvalidText, $"The escape \\u{unit:X4} is half of a surrogate pair without its other half; it stands for no character.", escape, true);
            }
        }

        return Malformed("Unexpected end of content: the file is truncated inside a string.");
    }

    private int? Hex(int at)
    {
        if (at + 4 > text.Length)
        {
            return null;
        }

        int value = 0;
        for (int i = at; i < at + 4; i++)
        {
            char c = text[i];
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value;
    }

    private Defect? Number()
    {
        SourceMark start = Here;
        if (text[position] == '-')
        {
            position++;
        }

        int digits = Digits();
        if (digits == 0)
        {
            return position < text.Length && char.IsLetter(text[position])
                ? Lenient($"'{Shown.Text(WordAt())}' is not a JSON number.", start)
                : Malformed("A number needs a digit after its sign.");
        }

        if (digits > 1 && text[position - digits] == '0')
        {
            return Lenient("A JSON number has no leading zero.", start);
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (Digits() == 0)
            {
                return Lenient("A JSON number needs a digit after its decimal point.", start);
            }
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            if (Digits() == 0)
            {
                return Malformed("A number's exponent needs a digit.");
            }
        }

        return null;
    }

    private int Digits()
    {
        int start = position;
        while (position < text.Length && text[position] is >= '0' and <= '9')
        {
            position++;
        }

        return position - start;
    }

    private bool Word(string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
        {
            return false;
        }

        int end = position + word.Length;
        if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            return false;
        }

        position = end;
        return true;
    }

    private string WordAt()
    {
        int end = position;
        while (end < text.Length && end - position < 40 && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '$' or '.' or '+' or '-'))
        {
            end++;
        }

        return text.Substring(position, end - position);
    }

    /// <summary>Skips JSON white space (space, tab, LF, CR); a comment is a defect.</summary>
    private Defect? SkipSpace()
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (c == '\n')
            {
                line++;
                lineStart = position + 1;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                return c == '/' && position + 1 < text.Length && text[position + 1] is '/' or '*'
                    ? Lenient("Comments are not JSON; remove them (or write the case in YAML, which has them).", Here)
                    : null;
            }

            position++;
        }

        return null;
    }

    private static Defect Lenient(string message, SourceMark at) => new(DataErrorIds.Syntax, "JSON syntax: " + message, at, true);

    private Defect Malformed(string message) => new(DataErrorIds.Syntax, "JSON syntax: " + message, Here, false);
}
