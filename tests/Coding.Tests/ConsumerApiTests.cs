using System;
using System.IO;
using System.Linq;
using System.Text;
using IntraperitonealCoding;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Newtonsoft.Json.Linq;
using Xunit;

// Outside the library's namespaces on purpose, with one 'using IntraperitonealCoding;': what a billing developer's
// code sees. Each test compiles only if the everyday path needs no maintainer namespace.
namespace BillingConsumer.Tests;

/// <summary>The everyday API as a consumer meets it: wire names, reading results from streams, printable values.</summary>
public sealed class ConsumerApiTests
{
    private static readonly string[] Examples = { "hipec-oxaliplatin-30min-outpatient.yaml", "trial-pipac-commercial-professional.yaml", "hipec-mitomycin-inpatient.yaml" };

    private static CodingResult Coded(string example) => RuleSet.Default.Code(CaseFile.Read(Path.Combine(Paths.Examples, example)).Case!);

    [Fact]
    public void WireNames_AreReachableFromTheRootNamespace_AsTheJsonWritesThem()
    {
        Assert.Equal("CPT", WireNames.Of(CodeSystem.Cpt));
        Assert.Equal("837I", WireNames.Of(ClaimFormType.Institutional837I));
        Assert.Equal("insurer", WireNames.Of(Responsibility.Insurer));
        Assert.Equal("facility_outpatient", WireNames.Of(ClaimType.FacilityOutpatient));
    }

    [Fact]
    public void ResultJsonRead_FromAStreamAndFromATextReader_GivesWhatTheTextGives()
    {
        var results = Examples.Select(Coded).ToList();
        string json = ResultJson.Serialize(results);

        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray());
        using var reader = new StringReader(json);
        ResultReadResult fromStream = ResultJson.Read(stream, "request 7");
        ResultReadResult fromReader = ResultJson.Read(reader, "upload.json");

        Assert.True(fromStream.Succeeded, string.Join("\n", fromStream.Errors));
        Assert.True(fromReader.Succeeded, string.Join("\n", fromReader.Errors));
        Assert.Equal(json, ResultJson.Serialize(fromStream.Results));
        Assert.Equal(json, ResultJson.Serialize(fromReader.Results));
        Assert.Equal("request 7", fromStream.Source);
    }

    [Fact]
    public void ResultJsonRead_AStreamOverTheSizeLimit_IsOneLimitErrorNamingTheSource()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ResultJson.Serialize(Coded(Examples[0]))));
        ResultReadResult read = ResultJson.Read(stream, "request 8", ReadLimits.Default.WithMaxFileBytes(100));
        DataError error = Assert.Single(read.Errors);
        Assert.Equal("DATA007", error.Id);
        Assert.Equal("request 8", error.File);
        Assert.Empty(read.Results);
    }

    [Fact]
    public void ResultJsonRead_AReaderThatFails_IsAnUnreadableErrorNotAnException()
    {
        ResultReadResult read = ResultJson.Read(new FailingReader(), "socket");
        Assert.Equal("DATA006", Assert.Single(read.Errors).Id);
    }

    [Fact]
    public void LineNdc_PrintsAsTheClaimShowsIt_CodeUnitAndQuantity()
    {
        CodeLine drug = Coded(Examples[0]).Lines.First(l => l.Ndc is not null);
        Assert.Equal("09999-1234-01 MG 828", drug.Ndc!.ToString()); // 460 mg/m² × 1.8 m², as the 837 CTP gives it
    }

    [Fact]
    public void DrugNdc_PrintsItsCodeUnitAndTheQuantitiesGiven()
    {
        Assert.Equal("16729-0288-11 MG 80, discarded 20", new DrugNdc(NationalDrugCode.Parse("16729-288-11"), NdcUnit.Milligram, 80, 20).ToString());
        Assert.Equal("16729-0288-11 UN", new DrugNdc(NationalDrugCode.Parse("16729-288-11"), NdcUnit.Unit).ToString());
    }

    [Fact]
    public void CodeFormatJson_OfSeveralCases_IsAnArray_WhoseEveryElementValidatesAgainstTheResultSchema()
    {
        var (exit, output) = Code("json");
        Assert.InRange(exit, 0, 1);
        var array = Assert.IsType<JArray>(JToken.Parse(output));
        Assert.Equal(Examples.Length, array.Count);
        Assert.All(array, element => Assert.Empty(JsonSchemaCheck.Problems(element, JObject.Parse(IntraperitonealCoding.Maintenance.DocumentSchemas.Result()))));
    }

    [Fact]
    public void CodeFormatJsonl_OfSeveralCases_IsOneResultALine_EachValidatingAgainstTheResultSchema_AndReadingBack()
    {
        var (exit, output) = Code("jsonl");
        Assert.InRange(exit, 0, 1);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Examples.Length, lines.Length);
        foreach (string line in lines)
        {
            Assert.Empty(JsonSchemaCheck.Problems(JToken.Parse(line), JObject.Parse(IntraperitonealCoding.Maintenance.DocumentSchemas.Result())));
            Assert.True(ResultJson.Read(line, "line").Succeeded);
        }

        Assert.Equal(Examples.Select(e => ResultJson.Serialize(Coded(e), indented: false)), lines);
    }

    private static (int Exit, string Out) Code(string format)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(new[] { "code" }.Concat(Examples.Select(e => Path.Combine(Paths.Examples, e))).Concat(new[] { "--format", format }).ToArray(), stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        return (exit, stdout.ToString());
    }

    private sealed class FailingReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count) => throw new IOException("connection reset");
    }
}
