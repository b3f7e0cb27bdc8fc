using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Coding.Output;
using Coding.Results;

namespace Coding.Cli;

/// <summary>Renders coding results as plain-text tables a coder can read in any terminal or log.</summary>
internal static class ResultTable
{
    private static readonly string[] Header = { "#", "System", "Code", "Units", "Modifiers", "Category", "Label", "Rule" };

    public static void Write(TextWriter output, IReadOnlyList<CodingResult> results)
    {
        for (int i = 0; i < results.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            WriteOne(output, results[i]);
        }
    }

    private static void WriteOne(TextWriter output, CodingResult result)
    {
        string status = result.Ready ? "READY" : "NOT READY";
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0}  {1:yyyy-MM-dd}  {2} claim  payer {3}  {4}  rules {5}  [{6}]",
            result.CaseId,
            result.DateOfService,
            Text(result.Claim),
            Text(result.Payer),
            result.Procedure.ToString().ToUpperInvariant(),
            result.RulesVersion,
            status));

        var rows = new List<string[]> { Header };
        for (int i = 0; i < result.Lines.Count; i++)
        {
            CodeLine line = result.Lines[i];
            rows.Add(new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Text(line.System),
                line.Code,
                line.Units.ToString(CultureInfo.InvariantCulture),
                string.Join(" ", line.Modifiers),
                Text(line.Category),
                line.Label,
                line.Rule,
            });
        }

        if (result.Lines.Count == 0)
        {
            output.WriteLine("  (no code lines)");
        }
        else
        {
            WriteRows(output, rows);
        }

        output.WriteLine("  Diagnoses: " + (result.Diagnoses.Count == 0 ? "(none)" : string.Join(", ", result.Diagnoses)));
        var details = result.Lines.Select((l, i) => (Index: i + 1, l.Detail)).Where(d => d.Detail is not null).ToList();
        if (details.Count > 0)
        {
            output.WriteLine("  Units worked out:");
            foreach (var (index, detail) in details)
            {
                output.WriteLine($"    {index}: {detail}");
            }
        }

        if (result.Findings.Count > 0)
        {
            output.WriteLine("  Findings:");
            foreach (Finding finding in result.Findings)
            {
                string where = finding.Path.Length == 0 ? string.Empty : $" at {finding.Path}";
                output.WriteLine($"    {finding.Severity.ToString().ToUpperInvariant(),-7} {finding.Id}{where}: {finding.Message}");
            }
        }

        if (result.Notes.Count > 0)
        {
            output.WriteLine("  Notes:");
            foreach (CodingNote note in result.Notes)
            {
                output.WriteLine($"    [{note.Id}] {note.Text} (Source: {note.Source})");
            }
        }
    }

    private static void WriteRows(TextWriter output, List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            var cells = row.Select((cell, c) => c == columns - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    private static string Text<T>(T value)
        where T : struct, Enum
        => WireNames.Of(value);
}
