using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>
/// End-to-end batch throughput, JSON in and JSON out, on generated cases held in memory (so the disk is not measured).
/// One operation codes <see cref="Cases"/> cases: cases per second = Cases / Mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GcConfig))]
public class BatchBenchmarks
{
    private string input = null!;

    /// <summary>Gets or sets the number of cases per operation.</summary>
    public int Cases { get; set; } = 10_000;

    /// <summary>Gets or sets the degree of parallelism: 1 core, or every core of the machine.</summary>
    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup() => input = string.Join("\n", CaseGenerator.Generate(Cases, seed: 7)) + "\n";

    [Benchmark(Description = "batch 10,000 cases (JSON in, JSON out)")]
    public BatchSummary Batch() => BatchCoder.Run(RuleSet.Default, new StringReader(input), TextWriter.Null, new BatchOptions(Parallelism));

    /// <summary>Runs each case twice: with the default GC, and with a 64 MB gen0 budget (see docs/performance.md).</summary>
    private sealed class GcConfig : ManualConfig
    {
        public GcConfig()
        {
            AddJob(Job.Default.WithId("default GC"));
            AddJob(Job.Default.WithId("gen0 64 MB").WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000")));
        }
    }
}
