using System;
using Xunit;

namespace IntraperitonealCoding.Tests;

public sealed class QuantityTests
{
    [Fact]
    public void FromCelsius_NaN_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Temperature.FromCelsius(double.NaN));

    [Fact]
    public void FromCelsius_Infinity_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Temperature.FromCelsius(double.PositiveInfinity));

    [Fact]
    public void FromCelsius_BelowAbsoluteZero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Temperature.FromCelsius(-300));

    [Fact]
    public void Temperature_ToString_IsInvariantCelsius() => Assert.Equal("42.5 °C", Temperature.FromCelsius(42.5).ToString());

    [Fact]
    public void FromFahrenheit_108_IsAbout42Celsius() => Assert.Equal(42.22, Temperature.FromFahrenheit(108).Celsius, 2);

    [Fact]
    public void TemperatureRange_MaxBelowMin_Throws() => Assert.Throws<ArgumentException>(() => TemperatureRange.FromCelsius(43, 41));

    [Fact]
    public void TemperatureRange_Contains_IsInclusiveAtBothEnds()
    {
        var band = TemperatureRange.FromCelsius(41, 43);
        Assert.True(band.Contains(TemperatureRange.FromCelsius(41, 43)));
        Assert.False(band.Contains(TemperatureRange.FromCelsius(40.9, 42)));
    }

    [Fact]
    public void Duration_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromMinutes(-1));

    [Fact]
    public void Duration_NaN_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromMinutes(double.NaN));

    [Fact]
    public void Duration_EqualsByValue() => Assert.Equal(Duration.FromMinutes(90), Duration.FromTimeSpan(TimeSpan.FromHours(1.5)));

    [Fact]
    public void Dose_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligrams(-5));

    [Fact]
    public void Dose_LargeAmount_HashesWithoutOverflow()
        => Assert.Equal(Dose.FromMilligrams(100_000m).GetHashCode(), Dose.FromMilligrams(100_000m).GetHashCode());

    [Fact]
    public void Dose_PerSquareMetre_ConvertsWithBodySurfaceAreaExactly()
        => Assert.Equal(66.5m, Dose.FromMilligramsPerSquareMetre(35).ToMilligrams(BodySurfaceArea.FromSquareMetres(1.9m)));

    [Fact]
    public void Dose_PerSquareMetre_WithoutBodySurfaceArea_IsUnknown()
        => Assert.Null(Dose.FromMilligramsPerSquareMetre(35).ToMilligrams(null));

    [Fact]
    public void BodySurfaceArea_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => BodySurfaceArea.FromSquareMetres(0));

    [Fact]
    public void Pressure_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Pressure.FromMillimetresOfMercury(-1));
}
