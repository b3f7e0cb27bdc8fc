using System;
using System.Collections.Generic;
using IntraperitonealCoding.Documents;

// The case-file contract (snake_case keys, strict). Internal: callers get CodingCase, never these.
#pragma warning disable SA1402, CA1002, CA2227
namespace IntraperitonealCoding.Cases.Reading;

internal sealed class CaseDto : LocatedDto
{
    [RequiredKey] public string CaseId { get; set; } = "";
    [RequiredKey] public DateTime DateOfService { get; set; }
    [RequiredKey] public ClaimType Claim { get; set; }
    [RequiredKey] public PayerType Payer { get; set; }
    public PatientDto? Patient { get; set; }
    [RequiredKey] public List<DiagnosisDto> Diagnoses { get; set; } = new();
    public string? AdmittingDiagnosis { get; set; }
    public DateTime? AdmissionDate { get; set; }
    public string? PatientControlNumber { get; set; }
    [RequiredKey] public ProcedureDto? Procedure { get; set; }
    public TrialDto? Trial { get; set; }
    public string? PlaceOfService { get; set; }
    public DateTime? DischargeDate { get; set; }
    public bool? AbnOnFile { get; set; }
    public SurgeonRole? SurgeonRole { get; set; }
}

/// <summary>A diagnosis: a bare code (<c>C78.6</c>) or the code with its present-on-admission indicator.</summary>
[ScalarShorthand(nameof(Code))]
internal sealed class DiagnosisDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    public PoaIndicator? Poa { get; set; }
}

internal sealed class PatientDto : LocatedDto
{
    public decimal? BodySurfaceAreaM2 { get; set; }
}

internal sealed class ProcedureDto : LocatedDto
{
    [RequiredKey] public ProcedureKind Kind { get; set; }
    public SurgicalApproach? Approach { get; set; }
    public TemperatureDto? TemperatureC { get; set; }
    public List<DrugDto> Drugs { get; set; } = new();
    public List<string>? PcsProcedures { get; set; }
    public string? UnlistedDescription { get; set; }

    // HIPEC only.
    public List<string>? PrimaryProcedures { get; set; }
    public int? SeparateIncisions { get; set; }
    public decimal? PerfusionMinutes { get; set; }
    public decimal? TumorLengthSumCm { get; set; }

    // PIPAC only.
    public int? Cycle { get; set; }
    public decimal? ExposureMinutes { get; set; }
    public double? CapnoperitoneumMmhg { get; set; }
    public int? Biopsies { get; set; }
    public decimal? AscitesDrainedMl { get; set; }
    public int? Pci { get; set; }
}

internal sealed class TemperatureDto : LocatedDto
{
    [RequiredKey] public double Min { get; set; }
    [RequiredKey] public double Max { get; set; }
}

internal sealed class DrugDto : LocatedDto
{
    [RequiredKey] public string Name { get; set; } = "";
    public decimal? DoseMg { get; set; }
    public decimal? DoseMgPerM2 { get; set; }
    public decimal? OpenedMg { get; set; }
    public VialType? Vial { get; set; }
    public bool SuppliedBySponsor { get; set; }
    public NdcDto? Ndc { get; set; }
}

[MappingForm("{ code: 99999-0123-01, unit: ML, quantity: 20 } (the product's NDC; unit UN, ML, MG, GR or F2; quantity unless the unit is MG)")]
internal sealed class NdcDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public NdcUnit Unit { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? DiscardedQuantity { get; set; }
}

/// <summary>
/// A trial block: either <c>study</c> (the study catalogue gives everything else) or the case's own <c>nct</c>,
/// <c>qualifying</c> and lists, never both; the builder checks which keys go together.
/// </summary>
internal sealed class TrialDto : LocatedDto
{
    public string? Study { get; set; }
    public string? Subject { get; set; }
    public string? Nct { get; set; }
    public bool? Qualifying { get; set; }
    public string? Ide { get; set; }
    public List<LineCategory> Investigational { get; set; } = new();
    public List<LineCategory> SponsorPays { get; set; } = new();
    public List<TrialDrugDto> Drugs { get; set; } = new();
    public List<LineCategory> ResearchOnly { get; set; } = new();
}

internal sealed class TrialDrugDto : LocatedDto
{
    [RequiredKey] public string Name { get; set; } = "";
    [RequiredKey] public TrialDesignation Designation { get; set; }
}
