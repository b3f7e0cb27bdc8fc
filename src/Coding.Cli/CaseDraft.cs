using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A case file being written by <c>coding new</c>: each value as the user typed it (or the template gave it), in the
/// case file's own keys. It judges nothing itself: <see cref="Check"/> writes it out as YAML and reads it back with the
/// case reader, so every answer meets the reader's own rules and messages.
/// </summary>
internal sealed record CaseDraft
{
    /// <summary>The name the reader reports a draft's problems under.</summary>
    public const string SourceName = "new case";

    public required ProcedureKind Kind { get; init; }

    public required string CaseId { get; init; }

    public required string DateOfService { get; init; }

    public required string Claim { get; init; }

    public required string Payer { get; init; }

    public string? PlaceOfService { get; init; }

    public string? DischargeDate { get; init; }

    /// <summary>Gets the admission date of an inpatient stay; <see langword="null"/> leaves the key out.</summary>
    public string? AdmissionDate { get; init; }

    /// <summary>Gets the admitting diagnosis of an inpatient stay; <see langword="null"/> leaves the key out.</summary>
    public string? AdmittingDiagnosis { get; init; }

    /// <summary>Gets the present-on-admission indicator of each diagnosis that has one (inpatient), by code.</summary>
    public IReadOnlyDictionary<string, string> Poa { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the billing system's patient control number; <see langword="null"/> leaves the key out (the case id serves).</summary>
    public string? PatientControlNumber { get; init; }

    /// <summary>Gets the words of an unlisted code; <see langword="null"/> leaves the key out.</summary>
    public string? UnlistedDescription { get; init; }

    public string? BodySurfaceArea { get; init; }

    public IReadOnlyList<string> Diagnoses { get; init; } = Array.Empty<string>();

    public string? Approach { get; init; }

    /// <summary>Gets the CPT codes of the surgery (HIPEC); <see langword="null"/> leaves the key out.</summary>
    public IReadOnlyList<string>? PrimaryProcedures { get; init; }

    /// <summary>Gets the ICD-10-PCS codes of an inpatient claim; <see langword="null"/> leaves the key out.</summary>
    public IReadOnlyList<string>? PcsProcedures { get; init; }

    public string? SeparateIncisions { get; init; }

    /// <summary>Gets the sum of the maximum tumor lengths in cm (HIPEC with a tumor-excision code); <see langword="null"/> leaves the key out.</summary>
    public string? TumorLengthSumCm { get; init; }

    public string? PerfusionMinutes { get; init; }

    public string? Cycle { get; init; }

    public string? ExposureMinutes { get; init; }

    public string? CapnoperitoneumMmhg { get; init; }

    public string? Biopsies { get; init; }

    public string? AscitesDrainedMl { get; init; }

    public string? Pci { get; init; }

    public TemperatureDraft? Temperature { get; init; }

    public IReadOnlyList<DrugDraft> Drugs { get; init; } = Array.Empty<DrugDraft>();

    public TrialDraft? Trial { get; init; }

    /// <summary>Reads the draft back as the case reader reads a file.</summary>
    public CaseReadResult Read(StudyCatalogue studies)
        => CaseFile.Parse(CaseYaml.Write(this, CaseYamlStyle.File), SourceName, DocumentFormat.Yaml, ReadLimits.Default, studies);

    /// <summary>The reader's errors for the draft, each as <c>ID: message</c> (the line is of the draft, not of anything the user sees); empty when it reads clean.</summary>
    public IReadOnlyList<string> Check(StudyCatalogue studies)
        => Read(studies).Errors.Select(e => e.Id + ": " + e.Message).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The draft with its last drug replaced.</summary>
    public CaseDraft WithLastDrug(Func<DrugDraft, DrugDraft> change)
        => this with { Drugs = Drugs.Take(Drugs.Count - 1).Append(change(Drugs[^1])).ToList() };
}

/// <summary>A temperature range as typed, in °C.</summary>
internal sealed record TemperatureDraft(string Min, string Max);

/// <summary>How a drug's dose is given.</summary>
internal enum DoseUnit
{
    /// <summary>mg per m² of body surface area (<c>dose_mg_per_m2</c>).</summary>
    MilligramsPerSquareMetre,

    /// <summary>mg (<c>dose_mg</c>).</summary>
    Milligrams,
}

/// <summary>A drug as typed; <paramref name="Ndc"/> when the payer needs the product's code.</summary>
internal sealed record DrugDraft(string Name, DoseUnit Unit, string Dose, string? OpenedMg = null, NdcDraft? Ndc = null);

/// <summary>A drug's National Drug Code as typed: the code, its unit (<c>UN</c>, <c>ML</c>, <c>MG</c>, …) and the quantities, when not worked out from the dose.</summary>
internal sealed record NdcDraft(string Code, string Unit, string? Quantity = null, string? DiscardedQuantity = null);

/// <summary>A trial block as typed: either the study (its file gives the rest) or the trial's own number and lists.</summary>
internal sealed record TrialDraft
{
    public string? Study { get; init; }

    public string? Subject { get; init; }

    public string? Nct { get; init; }

    public string? Qualifying { get; init; }

    public IReadOnlyList<string> Investigational { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> SponsorPays { get; init; } = Array.Empty<string>();
}
