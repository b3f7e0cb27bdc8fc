using System.Globalization;
using System.Text;

namespace IntraperitonealCoding.Output;

/// <summary>
/// Makes text from inputs safe to print: control characters (C0, DEL, C1), line and paragraph separators and
/// bidirectional overrides become visible escapes such as <c>\x1B</c> or <c>\u202E</c>, so a case id holding a newline
/// and escape codes cannot clear the screen, start a fake line or forge a <c>file:line:col</c> error.
/// </summary>
internal static class SafeText
{
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        int i = 0;
        while (i < text.Length && !NeedsEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c))
            {
                escaped.Append(c);
            }
            else if (c < 0x100)
            {
                escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// JSON printed to a console: the serializer already escapes C0; DEL, C1, line separators and bidirectional
    /// overrides become <c>\uXXXX</c> too. They can only occur inside strings, where the escape means the same.
    /// </summary>
    public static string EscapeJson(string json)
    {
        int i = 0;
        while (i < json.Length && !NeedsEscape(json[i]))
        {
            i++;
        }

        if (i == json.Length)
        {
            return json;
        }

        var escaped = new StringBuilder(json.Length + 16).Append(json, 0, i);
        for (; i < json.Length; i++)
        {
            char c = json[i];
            if (NeedsEscape(c) && c >= 0x20)
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c)
        => c < 0x20 || (c >= 0x7F && c < 0xA0) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
