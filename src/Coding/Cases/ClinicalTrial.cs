using System;
using System.Collections.Generic;
using Coding.Infrastructure;

namespace Coding.Cases;

/// <summary>
/// The clinical trial a patient is enrolled in, as its coverage analysis describes it. Immutable.
/// </summary>
public sealed record ClinicalTrial
{
    /// <summary>Creates a trial enrolment.</summary>
    /// <param name="nct">The ClinicalTrials.gov number as documented (normally <c>NCT</c> + 8 digits; a malformed one is a finding).</param>
    /// <param name="qualifying">Whether the trial qualifies under Medicare's clinical trial policy (NCD 310.1).</param>
    /// <param name="ide">The investigational device exemption number for a device study, or <see langword="null"/>.</param>
    /// <param name="investigational">Line categories that are the investigational intervention.</param>
    /// <param name="sponsorPays">Line categories the trial agreement makes the sponsor pay.</param>
    /// <param name="drugs">Designations of individual drugs (by name, case-insensitive); a drug not named follows the item it is given as.</param>
    /// <param name="researchOnly">Items done only for the study (e.g. PIPAC biopsies for regression grading): the sponsor's, kept off the insurer claim.</param>
    /// <exception cref="ArgumentException"><paramref name="nct"/> is null, or a drug is named twice.</exception>
    public ClinicalTrial(string nct, bool qualifying, string? ide, IEnumerable<Coding.Results.LineCategory>? investigational, IEnumerable<Coding.Results.LineCategory>? sponsorPays, IEnumerable<KeyValuePair<string, TrialDesignation>>? drugs = null, IEnumerable<Coding.Results.LineCategory>? researchOnly = null)
    {
        Preconditions.CheckArgument(nct is not null, nameof(nct), "A trial needs its NCT number.");
        Nct = nct!.Trim();
        Qualifying = qualifying;
        Ide = string.IsNullOrWhiteSpace(ide) ? null : ide!.Trim();
        Investigational = ReadOnly.Copy(investigational);
        SponsorPays = ReadOnly.Copy(sponsorPays);
        ResearchOnly = ReadOnly.Copy(researchOnly);
        var byName = new Dictionary<string, TrialDesignation>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in drugs ?? Array.Empty<KeyValuePair<string, TrialDesignation>>())
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(drug.Key) && !byName.ContainsKey(drug.Key.Trim()), nameof(drugs), "Each drug is designated once, by name.");
            byName.Add(drug.Key.Trim(), drug.Value);
        }

        DrugDesignations = new ValueDictionary<string, TrialDesignation>(byName);
    }

    /// <summary>Gets the designations of individual drugs, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, TrialDesignation> DrugDesignations { get; }

    /// <summary>Gets the items done only for the study (the sponsor's, kept off the insurer claim).</summary>
    public IReadOnlyList<Coding.Results.LineCategory> ResearchOnly { get; }

    /// <summary>Gets the NCT number as documented.</summary>
    public string Nct { get; }

    /// <summary>Gets a value indicating whether the trial qualifies under NCD 310.1.</summary>
    public bool Qualifying { get; }

    /// <summary>Gets the IDE number, or <see langword="null"/> when the study is not a device study.</summary>
    public string? Ide { get; }

    /// <summary>Gets the line categories that are the investigational intervention.</summary>
    public IReadOnlyList<Coding.Results.LineCategory> Investigational { get; }

    /// <summary>Gets the line categories the sponsor pays for.</summary>
    public IReadOnlyList<Coding.Results.LineCategory> SponsorPays { get; }
}
