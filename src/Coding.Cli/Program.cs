using System;

namespace IntraperitonealCoding.Tool;

/// <summary>The <c>coding</c> console's entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
        => CliApp.Run(args, StandardOutputWriter.ForThisProcess(), Console.Error, stderrIsTerminal: !Console.IsErrorRedirected, console: ConsoleOptions.ForThisProcess());
}
