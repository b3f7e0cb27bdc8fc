using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// Adds what a claim needs beside the codes, once every line, modifier and diagnosis is known: the form and its type of
/// bill or place of service, the inpatient procedures, each facility line's revenue code, each professional line's
/// diagnosis pointers, and each drug line's NDC with its quantity.
/// </summary>
internal static class ClaimFieldsAssembler
{
    public static void Apply(CodingContext context, IReadOnlyList<string> diagnoses)
    {
        ClaimFieldRules rules = context.Rules.ClaimFields;
        CodingCase codingCase = context.Case;
        bool professional = codingCase.Claim == ClaimType.Professional;
        var date = codingCase.DateOfService;
        CheckDiagnosisCount(context, rules, diagnoses, professional);

        string? typeOfBill = null;
        string? place = null;
        if (professional)
        {
            place = codingCase.PlaceOfService ?? AssumedPlace(context, rules);
        }
        else if (rules.TypeOfBill(codingCase.Claim, date) is { } bill)
        {
            typeOfBill = bill.Code;
        }
        else
        {
            Missing(context, $"the type of bill of a {WireNames.Of(codingCase.Claim)} claim");
        }

        IReadOnlyList<int> pointers = Pointers(context, rules, diagnoses, trialLine: false);
        IReadOnlyList<int> trialPointers = Pointers(context, rules, diagnoses, trialLine: true);
        var ndcChecked = new List<DrugAdministration>();
        var undescribed = new List<string>();
        context.ChangeLines(line =>
        {
            line = Described(context, line, undescribed);
            if (professional)
            {
                return line with { DiagnosisPointers = IsTrialLine(context, line) ? trialPointers : pointers };
            }

            // On an inpatient claim a PCS code's charges sit on a service line of its category's revenue code.
            RevenueCodeRule? revenue = rules.RevenueCode(line.Category, line.Supply?.SeparatelyPayable ?? false, date);
            if (revenue is null)
            {
                Missing(context, $"the revenue code of a {WireNames.Of(line.Category)} line ({line.Code})");
            }
            else
            {
                context.UseRule(revenue.Id);
            }

            return line with { RevenueCode = revenue?.Code, Ndc = line.System == CodeSystem.Icd10Pcs ? null : Ndc(context, rules, line, ndcChecked) };
        });

        if (undescribed.Count > 0)
        {
            context.AddFinding(
                FindingIds.UnlistedDescriptionMissing,
                Severity.Warning,
                $"{string.Join(", ", undescribed)} {(undescribed.Count == 1 ? "is an unlisted code" : "are unlisted codes")}: the claim must say what was done (837P SV101-7, 837I SV202-7, at most 80 characters), and the case gives no procedure.unlisted_description, so none is written. Add the words from the operative report; the payer will also want the report.",
                "procedure.unlisted_description",
                null);
        }

        IReadOnlyList<PoaIndicator?> poa = codingCase.Claim == ClaimType.FacilityInpatient ? InpatientClaimFields.Check(context, diagnoses) : ReadOnly.None<PoaIndicator?>();
        var procedures = context.Lines.Where(l => l.System == CodeSystem.Icd10Pcs).Select((l, i) => new ClaimProcedure(l.Code, date, principal: i == 0)).ToList();
        context.ClaimForm = ClaimForm.For(codingCase, typeOfBill, place, ReadOnly.Wrap(procedures)) with
        {
            AdmissionDate = codingCase.Details.AdmissionDate,
            AdmittingDiagnosis = codingCase.Details.AdmittingDiagnosis,
            PresentOnAdmission = poa,
            PatientControlNumber = codingCase.Details.PatientControlNumber ?? codingCase.CaseId,
        };
    }

    /// <summary>An unlisted code on a claim carries the case's words for it; without them it is listed for one warning.</summary>
    private static CodeLine Described(CodingContext context, CodeLine line, List<string> undescribed)
    {
        bool billed = line.Responsibility is Responsibility.Insurer or Responsibility.Patient;
        if (!billed || line.System == CodeSystem.Icd10Pcs || !context.Rules.CodesOf(line.Code).Any(c => c.Unlisted && c.Period.Contains(context.Case.DateOfService)))
        {
            return line;
        }

        if (context.Case.Details.UnlistedDescription is { } words)
        {
            return line with { Description = words };
        }

        if (!undescribed.Contains(line.Code))
        {
            undescribed.Add(line.Code);
        }

        return line;
    }

    private static string? AssumedPlace(CodingContext context, ClaimFieldRules rules)
    {
        if (rules.AssumedPlace(context.Case.Procedure.Kind, context.Case.DateOfService) is not { } assumed)
        {
            Missing(context, "the place of service of a professional claim");
            return null;
        }

        context.AddFinding(
            FindingIds.PlaceOfServiceAssumed,
            Severity.Warning,
            $"The case gives no place_of_service: {assumed.Code} ({assumed.Label}) is assumed. The place of service decides the facility or non-facility fee; confirm it (21 inpatient hospital, 22 on-campus outpatient hospital, 24 ambulatory surgical center) and give it in the case.",
            "place_of_service",
            null);
        return assumed.Code;
    }

    private static void CheckDiagnosisCount(CodingContext context, ClaimFieldRules rules, IReadOnlyList<string> diagnoses, bool professional)
    {
        int max = professional ? rules.ProfessionalClaimMaxDiagnoses : rules.InstitutionalClaimMaxDiagnoses;
        if (diagnoses.Count > max)
        {
            context.AddFinding(
                FindingIds.TooManyDiagnoses,
                Severity.Error,
                string.Format(CultureInfo.InvariantCulture, "The claim has {0} diagnoses but an {1} holds {2}: keep the ones the services were for, the condition treated first.", diagnoses.Count, professional ? "837P" : "837I", max),
                "diagnoses",
                null);
        }
    }

    /// <summary>
    /// A professional line's pointers: the condition diagnoses in claim order, up to the per-line maximum; a trial line
    /// keeps the last slot for the trial diagnosis, so its Q0/Q1 is backed by Z00.6 on the line itself.
    /// </summary>
    private static IReadOnlyList<int> Pointers(CodingContext context, ClaimFieldRules rules, IReadOnlyList<string> diagnoses, bool trialLine)
    {
        string trialDiagnosis = context.Rules.Trials.SecondaryDiagnosis;
        int trialIndex = -1;
        var pointers = new List<int>(rules.PointersPerLine);
        for (int i = 0; i < diagnoses.Count; i++)
        {
            if (diagnoses[i] == trialDiagnosis)
            {
                trialIndex = i;
            }
        }

        bool withTrial = trialLine && trialIndex >= 0;
        int conditions = withTrial ? rules.PointersPerLine - 1 : rules.PointersPerLine;
        for (int i = 0; i < diagnoses.Count && pointers.Count < conditions; i++)
        {
            if (i != trialIndex)
            {
                pointers.Add(i + 1);
            }
        }

        if (withTrial)
        {
            pointers.Add(trialIndex + 1);
        }

        return ReadOnly.Wrap(pointers);
    }

    private static bool IsTrialLine(CodingContext context, CodeLine line)
        => line.Modifiers.Contains(context.Rules.Trials.RoutineModifier) || line.Modifiers.Contains(context.Rules.Trials.InvestigationalModifier);

    private static LineNdc? Ndc(CodingContext context, ClaimFieldRules rules, CodeLine line, List<DrugAdministration> checkedDrugs)
    {
        if (line.Supply is not { } supply)
        {
            return null;
        }

        DrugAdministration drug = supply.Drug;
        // Each administration is reported once, however many lines it has (given and discarded); by reference, as two
        // administrations of the same drug and dose are still two.
        bool first = !checkedDrugs.Exists(d => ReferenceEquals(d, drug));
        if (first)
        {
            checkedDrugs.Add(drug);
        }

        string path = "procedure.drugs[" + IndexOf(context, drug).ToString(CultureInfo.InvariantCulture) + "]";
        if (drug.Ndc is not { } ndc)
        {
            if (first && line.BillTo is { } payer)
            {
                if (rules.NdcRequiredFor.Contains(payer))
                {
                    context.AddFinding(FindingIds.NdcRequired, Severity.Error, $"The {drug.Name} line is billed to {WireNames.Of(payer)}, which requires the NDC of every drug line (drug rebates), and it has none: give the NDC of the product used (ndc: code, unit, quantity). [{rules.NdcSource}]", path + ".ndc", null);
                }
                else if (rules.NdcWarnedFor.Contains(payer))
                {
                    context.AddFinding(FindingIds.NdcMissing, Severity.Warning, $"The {drug.Name} line has no NDC; its payer ({WireNames.Of(payer)}) may ask for it (837 LIN/CTP). Give the NDC of the product used (ndc: code, unit, quantity).", path + ".ndc", null);
                }
            }

            return null;
        }

        decimal? quantity = supply.Discarded ? ndc.DiscardedQuantity : ndc.Quantity;
        if (quantity is null && ndc.Unit == NdcUnit.Milligram)
        {
            quantity = supply.Milligrams;
        }

        if (quantity is not { } amount)
        {
            string key = supply.Discarded ? "discarded_quantity" : "quantity";
            context.AddFinding(FindingIds.NdcQuantityUnknown, Severity.Error, $"The {drug.Name} NDC is in {WireNames.Of(ndc.Unit)}, so its {(supply.Discarded ? "discarded " : string.Empty)}quantity cannot be worked out from the dose: give ndc.{key}.", path + ".ndc." + key, null);
            return null;
        }

        return new LineNdc(ndc.Code, ndc.Unit, amount);
    }

    private static int IndexOf(CodingContext context, DrugAdministration drug)
    {
        var drugs = context.Case.Procedure.Drugs;
        for (int i = 0; i < drugs.Count; i++)
        {
            if (ReferenceEquals(drugs[i], drug))
            {
                return i;
            }
        }

        return 0;
    }

    private static void Missing(CodingContext context, string what)
        => context.AddFinding(FindingIds.ClaimFieldMissing, Severity.Error, $"The rule set has nothing in force on {context.Case.DateOfService:yyyy-MM-dd} for {what} (claim-fields.yaml): the claim cannot be completed.", "date_of_service", null);
}
