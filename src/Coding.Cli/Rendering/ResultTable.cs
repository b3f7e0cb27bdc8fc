using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Research;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Renders coding results as tables for coders: a header line per case, the code lines laid out to fit the width
/// (<see cref="LineTable"/>), who pays, then the claim details, units worked out, findings and notes. A note a finding
/// already says is printed once, with the finding (<see cref="RepeatedNotes"/>). Brief output stops at the lines, who
/// pays and the findings.
/// </summary>
internal static class ResultTable
{
    private const string HeaderGap = "  ";

    private const int HeaderIndent = 4;

    /// <summary>Writes the results, a blank line between two cases.</summary>
    public static void Write(TextWriter output, IReadOnlyList<CodingResult> results, ConsoleOptions options, bool brief = false)
        => ConsoleCanvas.Write(output, options, console =>
        {
            for (int i = 0; i < results.Count; i++)
            {
                if (i > 0)
                {
                    console.WriteLine();
                }

                foreach (IRenderable part in Parts(results[i], options, brief))
                {
                    console.Write(part);
                }
            }
        });

    private static IEnumerable<IRenderable> Parts(CodingResult result, ConsoleOptions options, bool brief)
    {
        yield return Header(result, options.Width);
        LineLayout? layout = result.Lines.Count == 0 ? null : LineTable.Choose(result.Lines, options.Width);
        yield return layout is { } chosen ? LineTable.Build(result.Lines, options, chosen) : new Text("  (no code lines)\n");

        var labelled = new List<(string, IRenderable)>();
        if (layout == LineLayout.Compact)
        {
            labelled.Add(("Rules:", Cell.Of(LineTable.RulesOf(result.Lines))));
        }

        if (result.Lines.Count > 0)
        {
            var byPayer = result.Lines.GroupBy(BillingGrid.PayerOf).Select(g => $"{g.Key}: {g.Count()} line{(g.Count() == 1 ? string.Empty : "s")}");
            labelled.Add(("Who pays:", Cell.Of(string.Join(" | ", byPayer))));
        }

        if (!brief)
        {
            labelled.AddRange(ClaimDetails.Of(result).Select(d => (d.Label, (IRenderable)Cell.Of(d.Value))));
        }

        if (labelled.Count > 0)
        {
            yield return Sections.Labelled(labelled.ToArray());
        }

        var details = result.Lines.Select((l, i) => (Index: i + 1, l.Detail)).Where(d => d.Detail is not null).ToList();
        if (!brief && details.Count > 0)
        {
            yield return Sections.Headed("Units worked out:", details.Select(d => ((IRenderable)Cell.Of(d.Index.ToString(CultureInfo.InvariantCulture) + ":"), (IRenderable)Cell.Of(d.Detail))));
        }

        RepeatedNotes repeats = brief ? RepeatedNotes.Of(result.Findings, System.Array.Empty<CodingNote>()) : RepeatedNotes.Of(result.Findings, result.Notes);
        if (result.Findings.Count > 0)
        {
            yield return Sections.Headed("Findings:", result.Findings.Select(f => ((IRenderable)Cell.Of(f.Severity), (IRenderable)FindingText(f, repeats.SaidBy(f)))));
        }

        if (!brief && repeats.Remaining.Count > 0)
        {
            yield return Sections.Headed("Notes:", repeats.Remaining.Select(n => ((IRenderable)new Text("-"), (IRenderable)NoteText(n))));
        }
    }

    /// <summary>
    /// "case  date  claim  payer  procedure  rules  [READY]". Longer than the width, it breaks between two of these
    /// parts, never inside one ("rules" stays with its version), and goes on indented by four; so does a case id too
    /// long for a line of its own (<see cref="HangingIndent"/>).
    /// </summary>
    private static IRenderable Header(CodingResult result, int width)
    {
        var parts = new (string Text, Style? Style)[]
        {
            (SafeText.Escape(result.CaseId), Cell.Heading),
            (result.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
            (Words.Of(result.Claim) + " claim", null),
            ("payer " + Words.Of(result.Payer), null),
            (result.Procedure.ToString().ToUpperInvariant(), null),
            ("rules " + SafeText.Escape(result.RulesVersion), null),
            (Cell.Readiness(result.Ready), Cell.ReadinessStyle(result.Ready)),
        };
        var lines = new List<IRenderable>();
        var line = new Paragraph();
        int used = 0;
        foreach (var (text, style) in parts)
        {
            int room = width - HeaderIndent;
            if (used > 0 && used + HeaderGap.Length + text.Length > room)
            {
                lines.Add(line);
                line = new Paragraph();
                used = 0;
            }

            if (used > 0)
            {
                line.Append(HeaderGap);
                used += HeaderGap.Length;
            }

            line.Append(text, style);
            used += text.Length;
        }

        lines.Add(line);
        return new HangingIndent(new Rows(lines), HeaderIndent);
    }

    /// <summary>"ID at path: message", and the id and source of each note the message repeats.</summary>
    private static Paragraph FindingText(Finding finding, IReadOnlyList<CodingNote> notes)
    {
        string where = finding.Path.Length == 0 ? string.Empty : " at " + finding.Path;
        var text = new Paragraph().Append(SafeText.Escape($"{finding.Id}{where}: {finding.Message}"));
        foreach (CodingNote note in notes)
        {
            text.Append(SafeText.Escape($" [{note.Id}] (Source: {note.Source})"), Cell.Dim);
        }

        return text;
    }

    private static Paragraph NoteText(CodingNote note)
        => new Paragraph()
            .Append(SafeText.Escape($"[{note.Id}] "), Cell.Dim)
            .Append(SafeText.Escape(note.Text))
            .Append(SafeText.Escape($" (Source: {note.Source})"), Cell.Dim);
}
