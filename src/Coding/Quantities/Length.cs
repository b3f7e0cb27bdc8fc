using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A length in centimetres, such as the sum of the maximum lengths of the tumors or cysts a cytoreduction excised or
/// destroyed (the measure CPT 2025's open excision codes are chosen by). Immutable.
/// </summary>
/// <remarks><c>default(Length)</c> is zero and is not a usable value; create one with <see cref="FromCentimetres"/>.</remarks>
public readonly struct Length : IEquatable<Length>, IComparable<Length>
{
    private Length(decimal centimetres) => Centimetres = centimetres;

    /// <summary>The largest length accepted, in centimetres (1,000): far beyond any sum of tumor lengths, and a bound on arithmetic.</summary>
    public const decimal MaxCentimetres = 1000m;

    /// <summary>Gets the length in centimetres.</summary>
    public decimal Centimetres { get; }

    /// <summary>Creates a length.</summary>
    /// <param name="centimetres">Centimetres; greater than zero and at most <see cref="MaxCentimetres"/>.</param>
    /// <returns>The length.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or above <see cref="MaxCentimetres"/>.</exception>
    public static Length FromCentimetres(decimal centimetres)
    {
        Preconditions.CheckArgumentRange(centimetres > 0, nameof(centimetres), centimetres, "A length must be greater than zero.");
        Preconditions.CheckArgumentRange(centimetres <= MaxCentimetres, nameof(centimetres), centimetres, "A length cannot be above Length.MaxCentimetres.");
        return new Length(centimetres);
    }

    /// <summary>Compares by value.</summary>
    public static bool operator ==(Length left, Length right) => left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator !=(Length left, Length right) => !left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator <(Length left, Length right) => left.CompareTo(right) < 0;

    /// <summary>Compares by value.</summary>
    public static bool operator >(Length left, Length right) => left.CompareTo(right) > 0;

    /// <summary>Compares by value.</summary>
    public static bool operator <=(Length left, Length right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by value.</summary>
    public static bool operator >=(Length left, Length right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public int CompareTo(Length other) => Centimetres.CompareTo(other.Centimetres);

    /// <inheritdoc />
    public bool Equals(Length other) => Centimetres == other.Centimetres;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Length other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Centimetres.GetHashCode();

    /// <summary>Formats with the invariant culture, e.g. <c>12.5 cm</c>.</summary>
    /// <returns>The formatted length.</returns>
    public override string ToString() => Centimetres.ToString("0.##", CultureInfo.InvariantCulture) + " cm";
}
