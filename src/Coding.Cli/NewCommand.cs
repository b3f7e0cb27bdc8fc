using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The <c>coding new hipec|pipac</c> command: on a terminal, asks for the case step by step (claim, payer, dates,
/// diagnoses, procedure, drugs, trial), each answer checked by the case reader, then writes the case file and codes
/// it. With no one to ask (input or output redirected), prints a commented template that codes as it stands.
/// </summary>
internal static class NewCommand
{
    /// <summary><c>coding new hipec|pipac</c>.</summary>
    public static Command Create(CommandContext context)
    {
        var kind = ChoiceOption.Argument<ProcedureKind>("kind", "The procedure of the case.");
        var output = new Option<string?>("--out") { Description = "Where to write the case file (never over an existing file; default, or '-': standard output)." };
        var command = new Command("new", "Write a new case file: on a terminal, asked step by step with each answer checked as the reader checks a file, then coded; with input or output redirected, a commented template that codes as it stands.") { kind, output, context.RulesOption, context.StudiesOption };
        command.SetAction(parse => Run(parse.GetValue(kind), OutputTarget.Named(parse.GetValue(output)), parse.GetValue(context.RulesOption), parse.GetValue(context.StudiesOption), context.Input, context.Host.Today, context.RawOut, context.Stdout, context.Stderr, context.Console));
        return command;
    }

    public static int Run(ProcedureKind kind, string? output, DirectoryInfo? rulesDirectory, DirectoryInfo? studiesDirectory, ConsoleInput input, DateTime today, TextWriter rawOut, TextWriter stdout, TextWriter stderr, ConsoleOptions console)
    {
        if (output is not null && (File.Exists(output) || Directory.Exists(output)))
        {
            // A case file is someone's work: never replaced by a new one.
            stderr.WriteLine($"coding: {output} exists; 'coding new' never overwrites a file. Choose another name.");
            return ExitCodes.Unreadable;
        }

        CaseDraft template = CaseTemplate.For(kind, today);
        IAnsiConsole? terminal = input.Terminal;
        if (terminal is null || !terminal.Profile.Capabilities.Interactive)
        {
            return WriteTemplate(template, output, rawOut, stderr);
        }

        RuleSet? rules = CliApp.LoadRules(rulesDirectory, stderr);
        StudyCatalogue? studies = rules is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        if (rules is null || studies is null)
        {
            return ExitCodes.Unreadable;
        }

        CaseDraft draft;
        try
        {
            draft = new CasePrompts(new PromptConsole(terminal, new PromptInput(terminal.Input)), rules, studies, template).Run();
        }
        catch (PromptsEndedException)
        {
            stderr.WriteLine("coding: the input ended before the case was complete; nothing was written.");
            return ExitCodes.Unreadable;
        }

        string yaml = CaseYaml.Write(draft, CaseYamlStyle.File);
        CaseReadResult read = CaseFile.Parse(yaml, output ?? CaseDraft.SourceName, DocumentFormat.Yaml, ReadLimits.Default, studies);
        if (!read.Succeeded)
        {
            // Every answer was read back before it was taken: a case that does not read now is a defect (exit 70).
            throw new InvalidOperationException("The case built from the answers does not read: " + read.Errors[0]);
        }

        if (!Write(yaml, output, rawOut, stderr))
        {
            return ExitCodes.Unreadable;
        }

        if (output is not null)
        {
            stdout.WriteLine("wrote " + output);
        }

        stdout.WriteLine();
        stdout.Flush();
        CodingResult result = rules.Code(read.Case);
        ResultTable.Write(rawOut, new[] { result }, console);
        rawOut.Flush(); // The table first, then what the rules added.
        SayWhatTheEngineAdded(read.Case, result, stdout);
        return result.Ready ? ExitCodes.Ready : ExitCodes.FindingsHaveErrors;
    }

    /// <summary>The diagnoses the claim carries that the file does not (Z00.6 for a qualifying trial): said, not silently missing from the file.</summary>
    private static void SayWhatTheEngineAdded(CodingCase written, CodingResult result, TextWriter stdout)
    {
        var added = result.Diagnoses.Except(written.Diagnoses, StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count > 0)
        {
            stdout.WriteLine($"The claim also lists {string.Join(", ", added)}, added by the rules (not in the file: the rules add {(added.Count == 1 ? "it" : "them")} each time the case is coded).");
        }
    }

    private static int WriteTemplate(CaseDraft template, string? output, TextWriter rawOut, TextWriter stderr)
    {
        if (!Write(CaseYaml.Write(template, CaseYamlStyle.Template), output, rawOut, stderr))
        {
            return ExitCodes.Unreadable;
        }

        string kind = WireNames.Of(template.Kind);
        stderr.WriteLine($"coding new: no terminal to ask on (input or output redirected), so this is the {kind.ToUpperInvariant()} template{(output is null ? string.Empty : " in " + output)}: edit it, then 'coding code {output ?? "FILE"}'. Run 'coding new {kind}' in a terminal to be asked instead.");
        return ExitCodes.Ready;
    }

    /// <summary>Writes the YAML to the file (in full or not at all) or to standard output; false after saying why it could not.</summary>
    private static bool Write(string yaml, string? output, TextWriter rawOut, TextWriter stderr)
    {
        if (output is null)
        {
            rawOut.Write(yaml);
            return true;
        }

        using OutputTarget? target = OutputTarget.Open(output, Array.Empty<string>(), stderr);
        if (target is null)
        {
            return false;
        }

        try
        {
            target.Writer.Write(yaml);
            target.Commit();
            return true;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"coding: cannot write {output}: {OutputTarget.Reason(ex)}");
            return false;
        }
    }
}
