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

        // A discharge date on another claim is an error above, so no case is built with it.
        return new ClaimDetails(dto.DischargeDate, dto.AbnOnFile, dto.SurgeonRole);
    }

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
