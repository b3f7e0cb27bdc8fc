using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// A service a payer policy marks as a likely denial: on a Medicare Part B claim the lines carry GA (a signed ABN is on
/// file) or GZ (none; the provider expects the denial), or the coder is told to obtain one; other payers get the note on
/// the patient's financial waiver (CMS Claims Processing Manual, ch. 30).
/// </summary>
internal static class AdvanceNotice
{
    public static void Apply(CodingContext context, PayerPolicy policy)
    {
        AbnRules abn = context.Rules.Abn;
        CodingCase codingCase = context.Case;
        bool partB = abn.Claims.Contains(codingCase.Claim);
        bool NoticeLine(CodeLine line) => line.Responsibility == Responsibility.Insurer && line.BillTo is { } payer && abn.Payers.Contains(payer);
        if (!partB || !context.Lines.Any(NoticeLine))
        {
            // The ABN and GA/GZ are Original Medicare's; a Medicare Advantage enrollee's protection is the plan's
            // pre-service organization determination (42 CFR 422.568), never a waiver.
            if (codingCase.Payer == PayerType.MedicareAdvantage && context.Lines.Any(l => l.BillTo == PayerType.MedicareAdvantage))
            {
                context.AddNoteFinding(FindingIds.OrganizationDetermination, Severity.Warning, abn.MedicareAdvantageNote, "payer", abn.Id);
            }
            else if (codingCase.Payer is PayerType.Medicaid or PayerType.Commercial && partB)
            {
                context.AddNoteFinding(FindingIds.PatientWaiver, Severity.Info, abn.OtherPayersNote, "abn_on_file", abn.Id);
            }

            return;
        }

        switch (codingCase.Details.AbnOnFile)
        {
            case true:
                context.AddModifier(NoticeLine, abn.SignedModifier, first: false);
                context.AddNoteFinding(FindingIds.AbnSigned, Severity.Info, abn.SignedNote, "abn_on_file", abn.Id);
                break;
            case false:
                context.AddModifier(NoticeLine, abn.NotSignedModifier, first: false);
                context.AddNoteFinding(FindingIds.AbnNotSigned, Severity.Warning, abn.NotSignedNote, "abn_on_file", abn.Id);
                break;
            default:
                context.AddFinding(FindingIds.AbnMissing, Severity.Warning, context.Rules.Notes[abn.MissingNote].Text + $" ({policy.FindingId}: {policy.Source})", "abn_on_file", abn.Id);
                context.UseNotes(new[] { abn.MissingNote });
                break;
        }
    }
}
