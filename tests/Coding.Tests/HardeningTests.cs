using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Xunit;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Engine;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>The small parts that keep bad input from crashing, hanging or forging output, one behaviour each.</summary>
public sealed class HardeningTests
{
    [Fact]
    public void AnUnexpectedFailure_ExitsSeventyWithOneLine_NeverOneOrAStackTrace()
    {
        // The case comes on standard input, so the command line quoted in the message is the same in every clone.
        using var stdin = new StringReader(File.ReadAllText(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml")));
        using var stdout = new ThrowingWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(new[] { "code", "-" }, stdout, stderr, stdin: stdin, host: TestHost.Environment);
        Assert.Equal(70, exit);
        string error = stderr.ToString();
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coding: internal error while processing 'coding code -': InvalidOperationException: a defect in the writer (exit 70;", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnexpectedFailure_OnACommandLineLongerThanEightyCharacters_QuotesItsStartAndSaysHowLongItWas()
    {
        // A path made longer than the quoted limit wherever the temporary folder is, so the cut is always exercised.
        using var temp = new TempDirectory();
        string folder = Directory.CreateDirectory(Path.Combine(temp.Path, new string('d', 90))).FullName;
        string file = Path.Combine(folder, "case.yaml");
        File.Copy(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"), file);
        using var stdout = new ThrowingWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(new[] { "code", file }, stdout, stderr, stdin: TextReader.Null, host: TestHost.Environment);
        Assert.Equal(70, exit);
        string error = stderr.ToString();
        string commandLine = "'coding code " + file + "'";
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coding: internal error while processing " + commandLine[..80] + "… (" + commandLine.Length + " characters): ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureOnOneOfSeveralFiles_IsOneLineNamingIt_TheOthersArePrinted_AndTheExitIsSeventy()
    {
        // A rule set without HIPEC rules stands in for a defect: the HIPEC case throws, the PIPAC case codes.
        RuleSet good = RuleSet.Default;
        var broken = WithoutHipecRules(good);
        var files = new[] { "hipec-crs-appendix-professional.yaml", "pipac-outpatient-biopsies-medicare.yaml" }.Select(f => new FileInfo(Path.Combine(Paths.Examples, f))).ToArray();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CodeCommand.CodeWith(broken, files, CodeCommand.OutputFormat.Table, ReadLimits.Default, stdout, stderr);
        Assert.Equal(70, exit);
        Assert.Contains("pipac-c1-outpatient", stdout.ToString(), StringComparison.Ordinal);
        string error = stderr.ToString();
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coding: internal error while processing " + files[0], error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\nb", "a\\x0Ab")]
    [InlineData("\u001b[2J", "\\x1B[2J")]
    [InlineData("x\r\u0085\u009b", "x\\x0D\\x85\\x9B")]
    [InlineData("evil\u202Etxt", "evil\\u202Etxt")]
    [InlineData("caf\u00e9 °C m²", "caf\u00e9 °C m²")]
    public void ConsoleText_EscapesEveryControlCharacter_AndKeepsOrdinaryText(string text, string printed)
        => Assert.Equal(printed, IntraperitonealCoding.Output.SafeText.Escape(text));

    [Fact]
    public void SafeTextWriter_EndsLinesOnlyWhereTheProgramDoes()
    {
        using var inner = new StringWriter();
        using var safe = new SafeTextWriter(inner) { NewLine = "\n" };
        inner.NewLine = "\n";
        safe.WriteLine("case x\nforged:1:1: DATA001: fake");
        safe.Write('\u001b');
        Assert.Equal("case x\\x0Aforged:1:1: DATA001: fake\n\\x1B", inner.ToString());
    }

    [Fact]
    public void JsonForTheConsole_EscapesC1AndBidiCharacters_AndStaysTheSameJson()
    {
        string json = "{\"case_id\": \"a\u009b2J\u202e\u007f\",\n  \"x\": \"°C\"}";
        string escaped = IntraperitonealCoding.Output.SafeText.EscapeJson(json);
        Assert.Equal("{\"case_id\": \"a\\u009B2J\\u202E\\u007F\",\n  \"x\": \"°C\"}", escaped);
        Assert.Equal(Newtonsoft.Json.Linq.JObject.Parse(json).ToString(), Newtonsoft.Json.Linq.JObject.Parse(escaped).ToString());
    }

    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\rb\n", new[] { "a\rb" })]
    [InlineData("a\r\r\n", new[] { "a\r" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("", new string[0])]
    [InlineData("\uFEFFa\n\uFEFFb", new[] { "a", "\uFEFFb" })]
    public void JsonLines_SplitOnLfOnly_DroppingOneCrBeforeIt(string input, string[] lines)
    {
        var reader = new JsonLinesReader(new StringReader(input), 1000);
        var read = new System.Collections.Generic.List<string>();
        while (reader.Next() is { } line)
        {
            read.Add(line.Text!);
        }

        Assert.Equal(lines, read);
    }

    [Fact]
    public void JsonLines_ALineOverTheLimit_IsReportedByItsLengthWithoutBeingKept()
    {
        var reader = new JsonLinesReader(new StringReader(new string('x', 100_000) + "\nok\n"), 1000);
        var first = reader.Next()!.Value;
        Assert.True(first.TooLong);
        Assert.Equal(100_000, first.Bytes);
        Assert.Equal("ok", reader.Next()!.Value.Text);
    }

    [Theory]
    [InlineData("^NCT[0-9]{8}$", true)]
    [InlineData("^(NCT|[0-9]+|[0-9])+$", false)]
    [InlineData("^(x+x+)+y$", false)]
    [InlineData("[", false)]
    public void NctPattern_IsRefusedAtLoad_WhenItCouldHangCoding(string pattern, bool accepted)
    {
        var regex = NctPattern.Compile(pattern, out string? problem);
        Assert.Equal(accepted, regex is not null);
        Assert.Equal(accepted, problem is null);
    }

    [Theory]
    [InlineData("1000000000", "0.001")]
    [InlineData("79228162514264337593543950335", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "1")]
    public void DrugUnits_SaturateInsteadOfOverflowing(string milligrams, string billingUnit)
        => Assert.Equal(int.MaxValue, DrugCoder.Units(decimal.Parse(milligrams, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(billingUnit, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DoseAndBodySurfaceArea_RejectAmountsWhoseProductCouldOverflow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligrams(Dose.MaxAmount + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligramsPerSquareMetre(decimal.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => BodySurfaceArea.FromSquareMetres(BodySurfaceArea.MaxSquareMetres + 1));
        var largest = Dose.FromMilligramsPerSquareMetre(Dose.MaxAmount).ToMilligrams(BodySurfaceArea.FromSquareMetres(BodySurfaceArea.MaxSquareMetres));
        Assert.Equal(Dose.MaxAmount * BodySurfaceArea.MaxSquareMetres, largest);
    }

    [Fact]
    public void DoubleBillingGuard_ReportsEachCodeOnce_InLineOrder()
    {
        var result = RuleSet.Default.Code(CaseFile.Read(Path.Combine(Paths.Examples, "trial-double-billing.yaml")).Case!);
        var findings = result.Findings.Where(f => f.Id == FindingIds.TrialDoubleBilling).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(findings.Count, findings.Select(f => f.Message.Split(' ')[0]).Distinct().Count());
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(1, false)]
    [InlineData(360, false)]
    [InlineData(361, true)]
    [InlineData(1440, true)]
    public void HipecPerfusion_OutsideThePlausibleRange_IsAnErrorFinding(double minutes, bool implausible)
    {
        var result = RuleSet.Default.Code(IntraperitonealCoding.Tests.Infrastructure.Cases.Case(IntraperitonealCoding.Tests.Infrastructure.Cases.Hipec(minutes)));
        var finding = result.Findings.SingleOrDefault(f => f.Id == FindingIds.HipecPerfusionImplausible);
        Assert.Equal(implausible, finding is not null);
        Assert.True(finding is null || (finding.Severity == Severity.Error && !result.Ready && finding.Rule == "hipec-perfusion-plausible"));
    }

    [Fact]
    public void ALineOnWhichCodingFails_GetsAFailedRecord_AndTheOtherLinesAreStillCoded()
    {
        // A rule set without HIPEC rules stands in for a defect: coding a HIPEC case throws, a PIPAC case does not.
        RuleSet good = RuleSet.Default;
        var broken = WithoutHipecRules(good);
        using var generated = new StringWriter();
        CaseGenerator.Write(generated, 40, 2);
        string[] lines = generated.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int hipec = lines.Count(l => l.Contains("\"kind\":\"hipec\"", StringComparison.Ordinal));
        Assert.InRange(hipec, 1, lines.Length - 1);
        foreach (int parallelism in new[] { 1, 2 })
        {
            using var output = new StringWriter();
            var summary = BatchCoder.Run(broken, new StringReader(generated.ToString()), output, new BatchOptions(parallelism, chunkSize: 3));
            var records = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();
            Assert.Equal(lines.Length, records.Count);
            Assert.Equal(hipec, summary.Failed);
            for (int i = 0; i < records.Count; i++)
            {
                bool failed = records[i]["failed"] is not null;
                Assert.Equal(lines[i].Contains("\"kind\":\"hipec\"", StringComparison.Ordinal), failed);
                Assert.True(failed ? (long)records[i]["line"]! == i + 1 : records[i]["case_id"] is not null);
            }
        }
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("a defect in the writer");

        public override void WriteLine(string? value) => throw new InvalidOperationException("a defect in the writer");
    }

    /// <summary>A rule set without HIPEC rules: coding a HIPEC case with it throws, which stands in for a defect.</summary>
    private static RuleSet WithoutHipecRules(RuleSet good)
        => new(good.Name, good.Version, good.Description, good.CoversFrom, "broken", good.Codes, good.Notes, null!, good.Pipac, good.Drugs, good.PayerPolicies, good.Sequencing, good.Trials, good.Tables, good.Abn, good.ClaimFields);
}
