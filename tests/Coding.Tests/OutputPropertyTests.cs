using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>
/// Laws of the machine outputs (issue 22): whatever a case's texts hold (control characters, CR and LF, line
/// separators, bidirectional overrides, quotes, commas, X12 delimiters, formula starters), no CSV (<c>ResultCsv</c>,
/// the study reconciliation, the billing grid) ever holds a raw control character or a cell a spreadsheet would run,
/// every row is as wide as the header, and the case id reads back as written (escaped); no X12 fragment, with any
/// delimiters the options accept, ever holds a delimiter inside an element or a character outside the extended set,
/// and a value it cannot carry is refused with a problem, never written.
/// </summary>
public sealed class OutputPropertyTests
{
    /// <summary>The characters hostile texts are made of: the ones that break outputs, and ordinary ones between them.</summary>
    private const string Pool = "aZ09 -.,\"'=+@;|*:^~!>{}#$%&/?_\\\t\r\n\u001B\u0007\u007F\u0085\u009B\u2028\u2029\u202E\u2066\u00E9\u00B2";

    private static readonly string CourseCase = File.ReadAllText(Path.Combine(Paths.Examples, "pipac-course-nct04329494", "cycle-1.yaml"));

    private static readonly string ProfessionalCase = File.ReadAllText(Path.Combine(Paths.Examples, "hipec-crs-appendix-professional.yaml"));

    [Fact]
    public void AnyCaseIdOrSubject_GivesCsvWithoutRawControlsOrFormulas_AndReadsBackEscaped()
    {
        int written = 0;
        Prop.ForAll<int[], int[]>((id, subject) =>
        {
            string caseId = Text(id, "c");
            CodingCase? read = Read(CourseCase.Replace("case_id: pipac-nct04329494-c1", "case_id: " + Quoted(caseId), StringComparison.Ordinal).Replace("subject: \"001\"", "subject: " + Quoted(Text(subject, "s")), StringComparison.Ordinal));
            if (read is null)
            {
                return true; // refused with located errors (a blank id, a NUL): nothing to write
            }

            CodingResult result = RuleSet.Default.Code(read);
            var rows = OutputLaws.AssertCsv(ResultCsv.Serialize(new[] { result }));
            Assert.Equal(ResultCsv.Columns.Count, rows[0].Count);
            Assert.All(rows.Skip(1), r => Assert.Equal(SafeText.Escape(read.CaseId), r[0].TrimStart('\'')));

            OutputLaws.AssertCsv(StudyReconciliation.Reconcile(BundledStudies.Pipac, RuleSet.Default, new[] { read }).ToCsv());
            OutputLaws.AssertCsv(BillingGrid.Build(new[] { read }, RuleSet.Default).ToCsv());
            written++;
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
        Assert.True(written > 100, $"only {written} of 150 hostile cases were read: the law was hardly tried");
    }

    [Fact]
    public void AnyCaseIdAndDelimiters_GiveX12WithNoDelimiterInsideAnElement_OrAProblem()
    {
        int written = 0;
        int refused = 0;
        Prop.ForAll<int[], int, bool>((id, delimiterSeed, lineBreaks) =>
        {
            if (Delimiters(delimiterSeed) is not { } delimiters)
            {
                return true;
            }

            // Half the ids (chosen by the line-break flag) surely hold what X12 cannot carry: one of its delimiters, or ESC.
            string caseId = Text(id, "c") + (!lineBreaks ? string.Empty : delimiterSeed % 2 == 0 ? delimiters.Element.ToString() : "\u001B");
            foreach (string template in new[] { ProfessionalCase, CourseCase })
            {
                string text = template.Replace("case_id: crs-hipec-001", "case_id: " + Quoted(caseId), StringComparison.Ordinal).Replace("case_id: pipac-nct04329494-c1", "case_id: " + Quoted(caseId), StringComparison.Ordinal);
                if (Read(text) is not { } read)
                {
                    continue;
                }

                X12Rendering rendering = ResultX12.Render(RuleSet.Default.Code(read), new X12Options(delimiters, lineBreaks));
                if (!rendering.Succeeded)
                {
                    Assert.NotEmpty(rendering.Problems);
                    Assert.Empty(rendering.Text);
                    refused++;
                    continue;
                }

                OutputLaws.AssertX12(rendering.Text, delimiters, lineBreaks);
                var clm = X12Reader.Read(rendering.Text, delimiters).First(s => s.Id == "CLM");
                Assert.StartsWith(read.CaseId, clm[1], StringComparison.Ordinal);
                written++;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
        Assert.True(written > 10 && refused > 10, $"{written} written, {refused} refused: the law was hardly tried");
    }

    [Fact]
    public void EveryExample_WithEveryAcceptedDelimiterSet_WritesElementsWithoutDelimiters()
    {
        // Exhaustive over the examples: dates (RD8 ranges), quantities, units, pointers and codes included.
        var examples = Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (int seed in Enumerable.Range(0, 40))
        {
            if (Delimiters(seed * 7919) is not { } delimiters)
            {
                continue;
            }

            foreach (string example in examples)
            {
                if (BundledStudies.Read(example).Case is not { } read)
                {
                    continue;
                }

                CodingResult result = RuleSet.Default.Code(read);
                X12Rendering rendering = ResultX12.Render(result, new X12Options(delimiters));
                Assert.True(rendering.Succeeded || !result.Ready || rendering.Problems.Count > 0, example);
                OutputLaws.AssertX12(rendering.Text, delimiters, lineBreaks: true);
                OutputLaws.AssertCsv(ResultCsv.Serialize(new[] { result }));
            }
        }
    }

    [Theory]
    [InlineData(0.001, "0.001")]
    [InlineData(20, "20")]
    [InlineData(2.5, "2.5")]
    [InlineData(99999.999, "99999.999")]
    public void AQuantity_IsWrittenExactly_InEveryOutput(double given, string written)
    {
        decimal quantity = (decimal)given;
        Assert.Equal(written, ResultX12.QuantityText(quantity));
        Assert.Null(DrugNdc.QuantityProblem(quantity));
    }

    [Theory]
    [InlineData(0.0001)]
    [InlineData(1.2345)]
    [InlineData(0)]
    [InlineData(-1)]
    public void AQuantityTheOutputsCannotAllWriteAlike_IsRefused_ByTheReaderAndTheConstructorAlike(double given)
    {
        decimal quantity = (decimal)given;
        Assert.NotNull(DrugNdc.QuantityProblem(quantity));
        Assert.Throws<ArgumentException>(() => new DrugNdc(NationalDrugCode.Parse("99999-0123-01"), NdcUnit.Millilitre, quantity));
    }

    /// <summary>A text of pool characters; never empty, so a case id stays an id.</summary>
    private static string Text(int[]? picks, string first)
    {
        var text = new StringBuilder(first);
        foreach (int pick in picks ?? Array.Empty<int>())
        {
            text.Append(Pool[Math.Abs(pick % Pool.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar that decodes to exactly <paramref name="text"/>.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return quoted.Append('"').ToString();
    }

    private static CodingCase? Read(string text) => CaseFile.Parse(text, "property.yaml", DocumentFormat.Yaml, ReadLimits.Default, BundledStudies.Catalogue).Case;

    /// <summary>Four delimiters picked from printable ASCII by a seed, or null when the options refuse them.</summary>
    private static X12Delimiters? Delimiters(int seed)
    {
        const string candidates = "*:^~|!>{}#$%&@;,/?+=_<[]`'\"-.()";
        var random = new Random(seed);
        var chosen = candidates.OrderBy(_ => random.Next()).Take(4).ToArray();
        try
        {
            return new X12Delimiters(chosen[0], chosen[1], chosen[2], chosen[3]);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
