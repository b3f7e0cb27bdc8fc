using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding;

/// <summary>
/// Writes coding results as CSV for billing and research staff: one row per line with the case id and every claim
/// field beside it (a result with no lines still gets one row, so no case goes missing). RFC 4180 with CRLF line ends;
/// values a spreadsheet would run as formulas are neutralised. Lists inside a cell are space-separated. Thread-safe.
/// </summary>
public static class ResultCsv
{
    /// <summary>Gets the header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } = new[]
    {
        "case_id", "date_of_service", "claim", "form", "payer", "ready", "type_of_bill", "place_of_service", "statement_from", "statement_through",
        "diagnoses", "clinical_trial_number", "ide", "condition_codes", "value_codes",
        "line", "system", "code", "units", "modifiers", "category", "label", "responsibility", "bill_to", "non_covered_charges",
        "revenue_code", "diagnosis_pointers", "ndc", "ndc_unit", "ndc_quantity", "rule", "coverage_rule",
    };

    /// <summary>Writes results with a header row.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="results">The results.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="writer"/> or <paramref name="results"/> is null.</exception>
    public static void Write(TextWriter writer, IEnumerable<CodingResult> results)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        Preconditions.CheckNotNull(results, nameof(results));
        CsvTable.Write(writer, Rows(results));
    }

    /// <summary>Writes results with a header row, as a string.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static string Serialize(IEnumerable<CodingResult> results)
    {
        Preconditions.CheckNotNull(results, nameof(results));
        return CsvTable.Write(Rows(results));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<CodingResult> results)
    {
        yield return Columns;
        foreach (CodingResult result in results)
        {
            var claim = Claim(result);
            if (result.Lines.Count == 0)
            {
                yield return claim.Concat(Enumerable.Repeat(string.Empty, Columns.Count - claim.Count)).ToList();
            }

            for (int i = 0; i < result.Lines.Count; i++)
            {
                yield return claim.Concat(Line(i + 1, result.Lines[i])).ToList();
            }
        }
    }

    private static List<string> Claim(CodingResult result)
    {
        ClaimForm form = result.ClaimForm;
        ClaimMarkers markers = result.ClaimMarkers;
        return new List<string>
        {
            result.CaseId,
            Date(result.DateOfService),
            WireNames.Of(result.Claim),
            WireNames.Of(form.Form),
            WireNames.Of(result.Payer),
            result.Ready ? "true" : "false",
            form.TypeOfBill ?? string.Empty,
            form.PlaceOfService ?? string.Empty,
            Date(form.StatementFrom),
            Date(form.StatementThrough),
            string.Join(" ", result.Diagnoses),
            markers.ClinicalTrialNumber ?? string.Empty,
            markers.Ide ?? string.Empty,
            string.Join(" ", markers.ConditionCodes),
            string.Join(" ", markers.ValueCodes.Select(v => v.Code + "=" + v.Value)),
        };
    }

    private static IEnumerable<string> Line(int number, CodeLine line) => new[]
    {
        number.ToString(CultureInfo.InvariantCulture),
        WireNames.Of(line.System),
        line.Code,
        line.Units.ToString(CultureInfo.InvariantCulture),
        string.Join(" ", line.Modifiers),
        WireNames.Of(line.Category),
        line.Label,
        WireNames.Of(line.Responsibility),
        line.BillTo is { } payer ? WireNames.Of(payer) : string.Empty,
        line.NonCoveredCharges ? "true" : "false",
        line.RevenueCode ?? string.Empty,
        string.Join(" ", line.DiagnosisPointers.Select(p => p.ToString(CultureInfo.InvariantCulture))),
        line.Ndc?.Code.Digits ?? string.Empty,
        line.Ndc is { } ndc ? WireNames.Of(ndc.Unit) : string.Empty,
        line.Ndc is { } given ? ResultX12.QuantityText(given.Quantity) : string.Empty,
        line.Rule,
        line.CoverageRule,
    };

    private static string Date(System.DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
