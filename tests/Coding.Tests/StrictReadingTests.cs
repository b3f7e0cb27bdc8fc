using System.IO;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// The readers' second-round rules (issue 22): JSON is read strictly, what an escape decodes to is checked as raw
/// text is, a byte order mark read through a text reader is dropped, and the place of service has one check.
/// </summary>
public sealed class StrictReadingTests
{
    private const string Valid = "{\"a\": [1, -0.5, 2e3, 1E-2, true, false, null, {}, []], \"b\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}";

    [Fact]
    public void StrictJson_TakesEveryFormJsonHas()
        => Assert.Null(StrictJson.Check(Valid, 64));

    [Theory]
    [InlineData("{\"a\": 1,}", "A trailing comma before '}'", 1, 8)]
    [InlineData("[1, 2,\n ]", "A trailing comma before ']'", 1, 6)]
    [InlineData("{'a': 1}", "Names are written in double quotes", 1, 2)]
    [InlineData("{\"a\": 'x'}", "Strings are written in double quotes", 1, 7)]
    [InlineData("{a: 1}", "The name 'a' is not quoted", 1, 2)]
    [InlineData("// hello\n{}", "Comments are not JSON", 1, 1)]
    [InlineData("{\"a\": 1 /* x */}", "Comments are not JSON", 1, 9)]
    [InlineData("{\"a\": 01}", "no leading zero", 1, 7)]
    [InlineData("{\"a\": 1.}", "a digit after its decimal point", 1, 7)]
    [InlineData("{\"a\": \"\\x41\"}", "is not a JSON escape", 1, 8)]
    public void StrictJson_RefusesTheLenientForms_WhereTheyAre(string text, string message, int line, int column)
    {
        var defect = StrictJson.Check(text, 64);
        Assert.NotNull(defect);
        Assert.True(defect!.Value.Lenient);
        Assert.Equal(DataErrorIds.Syntax, defect.Value.Id);
        Assert.Contains(message, defect.Value.Message, System.StringComparison.Ordinal);
        Assert.Equal(new SourceMark(line, column), defect.Value.At);
    }

    [Theory]
    [InlineData("{\"a\": \"\\u0000\"}")]
    [InlineData("{\"a\": \"\\uFFFE\"}")]
    [InlineData("{\"a\": \"\\uffff\"}")]
    [InlineData("{\"a\": \"\\ud800\"}")]
    [InlineData("{\"a\": \"\\ud800\\u0041\"}")]
    [InlineData("{\"a\": \"\\udc00\\ud800\"}")]
    [InlineData("{\"\\u0000\": 1}")]
    public void StrictJson_RefusesEscapesOfWhatNoDataFileMayHold(string text)
        => Assert.Equal(DataErrorIds.InvalidText, StrictJson.Check(text, 64)!.Value.Id);

    [Theory]
    [InlineData("a: \"x\\0y\"")]
    [InlineData("a: \"x\\x00y\"")]
    [InlineData("a: \"\\uFFFE\"")]
    [InlineData("a: \"\\U0000FFFF\"")]
    [InlineData("\"k\\0\": 1")]
    public void Yaml_RefusesEscapesOfWhatNoDataFileMayHold(string text)
    {
        var sink = new DataErrorSink("t.yaml");
        DocumentReader.Read(text, DocumentFormat.Yaml, sink);
        Assert.Equal(DataErrorIds.InvalidText, Assert.Single(sink.Errors).Id);
    }

    [Fact]
    public void ACaseReadThroughATextReader_DropsALeadingByteOrderMark()
    {
        string text = "\uFEFF" + File.ReadAllText(System.IO.Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"));
        CaseReadResult read = CaseFile.Read(new StringReader(text), "stdin", DocumentFormat.Yaml);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
    }

    [Theory]
    [InlineData("21", true)]
    [InlineData("00", true)]
    [InlineData("21\n", false)]
    [InlineData("2", false)]
    [InlineData("\u0662\u0661", false)] // Arabic-Indic digits: digits to char.IsDigit, not a place of service
    [InlineData("2a", false)]
    public void PlaceOfService_HasOneCheck_ForTheReaderAndTheConstructor(string text, bool valid)
    {
        Assert.Equal(valid, CodingCase.IsPlaceOfService(text));
        string yaml = File.ReadAllText(System.IO.Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"))
            .Replace("place_of_service: \"21\"", "place_of_service: \"" + text.Replace("\n", "\\n", System.StringComparison.Ordinal) + "\"", System.StringComparison.Ordinal);
        CaseReadResult read = CaseFile.Parse(yaml, "case.yaml", DocumentFormat.Yaml);
        Assert.Equal(valid, read.Succeeded);
        if (!valid)
        {
            Assert.Equal(DataErrorIds.InvalidValue, Assert.Single(read.Errors).Id);
        }
    }
}
