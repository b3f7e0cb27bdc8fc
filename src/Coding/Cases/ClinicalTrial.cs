using System;
using System.Collections.Generic;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// The clinical trial a patient is enrolled in, as its coverage analysis describes it. Immutable.
/// </summary>
public sealed record ClinicalTrial
{
    /// <summary>Creates a trial enrollment.</summary>
    /// <param name="nct">The ClinicalTrials.gov number as documented (normally <c>NCT</c> + 8 digits; a malformed one is a finding).</param>
    /// <param name="qualifying">Whether the trial qualifies under Medicare's clinical trial policy (NCD 310.1).</param>
    /// <param name="ide">The investigational device exemption number for a device study, or <see langword="null"/>.</param>
    /// <param name="investigational">Line categories that are the investigational intervention.</param>
    /// <param name="sponsorPays">Line categories the trial agreement makes the sponsor pay.</param>
    /// <param name="drugs">Designations of individual drugs (by name, case-insensitive); a drug not named follows the item it is given as.</param>
    /// <param name="researchOnly">Items done only for the study (e.g. PIPAC biopsies for regression grading): the sponsor's, kept off the insurer claim.</param>
    /// <exception cref="ArgumentException"><paramref name="nct"/> is null, or a drug is named twice.</exception>
    public ClinicalTrial(string nct, bool qualifying, string? ide, IEnumerable<LineCategory>? investigational, IEnumerable<LineCategory>? sponsorPays, IEnumerable<KeyValuePair<string, TrialDesignation>>? drugs = null, IEnumerable<LineCategory>? researchOnly = null)
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

    /// <summary>
    /// Creates the enrollment of a patient in a study whose coverage analysis is a <see cref="IntraperitonealCoding.Research.Study"/>: the NCT
    /// and IDE numbers, the designations and whether the trial qualifies for the patient's payer all come from the study.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="payer">The patient's payer; the study says whether the trial qualifies for it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> is null.</exception>
    public ClinicalTrial(IntraperitonealCoding.Research.Study study, PayerType payer)
        : this(
            Preconditions.CheckNotNull(study, nameof(study)).Nct,
            study.QualifiesFor(payer),
            study.Ide,
            Categories(study, TrialDesignation.Investigational),
            Categories(study, TrialDesignation.Sponsor),
            StudyDrugs(study),
            study.ItemFor(LineCategory.Biopsies) is { Designation: TrialDesignation.Sponsor or TrialDesignation.NotBillable } ? new[] { LineCategory.Biopsies } : null)
    {
        Study = study;
    }

    /// <summary>
    /// Gets the study whose coverage analysis designates this trial's items, or <see langword="null"/> when the case
    /// gives its own lists. With a study, every line's designation (and its note) comes from the study's items.
    /// </summary>
    public IntraperitonealCoding.Research.Study? Study { get; }

    /// <summary>Gets the patient's study subject (participant) identifier, or <see langword="null"/>; reconciliation groups visits by it.</summary>
    public string? Subject { get; private init; }

    /// <summary>Gives the same enrollment for a study subject (participant) identifier.</summary>
    /// <param name="subject">The subject identifier, or <see langword="null"/> for none (blank counts as none).</param>
    /// <returns>A copy with <see cref="Subject"/> set.</returns>
    public ClinicalTrial WithSubject(string? subject) => this with { Subject = string.IsNullOrWhiteSpace(subject) ? null : subject!.Trim() };

    /// <summary>Gets the designations of individual drugs, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, TrialDesignation> DrugDesignations { get; }

    /// <summary>Gets the items done only for the study (the sponsor's, kept off the insurer claim).</summary>
    public IReadOnlyList<LineCategory> ResearchOnly { get; }

    /// <summary>Gets the NCT number as documented.</summary>
    public string Nct { get; }

    /// <summary>Gets a value indicating whether the trial qualifies under NCD 310.1.</summary>
    public bool Qualifying { get; }

    /// <summary>Gets the IDE number, or <see langword="null"/> when the study is not a device study.</summary>
    public string? Ide { get; }

    /// <summary>Gets the line categories that are the investigational intervention.</summary>
    public IReadOnlyList<LineCategory> Investigational { get; }

    /// <summary>Gets the line categories the sponsor pays for.</summary>
    public IReadOnlyList<LineCategory> SponsorPays { get; }

    private static IEnumerable<LineCategory> Categories(IntraperitonealCoding.Research.Study study, TrialDesignation designation)
    {
        foreach (IntraperitonealCoding.Research.StudyItem item in study.Items)
        {
            // Research-only biopsies are listed as such (ResearchOnly), not as a sponsor-paid category.
            if (item.Category is { } category && category != LineCategory.Biopsies && item.Designation == designation)
            {
                yield return category;
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, TrialDesignation>> StudyDrugs(IntraperitonealCoding.Research.Study study)
    {
        foreach (IntraperitonealCoding.Research.StudyItem item in study.Items)
        {
            if (item.Drug is { } drug)
            {
                yield return new KeyValuePair<string, TrialDesignation>(drug, item.Designation);
            }
        }
    }
}
