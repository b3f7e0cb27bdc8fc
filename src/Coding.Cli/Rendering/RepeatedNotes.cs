using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Which notes a result's findings already say, so the table prints each thing once. A note is repeated by a finding
/// when, with runs of white space made one space and the ends trimmed, the finding's message is the note's text or
/// holds it as whole sentences: the text starts the message or follows a sentence end (". ", "! ", "? ", "; ", ": "),
/// and the text ends a sentence (with '.', '!' or '?') at the end of the message or before a space. Case and wording
/// must match exactly: a message that only resembles a note keeps both. A short note inside an unrelated sentence
/// ("Multi-dose vial." inside "... not a multi-dose vial. ...") is not a repeat unless it stands as its own sentence.
/// </summary>
internal sealed class RepeatedNotes
{
    private static readonly string[] SentenceEnds = { ". ", "! ", "? ", "; ", ": " };

    private readonly Dictionary<Finding, IReadOnlyList<CodingNote>> byFinding;

    private RepeatedNotes(Dictionary<Finding, IReadOnlyList<CodingNote>> byFinding, IReadOnlyList<CodingNote> remaining)
    {
        this.byFinding = byFinding;
        Remaining = remaining;
    }

    /// <summary>Gets the notes no finding repeats, in their order: the ones to print under "Notes".</summary>
    public IReadOnlyList<CodingNote> Remaining { get; }

    /// <summary>Works out the repeats among a result's findings and notes.</summary>
    public static RepeatedNotes Of(IReadOnlyList<Finding> findings, IReadOnlyList<CodingNote> notes)
    {
        var byFinding = new Dictionary<Finding, IReadOnlyList<CodingNote>>();
        var repeated = new HashSet<CodingNote>();
        foreach (Finding finding in findings)
        {
            string message = Normalise(finding.Message);
            var said = notes.Where(n => Says(message, Normalise(n.Text))).ToList();
            if (said.Count > 0)
            {
                byFinding[finding] = said;
                repeated.UnionWith(said);
            }
        }

        return new RepeatedNotes(byFinding, notes.Where(n => !repeated.Contains(n)).ToList());
    }

    /// <summary>The notes a finding repeats (printed with the finding as their id and source), or none.</summary>
    public IReadOnlyList<CodingNote> SaidBy(Finding finding) => byFinding.TryGetValue(finding, out var notes) ? notes : Array.Empty<CodingNote>();

    /// <summary>Whether a finding's message says a note's text, both normalised (see the class summary).</summary>
    internal static bool Says(string message, string note)
    {
        if (note.Length == 0)
        {
            return false;
        }

        if (string.Equals(message, note, StringComparison.Ordinal))
        {
            return true;
        }

        if (note[^1] is not ('.' or '!' or '?'))
        {
            return false;
        }

        for (int at = message.IndexOf(note, StringComparison.Ordinal); at >= 0; at = message.IndexOf(note, at + 1, StringComparison.Ordinal))
        {
            int end = at + note.Length;
            bool starts = at == 0 || SentenceEnds.Any(e => at >= e.Length && string.CompareOrdinal(message, at - e.Length, e, 0, e.Length) == 0);
            bool ends = end == message.Length || message[end] == ' ';
            if (starts && ends)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>White space runs made one space, ends trimmed.</summary>
    internal static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                normalised.Append(' ');
                space = false;
            }

            normalised.Append(c);
        }

        return normalised.ToString();
    }
}
