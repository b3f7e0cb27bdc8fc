using System;
using System.Collections.Generic;
using IntraperitonealCoding.Documents;

// The result JSON contract as the strict reader maps it (ResultJson writes the same keys, in this order). Keys that may
// be null are optional here: an explicit null is read as the key left out.
#pragma warning disable SA1402, CA1002, CA2227 // Small sibling DTOs live together; mutable lists are what the mapper fills.
namespace IntraperitonealCoding.Output;

internal sealed class ResultDto : LocatedDto
{
    [RequiredKey] public string CaseId { get; set; } = "";
    [RequiredKey] public DateTime DateOfService { get; set; }
    [RequiredKey] public ClaimType Claim { get; set; }
    [RequiredKey] public PayerType Payer { get; set; }
    [RequiredKey] public ProcedureKind Procedure { get; set; }
    public int? Cycle { get; set; }
    [RequiredKey] public string RulesVersion { get; set; } = "";
    [RequiredKey] public bool Ready { get; set; }
    [RequiredKey] public List<ResultLineDto> Lines { get; set; } = new();
    [RequiredKey] public List<string> Diagnoses { get; set; } = new();
    [RequiredKey] public List<ResultNoteDto> Notes { get; set; } = new();
    [RequiredKey] public ResultMarkersDto ClaimMarkers { get; set; } = new();
    [RequiredKey] public ResultClaimFormDto ClaimForm { get; set; } = new();
    [RequiredKey] public List<ResultFindingDto> Findings { get; set; } = new();
}

internal sealed class ResultLineDto : LocatedDto
{
    [RequiredKey] public CodeSystem System { get; set; }
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Label { get; set; } = "";
    [RequiredKey] public int Units { get; set; }
    [RequiredKey] public List<string> Modifiers { get; set; } = new();
    [RequiredKey] public LineCategory Category { get; set; }
    [RequiredKey] public string Rule { get; set; } = "";
    [RequiredKey] public List<string> Notes { get; set; } = new();
    public string? Detail { get; set; }
    [RequiredKey] public Responsibility Responsibility { get; set; }
    public PayerType? BillTo { get; set; }
    [RequiredKey] public string CoverageRule { get; set; } = "";
    [RequiredKey] public bool NonCoveredCharges { get; set; }
    public string? RevenueCode { get; set; }
    [RequiredKey] public List<int> DiagnosisPointers { get; set; } = new();
    public ResultNdcDto? Ndc { get; set; }
    public string? Description { get; set; }
}

internal sealed class ResultNdcDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public NdcUnit Unit { get; set; }
    [RequiredKey] public decimal Quantity { get; set; }
}

internal sealed class ResultNoteDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public string Text { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class ResultMarkersDto : LocatedDto
{
    public string? ClinicalTrialNumber { get; set; }
    [RequiredKey] public List<string> ConditionCodes { get; set; } = new();
    [RequiredKey] public List<ResultValueCodeDto> ValueCodes { get; set; } = new();
    public string? Ide { get; set; }
}

internal sealed class ResultValueCodeDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Value { get; set; } = "";
}

internal sealed class ResultClaimFormDto : LocatedDto
{
    [RequiredKey] public ClaimFormType Form { get; set; }
    public string? TypeOfBill { get; set; }
    public string? PlaceOfService { get; set; }
    [RequiredKey] public DateTime StatementFrom { get; set; }
    [RequiredKey] public DateTime StatementThrough { get; set; }
    [RequiredKey] public List<ResultProcedureDto> Procedures { get; set; } = new();
    public DateTime? AdmissionDate { get; set; }
    public string? AdmittingDiagnosis { get; set; }
    public List<PoaIndicator?> PresentOnAdmission { get; set; } = new();
    public string? PatientControlNumber { get; set; }
}

internal sealed class ResultProcedureDto : LocatedDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public DateTime Date { get; set; }
    [RequiredKey] public bool Principal { get; set; }
}

internal sealed class ResultFindingDto : LocatedDto
{
    [RequiredKey] public string Id { get; set; } = "";
    [RequiredKey] public Severity Severity { get; set; }
    [RequiredKey] public string Message { get; set; } = "";
    [RequiredKey] public string Path { get; set; } = "";
    public string? Rule { get; set; }
}
