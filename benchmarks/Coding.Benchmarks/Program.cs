using System;
using BenchmarkDotNet.Running;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/IntraperitonealCoding.Benchmarks -- --filter '*'</c>. Two more
/// modes serve <c>measure-process.sh</c>: <c>floor IN OUT</c> (the floor: each line parsed into a Newtonsoft token tree
/// and written back, file to file) and <c>profile IN</c> (where a batch's time goes, stage by stage).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "floor")
        {
            Console.Error.WriteLine(Floor.File(args[1], args[2]));
            return 0;
        }

        if (args.Length == 2 && args[0] == "profile")
        {
            Console.WriteLine(Profile.Run(args[1]));
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
