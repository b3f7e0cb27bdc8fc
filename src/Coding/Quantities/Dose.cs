using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>The unit a dose is written in.</summary>
public enum DoseUnit
{
    /// <summary>Milligrams: an absolute amount.</summary>
    Milligram = 0,

    /// <summary>Milligrams per square metre of body surface area.</summary>
    MilligramPerSquareMetre = 1,
}

/// <summary>
/// A drug dose with its unit: an absolute amount in mg, or an amount per body surface area in mg/m². Immutable.
/// Amounts are decimals so that billing-unit arithmetic is exact.
/// </summary>
/// <remarks><c>default(Dose)</c> is 0 mg.</remarks>
public readonly struct Dose : IEquatable<Dose>
{
    private Dose(decimal amount, DoseUnit unit)
    {
        Amount = amount;
        Unit = unit;
    }

    /// <summary>The largest amount a dose may have (1,000,000,000 in its unit): far beyond any real dose, and small enough that converting mg/m² to mg can never overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Gets the amount, in <see cref="Unit"/>.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the unit of <see cref="Amount"/>.</summary>
    public DoseUnit Unit { get; }

    /// <summary>Creates an absolute dose in milligrams.</summary>
    /// <param name="milligrams">Milligrams; from 0 to <see cref="MaxAmount"/>.</param>
    /// <returns>The dose.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or above <see cref="MaxAmount"/>.</exception>
    public static Dose FromMilligrams(decimal milligrams)
    {
        Preconditions.CheckArgumentRange(milligrams >= 0, nameof(milligrams), milligrams, "A dose cannot be negative.");
        Preconditions.CheckArgumentRange(milligrams <= MaxAmount, nameof(milligrams), milligrams, "A dose cannot be above Dose.MaxAmount.");
        return new Dose(milligrams, DoseUnit.Milligram);
    }

    /// <summary>Creates a dose per body surface area in mg/m².</summary>
    /// <param name="milligramsPerSquareMetre">Milligrams per square metre; from 0 to <see cref="MaxAmount"/>.</param>
    /// <returns>The dose.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or above <see cref="MaxAmount"/>.</exception>
    public static Dose FromMilligramsPerSquareMetre(decimal milligramsPerSquareMetre)
    {
        Preconditions.CheckArgumentRange(milligramsPerSquareMetre >= 0, nameof(milligramsPerSquareMetre), milligramsPerSquareMetre, "A dose cannot be negative.");
        Preconditions.CheckArgumentRange(milligramsPerSquareMetre <= MaxAmount, nameof(milligramsPerSquareMetre), milligramsPerSquareMetre, "A dose cannot be above Dose.MaxAmount.");
        return new Dose(milligramsPerSquareMetre, DoseUnit.MilligramPerSquareMetre);
    }

    /// <summary>Gives the absolute amount in milligrams.</summary>
    /// <param name="bodySurfaceArea">The patient's body surface area; needed only for a dose in mg/m².</param>
    /// <returns>The dose in mg, or <see langword="null"/> when the dose is in mg/m² and no body surface area is known. Never overflows: both factors are bounded.</returns>
    public decimal? ToMilligrams(BodySurfaceArea? bodySurfaceArea) => Unit switch
    {
        DoseUnit.Milligram => Amount,
        _ when bodySurfaceArea is { } bsa => Amount * bsa.SquareMetres,
        _ => null,
    };

    /// <summary>Compares amount and unit.</summary>
    public static bool operator ==(Dose left, Dose right) => left.Equals(right);

    /// <summary>Compares amount and unit.</summary>
    public static bool operator !=(Dose left, Dose right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Dose other) => Amount == other.Amount && Unit == other.Unit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dose other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Amount.GetHashCode() * 397) ^ (int)Unit);

    /// <summary>Formats with the invariant culture, e.g. <c>35 mg/m²</c>.</summary>
    /// <returns>The formatted dose.</returns>
    public override string ToString()
        => Amount.ToString("0.####", CultureInfo.InvariantCulture) + (Unit == DoseUnit.Milligram ? " mg" : " mg/m²");
}
