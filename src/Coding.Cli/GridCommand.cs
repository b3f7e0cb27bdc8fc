using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary><c>coding grid</c>: the research-billing grid of one patient's course.</summary>
internal static class GridCommand
{
    internal enum GridFormat
    {
        Table,
        Csv,
    }

    public static Command Create(CommandContext context)
    {
        var files = new Argument<FileInfo[]>("case-file")
        {
            Description = "The case files of one patient's course, one per visit or cycle, or the directory holding them (not its subdirectories).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = ChoiceOption.Create<GridFormat>("--format", "table (for people) or csv (for the research office).");
        var grid = new Command("grid", "Print the research-billing grid of a course: items by cycle, who pays, totals per payer.") { files, context.RulesOption, context.StudiesOption, format, context.MaxFileBytes };
        grid.SetAction(parse => context.BadLimit(parse) ?? Run(context, parse.GetValue(files)!, parse.GetValue(context.RulesOption), parse.GetValue(context.StudiesOption), parse.GetValue(format), context.Limits(parse)));
        return grid;
    }

    /// <summary>Prints a course's grid to the raw writer (the table escapes what it prints); cases that are not one course are refused.</summary>
    private static int Run(CommandContext context, FileInfo[] arguments, DirectoryInfo? rulesDirectory, DirectoryInfo? studiesDirectory, GridFormat format, ReadLimits limits)
    {
        TextWriter stderr = context.Stderr;
        IReadOnlyList<string>? files = CaseInputs.Expand(arguments, stderr);
        RuleSet? rules = files is null ? null : CliApp.LoadRules(rulesDirectory, stderr, context.RuleLimits);
        StudyCatalogue? studies = rules is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        if (files is null || rules is null || studies is null)
        {
            return ExitCodes.Unreadable;
        }

        CodedFiles outcomes = CodedFiles.Code(files, context.Input, rules, studies, limits, stderr);
        if (outcomes.Unreadable || outcomes.Failed)
        {
            stderr.WriteLine("coding: the grid needs every visit of the course; fix the files above.");
            return outcomes.ExitCode;
        }

        var problems = BillingGrid.CourseProblems(outcomes.Cases);
        if (problems.Count > 0)
        {
            stderr.WriteLine("coding: these cases are not one patient's course, so they make no grid:");
            foreach (string problem in problems)
            {
                stderr.WriteLine("  " + problem);
            }

            return ExitCodes.Unreadable;
        }

        // When every visit names one study, its schedule of events gives the columns.
        BillingGrid grid = BillingGrid.BuildCoded(outcomes.Cases, outcomes.Results);
        if (format == GridFormat.Csv)
        {
            context.RawOut.Write(grid.ToCsv());
        }
        else
        {
            GridTable.Write(context.RawOut, grid, context.Console);
        }

        return outcomes.ExitCode;
    }
}
