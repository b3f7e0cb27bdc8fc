using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Coding.Documents;
using Coding.Infrastructure;
using Coding.Output;
using Coding.Quantities;

namespace Coding.Cases.Reading;

/// <summary>
/// Reads case files (YAML or JSON, snake_case keys). Strict: an unknown key, a wrong type or an impossible value
/// (negative duration, temperature below absolute zero, PCI above 39) is an error with its line and column, and all
/// errors in a file are reported together. Reading never throws for bad content.
/// </summary>
/// <remarks>Thread-safe: it keeps no state.</remarks>
public static class CaseFile
{
    /// <summary>Reads a case file; the format follows the extension (<c>.json</c> is JSON, anything else YAML).</summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <returns>The case, or the errors that kept it from being read (a missing or unreadable file is one such error).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static CaseReadResult Read(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new CaseReadResult(path, null, new[] { new DataError(DataErrorIds.Unreadable, "Cannot read the file: " + ex.Message, path, 0, 0) });
        }

        return Parse(text, path, DocumentReader.FormatOf(path));
    }

    /// <summary>Reads a case from text.</summary>
    /// <param name="text">The case file's content.</param>
    /// <param name="sourceName">The name to report errors under (a file name, or e.g. <c>batch.jsonl:17</c>).</param>
    /// <param name="format">The syntax of <paramref name="text"/>.</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="sourceName"/> is null.</exception>
    public static CaseReadResult Parse(string text, string sourceName, DocumentFormat format)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        var sink = new DataErrorSink(sourceName);
        DataNode? root = DocumentReader.Read(text, format, sink);
        CaseDto? dto = root is null ? null : StrictMapper.Map<CaseDto>(root, sink);
        CodingCase? codingCase = dto is null ? null : new CaseBuilder(sink).Build(dto);
        return new CaseReadResult(sourceName, codingCase, sink.Errors);
    }

    /// <summary>Turns a mapped case DTO into a <see cref="CodingCase"/>, reporting impossible values with their position.</summary>
    private sealed class CaseBuilder
    {
        private static readonly string[] HipecOnly = { "PrimaryProcedures", "SeparateIncisions", "PerfusionMinutes" };
        private static readonly string[] PipacOnly = { "Cycle", "ExposureMinutes", "CapnoperitoneumMmhg", "Biopsies", "AscitesDrainedMl", "Pci" };
        private readonly DataErrorSink errors;

        public CaseBuilder(DataErrorSink errors) => this.errors = errors;

        public CodingCase? Build(CaseDto dto)
        {
            BodySurfaceArea? bsa = null;
            if (dto.Patient?.BodySurfaceAreaM2 is { } area)
            {
                bsa = Check(area > 0, dto.Patient, nameof(PatientDto.BodySurfaceAreaM2), "A body surface area must be greater than 0 m².") ? BodySurfaceArea.FromSquareMetres(area) : null;
            }

            IntraperitonealProcedure? procedure = dto.Procedure is null ? null : BuildProcedure(dto.Procedure);
            ClinicalTrial? trial = dto.Trial is null ? null : new ClinicalTrial(dto.Trial.Nct, dto.Trial.Qualifying, dto.Trial.Ide, dto.Trial.Investigational, dto.Trial.SponsorPays);
            if (string.IsNullOrWhiteSpace(dto.CaseId) && dto.Has(nameof(CaseDto.CaseId)))
            {
                errors.Add(DataErrorIds.InvalidValue, "case_id cannot be blank.", dto.At(nameof(CaseDto.CaseId)));
            }

            string? place = PlaceOfService(dto);
            if (errors.HasErrors || procedure is null)
            {
                return null;
            }

            return new CodingCase(dto.CaseId, dto.DateOfService, dto.Claim, dto.Payer, bsa, dto.Diagnoses, procedure, trial, place);
        }

        /// <summary>The place of service: two digits, and only on a professional claim (a facility claim's type of bill says it).</summary>
        private string? PlaceOfService(CaseDto dto)
        {
            if (dto.PlaceOfService is not { } place)
            {
                return null;
            }

            if (!Rules.Tables.TableBuilder.PlaceOfService.IsMatch(place))
            {
                errors.Add(DataErrorIds.InvalidValue, $"place_of_service '{place}' is not a place-of-service code (two digits, e.g. 22 for on-campus outpatient hospital).", dto.At(nameof(CaseDto.PlaceOfService)));
                return null;
            }

            if (dto.Claim != ClaimType.Professional)
            {
                errors.Add(DataErrorIds.ConflictingKeys, "place_of_service belongs on a professional claim only; a facility claim's setting follows from its claim type.", dto.At(nameof(CaseDto.PlaceOfService)));
                return null;
            }

            return place;
        }

        private IntraperitonealProcedure? BuildProcedure(ProcedureDto dto)
        {
            bool hipec = dto.Kind == ProcedureKind.Hipec;
            foreach (string property in hipec ? PipacOnly : HipecOnly)
            {
                if (dto.Has(property))
                {
                    errors.Add(DataErrorIds.UnknownKey, $"'{WireNames.ToSnakeCase(property)}' belongs to a {(hipec ? "PIPAC" : "HIPEC")} procedure; this one is {(hipec ? "hipec" : "pipac")}.", dto.At(property));
                }
            }

            TemperatureRange? temperature = dto.TemperatureC is null ? null : BuildTemperature(dto.TemperatureC);
            var drugs = dto.Drugs.Select(BuildDrug).ToList();

            // Check the procedure's own values even when a drug failed, so every problem is reported at once.
            IntraperitonealProcedure? procedure = hipec ? BuildHipec(dto, temperature, drugs!) : BuildPipac(dto, temperature, drugs!);
            return drugs.Any(d => d is null) ? null : procedure;
        }

        private HipecProcedure? BuildHipec(ProcedureDto dto, TemperatureRange? temperature, List<DrugAdministration> drugs)
        {
            bool ok = Require(dto, nameof(ProcedureDto.Approach), dto.Approach.HasValue)
                & Require(dto, nameof(ProcedureDto.PerfusionMinutes), dto.PerfusionMinutes.HasValue)
                & Check(dto.PerfusionMinutes is null or >= 0, dto, nameof(ProcedureDto.PerfusionMinutes), "A perfusion time cannot be negative.")
                & Check(dto.SeparateIncisions is null or >= 0, dto, nameof(ProcedureDto.SeparateIncisions), "The number of separate incisions cannot be negative.");
            if (!ok || errors.HasErrors)
            {
                return null;
            }

            return new HipecProcedure(dto.Approach!.Value, dto.PrimaryProcedures, dto.SeparateIncisions ?? 0, temperature, Duration.FromMinutes((double)dto.PerfusionMinutes!.Value), drugs);
        }

        private PipacProcedure? BuildPipac(ProcedureDto dto, TemperatureRange? temperature, List<DrugAdministration> drugs)
        {
            bool ok = Require(dto, nameof(ProcedureDto.ExposureMinutes), dto.ExposureMinutes.HasValue)
                & Require(dto, nameof(ProcedureDto.Cycle), dto.Cycle.HasValue)
                & Check(dto.ExposureMinutes is null or >= 0, dto, nameof(ProcedureDto.ExposureMinutes), "An exposure time cannot be negative.")
                & Check(dto.Cycle is null or >= 1, dto, nameof(ProcedureDto.Cycle), "Cycles are numbered from 1.")
                & Check(dto.CapnoperitoneumMmhg is null or >= 0, dto, nameof(ProcedureDto.CapnoperitoneumMmhg), "A pressure cannot be negative.")
                & Check(dto.Biopsies is null or >= 0, dto, nameof(ProcedureDto.Biopsies), "The number of biopsies cannot be negative.")
                & Check(dto.AscitesDrainedMl is null or >= 0, dto, nameof(ProcedureDto.AscitesDrainedMl), "A drained volume cannot be negative.")
                & Check(dto.Pci is null or (>= 0 and <= PipacProcedure.MaxPci), dto, nameof(ProcedureDto.Pci), "The peritoneal cancer index runs from 0 to 39.");
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
                drugs);
        }

        private TemperatureRange? BuildTemperature(TemperatureDto dto)
        {
            bool ok = Check(dto.Min >= Temperature.AbsoluteZeroCelsius, dto, nameof(TemperatureDto.Min), "A temperature cannot be below absolute zero (-273.15 °C).")
                & Check(dto.Max >= Temperature.AbsoluteZeroCelsius, dto, nameof(TemperatureDto.Max), "A temperature cannot be below absolute zero (-273.15 °C).");
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
                errors.Add(DataErrorIds.MissingKey, $"Drug '{dto.Name}' needs a dose: dose_mg or dose_mg_per_m2.", dto.Start);
                ok = false;
            }

            ok &= Check(dto.DoseMg is null or >= 0, dto, nameof(DrugDto.DoseMg), "A dose cannot be negative.")
                & Check(dto.DoseMgPerM2 is null or >= 0, dto, nameof(DrugDto.DoseMgPerM2), "A dose cannot be negative.")
                & Check(dto.OpenedMg is null or >= 0, dto, nameof(DrugDto.OpenedMg), "An opened amount cannot be negative.")
                & Check(!string.IsNullOrWhiteSpace(dto.Name) || !dto.Has(nameof(DrugDto.Name)), dto, nameof(DrugDto.Name), "A drug needs a name.");
            if (!ok || string.IsNullOrWhiteSpace(dto.Name))
            {
                return null;
            }

            Dose dose = dto.DoseMg is { } mg ? Dose.FromMilligrams(mg) : Dose.FromMilligramsPerSquareMetre(dto.DoseMgPerM2!.Value);
            return new DrugAdministration(dto.Name, dose, dto.OpenedMg, dto.SuppliedBySponsor, dto.Vial);
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

        private bool Check(bool condition, LocatedDto dto, string property, string message)
        {
            if (!condition)
            {
                errors.Add(DataErrorIds.ImpossibleValue, message, dto.At(property));
            }

            return condition;
        }
    }
}
