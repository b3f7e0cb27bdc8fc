using System.Collections.Generic;
using IntraperitonealCoding.Documents;

// DTOs of claim-fields.yaml. Keys are the snake_case form of the property names; the strict mapper rejects any other.
#pragma warning disable SA1402, CA1002, CA2227 // Small sibling DTOs live together; mutable lists are what the mapper fills.
namespace IntraperitonealCoding.Rules.Dto;

internal sealed class ClaimFieldsFileDto : LocatedDto
{
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<TypeOfBillDto> TypesOfBill { get; set; } = new();
    [RequiredKey] public List<AssumedPlaceDto> PlacesOfService { get; set; } = new();
    [RequiredKey] public List<RevenueCodeDto> RevenueCodes { get; set; } = new();
    [RequiredKey] public DiagnosisPointersDto DiagnosisPointers { get; set; } = new();
    [RequiredKey] public PoaRulesDto PresentOnAdmission { get; set; } = new();
    [RequiredKey] public string PcsListedOnceNote { get; set; } = "";
    [RequiredKey] public NdcRulesDto Ndc { get; set; } = new();
}

/// <summary>Present-on-admission reporting: which payers require the indicators, and the codes exempt from them.</summary>
internal sealed class PoaRulesDto : LocatedDto
{
    [RequiredKey] public List<PayerType> RequiredFor { get; set; } = new();
    public List<PayerType> WarnedFor { get; set; } = new();
    [RequiredKey] public string Source { get; set; } = "";
    public List<PoaExemptDto> Exempt { get; set; } = new();
}

internal sealed class PoaExemptDto : EffectiveDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class TypeOfBillDto : EffectiveDto
{
    [RequiredKey] public ClaimType Claim { get; set; }
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Label { get; set; } = "";
}

internal sealed class AssumedPlaceDto : EffectiveDto
{
    [RequiredKey] public ProcedureKind Procedure { get; set; }
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Label { get; set; } = "";
}

internal sealed class RevenueCodeDto : EffectiveDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Label { get; set; } = "";
    [RequiredKey] public List<LineCategory> Categories { get; set; } = new();
    public DrugPayment? Drugs { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class DiagnosisPointersDto : LocatedDto
{
    [RequiredKey] public int PerLine { get; set; }
    [RequiredKey] public int ProfessionalClaimMax { get; set; }
    [RequiredKey] public int InstitutionalClaimMax { get; set; }
}

internal sealed class NdcRulesDto : LocatedDto
{
    [RequiredKey] public List<PayerType> RequiredFor { get; set; } = new();
    public List<PayerType> WarnedFor { get; set; } = new();
    [RequiredKey] public string Source { get; set; } = "";
}

/// <summary>How a drug is paid on a facility claim, which decides its revenue code.</summary>
internal enum DrugPayment
{
    /// <summary>Paid on its own (OPPS status indicator G or K): revenue code for drugs requiring detailed coding.</summary>
    SeparatelyPayable = 0,

    /// <summary>Packaged into the procedure's payment: general pharmacy revenue code.</summary>
    Packaged = 1,
}
