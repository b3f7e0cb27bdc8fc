using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tool;

/// <summary>The claim-level details the full table prints under the lines: diagnoses, trial markers, the claim form and the line fields.</summary>
internal static class ClaimDetails
{
    /// <summary>The labelled details of a result, as unescaped text, in the order printed.</summary>
    public static IReadOnlyList<(string Label, string Value)> Of(CodingResult result)
    {
        var details = new List<(string, string)>
        {
            ("Diagnoses:", result.Diagnoses.Count == 0 ? "(none)" : string.Join(", ", result.Diagnoses)),
        };
        if (Markers(result.ClaimMarkers) is { } markers)
        {
            details.Add(("Claim markers:", markers));
        }

        details.Add(("Claim:", Claim(result.ClaimForm)));
        if (LineFields(result.Lines) is { } fields)
        {
            details.Add(("Line fields:", fields));
        }

        return details;
    }

    private static string? Markers(ClaimMarkers markers)
    {
        if (markers.ClinicalTrialNumber is null && markers.Ide is null)
        {
            return null;
        }

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

        return string.Join("; ", parts);
    }

    private static string Claim(ClaimForm form)
    {
        var claim = new List<string> { WireNames.Of(form.Form) };
        if (form.TypeOfBill is { } bill)
        {
            claim.Add("type of bill " + bill);
        }

        if (form.PlaceOfService is { } place)
        {
            claim.Add("place of service " + place);
        }

        string from = form.StatementFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        claim.Add(form.StatementFrom == form.StatementThrough ? from : from + " to " + form.StatementThrough.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (form.Procedures.Count > 0)
        {
            claim.Add("procedures " + string.Join(", ", form.Procedures.Select(p => p.Principal ? p.Code + " (principal)" : p.Code)));
        }

        return string.Join("; ", claim);
    }

    private static string? LineFields(IReadOnlyList<CodeLine> lines)
    {
        var fields = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            CodeLine line = lines[i];
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
                parts.Add("NDC " + ndc);
            }

            if (parts.Count > 0)
            {
                fields.Add($"{i + 1}: {string.Join(", ", parts)}");
            }
        }

        return fields.Count == 0 ? null : string.Join(" | ", fields);
    }
}
