using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>The per-case costs: read a case, code it, write the result.</summary>
[MemoryDiagnoser]
public class CodingBenchmarks
{
    private RuleSet rules = null!;
    private CodingCase hipec = null!;
    private CodingCase pipacTrial = null!;
    private CodingResult result = null!;
    private string hipecJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        rules = RuleSet.Default;
        string examples = Path.Combine(RepositoryRoot(), "examples");
        hipec = CaseFile.Read(Path.Combine(examples, "hipec-crs-appendix-professional.yaml")).Case!;
        var studies = IntraperitonealCoding.Research.StudyCatalogue.Read(Path.Combine(RepositoryRoot(), "studies")).Catalogue!;
        pipacTrial = CaseFile.Read(Path.Combine(examples, "pipac-course-nct04329494", "cycle-3.yaml"), ReadLimits.Default, studies).Case!;
        result = rules.Code(pipacTrial);
        hipecJson = CaseGenerator.Generate(1, seed: 3).Single();
    }

    [Benchmark(Description = "code one HIPEC case")]
    public CodingResult CodeHipec() => rules.Code(hipec);

    [Benchmark(Description = "code one PIPAC trial case")]
    public CodingResult CodePipacTrial() => rules.Code(pipacTrial);

    [Benchmark(Description = "serialise one result to JSON")]
    public string Serialise() => ResultJson.Serialize(result, indented: false);

    [Benchmark(Description = "parse one JSON case")]
    public CaseReadResult ParseJson() => CaseFile.Parse(hipecJson, "bench", DocumentFormat.Json);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coding.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Coding.sln not found");
    }
}

/// <summary>Loading and validating the default rule set from its embedded YAML (what the first call to RuleSet.Default costs).</summary>
[MemoryDiagnoser]
public class RuleLoadingBenchmarks
{
    [Benchmark(Description = "load and validate the default rules")]
    public RuleSet LoadDefault() => RuleSetBuilder.Build("embedded", RuleSet.EmbeddedSources(), System.Array.Empty<string>());
}
