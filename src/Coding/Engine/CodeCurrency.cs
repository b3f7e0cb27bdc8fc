using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// Checks a CPT/HCPCS code a case lists against the dated code table (codes.yaml): valid on the date of service, or an
/// error naming the day it ended and its replacements; and, for the open tumor-excision codes, that the code matches
/// the band of the sum of the tumor lengths (hipec.yaml, tumor_excision).
/// </summary>
internal static class CodeCurrency
{
    public static void Check(CodingContext context, string code, Length? tumorLength, string path)
    {
        var rules = context.Rules;
        var date = context.Case.DateOfService;
        TumorExcisionRule? bands = Effective.InForce(rules.Hipec.TumorExcision, date);
        var definitions = rules.CodesOf(code);
        if (definitions.Count == 0)
        {
            context.AddFinding(FindingIds.CodeNotChecked, Severity.Info, $"{code} is outside the CPT/HCPCS codes this rule set ships (codes.yaml), so whether it is valid on {Day(date)} was not checked: confirm it against the year's code set.", path, null);
            return;
        }

        if (!definitions.Any(d => d.Period.Contains(date)))
        {
            context.AddFinding(FindingIds.CodeNotValidOnDate, Severity.Error, NotValid(code, date, definitions, bands, tumorLength), path, bands?.Id);
            return;
        }

        if (bands is null || !bands.Covers(code))
        {
            return;
        }

        if (tumorLength is not { } length)
        {
            context.AddFinding(FindingIds.TumorLengthMissing, Severity.Warning, $"{code} is chosen by the sum of the maximum lengths of the tumors or cysts excised or destroyed, and the case does not give it: add procedure.tumor_length_sum_cm from the operative or pathology report so the code can be checked ({Bands(bands)}).", "procedure.tumor_length_sum_cm", bands.Id);
            context.UseNotes(bands.Notes);
            return;
        }

        TumorBand right = bands.BandOf(length);
        if (right.Code != code)
        {
            TumorBand given = bands.Bands.First(b => b.Code == code);
            context.AddFinding(FindingIds.TumorBandMismatch, Severity.Error, $"{code} is for a sum of tumor lengths {bands.Describe(given)}, but the case gives {length}: report {right.Code} ({bands.Describe(right)}).", path, bands.Id);
        }

        context.UseNotes(bands.Notes);
    }

    private static string NotValid(string code, DateTime date, IReadOnlyList<CodeDefinition> definitions, TumorExcisionRule? bands, Length? tumorLength)
    {
        CodeDefinition? ended = definitions.Where(d => d.Period.To is { } to && to < date).OrderByDescending(d => d.Period.To).FirstOrDefault();
        if (ended is null)
        {
            DateTime first = definitions.Min(d => d.Period.From);
            return $"{code} is not valid on {Day(date)}: it is in the code set only from {Day(first)}. Use the code in force on the date of service.";
        }

        string text = $"{code} is not valid on {Day(date)}: it was deleted after {Day(ended.Period.To!.Value)}";
        if (ended.ReplacedBy.Count == 0)
        {
            return text + ". Use the code in force on the date of service.";
        }

        text += $" and replaced by {string.Join(", ", ended.ReplacedBy)}.";
        if (bands is not null && ended.ReplacedBy.All(bands.Covers))
        {
            text += tumorLength is { } length
                ? $" For the sum of tumor lengths the case gives ({length}), report {bands.BandOf(length).Code}."
                : $" The sum of the maximum lengths of the tumors or cysts chooses among them ({Bands(bands)}); add procedure.tumor_length_sum_cm.";
        }

        return text;
    }

    private static string Bands(TumorExcisionRule bands) => string.Join("; ", bands.Bands.Select(b => b.Code + " " + bands.Describe(b)));

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
