using System;
using System.Collections.Generic;
using IntraperitonealCoding.Documents;

// Internal DTOs, one per YAML shape. Keys are the snake_case form of the property names; the strict mapper rejects
// any other key. They carry positions (LocatedDto) and are turned into the public immutable model by RuleSetBuilder.
#pragma warning disable SA1402, CA1002, CA2227 // Small sibling DTOs live together; mutable lists are what the mapper fills.
namespace IntraperitonealCoding.Rules.Dto;

internal sealed class RuleSetManifestDto : LocatedDto
{
    [RequiredKey] public string Name { get; set; } = "";
    [RequiredKey] public string Version { get; set; } = "";
    public string? Description { get; set; }
    [RequiredKey] public DateTime CoversFrom { get; set; }
}

internal abstract class EffectiveDto : LocatedDto
{
    [RequiredKey] public DateTime EffectiveFrom { get; set; }
    public DateTime? EffectiveTo { get; set; }
}

/// <summary>A document rows cite by id: what it is, whether it was read and confirms them, and why not if not.</summary>
internal sealed class SourceDocumentDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Document { get; set; } = "";
    [RequiredKey] public bool Confirmed { get; set; }
    public string? Note { get; set; }
}

internal sealed class CodesFileDto : LocatedDto
{
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<CodeDto> Codes { get; set; } = new();
}

internal sealed class CodeDto : EffectiveDto
{
    [RequiredKey] public CodeSystem System { get; set; }
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Label { get; set; } = "";

    /// <summary>Open or laparoscopic, for surgical codes a case may give as its primary procedures.</summary>
    public SurgicalApproach? Approach { get; set; }

    /// <summary>An unlisted code: the claim must describe the service (837 SV101-7 / SV202-7).</summary>
    public bool Unlisted { get; set; }

    /// <summary>The codes that replace a deleted code (its effective_to is the last day it is valid).</summary>
    public List<string> ReplacedBy { get; set; } = new();

    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class NotesFileDto : LocatedDto
{
    [RequiredKey] public List<NoteDto> Notes { get; set; } = new();
}

internal sealed class NoteDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Text { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class RangeDto : LocatedDto
{
    [RequiredKey] public double Min { get; set; }
    [RequiredKey] public double Max { get; set; }
}

internal sealed class DecimalRangeDto : LocatedDto
{
    [RequiredKey] public decimal Min { get; set; }
    [RequiredKey] public decimal Max { get; set; }
}

internal sealed class HipecFileDto : LocatedDto
{
    [RequiredKey] public HipecTemperatureDto Temperature { get; set; } = new();
    [RequiredKey] public List<TimeCodingDto> TimeCoding { get; set; } = new();
    [RequiredKey] public string PrimarySurgeryRule { get; set; } = "";
    [RequiredKey] public string InpatientSurgeryNote { get; set; } = "";
    [RequiredKey] public CaseProceduresOrder InpatientCaseProcedures { get; set; }
    [RequiredKey] public List<LineRuleDto> Inpatient { get; set; } = new();

    /// <summary>Optional: without it, perfusion times are not checked for plausibility (beyond the reader's 24 hours).</summary>
    public HipecPerfusionDto? Perfusion { get; set; }

    /// <summary>The open tumor-excision codes chosen by the sum of the tumor lengths (CPT 2025 on), by period.</summary>
    public List<TumorExcisionDto> TumorExcision { get; set; } = new();
}

internal sealed class TumorExcisionDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public List<TumorBandDto> Bands { get; set; } = new();
    public List<string> Notes { get; set; } = new();
}

/// <summary>One band: the code for a sum of tumor lengths up to and including <c>up_to_cm</c> (none on the last, open band).</summary>
internal sealed class TumorBandDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    public decimal? UpToCm { get; set; }
}

internal sealed class HipecPerfusionDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public RangeDto PlausibleMinutes { get; set; } = new();
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class HipecTemperatureDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public RangeDto HyperthermicC { get; set; } = new();
    [RequiredKey] public RangeDto PlausibleC { get; set; } = new();
    [RequiredKey] public string Source { get; set; } = "";
}

internal enum TimeCodingMethod
{
    TimeUnits,
    Unlisted,
}

internal sealed class TimeCodingDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public TimeCodingMethod Method { get; set; }
    public TimeUnitDto? FirstUnit { get; set; }
    public TimeUnitDto? AdditionalUnit { get; set; }
    public string? UnlistedCode { get; set; }
    public List<string> Notes { get; set; } = new();
    public List<string> IncisionNotes { get; set; } = new();
}

internal sealed class TimeUnitDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public int Minutes { get; set; }
}

internal sealed class LineRuleDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public List<LineTemplateDto> Lines { get; set; } = new();
}

internal sealed class LineTemplateDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public LineCategory Category { get; set; }
    public LineCondition When { get; set; } = LineCondition.Always;
    public List<string> Notes { get; set; } = new();
}

/// <summary>Where the case's own PCS codes go among an inpatient claim's lines: the principal-procedure rule.</summary>
internal enum CaseProceduresOrder
{
    /// <summary>First: the case's first PCS code is the principal procedure (the definitive treatment).</summary>
    First,

    /// <summary>After the lines the rules produce.</summary>
    AfterRuleLines,
}

internal sealed class PipacFileDto : LocatedDto
{
    [RequiredKey] public CaseProceduresOrder InpatientCaseProcedures { get; set; }
    [RequiredKey] public string Policy { get; set; } = "";
    [RequiredKey] public PipacUsualDto Usual { get; set; } = new();
    [RequiredKey] public RangeDto PlausibleTemperatureC { get; set; } = new();
    [RequiredKey] public List<LineRuleDto> Policies { get; set; } = new();
    [RequiredKey] public List<LineRuleDto> Inpatient { get; set; } = new();
}

internal sealed class PipacUsualDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public RangeDto ExposureMinutes { get; set; } = new();
    [RequiredKey] public RangeDto CapnoperitoneumMmhg { get; set; } = new();
    [RequiredKey] public RangeDto TemperatureC { get; set; } = new();
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class DrugsFileDto : LocatedDto
{
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public DecimalRangeDto BodySurfaceAreaM2 { get; set; } = new();
    [RequiredKey] public WastageDto Wastage { get; set; } = new();
    public List<string> UnitsNotes { get; set; } = new();
    public List<string> SponsorSuppliedNotes { get; set; } = new();
    [RequiredKey] public string ProfessionalClaimNote { get; set; } = "";
    [RequiredKey] public InpatientDrugLinesDto Inpatient { get; set; } = new();
    [RequiredKey] public List<DrugDto> Drugs { get; set; } = new();
}

internal sealed class InpatientDrugLinesDto : LocatedDto
{
    public List<PayerType> HcpcsLinesFor { get; set; } = new();
    [RequiredKey] public string NoLinesNote { get; set; } = "";
}

internal sealed class WastageDto : LocatedDto
{
    [RequiredKey] public List<ClaimType> Claims { get; set; } = new();
    [RequiredKey] public List<PayerType> Payers { get; set; } = new();
    [RequiredKey] public string DiscardedModifier { get; set; } = "";
    public List<string> DiscardedNotes { get; set; } = new();
    [RequiredKey] public string NoDiscardModifier { get; set; } = "";
    [RequiredKey] public DateTime NoDiscardFrom { get; set; }
    public List<string> NoDiscardNotes { get; set; } = new();
    public List<string> MultiDoseNotes { get; set; } = new();
    public List<string> InpatientNotes { get; set; } = new();
    public List<string> PackagedNotes { get; set; } = new();
    public List<string> PayerNotRequiredNotes { get; set; } = new();
    public List<string> VialDefaultNotes { get; set; } = new();
}

internal sealed class DrugDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = new();
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public decimal? BillingUnitMg { get; set; }
    [RequiredKey] public VialType Vial { get; set; }
    public bool VialVaries { get; set; }
    public bool SeparatelyPayable { get; set; }

    /// <summary>The source of the code, billing unit and vial type.</summary>
    [RequiredKey] public string Source { get; set; } = "";

    /// <summary>The source of the separately-payable flag (OPPS status indicator).</summary>
    [RequiredKey] public string PayableSource { get; set; } = "";
}

internal sealed class PayerPoliciesFileDto : LocatedDto
{
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public AbnDto Abn { get; set; } = new();
    [RequiredKey] public List<PayerPolicyDto> Policies { get; set; } = new();
}

/// <summary>The advance beneficiary notice: for a service a policy marks as a likely denial on a Medicare Part B claim.</summary>
internal sealed class AbnDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public List<PayerType> Payers { get; set; } = new();
    [RequiredKey] public List<ClaimType> Claims { get; set; } = new();
    [RequiredKey] public string SignedModifier { get; set; } = "";
    [RequiredKey] public string NotSignedModifier { get; set; } = "";
    [RequiredKey] public string SignedNote { get; set; } = "";
    [RequiredKey] public string NotSignedNote { get; set; } = "";
    [RequiredKey] public string MissingNote { get; set; } = "";
    [RequiredKey] public string OtherPayersNote { get; set; } = "";
    [RequiredKey] public string MedicareAdvantageNote { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class PayerPolicyDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string FindingId { get; set; } = "";
    [RequiredKey] public List<ProcedureKind> Procedures { get; set; } = new();
    [RequiredKey] public List<PayerType> Payers { get; set; } = new();
    [RequiredKey] public List<string> DiagnosesStarting { get; set; } = new();
    public List<string> ExceptStarting { get; set; } = new();
    public List<string> TogetherWithStarting { get; set; } = new();
    public bool OnlyOutsideTrial { get; set; }
    public bool LikelyDenial { get; set; }
    [RequiredKey] public Severity Severity { get; set; }
    [RequiredKey] public string Message { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal enum SequencingRuleKind
{
    NotFirstListed,
    FirstListed,
}

internal sealed class DiagnosesFileDto : LocatedDto
{
    [RequiredKey] public List<SequencingDto> Sequencing { get; set; } = new();
}

internal sealed class SequencingDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public SequencingRuleKind Rule { get; set; }
    public List<ProcedureKind> Procedures { get; set; } = new();
    public List<string> ThenStarting { get; set; } = new();
    public string? ThenMessage { get; set; }
    [RequiredKey] public Severity Severity { get; set; }
    [RequiredKey] public string Message { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal enum CoverageDecision
{
    NoTrial,
    SelfPay,
    SponsorPaid,
    SponsorSupplied,
    Investigational,
    RoutineCost,
    NotQualifying,
    MedicareAdvantageOriginalMedicare,
    MedicareAdvantageIde,
    MedicaidRoutine,
    CommercialRoutine,
}

internal sealed class ClinicalTrialsFileDto : LocatedDto
{
    [RequiredKey] public string NctPattern { get; set; } = "";
    [RequiredKey] public TrialMarkersDto Markers { get; set; } = new();
    [RequiredKey] public TrialModifiersDto Modifiers { get; set; } = new();
    [RequiredKey] public List<CoverageRuleDto> Rules { get; set; } = new();
    public List<string> InpatientNonCoveredNotes { get; set; } = new();
}

internal sealed class TrialMarkersDto : LocatedDto
{
    [RequiredKey] public string SecondaryDiagnosis { get; set; } = "";
    [RequiredKey] public string FacilityConditionCode { get; set; } = "";
    [RequiredKey] public string FacilityValueCode { get; set; } = "";
    [RequiredKey] public List<ClaimType> FacilityClaims { get; set; } = new();
    public List<string> Notes { get; set; } = new();
}

internal sealed class TrialModifiersDto : LocatedDto
{
    [RequiredKey] public string Routine { get; set; } = "";
    [RequiredKey] public string Investigational { get; set; } = "";
    [RequiredKey] public List<ClaimType> Claims { get; set; } = new();
}

internal sealed class CoverageRuleDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public CoverageDecision Decision { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
    public List<string> Notes { get; set; } = new();
}
