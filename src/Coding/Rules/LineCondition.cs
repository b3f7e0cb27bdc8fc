namespace IntraperitonealCoding.Rules;

/// <summary>When a line template in the rule data applies.</summary>
internal enum LineCondition
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only when at least one biopsy was taken.</summary>
    BiopsiesTaken,

    /// <summary>Only when no biopsy was taken.</summary>
    NoBiopsies,

    /// <summary>Only when biopsies were taken for the study alone (a trial's research-only item): the sponsor's line.</summary>
    ResearchBiopsies,
}
