using System.IO;
using BenchmarkDotNet.Attributes;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>
/// Batch time against the floor on the same input in one run: the floor reads each line, parses it with Newtonsoft.Json
/// into a token tree and writes it back (<see cref="Floor"/>); the batch reads, codes and writes. BenchmarkDotNet's
/// Ratio column is batch time / floor time. 10,000 generated cases (seed 7) in memory, written to a discarding writer.
/// </summary>
[MemoryDiagnoser]
public class FloorBenchmarks
{
    private string input = null!;

    /// <summary>Gets or sets the number of workers.</summary>
    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup() => input = string.Join("\n", CaseGenerator.Generate(10_000, seed: 7)) + "\n";

    [Benchmark(Baseline = true, Description = "floor: Newtonsoft token tree, read + write")]
    public long FloorRun() => Floor.Run(new StringReader(input), TextWriter.Null);

    [Benchmark(Description = "batch, full records")]
    public BatchSummary Full() => BatchCoder.Run(RuleSet.Default, new StringReader(input), TextWriter.Null, new BatchOptions(Parallelism));

    [Benchmark(Description = "batch, compact records")]
    public BatchSummary Compact() => BatchCoder.Run(RuleSet.Default, new StringReader(input), TextWriter.Null, new BatchOptions(Parallelism).WithCompact());
}
