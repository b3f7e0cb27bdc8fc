using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>A patient's body surface area in square metres, used to turn mg/m² doses into mg. Immutable.</summary>
/// <remarks><c>default(BodySurfaceArea)</c> is zero and is not a usable value; create one with <see cref="FromSquareMetres"/>.</remarks>
public readonly struct BodySurfaceArea : IEquatable<BodySurfaceArea>
{
    private BodySurfaceArea(decimal squareMetres) => SquareMetres = squareMetres;

    /// <summary>The largest area accepted, in square metres (100): far beyond any patient, and a bound on dose arithmetic.</summary>
    public const decimal MaxSquareMetres = 100m;

    /// <summary>Gets the area in square metres.</summary>
    public decimal SquareMetres { get; }

    /// <summary>Creates a body surface area.</summary>
    /// <param name="squareMetres">Square metres; greater than zero and at most <see cref="MaxSquareMetres"/>.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or above <see cref="MaxSquareMetres"/>.</exception>
    public static BodySurfaceArea FromSquareMetres(decimal squareMetres)
    {
        Preconditions.CheckArgumentRange(squareMetres > 0, nameof(squareMetres), squareMetres, "A body surface area must be greater than zero.");
        Preconditions.CheckArgumentRange(squareMetres <= MaxSquareMetres, nameof(squareMetres), squareMetres, "A body surface area cannot be above BodySurfaceArea.MaxSquareMetres.");
        return new BodySurfaceArea(squareMetres);
    }

    /// <summary>Compares by value.</summary>
    public static bool operator ==(BodySurfaceArea left, BodySurfaceArea right) => left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator !=(BodySurfaceArea left, BodySurfaceArea right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BodySurfaceArea other) => SquareMetres == other.SquareMetres;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BodySurfaceArea other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => SquareMetres.GetHashCode();

    /// <summary>Formats with the invariant culture, e.g. <c>1.9 m²</c>.</summary>
    /// <returns>The formatted area.</returns>
    public override string ToString() => SquareMetres.ToString("0.###", CultureInfo.InvariantCulture) + " m²";
}
