using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding.Research;

/// <summary>
/// One study's coverage analysis, as its study file gives it: whether the trial qualifies for each payer and why, the
/// designation of each protocol item (routine, investigational, sponsor, not billable) with its reason, and the
/// schedule of events. Immutable and safe to share across threads; read with <see cref="StudyFile"/> or
/// <see cref="StudyCatalogue"/>.
/// </summary>
public sealed class Study
{
    private readonly Dictionary<string, StudyItem> itemsByName;

    internal Study(string nct, string title, string? ide, IDictionary<PayerType, StudyQualification> qualifying, IEnumerable<StudyItem> items, IEnumerable<StudyVisit> visits, string source)
    {
        Nct = nct;
        Title = title;
        Ide = ide;
        Qualifying = new ReadOnlyDictionary<PayerType, StudyQualification>(new Dictionary<PayerType, StudyQualification>(qualifying));
        Items = ReadOnly.Copy(items);
        Visits = ReadOnly.Copy(visits.OrderBy(v => v.Cycle));
        Source = source;
        itemsByName = Items.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the ClinicalTrials.gov number (<c>NCT</c> followed by 8 digits, upper case).</summary>
    public string Nct { get; }

    /// <summary>Gets the study's title, as the study file gives it.</summary>
    public string Title { get; }

    /// <summary>Gets the investigational device exemption number of a device study, or <see langword="null"/>.</summary>
    public string? Ide { get; }

    /// <summary>Gets, per payer, whether the trial qualifies for that payer's coverage of routine costs, and why. A payer not listed does not qualify.</summary>
    public IReadOnlyDictionary<PayerType, StudyQualification> Qualifying { get; }

    /// <summary>Gets the designated protocol items (line categories and drugs), in file order.</summary>
    public IReadOnlyList<StudyItem> Items { get; }

    /// <summary>Gets the schedule of events: one visit per cycle, in cycle order.</summary>
    public IReadOnlyList<StudyVisit> Visits { get; }

    /// <summary>Gets the name the study was read from (its file, or the source name given to <see cref="StudyFile.Parse(string, string)"/>).</summary>
    public string Source { get; }

    /// <summary>
    /// Gives the payer's qualification. A Medicare Advantage enrollee's routine trial costs fall under Medicare's
    /// clinical trial policy (NCD 310.1), so <see cref="PayerType.MedicareAdvantage"/> without an entry of its own
    /// takes Medicare's; a self-pay patient has no payer to qualify for.
    /// </summary>
    /// <param name="payer">The payer.</param>
    /// <returns>The qualification, or <see langword="null"/> when the study gives none for the payer (it does not qualify).</returns>
    public StudyQualification? QualificationFor(PayerType payer)
    {
        if (Qualifying.TryGetValue(payer, out StudyQualification? own))
        {
            return own;
        }

        return payer == PayerType.MedicareAdvantage && Qualifying.TryGetValue(PayerType.Medicare, out StudyQualification? medicare) ? medicare : null;
    }

    /// <summary>Tells whether the trial qualifies for a payer (see <see cref="QualificationFor"/>).</summary>
    /// <param name="payer">The payer.</param>
    /// <returns><see langword="true"/> when the study says the trial qualifies for the payer.</returns>
    public bool QualifiesFor(PayerType payer) => QualificationFor(payer) is { Qualifies: true };

    /// <summary>Finds a designated item by its name (a line category's wire name such as <c>laparoscopy</c>, or a drug's name), case-insensitively.</summary>
    /// <param name="name">The item's name.</param>
    /// <returns>The item, or <see langword="null"/> when the study does not designate it.</returns>
    public StudyItem? Item(string name) => name is not null && itemsByName.TryGetValue(name, out StudyItem? item) ? item : null;

    /// <summary>Finds the item that designates a line category.</summary>
    /// <param name="category">The line category.</param>
    /// <returns>The item, or <see langword="null"/> when the study does not designate the category.</returns>
    public StudyItem? ItemFor(LineCategory category) => Item(WireNames.Of(category));

    /// <summary>Finds the visit of a cycle in the schedule of events.</summary>
    /// <param name="cycle">The cycle number (from 1).</param>
    /// <returns>The visit, or <see langword="null"/> when the schedule has no such cycle.</returns>
    public StudyVisit? Visit(int cycle) => Visits.FirstOrDefault(v => v.Cycle == cycle);

    /// <inheritdoc />
    public override string ToString() => Nct + " " + Title;
}

/// <summary>Whether a study qualifies for one payer's coverage of routine trial costs, and the justification. Immutable.</summary>
public sealed record StudyQualification
{
    internal StudyQualification(bool qualifies, string basis)
    {
        Qualifies = qualifies;
        Basis = basis;
    }

    /// <summary>Gets a value indicating whether the trial qualifies for the payer (so its claims carry the trial markers).</summary>
    public bool Qualifies { get; }

    /// <summary>Gets the justification the coverage analysis records (e.g. the NCD 310.1 deeming, PHSA section 2709).</summary>
    public string Basis { get; }
}

/// <summary>One protocol item of a study's coverage analysis: a line category or a drug, its designation and the reason. Immutable.</summary>
public sealed record StudyItem
{
    internal StudyItem(LineCategory? category, string? drug, TrialDesignation designation, string reason)
    {
        Category = category;
        Drug = drug;
        Designation = designation;
        Reason = reason;
        Name = category is { } c ? WireNames.Of(c) : drug!;
    }

    /// <summary>Gets the item's name as schedules list it: the line category's wire name (e.g. <c>biopsies</c>) or the drug's name.</summary>
    public string Name { get; }

    /// <summary>Gets the line category the item designates, or <see langword="null"/> for a drug item.</summary>
    public LineCategory? Category { get; }

    /// <summary>Gets the drug the item designates, or <see langword="null"/> for a line-category item.</summary>
    public string? Drug { get; }

    /// <summary>Gets the item's designation: who pays for it in every visit.</summary>
    public TrialDesignation Designation { get; }

    /// <summary>Gets the reason the coverage analysis gives for the designation.</summary>
    public string Reason { get; }
}

/// <summary>One visit of a study's schedule of events: the cycle and the items planned at it. Immutable.</summary>
public sealed record StudyVisit
{
    internal StudyVisit(int cycle, IEnumerable<string> items)
    {
        Cycle = cycle;
        Items = ReadOnly.Copy(items);
    }

    /// <summary>Gets the cycle number (from 1); a HIPEC, given once, is cycle 1.</summary>
    public int Cycle { get; }

    /// <summary>Gets the names of the items planned at the visit, as the schedule lists them.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Tells whether the visit plans an item.</summary>
    /// <param name="item">The item's name.</param>
    /// <returns><see langword="true"/> when the schedule lists the item at this visit (case-insensitive).</returns>
    public bool Plans(string item) => Items.Any(i => string.Equals(i, item, StringComparison.OrdinalIgnoreCase));
}
