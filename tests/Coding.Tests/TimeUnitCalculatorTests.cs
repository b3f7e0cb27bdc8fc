using FsCheck;
using FsCheck.Fluent;
using Xunit;
using IntraperitonealCoding.Engine;

namespace IntraperitonealCoding.Tests;

public sealed class TimeUnitCalculatorTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(30, 0, 0)]
    [InlineData(30.5, 1, 0)]
    [InlineData(31, 1, 0)]
    [InlineData(60, 1, 0)]
    [InlineData(75, 1, 0)]
    [InlineData(76, 1, 1)]
    [InlineData(90, 1, 1)]
    [InlineData(105, 1, 1)]
    [InlineData(106, 1, 2)]
    [InlineData(135, 1, 2)]
    [InlineData(136, 1, 3)]
    [InlineData(165, 1, 3)]
    [InlineData(166, 1, 4)]
    public void Count_FollowsTheMidPointRule(double minutes, int first, int additional)
        => Assert.Equal((first, additional), TimeUnitCalculator.Count(Duration.FromMinutes(minutes), 60, 30));

    [Fact]
    public void Count_NeverDecreasesAsMinutesGrow()
        => Prop.ForAll<ushort, byte>((start, extra) =>
        {
            var shorter = TimeUnitCalculator.Count(Duration.FromMinutes(start), 60, 30);
            var longer = TimeUnitCalculator.Count(Duration.FromMinutes(start + extra), 60, 30);
            return longer.First >= shorter.First && longer.First + longer.Additional >= shorter.First + shorter.Additional;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Count_ReportsNoAdditionalUnitWithoutTheFirst()
        => Prop.ForAll<ushort>(minutes =>
        {
            var (first, additional) = TimeUnitCalculator.Count(Duration.FromMinutes(minutes), 60, 30);
            return first == 1 || additional == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Count_MatchesTheMidPointFormulaForWholeMinutes()
        => Prop.ForAll<ushort>(minutes =>
        {
            var (first, additional) = TimeUnitCalculator.Count(Duration.FromMinutes(minutes), 60, 30);
            int expectedFirst = minutes > 30 ? 1 : 0;
            int expectedAdditional = minutes > 75 ? (minutes - 75 + 29) / 30 : 0;
            return first == expectedFirst && additional == expectedAdditional;
        }).QuickCheckThrowOnFailure();
}
