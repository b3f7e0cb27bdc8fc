using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Cases.Reading;

/// <summary>
/// Reads the case fields that belong to one kind of claim only (place of service, discharge date, ABN, surgeon role,
/// the surgery's PCS codes) and the trial's per-drug designations, reporting a field on the wrong claim with its position.
/// </summary>
internal sealed class ClaimDetailsReader
{
    private readonly DataErrorSink errors;

    public ClaimDetailsReader(DataErrorSink errors) => this.errors = errors;

    public ClaimDetails Details(CaseDto dto)
    {
        if (dto.DischargeDate is { } discharge)
        {
            if (dto.Claim != ClaimType.FacilityInpatient)
            {
                errors.Add(DataErrorIds.ConflictingKeys, "discharge_date belongs on an inpatient facility claim only.", dto.At(nameof(CaseDto.DischargeDate)));
            }
            else if (discharge < dto.DateOfService)
            {
                errors.Add(DataErrorIds.ImpossibleValue, $"discharge_date {discharge:yyyy-MM-dd} is before date_of_service {dto.DateOfService:yyyy-MM-dd}.", dto.At(nameof(CaseDto.DischargeDate)));
            }
        }

        if (dto.SurgeonRole is not null && dto.Claim != ClaimType.Professional)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "surgeon_role belongs on a professional claim only (the practitioner's own claim).", dto.At(nameof(CaseDto.SurgeonRole)));
        }

        if (dto.AbnOnFile is not null && dto.Claim == ClaimType.FacilityInpatient)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "abn_on_file belongs on a professional or outpatient claim: an ABN is a Part B notice (an inpatient stay uses a hospital notice of non-coverage).", dto.At(nameof(CaseDto.AbnOnFile)));
        }

        bool inpatient = dto.Claim == ClaimType.FacilityInpatient;
        if (dto.AdmissionDate is { } admission)
        {
            if (!inpatient)
            {
                errors.Add(DataErrorIds.ConflictingKeys, "admission_date belongs on an inpatient facility claim only.", dto.At(nameof(CaseDto.AdmissionDate)));
            }
            else if (admission > dto.DateOfService)
            {
                errors.Add(DataErrorIds.ImpossibleValue, $"admission_date {admission:yyyy-MM-dd} is after date_of_service {dto.DateOfService:yyyy-MM-dd}: the patient is admitted on or before the day of the procedure.", dto.At(nameof(CaseDto.AdmissionDate)));
            }
        }

        string? admitting = AdmittingDiagnosis(dto, inpatient);
        var poa = PresentOnAdmission(dto, inpatient);
        string? controlNumber = PatientControlNumber(dto);
        string? unlisted = UnlistedDescription(dto.Procedure);

        // A discharge date on another claim is an error above, so no case is built with it.
        return new ClaimDetails(dto.DischargeDate, dto.AbnOnFile, dto.SurgeonRole, dto.AdmissionDate, admitting, poa, controlNumber, unlisted);
    }

    /// <summary>The admitting diagnosis: inpatient claims only, a well-formed ICD-10-CM code (its validity is the engine's check).</summary>
    private string? AdmittingDiagnosis(CaseDto dto, bool inpatient)
    {
        if (dto.AdmittingDiagnosis is not { } given)
        {
            return null;
        }

        string code = given.Trim().ToUpperInvariant();
        if (!inpatient)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "admitting_diagnosis belongs on an inpatient facility claim only.", dto.At(nameof(CaseDto.AdmittingDiagnosis)));
        }
        else if (!CodeFormats.Icd10Cm.IsMatch(code))
        {
            errors.Add(DataErrorIds.InvalidValue, $"admitting_diagnosis '{IntraperitonealCoding.Documents.Shown.Text(given)}' is not a well-formed ICD-10-CM code (e.g. C78.6).", dto.At(nameof(CaseDto.AdmittingDiagnosis)));
        }

        return code;
    }

    /// <summary>The POA indicators the diagnoses give: inpatient claims only, one per code.</summary>
    private Dictionary<string, PoaIndicator>? PresentOnAdmission(CaseDto dto, bool inpatient)
    {
        Dictionary<string, PoaIndicator>? poa = null;
        foreach (DiagnosisDto diagnosis in dto.Diagnoses)
        {
            if (diagnosis.Poa is not { } indicator)
            {
                continue;
            }

            if (!inpatient)
            {
                errors.Add(DataErrorIds.ConflictingKeys, "poa (present on admission) belongs on an inpatient facility claim only.", diagnosis.At(nameof(DiagnosisDto.Poa)));
                continue;
            }

            string code = diagnosis.Code.Trim().ToUpperInvariant();
            poa ??= new Dictionary<string, PoaIndicator>(StringComparer.OrdinalIgnoreCase);
            if (poa.TryGetValue(code, out PoaIndicator earlier) && earlier != indicator)
            {
                errors.Add(DataErrorIds.DuplicateItem, $"{code} is given twice with different POA indicators ({WireNames.Of(earlier)} and {WireNames.Of(indicator)}).", diagnosis.At(nameof(DiagnosisDto.Poa)));
                continue;
            }

            poa[code] = indicator;
        }

        return poa;
    }

    /// <summary>The patient control number: 1 to 20 characters (payers need return only 20 of CLM01).</summary>
    private string? PatientControlNumber(CaseDto dto)
    {
        if (dto.PatientControlNumber is not { } number)
        {
            return null;
        }

        if (number.Trim().Length == 0 || number.Length > MaxPatientControlNumber)
        {
            errors.Add(DataErrorIds.InvalidValue, $"patient_control_number must be 1 to {MaxPatientControlNumber} characters (X12 CLM01: payers return only {MaxPatientControlNumber}); it has {number.Length}.", dto.At(nameof(CaseDto.PatientControlNumber)));
        }

        return number;
    }

    /// <summary>The words of an unlisted code: not blank, at most 80 characters (837 SV101-7 / SV202-7).</summary>
    private string? UnlistedDescription(ProcedureDto? dto)
    {
        if (dto?.UnlistedDescription is not { } text)
        {
            return null;
        }

        if (text.Trim().Length == 0 || text.Length > MaxUnlistedDescription)
        {
            errors.Add(DataErrorIds.InvalidValue, $"unlisted_description must be 1 to {MaxUnlistedDescription} characters (837 SV101-7 holds {MaxUnlistedDescription}); it has {text.Length}.", dto.At(nameof(ProcedureDto.UnlistedDescription)));
        }

        return text.Trim();
    }

    /// <summary>The most characters of a patient control number (X12 RFI 525: payers need return only 20).</summary>
    internal const int MaxPatientControlNumber = 20;

    /// <summary>The most characters of an unlisted code's description (837P SV101-7, 837I SV202-7).</summary>
    internal const int MaxUnlistedDescription = 80;

    /// <summary>The surgery's ICD-10-PCS codes: inpatient claims only, each well-formed.</summary>
    public List<string>? PcsProcedures(ProcedureDto dto, ClaimType claim)
    {
        if (dto.PcsProcedures is not { } codes)
        {
            return null;
        }

        if (claim != ClaimType.FacilityInpatient)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "pcs_procedures belong on an inpatient facility claim only; other claims carry CPT codes.", dto.At(nameof(ProcedureDto.PcsProcedures)));
            return null;
        }

        var result = new List<string>(codes.Count);
        foreach (string code in codes)
        {
            string normalised = code.Trim().ToUpperInvariant();
            if (!CodeFormats.Pcs.IsMatch(normalised))
            {
                errors.Add(DataErrorIds.InvalidValue, $"'{IntraperitonealCoding.Documents.Shown.Text(code)}' is not a well-formed ICD-10-PCS code (seven letters and digits, no I or O, e.g. 0DTU0ZZ).", dto.At(nameof(ProcedureDto.PcsProcedures)));
                continue;
            }

            if (result.Contains(normalised))
            {
                errors.Add(DataErrorIds.DuplicateItem, $"ICD-10-PCS code {normalised} is given twice in pcs_procedures.", dto.At(nameof(ProcedureDto.PcsProcedures)));
                continue;
            }

            result.Add(normalised);
        }

        return result;
    }

    /// <summary>The trial's per-drug designations (each drug once) and its research-only items (biopsies only, for now).</summary>
    public (List<KeyValuePair<string, TrialDesignation>> Drugs, List<LineCategory> ResearchOnly) Trial(TrialDto dto)
    {
        var drugs = new List<KeyValuePair<string, TrialDesignation>>();
        foreach (TrialDrugDto drug in dto.Drugs)
        {
            string name = drug.Name.Trim();
            if (name.Length == 0)
            {
                errors.Add(DataErrorIds.InvalidValue, "A trial drug needs a name.", drug.At(nameof(TrialDrugDto.Name)));
            }
            else if (drugs.Any(d => string.Equals(d.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(DataErrorIds.DuplicateItem, $"Drug '{IntraperitonealCoding.Documents.Shown.Text(name)}' is designated twice in the trial block.", drug.At(nameof(TrialDrugDto.Name)));
            }
            else
            {
                drugs.Add(new KeyValuePair<string, TrialDesignation>(name, drug.Designation));
            }
        }

        var researchOnly = new List<LineCategory>();
        foreach (LineCategory item in dto.ResearchOnly)
        {
            if (item != LineCategory.Biopsies)
            {
                errors.Add(DataErrorIds.InvalidValue, $"research_only can name biopsies (the PIPAC biopsies taken for the study); '{WireNames.Of(item)}' is a billed item: designate it with sponsor_pays instead.", dto.At(nameof(TrialDto.ResearchOnly)));
            }
            else if (!researchOnly.Contains(item))
            {
                researchOnly.Add(item);
            }
        }

        return (drugs, researchOnly);
    }
}
