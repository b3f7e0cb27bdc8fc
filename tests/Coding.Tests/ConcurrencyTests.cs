using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

/// <summary>A loaded rule set is shared across threads: many threads coding the examples get exactly the single-threaded results.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void ManyThreadsCodingTheExamplesOnOneRuleSet_GetTheSingleThreadedResults()
    {
        RuleSet rules = RuleSet.Load(Paths.Data);
        CodingCase[] cases = Directory.GetFiles(Paths.Examples, "*.*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => BundledStudies.Read(f).Case!)
            .ToArray();
        string[] expected = cases.Select(c => ResultJson.Serialize(rules.Code(c))).ToArray();

        const int threads = 8;
        const int rounds = 25;
        var mismatches = new int[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (int round = 0; round < rounds; round++)
            {
                for (int i = 0; i < cases.Length; i++)
                {
                    // Each thread walks the cases from a different start, so different cases are coded at the same time.
                    int index = (i + thread * 7 + round) % cases.Length;
                    if (ResultJson.Serialize(rules.Code(cases[index])) != expected[index])
                    {
                        mismatches[thread]++;
                    }
                }
            }
        });

        Assert.Equal(0, mismatches.Sum());
    }
}
