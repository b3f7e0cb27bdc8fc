using System;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>One chemotherapy drug given during the procedure. Immutable.</summary>
public sealed record DrugAdministration
{
    /// <summary>Creates a drug administration.</summary>
    /// <param name="name">The drug's generic name as the rule data knows it (e.g. <c>mitomycin</c>); matched case-insensitively.</param>
    /// <param name="dose">The dose given, in mg or mg/m².</param>
    /// <param name="openedMilligrams">The amount opened from single-dose vials in mg, when documented; decides JW/JZ.</param>
    /// <param name="suppliedBySponsor">Whether a trial sponsor supplied the drug free of charge (it must never be billed).</param>
    /// <param name="vial">The vial type of the product used, when it matters (a drug sold both ways); <see langword="null"/> for the rule data's default.</param>
    /// <param name="ndc">The NDC of the product used, with its unit and quantities, when documented.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank, or <paramref name="openedMilligrams"/> is negative.</exception>
    public DrugAdministration(string name, Dose dose, decimal? openedMilligrams = null, bool suppliedBySponsor = false, VialType? vial = null, DrugNdc? ndc = null)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A drug needs a name.");
        Preconditions.CheckArgument(openedMilligrams is null or >= 0, nameof(openedMilligrams), "An opened amount cannot be negative.");
        Name = name.Trim();
        Dose = dose;
        OpenedMilligrams = openedMilligrams;
        SuppliedBySponsor = suppliedBySponsor;
        Vial = vial;
        Ndc = ndc;
    }

    /// <summary>Gets the drug's name as given.</summary>
    public string Name { get; }

    /// <summary>Gets the dose given.</summary>
    public Dose Dose { get; }

    /// <summary>Gets the amount opened from single-dose vials in mg, or <see langword="null"/> when not documented.</summary>
    public decimal? OpenedMilligrams { get; }

    /// <summary>Gets a value indicating whether the trial sponsor supplied the drug free of charge.</summary>
    public bool SuppliedBySponsor { get; }

    /// <summary>Gets the vial type of the product used, or <see langword="null"/> to use the rule data's default for the drug.</summary>
    public VialType? Vial { get; }

    /// <summary>Gets the NDC of the product used, or <see langword="null"/> when not documented.</summary>
    public DrugNdc? Ndc { get; }
}
