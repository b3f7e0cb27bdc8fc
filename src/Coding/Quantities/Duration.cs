using System;
using System.Globalization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A length of time that cannot be negative, such as a perfusion or an aerosol exposure. Immutable.
/// </summary>
/// <remarks><c>default(Duration)</c> is zero.</remarks>
public readonly struct Duration : IEquatable<Duration>, IComparable<Duration>
{
    private readonly TimeSpan value;

    private Duration(TimeSpan value) => this.value = value;

    /// <summary>Gets a zero duration.</summary>
    public static Duration Zero => default;

    /// <summary>Gets the duration in minutes, fractions included.</summary>
    public double TotalMinutes => value.TotalMinutes;

    /// <summary>Gets the duration as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan TimeSpan => value;

    /// <summary>Creates a duration from minutes.</summary>
    /// <param name="minutes">Minutes; finite and not negative.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative or too large.</exception>
    public static Duration FromMinutes(double minutes)
    {
        Preconditions.CheckFinite(minutes, nameof(minutes));
        Preconditions.CheckArgumentRange(minutes >= 0, nameof(minutes), minutes, "A duration cannot be negative.");
        Preconditions.CheckArgumentRange(minutes <= TimeSpan.MaxValue.TotalMinutes / 2, nameof(minutes), minutes, "The duration is too large.");
        return new Duration(TimeSpan.FromTicks((long)Math.Round(minutes * TimeSpan.TicksPerMinute)));
    }

    /// <summary>Creates a duration from a time span.</summary>
    /// <param name="timeSpan">A time span that is not negative.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time span is negative.</exception>
    public static Duration FromTimeSpan(TimeSpan timeSpan)
    {
        Preconditions.CheckArgumentRange(timeSpan >= TimeSpan.Zero, nameof(timeSpan), timeSpan, "A duration cannot be negative.");
        return new Duration(timeSpan);
    }

    /// <summary>Compares by value.</summary>
    public static bool operator ==(Duration left, Duration right) => left.Equals(right);

    /// <summary>Compares by value.</summary>
    public static bool operator !=(Duration left, Duration right) => !left.Equals(right);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Duration left, Duration right) => left.value < right.value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Duration left, Duration right) => left.value > right.value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Duration left, Duration right) => left.value <= right.value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Duration left, Duration right) => left.value >= right.value;

    /// <inheritdoc />
    public bool Equals(Duration other) => value.Equals(other.value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Duration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Duration other) => value.CompareTo(other.value);

    /// <summary>Formats as minutes with the invariant culture, e.g. <c>90 min</c>.</summary>
    /// <returns>The formatted duration.</returns>
    public override string ToString() => TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min";
}
