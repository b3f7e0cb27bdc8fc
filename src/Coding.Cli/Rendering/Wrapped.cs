using System;
using System.Collections.Generic;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Wraps a label at spaces, as a table cell would, except that a number is never parted from the unit that follows it
/// ("Cisplatin, per 10 mg" breaks before "10 mg", never between "10" and "mg").
/// </summary>
internal static class Wrapped
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "mg", "mcg", "g", "ml", "mL", "l", "unit", "units", "iu", "min", "minutes", "h", "hours", "cm", "mm", "m2", "m²", "mg/m2", "mg/m²", "mmhg", "°c", "%",
    };

    /// <summary>The words of <paramref name="text"/>, a number and its unit counted as one.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0 && IsNumber(words[^1]) && Units.Contains(word.TrimEnd(',', ';', ')', '.')))
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>The width of the longest word (a number with its unit counted as one).</summary>
    public static int LongestWord(string text) => Words(text).Select(w => w.Length).DefaultIfEmpty(0).Max();

    /// <summary>The lines of <paramref name="text"/> wrapped to <paramref name="width"/>; a word longer than the width is a line of its own.</summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        string line = string.Empty;
        foreach (string word in Words(text))
        {
            if (line.Length == 0)
            {
                line = word;
            }
            else if (line.Length + 1 + word.Length <= width)
            {
                line += " " + word;
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static bool IsNumber(string word) => word.Length > 0 && word.All(c => char.IsDigit(c) || c == '.') && char.IsDigit(word[0]);
}
