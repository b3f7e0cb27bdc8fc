using System;
using System.Linq;
using Xunit;

namespace IntraperitonealCoding.Tests;

public sealed class ModifierTests
{
    [Theory]
    [InlineData("Q1")]
    [InlineData("59")]
    [InlineData("XS")]
    [InlineData("A9")]
    public void TwoUpperCaseLettersOrDigits_AreAModifier(string code)
    {
        Assert.True(Modifier.TryParse(code, out Modifier modifier));
        Assert.Equal(code, modifier.Code);
        Assert.Equal(code, modifier.ToString());
        Assert.Equal(modifier, Modifier.Parse(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Q")]
    [InlineData("Q1A")]
    [InlineData("q1")]
    [InlineData("Q-")]
    [InlineData(" Q1")]
    [InlineData(null)]
    public void AnythingElse_IsNotAModifier(string? code)
    {
        Assert.False(Modifier.TryParse(code, out Modifier modifier));
        Assert.Equal(default, modifier);
        if (code is not null)
        {
            Assert.Throws<FormatException>(() => Modifier.Parse(code));
        }
    }

    [Fact]
    public void Parse_OfAMalformedCode_SaysWhatAModifierIs()
        => Assert.Equal("'Q1A' is not a modifier: two upper-case letters or digits.", Assert.Throws<FormatException>(() => Modifier.Parse("Q1A")).Message);

    [Fact]
    public void Parse_OfNull_IsAProgrammerError() => Assert.Throws<ArgumentNullException>(() => Modifier.Parse(null!));

    [Fact]
    public void NamedModifiers_AreTheirCodes_AndEqualParsedOnes()
    {
        Assert.Equal(new[] { "Q0", "Q1", "JW", "JZ", "GA", "GZ" }, new[] { Modifier.Q0, Modifier.Q1, Modifier.JW, Modifier.JZ, Modifier.GA, Modifier.GZ }.Select(m => m.Code));
        Assert.Equal(Modifier.Q1, Modifier.Parse("Q1"));
        Assert.NotEqual(Modifier.Q0, Modifier.Q1);
        Assert.True(Modifier.JW == Modifier.Parse("JW"));
    }

    [Fact]
    public void DefaultModifier_HasAnEmptyCode() => Assert.Equal(string.Empty, default(Modifier).Code);

    [Fact]
    public void CodedTrialLine_CarriesTheTypedQ1()
    {
        CodingResult result = RuleSet.Default.Code(CaseFile.Read(System.IO.Path.Combine(Infrastructure.Paths.Root, "examples", "trial-pipac-commercial-professional.yaml")).Case!);
        Assert.Contains(result.Lines, l => l.Modifiers.Contains(Modifier.Q1));
    }
}
