using System.Collections.Generic;
using IntraperitonealCoding.Documents;

// The study-file contract (snake_case keys, strict). Internal: callers get Study, never these.
#pragma warning disable SA1402, CA1002, CA2227
namespace IntraperitonealCoding.Research;

internal sealed class StudyDto : LocatedDto
{
    [RequiredKey] public string Nct { get; set; } = "";
    [RequiredKey] public string Title { get; set; } = "";
    [RequiredKey] public QualifyingDto? Qualifying { get; set; }
    public string? Ide { get; set; }
    [RequiredKey] public List<StudyItemDto> Items { get; set; } = new();
    [RequiredKey] public List<StudyVisitDto> Visits { get; set; } = new();
}

/// <summary>One key per payer that can qualify (the case files' payer names); any other key is an unknown payer.</summary>
internal sealed class QualifyingDto : LocatedDto
{
    public QualificationDto? Medicare { get; set; }
    public QualificationDto? MedicareAdvantage { get; set; }
    public QualificationDto? Medicaid { get; set; }
    public QualificationDto? Commercial { get; set; }
}

internal sealed class QualificationDto : LocatedDto
{
    [RequiredKey] public bool Qualifies { get; set; }
    [RequiredKey] public string Basis { get; set; } = "";
}

internal sealed class StudyItemDto : LocatedDto
{
    public LineCategory? Item { get; set; }
    public string? Drug { get; set; }
    [RequiredKey] public TrialDesignation Designation { get; set; }
    [RequiredKey] public string Reason { get; set; } = "";
}

internal sealed class StudyVisitDto : LocatedDto
{
    [RequiredKey] public int Cycle { get; set; }
    [RequiredKey] public List<string> Items { get; set; } = new();
}
