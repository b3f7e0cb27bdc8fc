using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// Applies the CMS edits a claim scrubber applies to the lines that go on a bill: add-on codes need a primary (AOC),
/// procedure-to-procedure bundling (PTP), medically unlikely edits (MUE) and the Medicare inpatient-only list.
/// Every look-up is keyed by code, so the cost grows with the lines of the case, not with the tables.
/// </summary>
internal static class ClaimEditChecker
{
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

        // The lines on a bill, and each code's units on the date (and most on one line), in first-seen order.
        var billed = new List<CodeLine>(context.Lines.Count);
        var units = new Dictionary<string, (int Total, int Largest)>(System.StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (CodeLine line in context.Lines)
        {
            if (line.Responsibility is not (Responsibility.Insurer or Responsibility.Patient) || line.System == CodeSystem.Icd10Pcs)
            {
                continue;
            }

            billed.Add(line);
            if (units.TryGetValue(line.Code, out var sum))
            {
                units[line.Code] = (sum.Total + line.Units, System.Math.Max(sum.Largest, line.Units));
            }
            else
            {
                units.Add(line.Code, (line.Units, line.Units));
                codes.Add(line.Code);
            }
        }

        CheckAddOns(context, billed, codes);
        CheckPtp(context, kind.Value, codes, units);
        CheckMue(context, kind.Value, codes, units);
        CheckInpatientOnly(context, billed);
    }

    private static void CheckAddOns(CodingContext context, List<CodeLine> billed, List<string> codes)
    {
        AddOnTable table = context.Rules.Tables.AddOns;
        var date = context.Case.DateOfService;
        foreach (CodeLine line in billed)
        {
            // The HIPEC codes' primaries are checked by the HIPEC coder, which knows the case's surgery.
            if (line.Category == LineCategory.Hipec || !table.IsAddOn(line.Code, date) || HasPrimary(table, line.Code, codes, date) || IsRepeat(billed, line))
            {
                continue;
            }

            var edits = table.For(line.Code, date);
            bool typeOne = edits.Any(e => e.Type == 1);
            bool confirmed = edits.All(e => e.Source.Confirmed);

            // With no other surgery on the claim the add-on has no primary whatever the list says: that is certain.
            bool otherSurgery = billed.Any(l => l.Category == LineCategory.PrimarySurgery && !table.IsAddOn(l.Code, date));
            var primaries = edits.Select(e => e.Primary).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            string shown = string.Join(", ", primaries.Take(8)) + (primaries.Count > 8 ? string.Format(CultureInfo.InvariantCulture, " and {0} more", primaries.Count - 8) : string.Empty);
            context.AddFinding(
                FindingIds.AddOnWithoutPrimary,
                typeOne && (confirmed || !otherSurgery) ? Severity.Error : Severity.Warning,
                $"{line.Code} is an add-on code (AOC type {edits.Min(e => e.Type)}): report it only beside one of its primary codes ({shown}), and none is on this claim. [{table.Source}{(confirmed ? string.Empty : "; rows unconfirmed: check the quarter's AOC file")}]",
                "procedure.primary_procedures",
                "add-on-codes");
        }
    }

    private static bool HasPrimary(AddOnTable table, string addOn, List<string> codes, System.DateTime date)
    {
        foreach (string code in codes)
        {
            if (table.Allows(addOn, code, date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an earlier billed line has the same code (each code is reported once).</summary>
    private static bool IsRepeat(List<CodeLine> billed, CodeLine line)
    {
        foreach (CodeLine other in billed)
        {
            if (ReferenceEquals(other, line))
            {
                return false;
            }

            if (other.Code == line.Code)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckPtp(CodingContext context, EditTableKind kind, List<string> codes, Dictionary<string, (int Total, int Largest)> onClaim)
    {
        PtpTable table = context.Rules.Tables.Ptp;
        var date = context.Case.DateOfService;
        DatedIndex<PtpEdit> edits = table.Of(kind);
        foreach (string column1 in codes)
        {
            foreach (PtpEdit edit in edits.All(column1))
            {
                if (edit.Modifier == 9 || !edit.Period.Contains(date) || !onClaim.ContainsKey(edit.Column2))
                {
                    continue;
                }

                Report(context, kind, table, edit);
            }
        }
    }

    private static void Report(CodingContext context, EditTableKind kind, PtpTable table, PtpEdit edit)
    {
        string tableName = kind == EditTableKind.Practitioner ? "practitioner" : "outpatient hospital";
        string advice = string.Empty;
        if (table.Advice.TryGetValue(edit.Column2, out string? noteId))
        {
            advice = " " + context.Rules.Notes[noteId].Text;
            context.UseNotes(new[] { noteId });
        }

        if (edit.Modifier == 0)
        {
            // An unconfirmed row never stops a claim as if it were certain: it warns, and says so.
            context.AddFinding(
                FindingIds.PtpNotSeparatelyReportable,
                edit.Source.Confirmed ? Severity.Error : Severity.Warning,
                $"{edit.Column2} is part of {edit.Column1} (NCCI PTP edit, {tableName} table, modifier indicator 0): it is never reported separately beside it, with or without a modifier. Drop {edit.Column2}.{advice} [{table.Source.With(edit.Source)}]",
                "procedure.primary_procedures",
                "ptp-edits");
        }
        else
        {
            // Cases give no procedure modifiers, so the coder is always asked to add one (or drop the code).
            context.AddFinding(
                FindingIds.PtpModifierNeeded,
                Severity.Warning,
                $"{edit.Column2} is bundled into {edit.Column1} (NCCI PTP edit, {tableName} table, modifier indicator 1): report it only if it was a distinct service (another session, site or incision), with modifier XS, XE, XP, XU or 59 on {edit.Column2} and the record showing why; otherwise drop it.{advice} [{table.Source.With(edit.Source)}]",
                "procedure.primary_procedures",
                "ptp-edits");
        }
    }

    private static void CheckMue(CodingContext context, EditTableKind kind, List<string> codes, Dictionary<string, (int Total, int Largest)> onClaim)
    {
        MueTable table = context.Rules.Tables.Mue;
        var date = context.Case.DateOfService;
        foreach (string code in codes)
        {
            MueEdit? edit = table.Of(kind).FirstInForce(code, date);
            if (edit is null)
            {
                continue;
            }

            // Indicator 1 is a claim-line edit; 2 and 3 count every unit of the code on the date.
            var (total, largest) = onClaim[code];
            int units = edit.Adjudication == 1 ? largest : total;
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
                edit.Source.Confirmed ? Severity.Error : Severity.Warning,
                string.Format(CultureInfo.InvariantCulture, "{0}: {1} unit{2} on this claim, but its medically unlikely edit allows {3} {4}. Check for a duplicated line or a unit error. [{5}]", code, units, units == 1 ? string.Empty : "s", edit.MaxUnits, how, table.Source.With(edit.Source)),
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

        foreach (CodeLine line in billed)
        {
            string code = line.Code;
            if (line.BillTo != PayerType.Medicare || !list.Contains(code, date) || IsRepeat(billed, line))
            {
                continue;
            }

            InpatientOnlyCode row = list.Codes.FirstInForce(code, date)!;
            if (outpatientFacility)
            {
                context.AddFinding(
                    FindingIds.InpatientOnlyOnOutpatientClaim,
                    row.Source.Confirmed ? Severity.Error : Severity.Warning,
                    $"{code} is on Medicare's inpatient-only list: Medicare pays it only on an inpatient claim, so this outpatient claim will not be paid. Admit the patient and bill the stay as inpatient. [{list.Source.With(row.Source)}]",
                    "claim",
                    "inpatient-only");
            }
            else
            {
                context.AddFinding(
                    FindingIds.InpatientOnlyOutpatientPlace,
                    Severity.Warning,
                    $"{code} is on Medicare's inpatient-only list, but the place of service is {codingCase.PlaceOfService} (outpatient): the hospital's claim for it will be denied, and the surgeon's may be questioned. Check the patient's status. [{list.Source.With(row.Source)}]",
                    "place_of_service",
                    "inpatient-only");
            }
        }
    }
}
