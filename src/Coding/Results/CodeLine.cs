using System.Collections.Generic;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>One line of the claim (or of the sponsor's invoice): a code with its units, modifiers and why it is there. Immutable.</summary>
public sealed record CodeLine
{
    internal CodeLine(
        CodeSystem system,
        string code,
        string label,
        int units,
        IReadOnlyList<Modifier>? modifiers,
        LineCategory category,
        string rule,
        IReadOnlyList<string>? notes,
        string? detail,
        IntraperitonealCoding.Coverage.LineCoverage coverage)
    {
        System = system;
        Code = code;
        Label = label;
        Units = units;
        Category = category;
        Rule = rule;
        Detail = detail;
        Responsibility = coverage.Responsibility;
        BillTo = coverage.BillTo;
        CoverageRule = coverage.Rule;
        CoverageNotes = ReadOnly.Keep(coverage.Notes);
        NonCoveredCharges = coverage.NonCoveredCharges;
        Modifiers = coverage.Modifier is null ? ReadOnly.Keep(modifiers) : Append(modifiers, coverage.Modifier.Value);
        Notes = coverage.Notes.Count == 0 ? ReadOnly.Keep(notes) : Merge(notes, coverage.Notes);
    }

    /// <summary>Gets the code system.</summary>
    public CodeSystem System { get; }

    /// <summary>Gets the code.</summary>
    public string Code { get; }

    /// <summary>Gets a short label of the project's own (never the AMA descriptor).</summary>
    public string Label { get; }

    /// <summary>Gets the units (service units, or billing units for a drug).</summary>
    public int Units { get; }

    /// <summary>Gets the modifiers, in claim order.</summary>
    public IReadOnlyList<Modifier> Modifiers { get; }

    /// <summary>Gets what the line is for.</summary>
    public LineCategory Category { get; }

    /// <summary>Gets the id of the rule in the rule data that produced the line.</summary>
    public string Rule { get; }

    /// <summary>Gets the ids of the coding notes that apply to the line (their texts are in <see cref="CodingResult.Notes"/>).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Gets how the units were worked out (e.g. a drug's dose arithmetic), or <see langword="null"/>.</summary>
    public string? Detail { get; }

    /// <summary>Gets who pays for the line.</summary>
    public Responsibility Responsibility { get; }

    /// <summary>Gets the payer whose claim carries the line, or <see langword="null"/> when it goes on no insurer claim.</summary>
    public PayerType? BillTo { get; }

    /// <summary>
    /// Gets a value indicating whether the line stays on an inpatient claim (every procedure performed is reported)
    /// while its charges are non-covered because the trial sponsor pays for it (UB-04 form locator 48).
    /// </summary>
    public bool NonCoveredCharges { get; }

    /// <summary>
    /// Gets the revenue code of a facility line (837I SV201, UB-04 form locator 42), or <see langword="null"/> on a
    /// professional claim and for an inpatient claim's ICD-10-PCS lines (procedure codes, not revenue lines).
    /// </summary>
    public string? RevenueCode { get; internal init; }

    /// <summary>
    /// Gets the line's diagnosis pointers on a professional claim: 1-based positions in <see cref="CodingResult.Diagnoses"/>
    /// (837P SV107, CMS-1500 item 24E), at most four, the condition first; empty on facility claims.
    /// </summary>
    public IReadOnlyList<int> DiagnosisPointers { get; internal init; } = ReadOnly.None<int>();

    /// <summary>Gets the NDC of a drug line with its unit and quantity (837 LIN/CTP), or <see langword="null"/> when none was documented.</summary>
    public LineNdc? Ndc { get; internal init; }

    /// <summary>
    /// Gets the words an unlisted code is reported with (837P SV101-7, 837I SV202-7), from the case's
    /// <c>procedure.unlisted_description</c>; <see langword="null"/> for a listed code, or when the case gives none.
    /// </summary>
    public string? Description { get; internal init; }

    /// <summary>Gets the drug administration a drug line was coded from (to find its NDC), or <see langword="null"/>.</summary>
    internal DrugSupply? Supply { get; init; }

    /// <summary>Gets the id of the coverage rule that decided <see cref="Responsibility"/>.</summary>
    public string CoverageRule { get; }

    /// <summary>Gets the notes the coverage decision added (also in <see cref="Notes"/>).</summary>
    internal IReadOnlyList<string> CoverageNotes { get; }

    /// <summary>The same line with one more modifier: first (a pricing modifier such as 62 or 80) or last (GA, GZ).</summary>
    internal CodeLine WithModifier(Modifier modifier, bool first)
    {
        var modifiers = new List<Modifier>(Modifiers.Count + 1);
        if (first)
        {
            modifiers.Add(modifier);
        }

        modifiers.AddRange(Modifiers);
        if (!first)
        {
            modifiers.Add(modifier);
        }

        return new CodeLine(System, Code, Label, Units, modifiers, Category, Rule, Notes, Detail, new IntraperitonealCoding.Coverage.LineCoverage(Responsibility, BillTo, CoverageRule, null, CoverageNotes, NonCoveredCharges))
        {
            RevenueCode = RevenueCode,
            DiagnosisPointers = DiagnosisPointers,
            Ndc = Ndc,
            Supply = Supply,
            Description = Description,
        };
    }

    private static IReadOnlyList<Modifier> Append(IReadOnlyList<Modifier>? modifiers, Modifier modifier)
    {
        var all = new List<Modifier>((modifiers?.Count ?? 0) + 1);
        if (modifiers is not null)
        {
            all.AddRange(modifiers);
        }

        all.Add(modifier);
        return ReadOnly.Wrap(all);
    }

    private static IReadOnlyList<string> Merge(IReadOnlyList<string>? notes, IReadOnlyList<string> added)
    {
        var all = new List<string>((notes?.Count ?? 0) + added.Count);
        if (notes is not null)
        {
            all.AddRange(notes);
        }

        foreach (string note in added)
        {
            if (!all.Contains(note))
            {
                all.Add(note);
            }
        }

        return ReadOnly.Wrap(all);
    }
}
