using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// What coding a list of case files gave. Unreadable files are reported to stderr and counted, never silently
/// dropped; an unexpected failure on one file is one line naming it, and the other files are still coded.
/// </summary>
internal sealed class CodedFiles
{
    private CodedFiles()
    {
    }

    public List<CodingResult> Results { get; } = new();

    public List<CodingCase> Cases { get; } = new();

    public bool Unreadable { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Gets or sets a value indicating whether a result could not be written in the chosen format (X12: not ready, or a value X12 cannot carry).</summary>
    public bool NotWritten { get; set; }

    /// <summary>Gets the exit code: a failure (70) outranks an unreadable file (2), which outranks error findings (1) and a result not written (1).</summary>
    public int ExitCode
        => Failed ? ExitCodes.InternalError
            : Unreadable ? ExitCodes.Unreadable
            : Results.All(r => r.Ready) && !NotWritten ? ExitCodes.Ready : ExitCodes.FindingsHaveErrors;

    /// <summary>Reads and codes each file (<c>-</c> is standard input).</summary>
    public static CodedFiles Code(IReadOnlyList<string> files, ConsoleInput input, RuleSet rules, StudyCatalogue studies, ReadLimits limits, TextWriter stderr)
    {
        var outcomes = new CodedFiles();
        foreach (string file in files)
        {
            if (files is CaseInputs.CaseInputList { Refused: var refused } && refused.TryGetValue(file, out string? why))
            {
                outcomes.Unreadable = true;
                stderr.WriteLine(why);
                continue;
            }

            try
            {
                CaseReadResult read = CaseInputs.Read(file, input, limits, studies);
                if (!read.Succeeded)
                {
                    outcomes.Unreadable = true;
                    foreach (var error in read.Errors)
                    {
                        stderr.WriteLine(error.ToString());
                    }

                    continue;
                }

                outcomes.Results.Add(rules.Code(read.Case));
                outcomes.Cases.Add(read.Case);
            }
#pragma warning disable CA1031 // One file's defect must not hide the other files' results.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcomes.Failed = true;
                stderr.WriteLine(CliApp.InternalError(file, ex));
            }
        }

        return outcomes;
    }
}
