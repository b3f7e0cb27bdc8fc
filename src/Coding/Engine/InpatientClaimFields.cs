using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;
using IntraperitonealCoding.Rules.Tables;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// What an inpatient (837I) claim needs beside its codes, never invented: the admission date, the admitting diagnosis
/// (valid in the stay's fiscal year), the discharge date, and a present-on-admission indicator on every diagnosis that
/// is not POA-exempt. A missing one is a finding that says what to supply; an error for the payers that return the claim.
/// </summary>
internal static class InpatientClaimFields
{
    /// <summary>The POA indicator of each diagnosis, in order (null: exempt, or not given), after reporting what is missing.</summary>
    public static IReadOnlyList<PoaIndicator?> Check(CodingContext context, IReadOnlyList<string> diagnoses)
    {
        CodingCase codingCase = context.Case;
        ClaimDetails details = codingCase.Details;
        if (details.AdmissionDate is null)
        {
            context.AddFinding(FindingIds.AdmissionDateMissing, Severity.Error, "An inpatient claim needs the admission date (837I DTP*435, UB-04 form locator 12): give admission_date, on or before the date of service.", "admission_date", null);
        }

        if (details.AdmittingDiagnosis is not { } admitting)
        {
            context.AddFinding(FindingIds.AdmittingDiagnosisMissing, Severity.Error, "An inpatient claim needs the admitting diagnosis, the condition the patient was admitted for (837I HI*ABJ, UB-04 form locator 69): give admitting_diagnosis.", "admitting_diagnosis", null);
        }
        else
        {
            CheckAdmitting(context, admitting);
        }

        if (details.DischargeDate is null)
        {
            context.AddFinding(FindingIds.DischargeDateMissing, Severity.Warning, "The inpatient claim gives no discharge date: the statement period ends on the date of service and the codes are checked in its fiscal year. Give discharge_date once the patient is discharged.", "discharge_date", null);
        }

        return PresentOnAdmission(context, diagnoses);
    }

    private static IReadOnlyList<PoaIndicator?> PresentOnAdmission(CodingContext context, IReadOnlyList<string> diagnoses)
    {
        PoaRules rules = context.Rules.ClaimFields.Poa;
        CodingCase codingCase = context.Case;
        var date = codingCase.CodeSetDate;
        var indicators = new PoaIndicator?[diagnoses.Count];
        var missing = new List<string>();
        for (int i = 0; i < diagnoses.Count; i++)
        {
            string code = diagnoses[i];
            if (rules.IsExempt(code, date))
            {
                continue;
            }

            if (codingCase.Details.PresentOnAdmission.TryGetValue(code, out PoaIndicator given))
            {
                indicators[i] = given;
            }
            else
            {
                missing.Add(code);
            }
        }

        Severity? severity = rules.RequiredFor.Contains(codingCase.Payer) ? Severity.Error : rules.WarnedFor.Contains(codingCase.Payer) ? Severity.Warning : null;
        if (missing.Count > 0 && severity is { } level)
        {
            string payer = WireNames.Of(codingCase.Payer);
            string consequence = level == Severity.Error
                ? $"{payer} returns an inpatient claim without them"
                : $"{payer} plans may ask for them";
            context.AddFinding(
                FindingIds.PoaMissing,
                level,
                $"{string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no present-on-admission indicator ({consequence}): give each as {{ code: {missing[0]}, poa: Y }} (Y, N, U or W) from the record. Codes on the POA-exempt list are left blank. [{rules.Source}]",
                "diagnoses",
                null);
        }

        return IntraperitonealCoding.Cases.ReadOnly.Wrap(indicators.ToList());
    }

    /// <summary>The admitting diagnosis must be a billable ICD-10-CM code in the stay's fiscal year (outside the shipped families: not checked).</summary>
    private static void CheckAdmitting(CodingContext context, string code)
    {
        CodeValidityTable table = context.Rules.Tables.Icd10Cm;
        var date = context.Case.CodeSetDate;
        CodeStatus status = table.Check(code, date, out _);
        string? problem = status switch
        {
            CodeStatus.Header => $"{code} is a category header, not a billable code",
            CodeStatus.Unknown => $"{code} is not an ICD-10-CM code",
            CodeStatus.NotInForce => $"{code} is an ICD-10-CM code {DiagnosisChecker.ValidYears(table.Codes.All(code))}, not in fiscal year {DiagnosisChecker.FiscalYear(date)}",
            _ => null,
        };
        if (problem is not null)
        {
            context.AddFinding(FindingIds.AdmittingDiagnosisInvalid, Severity.Error, $"The admitting diagnosis: {problem}. [{table.Source}]", "admitting_diagnosis", "icd10cm");
        }
    }
}
