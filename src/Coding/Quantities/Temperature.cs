using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A temperature, stored in degrees Celsius. Immutable.
/// </summary>
/// <remarks>
/// <c>default(Temperature)</c> is 0 °C. Whether a temperature is clinically plausible is decided by
/// the rule data and reported as a finding; this type only rejects values that cannot exist.
/// </remarks>
public readonly struct Temperature : IEquatable<Temperature>, IComparable<Temperature>
{
    /// <summary>Absolute zero in degrees Celsius; no temperature can be lower.</summary>
    public const double AbsoluteZeroCelsius = -273.15;

    private Temperature(double celsius) => Celsius = celsius;

    /// <summary>Gets the temperature in degrees Celsius.</summary>
    public double Celsius { get; }

    /// <summary>Gets the temperature in degrees Fahrenheit.</summary>
    public double Fahrenheit => (Celsius * 9.0 / 5.0) + 32.0;

    /// <summary>Creates a temperature from degrees Celsius.</summary>
    /// <param name="celsius">Degrees Celsius; finite and not below absolute zero.</param>
    /// <returns>The temperature.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or below absolute zero.</exception>
    public static Temperature FromCelsius(double celsius)
    {
        Preconditions.CheckFinite(celsius, nameof(celsius));
        Preconditions.CheckArgumentRange(celsius >= AbsoluteZeroCelsius, nameof(celsius), celsius, "A temperature cannot be below absolute zero.");
        return new Temperature(celsius);
    }

    /// <summary>Creates a temperature from degrees Fahrenheit.</summary>
    /// <param name="fahrenheit">Degrees Fahrenheit; finite and not below absolute zero.</param>
    /// <returns>The temperature.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or below absolute zero.</exception>
    public static Temperature FromFahrenheit(double fahrenheit)
    {
        Preconditions.CheckFinite(fahrenheit, nameof(fahrenheit));
        return FromCelsius((fahrenheit - 32.0) * 5.0 / 9.0);
    }

    /// <summary>Compares by value.</summary>
    public static bool operator ==(Temperature left, Temperature right) => left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator !=(Temperature left, Temperature right) => !left.Equals(right);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Temperature left, Temperature right) => left.Celsius < right.Celsius;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Temperature left, Temperature right) => left.Celsius > right.Celsius;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Temperature left, Temperature right) => left.Celsius <= right.Celsius;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Temperature left, Temperature right) => left.Celsius >= right.Celsius;

    /// <inheritdoc />
    public bool Equals(Temperature other) => Celsius.Equals(other.Celsius);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Temperature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Celsius.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Temperature other) => Celsius.CompareTo(other.Celsius);

    /// <summary>Formats with the invariant culture, e.g. <c>42.5 °C</c>.</summary>
    /// <returns>The formatted temperature.</returns>
    public override string ToString() => Celsius.ToString("0.0##", CultureInfo.InvariantCulture) + " °C";
}
