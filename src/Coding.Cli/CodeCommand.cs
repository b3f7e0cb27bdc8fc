using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tool;

/// <summary><c>coding code</c>: case files into claim lines, notes and findings, as a table, JSON, CSV or X12.</summary>
internal static class CodeCommand
{
    internal enum OutputFormat
    {
        Table,
        Json,
        Jsonl,
        Csv,
        X12,
    }

    public static Command Create(CommandContext context)
    {
        var files = new Argument<FileInfo[]>("case-file")
        {
            Description = "Case files to code (.yaml, .yml or .json), directories (their case files, sorted; not their subdirectories), or '-' for one case on standard input (JSON if it starts with '{', else YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = ChoiceOption.Create<OutputFormat>("--format", "table (for coders), json (for machines: one array of results), jsonl (for machines: one result per line, each checked by data/schema/result.schema.json), csv (one row per line, every claim field) or x12 (837P/837I claim and service-line segments to merge into the billing system's envelope).");
        var delimiters = new Option<string>("--x12-delimiters")
        {
            Description = "The X12 element, component, repetition and segment delimiters, as four characters (default \"*:^~\").",
            DefaultValueFactory = _ => "*:^~",
        };
        var brief = new Option<bool>("--brief")
        {
            Description = "Table only: the lines, who pays and the findings; no claim details, units worked out or notes.",
        };
        var code = new Command("code", "Code case files into claim lines, notes and findings.") { files, context.RulesOption, context.StudiesOption, format, delimiters, context.MaxFileBytes, brief };
        code.SetAction(parse => context.BadLimit(parse) ?? BadBrief(parse.GetValue(brief), parse.GetValue(format), context.Stderr) ?? (Delimiters(parse.GetValue(delimiters)!, context.Stderr) is { } chosen
            ? Run(context, parse.GetValue(files)!, parse.GetValue(context.RulesOption), parse.GetValue(context.StudiesOption), new OutputChoice(parse.GetValue(format), chosen) { Console = context.Console, Brief = parse.GetValue(brief) }, context.Limits(parse))
            : ExitCodes.Unreadable));
        return code;
    }

    /// <summary>Codes and prints the files with a loaded rule set (tests pass a rule set of their own).</summary>
    internal static int CodeWith(RuleSet rules, FileInfo[] files, OutputFormat format, ReadLimits limits, TextWriter stdout, TextWriter stderr, StudyCatalogue? studies = null)
        => CodeWith(rules, files.Select(f => f.ToString()).ToList(), ConsoleInput.For(TextReader.Null, null), new OutputChoice(format, X12Delimiters.Default), limits, stdout, stderr, studies);

    /// <summary>Exit 2 with a message for --brief with a format other than the table; <see langword="null"/> when it is fine.</summary>
    private static int? BadBrief(bool brief, OutputFormat format, TextWriter stderr)
    {
        if (!brief || format == OutputFormat.Table)
        {
            return null;
        }

        stderr.WriteLine($"coding: --brief shortens the table; --format {format.ToString().ToLowerInvariant()} always writes everything.");
        return ExitCodes.Unreadable;
    }

    /// <summary>The X12 delimiters the option gives, or null (after saying why) when they are not four distinct delimiters.</summary>
    private static X12Delimiters? Delimiters(string text, TextWriter stderr)
    {
        if (text.Length == 4)
        {
            try
            {
                return new X12Delimiters(text[0], text[1], text[2], text[3]);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"coding: --x12-delimiters: {ex.Message.Split(" (Parameter", 2, StringSplitOptions.None)[0]}");
                return null;
            }
        }

        stderr.WriteLine($"coding: --x12-delimiters takes four characters (element, component, repetition, segment), e.g. \"*:^~\"; got {text.Length}.");
        return null;
    }

    /// <summary>Codes and prints the files to the raw writer (the table escapes what it prints).</summary>
    private static int Run(CommandContext context, FileInfo[] arguments, DirectoryInfo? rulesDirectory, DirectoryInfo? studiesDirectory, OutputChoice output, ReadLimits limits)
    {
        TextWriter stderr = context.Stderr;
        IReadOnlyList<string>? files = CaseInputs.Expand(arguments, stderr);
        RuleSet? rules = files is null ? null : CliApp.LoadRules(rulesDirectory, stderr, context.RuleLimits);
        StudyCatalogue? studies = rules is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        return files is null || rules is null || studies is null ? ExitCodes.Unreadable : CodeWith(rules, files, context.Input, output, limits, context.RawOut, stderr, studies);
    }

    private static int CodeWith(RuleSet rules, IReadOnlyList<string> files, ConsoleInput input, OutputChoice output, ReadLimits limits, TextWriter stdout, TextWriter stderr, StudyCatalogue? studies)
    {
        CodedFiles outcomes = CodedFiles.Code(files, input, rules, studies ?? StudyCatalogue.Empty, limits, stderr);
        var results = outcomes.Results;
        switch (output.Format)
        {
            case OutputFormat.Json:
                stdout.WriteLine(IntraperitonealCoding.Output.SafeText.EscapeJson(ResultJson.Serialize(results)));
                break;
            case OutputFormat.Jsonl:
                foreach (CodingResult result in results)
                {
                    stdout.WriteLine(IntraperitonealCoding.Output.SafeText.EscapeJson(ResultJson.Serialize(result, indented: false)));
                }

                break;
            case OutputFormat.Csv:
                ResultCsv.Write(stdout, results);
                break;
            case OutputFormat.X12:
                var options = new X12Options(output.Delimiters);
                foreach (CodingResult result in results)
                {
                    X12Rendering rendering = ResultX12.Render(result, options);
                    foreach (string problem in rendering.Problems)
                    {
                        stderr.WriteLine("coding: x12: " + problem);
                    }

                    if (rendering.Succeeded && rendering.Claims.Count == 0)
                    {
                        // Nothing is billed to an insurer (self-pay, or every item the sponsor's): say so rather than print nothing.
                        stderr.WriteLine($"coding: x12: {IntraperitonealCoding.Output.SafeText.Escape(result.CaseId)}: there is no claim to write: no line is billed to an insurer ({(result.Payer == PayerType.SelfPay ? "the patient pays" : "every item is the sponsor's or not billable")}).");
                    }

                    outcomes.NotWritten |= !rendering.Succeeded;
                    stdout.Write(rendering.Text);
                }

                break;
            default:
                ResultTable.Write(stdout, results, output.Console, output.Brief);
                break;
        }

        return outcomes.ExitCode;
    }

    /// <summary>The output format and, for X12, its delimiters; for the table, how it is drawn and whether it is brief.</summary>
    private sealed record OutputChoice(OutputFormat Format, X12Delimiters Delimiters)
    {
        public ConsoleOptions Console { get; init; } = ConsoleOptions.Redirected;

        public bool Brief { get; init; }
    }
}
