using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Coding.Cases;
using Coding.Results;
using Coding.Rules.Tables;

namespace Coding.Engine;

/// <summary>
/// Applies the CMS edits a claim scrubber applies to the lines that go on a bill: add-on codes need a primary (AOC),
/// procedure-to-procedure bundling (PTP), medically unlikely edits (MUE) and the Medicare inpatient-only list.
/// Every look-up is keyed by code, so the cost grows with the lines of the case, not with the tables.
/// </summary>
internal static class ClaimEditChecker
{
    /// <summary>The modifiers that mark a distinct procedural service, which a PTP edit with indicator 1 allows.</summary>
    private static readonly string[] DistinctServiceModifiers = { "59", "XE", "XP", "XS", "XU" };

    public static void Check(CodingContext context)
    {
        EditTableKind? kind = context.Case.Claim switch
        {
            ClaimType.Professional => EditTableKind.Practitioner,
            ClaimType.FacilityOutpatient => EditTableKind.OutpatientHospital,
            _ => null,
        };
        if (kind is null)
        {
            // Inpatient claims carry ICD-10-PCS codes; the NCCI edits and the inpatient-only list do not apply.
            return;
        }

        var billed = context.Lines.Where(l => l.Responsibility is Responsibility.Insurer or Responsibility.Patient && l.System != CodeSystem.Icd10Pcs).ToList();
        var codes = new HashSet<string>(billed.Select(l => l.Code), System.StringComparer.Ordinal);
        CheckAddOns(context, billed, codes);
        CheckPtp(context, kind.Value, billed, codes);
        CheckMue(context, kind.Value, billed);
        CheckInpatientOnly(context, billed);
    }

    private static void CheckAddOns(CodingContext context, List<CodeLine> billed, HashSet<string> codes)
    {
        AddOnTable table = context.Rules.Tables.AddOns;
        var date = context.Case.DateOfService;
        foreach (string code in billed.Where(l => l.Category != LineCategory.Hipec).Select(l => l.Code).Distinct())
        {
            // The HIPEC codes' primaries are checked by the HIPEC coder, which knows the case's surgery.
            var edits = table.For(code, date);
            if (edits.Count == 0 || edits.Any(e => codes.Contains(e.Primary)))
            {
                continue;
            }

            bool typeOne = edits.Any(e => e.Type == 1);
            var primaries = edits.Select(e => e.Primary).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            string shown = string.Join(", ", primaries.Take(8)) + (primaries.Count > 8 ? string.Format(CultureInfo.InvariantCulture, " and {0} more", primaries.Count - 8) : string.Empty);
            context.AddFinding(
                FindingIds.AddOnWithoutPrimary,
                typeOne ? Severity.Error : Severity.Warning,
                $"{code} is an add-on code (AOC type {edits.Min(e => e.Type)}): report it only beside one of its primary codes ({shown}), and none is on this claim. [{table.Source}]",
                "procedure.primary_procedures",
                "add-on-codes");
        }
    }

    private static void CheckPtp(CodingContext context, EditTableKind kind, List<CodeLine> billed, HashSet<string> codes)
    {
        PtpTable table = context.Rules.Tables.Ptp;
        var date = context.Case.DateOfService;
        string tableName = kind == EditTableKind.Practitioner ? "practitioner" : "outpatient hospital";
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string column1 in billed.Select(l => l.Code).Distinct())
        {
            foreach (PtpEdit edit in table.Of(kind).InForce(column1, date))
            {
                if (edit.Modifier == 9 || !codes.Contains(edit.Column2) || !reported.Add(edit.Column1 + "/" + edit.Column2))
                {
                    continue;
                }

                string advice = string.Empty;
                if (table.Advice.TryGetValue(edit.Column2, out string? noteId))
                {
                    advice = " " + context.Rules.Notes[noteId].Text;
                    context.UseNotes(new[] { noteId });
                }

                if (edit.Modifier == 0)
                {
                    context.AddFinding(
                        FindingIds.PtpNotSeparatelyReportable,
                        Severity.Error,
                        $"{edit.Column2} is part of {edit.Column1} (NCCI PTP edit, {tableName} table, modifier indicator 0): it is never reported separately beside it, with or without a modifier. Drop {edit.Column2}.{advice} [{table.Source}]",
                        "procedure.primary_procedures",
                        "ptp-edits");
                }
                else if (!billed.Any(l => l.Code == edit.Column2 && l.Modifiers.Any(m => DistinctServiceModifiers.Contains(m))))
                {
                    context.AddFinding(
                        FindingIds.PtpModifierNeeded,
                        Severity.Warning,
                        $"{edit.Column2} is bundled into {edit.Column1} (NCCI PTP edit, {tableName} table, modifier indicator 1): report it only if it was a distinct service (another session, site or incision), with modifier XS, XE, XP, XU or 59 on {edit.Column2} and the record showing why; otherwise drop it.{advice} [{table.Source}]",
                        "procedure.primary_procedures",
                        "ptp-edits");
                }
            }
        }
    }

    private static void CheckMue(CodingContext context, EditTableKind kind, List<CodeLine> billed)
    {
        MueTable table = context.Rules.Tables.Mue;
        var date = context.Case.DateOfService;
        foreach (var group in billed.GroupBy(l => l.Code))
        {
            MueEdit? edit = table.Of(kind).InForce(group.Key, date).FirstOrDefault();
            if (edit is null)
            {
                continue;
            }

            // Indicator 1 is a claim-line edit; 2 and 3 count every unit of the code on the date.
            int units = edit.Adjudication == 1 ? group.Max(l => l.Units) : group.Sum(l => l.Units);
            if (units <= edit.MaxUnits)
            {
                continue;
            }

            string how = edit.Adjudication switch
            {
                1 => "per claim line (indicator 1: units above it are denied on the line)",
                2 => "per day (indicator 2, a policy limit: units above it are never paid)",
                _ => "per day (indicator 3, a clinical limit: units above it are denied unless the record supports them on appeal)",
            };
            context.AddFinding(
                FindingIds.MueExceeded,
                Severity.Error,
                string.Format(CultureInfo.InvariantCulture, "{0}: {1} unit{2} on this claim, but its medically unlikely edit allows {3} {4}. Check for a duplicated line or a unit error. [{5}]", group.Key, units, units == 1 ? string.Empty : "s", edit.MaxUnits, how, table.Source),
                "procedure",
                "mue");
        }
    }

    private static void CheckInpatientOnly(CodingContext context, List<CodeLine> billed)
    {
        InpatientOnlyList list = context.Rules.Tables.InpatientOnly;
        var codingCase = context.Case;
        var date = codingCase.DateOfService;
        bool outpatientFacility = codingCase.Claim == ClaimType.FacilityOutpatient;
        bool outpatientPlace = codingCase.Claim == ClaimType.Professional && codingCase.PlaceOfService is { } place && list.OutpatientPlacesOfService.Contains(place);
        if (!outpatientFacility && !outpatientPlace)
        {
            return;
        }

        foreach (string code in billed.Where(l => l.BillTo == PayerType.Medicare).Select(l => l.Code).Distinct().Where(c => list.Contains(c, date)))
        {
            if (outpatientFacility)
            {
                context.AddFinding(
                    FindingIds.InpatientOnlyOnOutpatientClaim,
                    Severity.Error,
                    $"{code} is on Medicare's inpatient-only list: Medicare pays it only on an inpatient claim, so this outpatient claim will not be paid. Admit the patient and bill the stay as inpatient. [{list.Source}]",
                    "claim",
                    "inpatient-only");
            }
            else
            {
                context.AddFinding(
                    FindingIds.InpatientOnlyOutpatientPlace,
                    Severity.Warning,
                    $"{code} is on Medicare's inpatient-only list, but the place of service is {codingCase.PlaceOfService} (outpatient): the hospital's claim for it will be denied, and the surgeon's may be questioned. Check the patient's status. [{list.Source}]",
                    "place_of_service",
                    "inpatient-only");
            }
        }
    }
}
