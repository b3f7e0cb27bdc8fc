using System.Collections.Generic;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

// DTOs of the code tables and CMS edit files (add-on codes, PTP, MUE, ICD-10-CM, ICD-10-PCS, inpatient-only list,
// primary procedures). Keys are the snake_case form of the property names; the strict mapper rejects any other.
#pragma warning disable SA1402, CA1002, CA2227 // Small sibling DTOs live together; mutable lists are what the mapper fills.
namespace IntraperitonealCoding.Rules.Tables;

/// <summary>The official file a table mirrors and the release it is kept to; where each row comes from is its own <c>source</c>.</summary>
internal sealed class TableSourceDto : LocatedDto
{
    [RequiredKey] public string File { get; set; } = "";
    [RequiredKey] public string Release { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class ProceduresFileDto : LocatedDto
{
    [RequiredKey] public List<SurgeonRoleDto> SurgeonRoles { get; set; } = new();
}

internal sealed class SurgeonRoleDto : LocatedDto
{
    [RequiredKey] public SurgeonRole Role { get; set; }
    public string? Modifier { get; set; }
    public bool Assists { get; set; }
    public List<string> Notes { get; set; } = new();
}

internal sealed class AddOnCodesFileDto : LocatedDto
{
    [RequiredKey] public TableSourceDto Table { get; set; } = new();
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<AddOnEditDto> Edits { get; set; } = new();
}

internal sealed class AddOnEditDto : EffectiveDto
{
    [RequiredKey] public string AddOn { get; set; } = "";
    [RequiredKey] public string Primary { get; set; } = "";
    [RequiredKey] public int AocType { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class PtpEditsFileDto : LocatedDto
{
    [RequiredKey] public TableSourceDto Table { get; set; } = new();
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    public List<PtpAdviceDto> Advice { get; set; } = new();
    [RequiredKey] public List<PtpEditDto> Practitioner { get; set; } = new();
    [RequiredKey] public List<PtpEditDto> OutpatientHospital { get; set; } = new();
}

internal sealed class PtpAdviceDto : LocatedDto
{
    [RequiredKey] public string Column2 { get; set; } = "";
    [RequiredKey] public string Note { get; set; } = "";
}

internal sealed class PtpEditDto : EffectiveDto
{
    [RequiredKey] public string Column1 { get; set; } = "";
    [RequiredKey] public string Column2 { get; set; } = "";
    [RequiredKey] public int Modifier { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class MueFileDto : LocatedDto
{
    [RequiredKey] public TableSourceDto Table { get; set; } = new();
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<MueDto> Practitioner { get; set; } = new();
    [RequiredKey] public List<MueDto> OutpatientHospital { get; set; } = new();
}

internal sealed class MueDto : EffectiveDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public int MaxUnits { get; set; }
    [RequiredKey] public int Adjudication { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class CodeValidityFileDto : LocatedDto
{
    [RequiredKey] public TableSourceDto Table { get; set; } = new();
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<string> Families { get; set; } = new();
    [RequiredKey] public List<CodeValidityDto> Codes { get; set; } = new();
}

internal sealed class CodeValidityDto : EffectiveDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public bool Billable { get; set; }
    [RequiredKey] public string Source { get; set; } = "";
}

internal sealed class InpatientOnlyFileDto : LocatedDto
{
    [RequiredKey] public TableSourceDto Table { get; set; } = new();
    [RequiredKey] public List<SourceDocumentDto> Sources { get; set; } = new();
    [RequiredKey] public List<string> OutpatientPlacesOfService { get; set; } = new();
    [RequiredKey] public List<InpatientOnlyDto> Codes { get; set; } = new();
}

internal sealed class InpatientOnlyDto : EffectiveDto
{
    [RequiredKey] public string Code { get; set; } = "";
    [RequiredKey] public string Source { get; set; } = "";
}
