using System.Collections.Generic;
using Coding.Cases;

namespace Coding.Results;

/// <summary>One line of the claim (or of the sponsor's invoice): a code with its units, modifiers and why it is there. Immutable.</summary>
public sealed record CodeLine
{
    internal CodeLine(
        CodeSystem system,
        string code,
        string label,
        int units,
        IReadOnlyList<string>? modifiers,
        LineCategory category,
        string rule,
        IReadOnlyList<string>? notes,
        string? detail,
        bool suppliedBySponsor = false)
    {
        System = system;
        Code = code;
        Label = label;
        Units = units;
        Modifiers = ReadOnly.Keep(modifiers);
        Category = category;
        Rule = rule;
        Notes = ReadOnly.Keep(notes);
        Detail = detail;
        SuppliedBySponsor = suppliedBySponsor;
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
    public IReadOnlyList<string> Modifiers { get; }

    /// <summary>Gets what the line is for.</summary>
    public LineCategory Category { get; }

    /// <summary>Gets the id of the rule in the rule data that produced the line.</summary>
    public string Rule { get; }

    /// <summary>Gets the ids of the coding notes that apply to the line (their texts are in <see cref="CodingResult.Notes"/>).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Gets how the units were worked out (e.g. a drug's dose arithmetic), or <see langword="null"/>.</summary>
    public string? Detail { get; }

    /// <summary>Gets who pays for the line.</summary>
    public Responsibility Responsibility { get; private init; }

    /// <summary>Gets the payer whose claim carries the line, or <see langword="null"/> when it goes on no insurer claim.</summary>
    public PayerType? BillTo { get; private init; }

    /// <summary>Gets the id of the coverage rule that decided <see cref="Responsibility"/>.</summary>
    public string CoverageRule { get; private init; } = string.Empty;

    /// <summary>Gets a value indicating whether the line is for a drug the trial sponsor supplied free.</summary>
    internal bool SuppliedBySponsor { get; }

    internal CodeLine WithCoverage(Responsibility responsibility, PayerType? billTo, string coverageRule, string? modifier, IReadOnlyList<string> notes)
    {
        IReadOnlyList<string> modifiers = Modifiers;
        if (modifier is not null)
        {
            var added = new List<string>(Modifiers.Count + 1);
            added.AddRange(Modifiers);
            added.Add(modifier);
            modifiers = ReadOnly.Wrap(added);
        }

        IReadOnlyList<string> allNotes = Notes;
        if (notes.Count > 0)
        {
            var merged = new List<string>(Notes.Count + notes.Count);
            merged.AddRange(Notes);
            foreach (string note in notes)
            {
                if (!merged.Contains(note))
                {
                    merged.Add(note);
                }
            }

            allNotes = ReadOnly.Wrap(merged);
        }

        return new CodeLine(System, Code, Label, Units, modifiers, Category, Rule, allNotes, Detail, SuppliedBySponsor)
        {
            Responsibility = responsibility,
            BillTo = billTo,
            CoverageRule = coverageRule,
        };
    }
}
