using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Cases.Reading;

/// <summary>
/// Turns a mapped case DTO into a <see cref="CodingCase"/>, reporting impossible values (CASE001) and values beyond the
/// reader's accepted ranges (CASE003, <see cref="CaseValueLimits"/>) with their position, so that no value that
/// reaches the value types or the coders can make their arithmetic overflow.
/// </summary>
internal sealed class CaseBuilder
{
    private static readonly string[] HipecOnly = { "PrimaryProcedures", "SeparateIncisions", "PerfusionMinutes", "TumorLengthSumCm" };
    private static readonly string[] PipacOnly = { "Cycle", "ExposureMinutes", "CapnoperitoneumMmhg", "Biopsies", "AscitesDrainedMl", "Pci" };
    private static readonly string[] OwnTrialKeys = { nameof(TrialDto.Nct), nameof(TrialDto.Qualifying), nameof(TrialDto.Ide), nameof(TrialDto.Investigational), nameof(TrialDto.SponsorPays), nameof(TrialDto.Drugs), nameof(TrialDto.ResearchOnly) };
    private readonly DataErrorSink errors;
    private readonly IntraperitonealCoding.Research.StudyCatalogue studies;

    public CaseBuilder(DataErrorSink errors, IntraperitonealCoding.Research.StudyCatalogue? studies = null)
    {
        this.errors = errors;
        this.studies = studies ?? IntraperitonealCoding.Research.StudyCatalogue.Empty;
    }

    public CodingCase? Build(CaseDto dto)
    {
        BodySurfaceArea? bsa = null;
        if (dto.Patient?.BodySurfaceAreaM2 is { } area)
        {
            bool ok = Check(area > 0, dto.Patient, nameof(PatientDto.BodySurfaceAreaM2), "A body surface area must be greater than 0 m².")
                && AtMost(area, CaseValueLimits.MaxBodySurfaceArea, "m²", dto.Patient, nameof(PatientDto.BodySurfaceAreaM2));
            bsa = ok ? BodySurfaceArea.FromSquareMetres(area) : null;
        }

        CheckText(dto.CaseId, dto, nameof(CaseDto.CaseId));
        CheckCount(dto.Diagnoses.Count, CaseValueLimits.MaxDiagnoses, "diagnoses", dto, nameof(CaseDto.Diagnoses));
        foreach (DiagnosisDto diagnosis in dto.Diagnoses)
        {
            CheckText(diagnosis.Code, diagnosis, nameof(DiagnosisDto.Code));
        }

        IntraperitonealProcedure? procedure = dto.Procedure is null ? null : BuildProcedure(dto.Procedure, dto.Claim);
        ClinicalTrial? trial = dto.Trial is null ? null : BuildTrial(dto.Trial, dto.Payer);
        if (string.IsNullOrWhiteSpace(dto.CaseId) && dto.Has(nameof(CaseDto.CaseId)))
        {
            errors.Add(DataErrorIds.InvalidValue, "case_id cannot be blank.", dto.At(nameof(CaseDto.CaseId)));
        }

        string? place = PlaceOfService(dto);
        ClaimDetails details = new ClaimDetailsReader(errors).Details(dto);
        if (errors.HasErrors || procedure is null)
        {
            return null;
        }

        return new CodingCase(dto.CaseId, dto.DateOfService, dto.Claim, dto.Payer, bsa, dto.Diagnoses.Select(d => d.Code), procedure, trial, place, details);
    }

    /// <summary>The place of service: two digits, and only on a professional claim (a facility claim's type of bill says it).</summary>
    private string? PlaceOfService(CaseDto dto)
    {
        if (dto.PlaceOfService is not { } place)
        {
            return null;
        }

        if (!CodingCase.IsPlaceOfService(place))
        {
            errors.Add(DataErrorIds.InvalidValue, $"place_of_service '{Shown.Text(place)}' is not a place-of-service code (two digits, e.g. 22 for on-campus outpatient hospital).", dto.At(nameof(CaseDto.PlaceOfService)));
            return null;
        }

        if (dto.Claim != ClaimType.Professional)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "place_of_service belongs on a professional claim only; a facility claim's setting follows from its claim type.", dto.At(nameof(CaseDto.PlaceOfService)));
            return null;
        }

        return place;
    }

    private ClinicalTrial? BuildTrial(TrialDto dto, PayerType payer)
    {
        CheckText(dto.Subject, dto, nameof(TrialDto.Subject));
        string? subject = string.IsNullOrWhiteSpace(dto.Subject) ? null : dto.Subject!.Trim();
        if (dto.Study is not null)
        {
            return StudyTrial(dto, payer, subject);
        }

        bool complete = RequireInTrial(dto, nameof(TrialDto.Nct), dto.Nct is not null) & RequireInTrial(dto, nameof(TrialDto.Qualifying), dto.Qualifying.HasValue);
        CheckText(dto.Nct, dto, nameof(TrialDto.Nct));
        CheckText(dto.Ide, dto, nameof(TrialDto.Ide));
        CheckDistinct(dto.Investigational, dto, nameof(TrialDto.Investigational));
        CheckDistinct(dto.SponsorPays, dto, nameof(TrialDto.SponsorPays));
        var (drugs, researchOnly) = new ClaimDetailsReader(errors).Trial(dto);
        return complete ? new ClinicalTrial(dto.Nct!, dto.Qualifying!.Value, dto.Ide, dto.Investigational, dto.SponsorPays, drugs, researchOnly).WithSubject(subject) : null;
    }

    /// <summary>A trial block naming its study: the study gives everything but the subject, so the case's own lists are refused.</summary>
    private ClinicalTrial? StudyTrial(TrialDto dto, PayerType payer, string? subject)
    {
        bool ok = CheckText(dto.Study, dto, nameof(TrialDto.Study));
        foreach (string key in OwnTrialKeys.Where(dto.Has))
        {
            errors.Add(DataErrorIds.ConflictingKeys, $"The trial names its study, whose coverage analysis gives the designations, qualifying status and IDE; remove '{WireNames.ToSnakeCase(key)}' (or remove 'study' and give the trial's own lists).", dto.At(key));
            ok = false;
        }

        IntraperitonealCoding.Research.Study? study = ok ? studies.Find(dto.Study!) : null;
        if (ok && study is null)
        {
            string known = studies.Studies.Count == 0
                ? "no study catalog was given (console: --studies DIR; library: CaseFile.Read with a StudyCatalogue)"
                : "the catalog" + (studies.Origin.Length == 0 ? string.Empty : " in " + studies.Origin) + " holds " + string.Join(", ", studies.Studies.Select(s => s.Nct));
            errors.Add(DataErrorIds.StudyUnknown, $"Study '{Shown.Text(dto.Study!)}' is not in the study catalog: {known}.", dto.At(nameof(TrialDto.Study)));
        }

        return study is null ? null : new ClinicalTrial(study, payer).WithSubject(subject);
    }

    private IntraperitonealProcedure? BuildProcedure(ProcedureDto dto, ClaimType claim)
    {
        List<string>? pcs = new ClaimDetailsReader(errors).PcsProcedures(dto, claim);
        bool hipec = dto.Kind == ProcedureKind.Hipec;
        foreach (string property in hipec ? PipacOnly : HipecOnly)
        {
            if (dto.Has(property))
            {
                errors.Add(DataErrorIds.UnknownKey, $"'{WireNames.ToSnakeCase(property)}' belongs to a {(hipec ? "PIPAC" : "HIPEC")} procedure; this one is {(hipec ? "hipec" : "pipac")}.", dto.At(property));
            }
        }

        CheckCount(dto.Drugs.Count, CaseValueLimits.MaxDrugs, "drugs", dto, nameof(ProcedureDto.Drugs));
        CheckCount(dto.PrimaryProcedures?.Count ?? 0, CaseValueLimits.MaxCount, "primary procedures", dto, nameof(ProcedureDto.PrimaryProcedures));
        foreach (string code in dto.PrimaryProcedures ?? new List<string>())
        {
            CheckText(code, dto, nameof(ProcedureDto.PrimaryProcedures));
        }

        TemperatureRange? temperature = dto.TemperatureC is null ? null : BuildTemperature(dto.TemperatureC);
        var drugs = dto.Drugs.Select(BuildDrug).ToList();

        // Check the procedure's own values even when a drug failed, so every problem is reported at once.
        IntraperitonealProcedure? procedure = hipec ? BuildHipec(dto, temperature, drugs!, pcs) : BuildPipac(dto, temperature, drugs!, pcs);
        return drugs.Any(d => d is null) ? null : procedure;
    }

    private HipecProcedure? BuildHipec(ProcedureDto dto, TemperatureRange? temperature, List<DrugAdministration> drugs, List<string>? pcs)
    {
        bool ok = Require(dto, nameof(ProcedureDto.Approach), dto.Approach.HasValue)
            & Require(dto, nameof(ProcedureDto.PerfusionMinutes), dto.PerfusionMinutes.HasValue)
            & Check(dto.PerfusionMinutes is null or >= 0, dto, nameof(ProcedureDto.PerfusionMinutes), "A perfusion time cannot be negative.")
            & Check(dto.SeparateIncisions is null or >= 0, dto, nameof(ProcedureDto.SeparateIncisions), "The number of separate incisions cannot be negative.")
            & AtMost(dto.PerfusionMinutes, CaseValueLimits.MaxMinutes, "minutes", dto, nameof(ProcedureDto.PerfusionMinutes))
            & AtMost(dto.SeparateIncisions, CaseValueLimits.MaxCount, "incisions", dto, nameof(ProcedureDto.SeparateIncisions))
            & Check(dto.TumorLengthSumCm is null or > 0, dto, nameof(ProcedureDto.TumorLengthSumCm), "The sum of the tumor lengths must be greater than 0 cm; leave it out when no tumor was excised or it was not measured.")
            & AtMost(dto.TumorLengthSumCm, Length.MaxCentimetres, "cm", dto, nameof(ProcedureDto.TumorLengthSumCm))
            & Check(dto.TumorLengthSumCm is not { } cm || decimal.Round(cm, 1) == cm, dto, nameof(ProcedureDto.TumorLengthSumCm), "Give the sum of the tumor lengths to 0.1 cm (for example 12.5): CPT's bands meet at tenths (5.0 and 5.1 cm), so a finer value has no code.");
        if (!ok || errors.HasErrors)
        {
            return null;
        }

        Length? tumorLength = dto.TumorLengthSumCm is { } length ? Length.FromCentimetres(length) : null;
        return new HipecProcedure(dto.Approach!.Value, dto.PrimaryProcedures, dto.SeparateIncisions ?? 0, temperature, Duration.FromMinutes((double)dto.PerfusionMinutes!.Value), drugs, pcs, tumorLength);
    }

    private PipacProcedure? BuildPipac(ProcedureDto dto, TemperatureRange? temperature, List<DrugAdministration> drugs, List<string>? pcs)
    {
        bool ok = Require(dto, nameof(ProcedureDto.ExposureMinutes), dto.ExposureMinutes.HasValue)
            & Require(dto, nameof(ProcedureDto.Cycle), dto.Cycle.HasValue)
            & Check(dto.ExposureMinutes is null or >= 0, dto, nameof(ProcedureDto.ExposureMinutes), "An exposure time cannot be negative.")
            & Check(dto.Cycle is null or >= 1, dto, nameof(ProcedureDto.Cycle), "Cycles are numbered from 1.")
            & Check(dto.CapnoperitoneumMmhg is null or >= 0, dto, nameof(ProcedureDto.CapnoperitoneumMmhg), "A pressure cannot be negative.")
            & Check(dto.Biopsies is null or >= 0, dto, nameof(ProcedureDto.Biopsies), "The number of biopsies cannot be negative.")
            & Check(dto.AscitesDrainedMl is null or >= 0, dto, nameof(ProcedureDto.AscitesDrainedMl), "A drained volume cannot be negative.")
            & Check(dto.Pci is null or (>= 0 and <= PipacProcedure.MaxPci), dto, nameof(ProcedureDto.Pci), "The peritoneal cancer index runs from 0 to 39.")
            & AtMost(dto.ExposureMinutes, CaseValueLimits.MaxMinutes, "minutes", dto, nameof(ProcedureDto.ExposureMinutes))
            & AtMost(dto.Cycle, CaseValueLimits.MaxCount, "cycles", dto, nameof(ProcedureDto.Cycle))
            & AtMost(dto.CapnoperitoneumMmhg, CaseValueLimits.MaxPressureMmHg, "mmHg", dto, nameof(ProcedureDto.CapnoperitoneumMmhg))
            & AtMost(dto.Biopsies, CaseValueLimits.MaxCount, "biopsies", dto, nameof(ProcedureDto.Biopsies))
            & AtMost(dto.AscitesDrainedMl, CaseValueLimits.MaxMillilitres, "ml", dto, nameof(ProcedureDto.AscitesDrainedMl));
        if (!ok || errors.HasErrors)
        {
            return null;
        }

        return new PipacProcedure(
            dto.Approach ?? SurgicalApproach.Laparoscopic,
            dto.Cycle!.Value,
            Duration.FromMinutes((double)dto.ExposureMinutes!.Value),
            dto.CapnoperitoneumMmhg is { } mmHg ? Pressure.FromMillimetresOfMercury(mmHg) : null,
            temperature,
            dto.Biopsies ?? 0,
            dto.AscitesDrainedMl,
            dto.Pci,
            drugs,
            pcs);
    }

    private TemperatureRange? BuildTemperature(TemperatureDto dto)
    {
        bool ok = Check(dto.Min >= Temperature.AbsoluteZeroCelsius, dto, nameof(TemperatureDto.Min), "A temperature cannot be below absolute zero (-273.15 °C).")
            & Check(dto.Max >= Temperature.AbsoluteZeroCelsius, dto, nameof(TemperatureDto.Max), "A temperature cannot be below absolute zero (-273.15 °C).")
            & AtMost(dto.Min, CaseValueLimits.MaxCelsius, "°C", dto, nameof(TemperatureDto.Min))
            & AtMost(dto.Max, CaseValueLimits.MaxCelsius, "°C", dto, nameof(TemperatureDto.Max));
        if (ok && dto.Min > dto.Max)
        {
            errors.Add(DataErrorIds.ImpossibleValue, string.Format(CultureInfo.InvariantCulture, "The lowest temperature ({0} °C) is above the highest ({1} °C).", dto.Min, dto.Max), dto.At(nameof(TemperatureDto.Max)));
            ok = false;
        }

        return ok ? TemperatureRange.FromCelsius(dto.Min, dto.Max) : null;
    }

    private DrugAdministration? BuildDrug(DrugDto dto)
    {
        bool ok = true;
        if (dto.DoseMg.HasValue && dto.DoseMgPerM2.HasValue)
        {
            errors.Add(DataErrorIds.ConflictingKeys, "Give the dose once: dose_mg or dose_mg_per_m2, not both.", dto.At(nameof(DrugDto.DoseMgPerM2)));
            ok = false;
        }
        else if (!dto.DoseMg.HasValue && !dto.DoseMgPerM2.HasValue)
        {
            // A dose given but not read (1e308, 'abc') has its own error already; "needs a dose" would be a spurious first one.
            if (!dto.Has(nameof(DrugDto.DoseMg)) && !dto.Has(nameof(DrugDto.DoseMgPerM2)))
            {
                errors.Add(DataErrorIds.MissingKey, $"Drug '{Shown.Text(dto.Name)}' needs a dose: dose_mg or dose_mg_per_m2.", dto.Start);
            }

            ok = false;
        }

        ok &= Check(dto.DoseMg is null or >= 0, dto, nameof(DrugDto.DoseMg), "A dose cannot be negative.")
            & Check(dto.DoseMgPerM2 is null or >= 0, dto, nameof(DrugDto.DoseMgPerM2), "A dose cannot be negative.")
            & Check(dto.OpenedMg is null or >= 0, dto, nameof(DrugDto.OpenedMg), "An opened amount cannot be negative.")
            & Check(!string.IsNullOrWhiteSpace(dto.Name) || !dto.Has(nameof(DrugDto.Name)), dto, nameof(DrugDto.Name), "A drug needs a name.")
            & AtMost(dto.DoseMg, CaseValueLimits.MaxMilligrams, "mg", dto, nameof(DrugDto.DoseMg))
            & AtMost(dto.DoseMgPerM2, CaseValueLimits.MaxMilligrams, "mg/m²", dto, nameof(DrugDto.DoseMgPerM2))
            & AtMost(dto.OpenedMg, CaseValueLimits.MaxMilligrams, "mg", dto, nameof(DrugDto.OpenedMg))
            & CheckText(dto.Name, dto, nameof(DrugDto.Name));
        DrugNdc? ndc = dto.Ndc is null ? null : BuildNdc(dto.Ndc);
        if (!ok || string.IsNullOrWhiteSpace(dto.Name) || (dto.Ndc is not null && ndc is null))
        {
            return null;
        }

        Dose dose = dto.DoseMg is { } mg ? Dose.FromMilligrams(mg) : Dose.FromMilligramsPerSquareMetre(dto.DoseMgPerM2!.Value);
        return new DrugAdministration(dto.Name, dose, dto.OpenedMg, dto.SuppliedBySponsor, dto.Vial, ndc);
    }

    /// <summary>The NDC of a drug: a well-formed code (10-digit forms normalised to 11) and positive quantities.</summary>
    private DrugNdc? BuildNdc(NdcDto dto)
    {
        string? quantity = dto.Quantity is { } given ? DrugNdc.QuantityProblem(given) : null;
        string? discarded = dto.DiscardedQuantity is { } thrownAway ? DrugNdc.QuantityProblem(thrownAway) : null;
        bool ok = Check(quantity is null, dto, nameof(NdcDto.Quantity), quantity!)
            & Check(discarded is null, dto, nameof(NdcDto.DiscardedQuantity), discarded!)
            & AtMost(dto.Quantity, CaseValueLimits.MaxMilligrams, WireNames.Of(dto.Unit), dto, nameof(NdcDto.Quantity))
            & AtMost(dto.DiscardedQuantity, CaseValueLimits.MaxMilligrams, WireNames.Of(dto.Unit), dto, nameof(NdcDto.DiscardedQuantity))
            & CheckText(dto.Code, dto, nameof(NdcDto.Code));
        if (!NationalDrugCode.TryParse(dto.Code, out NationalDrugCode code, out string? problem))
        {
            if (dto.Has(nameof(NdcDto.Code)))
            {
                errors.Add(DataErrorIds.InvalidValue, problem ?? "Not an NDC.", dto.At(nameof(NdcDto.Code)));
            }

            return null;
        }

        return ok ? new DrugNdc(code, dto.Unit, dto.Quantity, dto.DiscardedQuantity) : null;
    }

    private bool Require(LocatedDto dto, string property, bool present)
    {
        // A key that is present but failed to map already has its own error.
        if (!present && !dto.Has(property))
        {
            errors.Add(DataErrorIds.MissingKey, $"Missing required key '{WireNames.ToSnakeCase(property)}' for this procedure.", dto.Start);
        }

        return present;
    }

    private bool RequireInTrial(TrialDto dto, string property, bool present)
    {
        if (!present && !dto.Has(property))
        {
            errors.Add(DataErrorIds.MissingKey, $"Missing required key '{WireNames.ToSnakeCase(property)}' (or name the trial's study instead: study: NCT…).", dto.Start);
        }

        return present;
    }

    private bool Check(bool condition, LocatedDto dto, string property, string message)
    {
        if (!condition)
        {
            errors.Add(DataErrorIds.ImpossibleValue, message, dto.At(property));
        }

        return condition;
    }

    private bool AtMost<T>(T? value, T max, string unit, LocatedDto dto, string property)
        where T : struct, IComparable<T>
    {
        if (value is { } v && v.CompareTo(max) > 0)
        {
            errors.Add(
                DataErrorIds.ImplausibleValue,
                string.Format(CultureInfo.InvariantCulture, "{0} is {1} {2}, beyond the {3} {2} the reader accepts; check the value and its unit.", WireNames.ToSnakeCase(property), v, unit, max),
                dto.At(property));
            return false;
        }

        return true;
    }

    private bool AtMost<T>(T value, T max, string unit, LocatedDto dto, string property)
        where T : struct, IComparable<T>
        => AtMost((T?)value, max, unit, dto, property);

    private bool CheckText(string? text, LocatedDto dto, string property)
    {
        if (text is not null && text.Length > CaseValueLimits.MaxTextLength)
        {
            errors.Add(DataErrorIds.ImplausibleValue, string.Format(CultureInfo.InvariantCulture, "{0} is {1} characters long, beyond the {2} the reader accepts.", WireNames.ToSnakeCase(property), text.Length, CaseValueLimits.MaxTextLength), dto.At(property));
            return false;
        }

        return true;
    }

    private void CheckCount(int count, int max, string what, LocatedDto dto, string property)
    {
        if (count > max)
        {
            errors.Add(DataErrorIds.ImplausibleValue, string.Format(CultureInfo.InvariantCulture, "{0} {1} given, beyond the {2} the reader accepts.", count, what, max), dto.At(property));
        }
    }

    private void CheckDistinct(List<LineCategory> categories, LocatedDto dto, string property)
    {
        var seen = new HashSet<LineCategory>();
        foreach (LineCategory category in categories)
        {
            if (!seen.Add(category))
            {
                errors.Add(DataErrorIds.DuplicateItem, $"'{WireNames.Of(category)}' is listed twice in {WireNames.ToSnakeCase(property)}.", dto.At(property));
            }
        }
    }
}
