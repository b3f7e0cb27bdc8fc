using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary>Renders coding results as plain-text tables a coder can read in any terminal or log.</summary>
internal static class ResultTable
{
    private static readonly string[] Header = { "#", "System", "Code", "Units", "Modifiers", "Category", "Who pays", "Label", "Rule" };

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
                WhoPays(line),
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

        if (result.Lines.Count > 0)
        {
            var byPayer = result.Lines.GroupBy(BillingGrid.PayerOf).Select(g => $"{g.Key}: {g.Count()} line{(g.Count() == 1 ? string.Empty : "s")}");
            output.WriteLine("  Who pays: " + string.Join(" | ", byPayer));
        }

        output.WriteLine("  Diagnoses: " + (result.Diagnoses.Count == 0 ? "(none)" : string.Join(", ", result.Diagnoses)));
        ClaimMarkers markers = result.ClaimMarkers;
        if (markers.ClinicalTrialNumber is not null || markers.Ide is not null)
        {
            var parts = new List<string>();
            if (markers.ClinicalTrialNumber is { } number)
            {
                parts.Add("trial number " + number + " (REF*P4)");
            }

            if (markers.ConditionCodes.Count > 0)
            {
                parts.Add("condition code " + string.Join(", ", markers.ConditionCodes));
            }

            parts.AddRange(markers.ValueCodes.Select(v => $"value code {v.Code} {v.Value}"));
            if (markers.Ide is { } ide)
            {
                parts.Add("IDE " + ide + " (REF*LX)");
            }

            output.WriteLine("  Claim markers: " + string.Join("; ", parts));
        }
        WriteClaimFields(output, result);
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

    private static void WriteClaimFields(TextWriter output, CodingResult result)
    {
        ClaimForm form = result.ClaimForm;
        var claim = new List<string> { Text(form.Form) };
        if (form.TypeOfBill is { } bill)
        {
            claim.Add("type of bill " + bill);
        }

        if (form.PlaceOfService is { } place)
        {
            claim.Add("place of service " + place);
        }

        claim.Add(form.StatementFrom == form.StatementThrough
            ? form.StatementFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : form.StatementFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + form.StatementThrough.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (form.Procedures.Count > 0)
        {
            claim.Add("procedures " + string.Join(", ", form.Procedures.Select(p => p.Principal ? p.Code + " (principal)" : p.Code)));
        }

        output.WriteLine("  Claim: " + string.Join("; ", claim));
        var fields = new List<string>();
        for (int i = 0; i < result.Lines.Count; i++)
        {
            CodeLine line = result.Lines[i];
            var parts = new List<string>();
            if (line.RevenueCode is { } revenue)
            {
                parts.Add("revenue " + revenue);
            }

            if (line.DiagnosisPointers.Count > 0)
            {
                parts.Add("pointers " + string.Join(",", line.DiagnosisPointers));
            }

            if (line.Ndc is { } ndc)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, "NDC {0} {1} {2:0.###}", ndc.Code.Hyphenated, Text(ndc.Unit), ndc.Quantity));
            }

            if (parts.Count > 0)
            {
                fields.Add($"{i + 1}: {string.Join(", ", parts)}");
            }
        }

        if (fields.Count > 0)
        {
            output.WriteLine("  Line fields: " + string.Join(" | ", fields));
        }
    }

    private static string WhoPays(CodeLine line) => line.Responsibility switch
    {
        Responsibility.Insurer => "insurer → " + (line.BillTo is { } payer ? Text(payer) : "?") + (line.NonCoveredCharges ? " (non-covered)" : string.Empty),
        Responsibility.Sponsor => "sponsor",
        Responsibility.Patient => "patient",
        _ => "not billable",
    };

    internal static void WriteRows(TextWriter output, List<string[]> rows)
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
