using System;
using System.Collections.Generic;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules.Dto;

// The internal, immutable model a loaded rule set is made of. Built once by RuleSetBuilder; never changed after.
#pragma warning disable SA1402, SA1649 // Small sibling records live together.
namespace IntraperitonealCoding.Rules;

/// <summary>A period a code or rule is in force: from a date, up to and including an optional last date.</summary>
internal readonly record struct EffectivePeriod(DateTime From, DateTime? To)
{
    public bool Contains(DateTime date) => date >= From && (To is null || date <= To.Value);

    public bool Overlaps(EffectivePeriod other)
        => (To is null || other.From <= To.Value) && (other.To is null || From <= other.To.Value);

    /// <summary>Whether this period covers the whole of <paramref name="inner"/>.</summary>
    public bool Covers(EffectivePeriod inner)
        => inner.From >= From && (To is null || (inner.To is not null && inner.To.Value <= To.Value));

    public override string ToString()
        => From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " to "
           + (To is null ? "open end" : To.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Anything with an effective period, so one helper can pick what is in force on a date.</summary>
internal interface IEffective
{
    EffectivePeriod Period { get; }
}

internal static class Effective
{
    public static T? InForce<T>(IReadOnlyList<T> items, DateTime date)
        where T : class, IEffective
    {
        foreach (T item in items)
        {
            if (item.Period.Contains(date))
            {
                return item;
            }
        }

        return null;
    }
}

internal sealed record CodeDefinition(CodeSystem System, string Code, string Label, EffectivePeriod Period, SourceDocument Source) : IEffective
{
    /// <summary>Gets the codes that replace this one after its period ends (empty when it was not deleted).</summary>
    public IReadOnlyList<string> ReplacedBy { get; init; } = Array.Empty<string>();

    /// <summary>Gets a value indicating whether the code is an unlisted code, which the claim must describe.</summary>
    public bool Unlisted { get; init; }

    /// <summary>Gets the approach of a surgical code a case may give as a primary procedure, or null.</summary>
    public SurgicalApproach? Approach { get; init; }

    /// <summary>Gets where the code is defined in codes.yaml, for checks made against other tables.</summary>
    public IntraperitonealCoding.Documents.SourceMark At { get; init; }
}

internal sealed record LineTemplate(string Code, LineCategory Category, LineCondition When, IReadOnlyList<string> Notes);

internal sealed record LineRule(string Id, EffectivePeriod Period, IReadOnlyList<LineTemplate> Lines) : IEffective;

internal sealed record TimeUnit(string Code, int Minutes);

internal sealed record HipecTimeRule(
    string Id,
    EffectivePeriod Period,
    TimeCodingMethod Method,
    TimeUnit? FirstUnit,
    TimeUnit? AdditionalUnit,
    string? UnlistedCode,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> IncisionNotes) : IEffective;

internal sealed record NumericRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    public override string ToString()
        => Min.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "–" + Max.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record HipecRules(
    string TemperatureRuleId,
    TemperatureRange Hyperthermic,
    TemperatureRange Plausible,
    string TemperatureSource,
    IReadOnlyList<HipecTimeRule> TimeCoding,
    string InpatientSurgeryNote,
    CaseProceduresOrder InpatientCaseProcedures,
    IReadOnlyList<LineRule> Inpatient,
    PlausibleRange? PlausiblePerfusionMinutes = null)
{
    /// <summary>Gets the tumor-excision band rules, by period (none before CPT 2025).</summary>
    public IReadOnlyList<TumorExcisionRule> TumorExcision { get; init; } = Array.Empty<TumorExcisionRule>();

    /// <summary>Gets the id of the rule a primary-surgery line names: the case's code reported as given, after the code-set and add-on checks.</summary>
    public string PrimarySurgeryRule { get; init; } = "";
}

/// <summary>One band of a tumor-excision rule: its code covers sums up to and including <see cref="UpToCm"/> (null: no upper end).</summary>
internal sealed record TumorBand(string Code, decimal? UpToCm);

/// <summary>
/// The open excision codes chosen by the sum of the maximum lengths of the tumors or cysts (CPT 49186–49190 from 2025),
/// as bands in ascending order, the last open-ended.
/// </summary>
internal sealed record TumorExcisionRule(string Id, EffectivePeriod Period, IReadOnlyList<TumorBand> Bands, IReadOnlyList<string> Notes) : IEffective
{
    /// <summary>The band a length falls in (the first whose upper end is at or above it).</summary>
    public TumorBand BandOf(Length length)
    {
        foreach (TumorBand band in Bands)
        {
            if (band.UpToCm is not { } upTo || length.Centimetres <= upTo)
            {
                return band;
            }
        }

        return Bands[Bands.Count - 1];
    }

    /// <summary>Whether a code is one of the rule's bands.</summary>
    public bool Covers(string code)
    {
        foreach (TumorBand band in Bands)
        {
            if (band.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The band of a code, in words ("10.1–20 cm", "over 30 cm").</summary>
    public string Describe(TumorBand band)
    {
        int i = IndexOf(band);
        decimal? from = i == 0 ? null : Bands[i - 1].UpToCm;
        string F(decimal value) => value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
        return (from, band.UpToCm) switch
        {
            (null, { } to) => $"up to {F(to)} cm",
            ({ } low, null) => $"over {F(low)} cm",
            ({ } low, { } to) => $"over {F(low)} and up to {F(to)} cm",
            _ => "any length",
        };
    }

    private int IndexOf(TumorBand band)
    {
        for (int i = 0; i < Bands.Count; i++)
        {
            if (ReferenceEquals(Bands[i], band))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A plausible range for a recorded value, with the rule that defines it and its source.</summary>
internal sealed record PlausibleRange(string RuleId, NumericRange Range, string Source);

internal sealed record PipacRules(
    string PolicyId,
    string UsualRuleId,
    NumericRange UsualExposureMinutes,
    NumericRange UsualCapnoperitoneumMmHg,
    TemperatureRange UsualTemperature,
    string UsualSource,
    TemperatureRange Plausible,
    IReadOnlyList<LineRule> Policies,
    IReadOnlyList<LineRule> Inpatient,
    CaseProceduresOrder InpatientCaseProcedures)
{
    /// <summary>The policy the institution chose, in its period that covers <paramref name="date"/>.</summary>
    public LineRule? PolicyInForce(DateTime date)
    {
        foreach (LineRule policy in Policies)
        {
            if (policy.Id == PolicyId && policy.Period.Contains(date))
            {
                return policy;
            }
        }

        return null;
    }
}

internal sealed record DrugRule(string Id, string Name, IReadOnlyList<string> Aliases, string Code, decimal BillingUnitMg, VialType Vial, bool VialVaries, bool SeparatelyPayable, EffectivePeriod Period) : IEffective
{
    public bool Answers(string name)
    {
        if (string.Equals(Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string alias in Aliases)
        {
            if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed record WastageRules(
    IReadOnlyList<ClaimType> Claims,
    IReadOnlyList<PayerType> Payers,
    Modifier DiscardedModifier,
    IReadOnlyList<string> DiscardedNotes,
    Modifier NoDiscardModifier,
    DateTime NoDiscardFrom,
    IReadOnlyList<string> NoDiscardNotes,
    IReadOnlyList<string> MultiDoseNotes,
    IReadOnlyList<string> InpatientNotes,
    IReadOnlyList<string> PackagedNotes,
    IReadOnlyList<string> PayerNotRequiredNotes,
    IReadOnlyList<string> VialDefaultNotes);

internal sealed record DrugRules(
    decimal BodySurfaceAreaMin,
    decimal BodySurfaceAreaMax,
    WastageRules Wastage,
    IReadOnlyList<string> UnitsNotes,
    IReadOnlyList<string> SponsorSuppliedNotes,
    string ProfessionalClaimNote,
    IReadOnlyList<PayerType> InpatientHcpcsLinesFor,
    string InpatientNoLinesNote,
    IReadOnlyList<DrugRule> Drugs)
{
    public DrugRule? Find(string name, DateTime date)
    {
        foreach (DrugRule drug in Drugs)
        {
            if (drug.Period.Contains(date) && drug.Answers(name))
            {
                return drug;
            }
        }

        return null;
    }
}

internal sealed record PayerPolicy(
    string Id,
    string FindingId,
    IReadOnlyList<ProcedureKind> Procedures,
    IReadOnlyList<PayerType> Payers,
    IReadOnlyList<string> DiagnosesStarting,
    IReadOnlyList<string> ExceptStarting,
    IReadOnlyList<string> TogetherWithStarting,
    bool OnlyOutsideTrial,
    bool LikelyDenial,
    Severity Severity,
    string Message,
    string Source,
    EffectivePeriod Period) : IEffective
{
    /// <summary>The finding's text: the message with its source, built once at load time.</summary>
    public string FindingMessage { get; } = Message + " [" + Source + "]";
}

/// <summary>A sequencing check; with <c>ThenStarting</c>, a first-listed code must be followed by one of those (the malignancy).</summary>
internal sealed record SequencingRule(string Id, string Code, SequencingRuleKind Rule, IReadOnlyList<ProcedureKind> Procedures, Severity Severity, string Message, string Source, IReadOnlyList<string> ThenStarting, string? ThenMessage);

internal sealed record CoverageRule(string Id, CoverageDecision Decision, string Source, IReadOnlyList<string> Notes, EffectivePeriod Period) : IEffective;

internal sealed record TrialRules(
    System.Text.RegularExpressions.Regex NctPattern,
    string SecondaryDiagnosis,
    string FacilityConditionCode,
    string FacilityValueCode,
    IReadOnlyList<ClaimType> FacilityClaims,
    IReadOnlyList<string> MarkerNotes,
    Modifier RoutineModifier,
    Modifier InvestigationalModifier,
    IReadOnlyList<ClaimType> ModifierClaims,
    IReadOnlyList<CoverageRule> Rules,
    IReadOnlyList<string> NonCoveredNotes)
{
    /// <summary>The rule for a decision in force on a date, or null when the data has none then.</summary>
    public CoverageRule? For(CoverageDecision decision, DateTime date)
    {
        foreach (CoverageRule rule in Rules)
        {
            if (rule.Decision == decision && rule.Period.Contains(date))
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>The ABN rule: which payers and claims need one for a likely-denied service, the modifiers and the notes.</summary>
internal sealed record AbnRules(string Id, IReadOnlyList<PayerType> Payers, IReadOnlyList<ClaimType> Claims, Modifier SignedModifier, Modifier NotSignedModifier, string SignedNote, string NotSignedNote, string MissingNote, string OtherPayersNote, string Source)
{
    /// <summary>Gets the note a Medicare Advantage enrollee's likely-denied service gets instead of ABN or waiver advice.</summary>
    public string MedicareAdvantageNote { get; init; } = string.Empty;
}

/// <summary>A surgeon role's modifier on professional claims, and whether the role assists (an add-on belongs to the surgeon).</summary>
internal sealed record SurgeonRoleRule(SurgeonRole Role, Modifier? Modifier, bool Assists, IReadOnlyList<string> Notes);
