using System;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A measured temperature range (lowest and highest reading), or a configured band. Immutable; both ends inclusive.
/// </summary>
public sealed record TemperatureRange
{
    private TemperatureRange(Temperature min, Temperature max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Gets the lowest temperature.</summary>
    public Temperature Min { get; }

    /// <summary>Gets the highest temperature.</summary>
    public Temperature Max { get; }

    /// <summary>Creates a range.</summary>
    /// <param name="min">The lowest temperature.</param>
    /// <param name="max">The highest temperature; not below <paramref name="min"/>.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentException"><paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static TemperatureRange Create(Temperature min, Temperature max)
    {
        Preconditions.CheckArgument(min <= max, nameof(max), "The highest temperature cannot be below the lowest.");
        return new TemperatureRange(min, max);
    }

    /// <summary>Creates a range from degrees Celsius.</summary>
    /// <param name="min">The lowest temperature in °C.</param>
    /// <param name="max">The highest temperature in °C.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a possible temperature.</exception>
    /// <exception cref="ArgumentException"><paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static TemperatureRange FromCelsius(double min, double max) => Create(Temperature.FromCelsius(min), Temperature.FromCelsius(max));

    /// <summary>Tells whether the whole of <paramref name="other"/> lies inside this range.</summary>
    /// <param name="other">The range to test.</param>
    /// <returns><see langword="true"/> when both ends of <paramref name="other"/> are within this range.</returns>
    public bool Contains(TemperatureRange other)
    {
        Preconditions.CheckNotNull(other, nameof(other));
        return other.Min >= Min && other.Max <= Max;
    }

    /// <summary>Formats as <c>41.5–42.5 °C</c> with the invariant culture.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => Min == Max ? Min.ToString() : Min.ToString().Replace(" °C", string.Empty) + "–" + Max;
}
