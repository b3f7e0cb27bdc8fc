using System;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Tool;
using Newtonsoft.Json.Linq;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary><c>coding code</c> and <c>coding grid</c> on a directory, and <c>coding code -</c> on standard input.</summary>
public sealed class CaseInputTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stdin: new StringReader(stdin), host: TestHost.Environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Example(string name) => File.ReadAllText(Path.Combine(Paths.Examples, name));

    [Fact]
    public void Code_Directory_CodesItsCaseFilesSortedByNameAndNotItsSubdirectories()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("b.yaml"), Example("hipec-crs-appendix-professional.yaml"));
        File.WriteAllText(directory.File("a.json"), Example("hipec-2023-before-codes.json"));
        File.WriteAllText(directory.File("c.yml"), Example("pipac-outpatient-biopsies-medicare.yaml"));
        File.WriteAllText(directory.File("notes.txt"), "not a case");
        Directory.CreateDirectory(directory.File("older"));
        File.WriteAllText(Path.Combine(directory.File("older"), "d.yaml"), Example("pipac-inpatient-pcs.yaml"));

        var (exit, output, error) = Run(string.Empty, "code", directory.Path, "--format", "json");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal(new[] { "hipec-2023-unlisted", "crs-hipec-001", "pipac-c1-outpatient" }, JArray.Parse(output).Select(r => (string?)r["case_id"]));
    }

    [Fact]
    public void Code_DirectoryWithNoCaseFiles_ExitsTwoSayingSubdirectoriesAreNotSearched()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("inner"));
        File.WriteAllText(Path.Combine(directory.File("inner"), "a.yaml"), Example("hipec-crs-appendix-professional.yaml"));

        var (exit, output, error) = Run(string.Empty, "code", directory.Path);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("no case files", error, StringComparison.Ordinal);
        Assert.Contains("subdirectories are not searched", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_Dash_ReadsOneYamlCaseFromStandardInput()
    {
        var (exit, output, error) = Run(Example("hipec-crs-appendix-professional.yaml"), "code", "-", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal("crs-hipec-001", (string?)JArray.Parse(output).Single()["case_id"]);
    }

    [Fact]
    public void Code_Dash_TakesStandardInputStartingWithABraceAsJson()
    {
        var (exit, output, error) = Run("\n  " + Example("hipec-2023-before-codes.json"), "code", "-", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal("hipec-2023-unlisted", (string?)JArray.Parse(output).Single()["case_id"]);
    }

    [Fact]
    public void Code_Dash_BrokenInput_ReportsStdinWithTheLineCountedFromTheFirstBlankLine()
    {
        string broken = "\n\n" + Example("hipec-crs-appendix-professional.yaml").Replace("perfusion_minutes: 90", "perfusion_minutes: -5", StringComparison.Ordinal);
        int line = broken.Split('\n').ToList().FindIndex(l => l.Contains("perfusion_minutes", StringComparison.Ordinal)) + 1;

        var (exit, _, error) = Run(broken, "code", "-");

        Assert.Equal(2, exit);
        Assert.Contains($"stdin:{line}:", error, StringComparison.Ordinal);
        Assert.Contains("CASE001", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_EmptyStandardInput_IsUnreadableNotACrash()
    {
        var (exit, _, error) = Run(string.Empty, "code", "-");
        Assert.Equal(2, exit);
        Assert.StartsWith("stdin", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_DashBesideFiles_CodesAllInTheOrderGiven()
    {
        var (exit, output, _) = Run(Example("hipec-crs-appendix-professional.yaml"), "code", Path.Combine(Paths.Examples, "pipac-inpatient-pcs.yaml"), "-", "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("crs-hipec-001", (string?)JArray.Parse(output)[1]["case_id"]);
    }

    [Fact]
    public void Code_DashTwice_ExitsTwoBeforeReading()
    {
        var (exit, output, error) = Run(Example("hipec-crs-appendix-professional.yaml"), "code", "-", "-");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("'-' (standard input) can be given once", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_Directory_GivesTheSameGridAsItsFiles()
    {
        string course = Path.Combine(Paths.Examples, "pipac-course-nct04329494");
        var byDirectory = Run(string.Empty, "grid", course, "--studies", Paths.Studies, "--format", "csv");
        var byFiles = Run(string.Empty, "grid", Path.Combine(course, "cycle-1.yaml"), Path.Combine(course, "cycle-2.yaml"), Path.Combine(course, "cycle-3.yaml"), "--studies", Paths.Studies, "--format", "csv");
        Assert.Equal(0, byDirectory.Exit);
        Assert.Equal(byFiles, byDirectory);
    }

    [Theory]
    [InlineData("{\"case_id\": 1}", DocumentFormat.Json)]
    [InlineData(" \r\n\t{", DocumentFormat.Json)]
    [InlineData("\uFEFF{", DocumentFormat.Json)]
    [InlineData("case_id: x", DocumentFormat.Yaml)]
    [InlineData("# {json?}\n{", DocumentFormat.Yaml)]
    [InlineData("", DocumentFormat.Yaml)]
    public void FormatOf_IsJsonOnlyWhenTheFirstCharacterAfterWhiteSpaceIsABrace(string text, DocumentFormat expected)
        => Assert.Equal(expected, CaseInputs.FormatOf(text));
}
