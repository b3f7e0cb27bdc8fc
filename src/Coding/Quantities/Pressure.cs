using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>A gas pressure in millimetres of mercury, such as a capnoperitoneum. Immutable.</summary>
/// <remarks><c>default(Pressure)</c> is 0 mmHg.</remarks>
public readonly struct Pressure : IEquatable<Pressure>, IComparable<Pressure>
{
    private Pressure(double mmHg) => MillimetresOfMercury = mmHg;

    /// <summary>Gets the pressure in mmHg.</summary>
    public double MillimetresOfMercury { get; }

    /// <summary>Creates a pressure from mmHg.</summary>
    /// <param name="mmHg">Millimetres of mercury; finite and not negative.</param>
    /// <returns>The pressure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or negative.</exception>
    public static Pressure FromMillimetresOfMercury(double mmHg)
    {
        Preconditions.CheckFinite(mmHg, nameof(mmHg));
        Preconditions.CheckArgumentRange(mmHg >= 0, nameof(mmHg), mmHg, "A pressure cannot be negative.");
        return new Pressure(mmHg);
    }

    /// <summary>Compares by value.</summary>
    public static bool operator ==(Pressure left, Pressure right) => left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator !=(Pressure left, Pressure right) => !left.Equals(right);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Pressure left, Pressure right) => left.MillimetresOfMercury < right.MillimetresOfMercury;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Pressure left, Pressure right) => left.MillimetresOfMercury > right.MillimetresOfMercury;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Pressure left, Pressure right) => left.MillimetresOfMercury <= right.MillimetresOfMercury;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Pressure left, Pressure right) => left.MillimetresOfMercury >= right.MillimetresOfMercury;

    /// <inheritdoc />
    public bool Equals(Pressure other) => MillimetresOfMercury.Equals(other.MillimetresOfMercury);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Pressure other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => MillimetresOfMercury.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Pressure other) => MillimetresOfMercury.CompareTo(other.MillimetresOfMercury);

    /// <summary>Formats with the invariant culture, e.g. <c>12 mmHg</c>.</summary>
    /// <returns>The formatted pressure.</returns>
    public override string ToString() => MillimetresOfMercury.ToString("0.##", CultureInfo.InvariantCulture) + " mmHg";
}
