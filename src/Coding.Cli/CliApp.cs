using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Threading;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tool;

/// <summary>The console's commands, with the output writers injected so tests can run them in-process.</summary>
internal static class CliApp
{
    internal enum OutputFormat
    {
        Table,
        Json,
        Csv,
        X12,
    }

    internal enum GridFormat
    {
        Table,
        Csv,
    }

    /// <summary>The command users type: the tool's command name (ToolCommandName in the project file).</summary>
    internal const string CommandName = "coding";

    private static readonly string[] HelpArguments = { "--help" };

    /// <summary>Runs a command line. Never throws: an unexpected failure is one line on stderr and exit code 70.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stderrIsTerminal">Whether standard error is a terminal (progress is shown on one).</param>
    /// <param name="console">How tables are drawn (width, colour, box-drawing); default <see cref="ConsoleOptions.Redirected"/>.</param>
    /// <param name="stdin">Standard input (<c>code -</c>); default the process's, decoded as UTF-8.</param>
    /// <param name="terminal">The console to prompt on (<c>coding new</c>); default the process's terminal when neither
    /// its input nor its output is redirected, and none when <paramref name="stdin"/> is given without one.</param>
    /// <param name="cancellation">Stops a batch as SIGINT would.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false, ConsoleOptions? console = null, TextReader? stdin = null, Spectre.Console.IAnsiConsole? terminal = null, CancellationToken cancellation = default)
    {
        // Human-readable output is escaped (ConsoleText); machine output (JSON, CSV, JSON Lines) goes to the raw writer.
        var safeOut = new SafeTextWriter(stdout);
        var safeErr = new SafeTextWriter(stderr);
        try
        {
            return Dispatch(args, stdout, safeOut, safeErr, stderr, stderrIsTerminal, console ?? ConsoleOptions.Redirected, ConsoleInput.For(stdin, terminal), cancellation);
        }
#pragma warning disable CA1031 // The console's last line of defence: a defect gets its own exit code, never a stack trace or exit 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            safeErr.WriteLine(InternalError(Shown.Text("'coding " + string.Join(" ", args) + "'"), ex));
            return ExitCodes.InternalError;
        }
        finally
        {
            safeOut.Flush();
            safeErr.Flush();
        }
    }

    /// <summary>The one-line message for an unexpected failure while working on an input.</summary>
    internal static string InternalError(string input, Exception ex)
        => $"coding: internal error while processing {input}: {ex.GetType().Name}: {ex.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal)} (exit {ExitCodes.InternalError}; please report it with the input)";

    private static int Dispatch(string[] args, TextWriter rawOut, TextWriter stdout, TextWriter stderr, TextWriter rawErr, bool stderrIsTerminal, ConsoleOptions console, ConsoleInput input, CancellationToken cancellation)
    {
        var rulesOption = new Option<DirectoryInfo?>("--rules")
        {
            Description = "A rule set directory (a copy of data/). Default: the rules built into the library.",
        };

        var caseFiles = new Argument<FileInfo[]>("case-file")
        {
            Description = "Case files to code (.yaml, .yml or .json), directories (their case files, sorted; not their subdirectories), or '-' for one case on standard input (JSON if it starts with '{', else YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var formatOption = ChoiceOption.Create<OutputFormat>("--format", "table (for coders), json (for machines), csv (one row per line, every claim field) or x12 (837P/837I claim and service-line segments to merge into the billing system's envelope).");
        var delimitersOption = new Option<string>("--x12-delimiters")
        {
            Description = "The X12 element, component, repetition and segment delimiters, as four characters (default \"*:^~\").",
            DefaultValueFactory = _ => "*:^~",
        };
        var maxFileBytes = new Option<long>("--max-file-bytes")
        {
            Description = $"The largest case file read, in bytes (default {ReadLimits.DefaultMaxFileBytes}).",
            DefaultValueFactory = _ => ReadLimits.DefaultMaxFileBytes,
        };
        var studiesOption = new Option<DirectoryInfo?>("--studies")
        {
            Description = $"The study files a case's trial block can name (trial: {{ study: NCT... }}). Default: the '{StudyCommands.DefaultDirectory}' directory in the current directory, if there is one.",
        };
        var briefOption = new Option<bool>("--brief")
        {
            Description = "Table only: the lines, who pays and the findings; no claim details, units worked out or notes.",
        };
        var code = new Command("code", "Code case files into claim lines, notes and findings.") { caseFiles, rulesOption, studiesOption, formatOption, delimitersOption, maxFileBytes, briefOption };
        code.SetAction(parse => BadLimit(parse.GetValue(maxFileBytes), stderr) ?? BadBrief(parse.GetValue(briefOption), parse.GetValue(formatOption), stderr) ?? (Delimiters(parse.GetValue(delimitersOption)!, stderr) is { } delimiters
            ? Code(parse.GetValue(caseFiles)!, input, parse.GetValue(rulesOption), parse.GetValue(studiesOption), new OutputChoice(parse.GetValue(formatOption), delimiters) { Console = console, Brief = parse.GetValue(briefOption) }, Limits(parse.GetValue(maxFileBytes)), rawOut, stderr)
            : ExitCodes.Unreadable));

        var gridFiles = new Argument<FileInfo[]>("case-file")
        {
            Description = "The case files of one patient's course, one per visit or cycle, or the directory holding them (not its subdirectories).",
            Arity = ArgumentArity.OneOrMore,
        };
        var gridFormat = ChoiceOption.Create<GridFormat>("--format", "table (for people) or csv (for the research office).");
        var grid = new Command("grid", "Print the research-billing grid of a course: items by cycle, who pays, totals per payer.") { gridFiles, rulesOption, studiesOption, gridFormat, maxFileBytes };
        grid.SetAction(parse => BadLimit(parse.GetValue(maxFileBytes), stderr) ?? Grid(parse.GetValue(gridFiles)!, input, parse.GetValue(rulesOption), parse.GetValue(studiesOption), parse.GetValue(gridFormat), Limits(parse.GetValue(maxFileBytes)), rawOut, stderr, console));

        var studyFile = new Option<FileInfo>("--study")
        {
            Description = "The study file (its coverage analysis) to reconcile the cases with.",
            Required = true,
        };
        var reconcileFiles = new Argument<FileInfo[]>("case-file")
        {
            Description = "The case files of the study's patients, one per visit.",
            Arity = ArgumentArity.OneOrMore,
        };
        var reconcileFormat = ChoiceOption.Create<StudyCommands.ReconcileFormat>("--format", "table (for people) or csv (for the research compliance office).");
        var reconcile = new Command("reconcile", "Reconcile cases with a study's coverage analysis: per patient and visit, what was planned, coded and billed, and every deviation.") { studyFile, reconcileFiles, rulesOption, reconcileFormat, maxFileBytes };
        reconcile.SetAction(parse => BadLimit(parse.GetValue(maxFileBytes), stderr) ?? StudyCommands.Reconcile(parse.GetValue(studyFile)!, parse.GetValue(reconcileFiles)!, parse.GetValue(rulesOption), parse.GetValue(reconcileFormat), Limits(parse.GetValue(maxFileBytes)), rawOut, stdout, stderr));

        var validateDirectory = new Argument<DirectoryInfo?>("dir")
        {
            Description = "The rule set directory to check (default: the rule set built into the library).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check a rule set and list every problem with file:line:column. Exit 0 when clean, 1 when not.") { validateDirectory };
        validate.SetAction(parse => RulesCommands.Validate(parse.GetValue(validateDirectory)!, stdout, stderr));

        var oldDirectory = new Argument<DirectoryInfo>("old-dir") { Description = "The current rule set directory." };
        var newDirectory = new Argument<DirectoryInfo>("new-dir") { Description = "The updated rule set directory." };
        var casesOption = new Option<DirectoryInfo>("--cases")
        {
            Description = "The directory of case files to code with both (searched recursively; default: examples).",
            DefaultValueFactory = _ => new DirectoryInfo("examples"),
        };
        var diff = new Command("diff", "Code every case with both rule sets and print what changed, case by case (nothing when nothing changed).") { oldDirectory, newDirectory, casesOption, studiesOption };
        diff.SetAction(parse => RulesCommands.Diff(parse.GetValue(oldDirectory)!, parse.GetValue(newDirectory)!, parse.GetValue(casesOption)!, parse.GetValue(studiesOption), stdout, stderr));

        var schemaDirectory = new Argument<DirectoryInfo>("dir")
        {
            Description = "Where to write the JSON Schemas, e.g. data/schema (required: nothing is written into the current directory unless asked).",
        };
        var studySchemaDirectory = new Option<DirectoryInfo?>("--study-schema-dir")
        {
            Description = "Also write the study files' schema (study.schema.json) there, e.g. studies/schema.",
        };
        var schema = new Command("schema", "Write the JSON Schemas of the rule files (generated from the loader, for editors).") { schemaDirectory, studySchemaDirectory };
        schema.SetAction(parse => RulesCommands.Schema(parse.GetValue(schemaDirectory)!, parse.GetValue(studySchemaDirectory), stdout, stderr));

        var importKind = ChoiceOption.Argument<IntraperitonealCoding.Maintenance.Import.ImportKind>("kind", "Which CMS file: add-on codes, PTP edits, MUEs, the ICD-10-CM or ICD-10-PCS order file, or the inpatient-only list (OPPS Addendum B).");
        var importFile = new Argument<FileInfo>("file") { Description = "The official CMS file, in its published layout." };
        var importOut = new Option<DirectoryInfo>("--out")
        {
            Description = "The rule set directory whose table is updated (default: data).",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var importCodes = new Option<string?>("--codes") { Description = "Codes to keep, comma-separated, or 'all' (default: the codes the rule set uses)." };
        var importTable = new Option<string>("--table") { Description = "PTP and MUE: practitioner or outpatient_hospital (default practitioner).", DefaultValueFactory = _ => "practitioner" };
        importTable.AcceptOnlyFromAmong("practitioner", "outpatient_hospital");
        var importFrom = new Option<DateTime?>("--effective-from") { Description = "MUE and ipo: the first day the file's values apply (YYYY-MM-DD)." };
        var importYear = new Option<int?>("--fiscal-year") { Description = "icd10cm and icd10pcs: the order file's fiscal year (2027 = 1 Oct 2026 to 30 Sep 2027)." };
        var importRelease = new Option<string?>("--release") { Description = "The release the table is keyed from (default: from the dates, e.g. 2027 Q1)." };
        var import = new Command("import", "Import an official CMS file (AOC, PTP, MUE, ICD-10-CM/PCS order file, OPPS Addendum B) into its rule table.") { importKind, importFile, importOut, importCodes, importTable, importFrom, importYear, importRelease };
        import.SetAction(parse => ImportCommand.Run(parse.GetValue(importKind), parse.GetValue(importFile)!, parse.GetValue(importOut)!, parse.GetValue(importCodes), parse.GetValue(importTable) == "outpatient_hospital" ? IntraperitonealCoding.Maintenance.Import.NcciTable.OutpatientHospital : IntraperitonealCoding.Maintenance.Import.NcciTable.Practitioner, parse.GetValue(importFrom), parse.GetValue(importYear), parse.GetValue(importRelease), stdout, stderr));

        var showPart = ChoiceOption.Argument<RulesShowPart>("what", "What to list: the codes, the drugs, the primary procedures the HIPEC time codes go with, or the payer policies.");
        var showDate = new Option<DateTime?>("--date") { Description = "The date of service to show the rules in force on (YYYY-MM-DD; default today)." };
        var show = new Command("show", "List what a rule set holds in force on a date: codes, drugs, HIPEC primaries or payer policies (default: the built-in rules, today).") { showPart, showDate, rulesOption };
        show.SetAction(parse => RulesShowCommand.Run(parse.GetValue(showPart), parse.GetValue(showDate), parse.GetValue(rulesOption), stdout, stderr));

        var exportDirectory = new Argument<DirectoryInfo>("dir") { Description = "The new rule set directory (empty or missing)." };
        var exportForce = new Option<bool>("--force") { Description = "Write into a directory that is not empty, overwriting the rule files and schemas there." };
        var export = new Command("export", "Write the built-in rule set (rule files and schema/) into a directory: the starting copy of your own rules for --rules.") { exportDirectory, exportForce };
        export.SetAction(parse => RulesExportCommand.Run(parse.GetValue(exportDirectory)!, parse.GetValue(exportForce), stdout, stderr));

        var rulesCommand = new Command("rules", "Tools for rule maintainers: show what is in force, validate a rule set, diff two, export the built-in one, write the schemas, import CMS files.") { show, validate, diff, export, schema, import };

        var batchInput = new Argument<string>("input") { Description = "JSON Lines input, one case per line ('-' for standard input)." };
        var batchOutput = new Option<string?>("--out") { Description = "Where to write the results, one JSON record per input line (default: standard output)." };
        var parallelOption = new Option<int>("--parallel")
        {
            Description = $"How many cases to code at once, 1 to {BatchCommands.MaxParallel} (default 1). Output order and content do not depend on it.",
            DefaultValueFactory = _ => 1,
        };
        var maxLineBytes = new Option<int>("--max-line-bytes")
        {
            Description = $"The longest input line read, in bytes (default {ReadLimits.DefaultMaxLineBytes}); a longer one becomes an error record.",
            DefaultValueFactory = _ => ReadLimits.DefaultMaxLineBytes,
        };
        var compactOption = new Option<bool>("--compact")
        {
            Description = "Write compact records: keys whose value is null, [] or false left out, and note ids instead of note texts; the texts go once to the notes file (--notes-out, default OUT.notes.json). See docs/performance.md.",
        };
        var notesOutput = new Option<string?>("--notes-out") { Description = "With --compact: where to write the notes file (default: the --out file's name + .notes.json)." };
        var batch = new Command("batch", "Code a JSON Lines file of cases, streaming, one result record per input line, in order.") { batchInput, batchOutput, rulesOption, parallelOption, maxLineBytes, compactOption, notesOutput };
        batch.SetAction(parse =>
        {
            if (parse.GetValue(maxLineBytes) is < 1 or > 1 << 30)
            {
                stderr.WriteLine("coding: --max-line-bytes must be from 1 to 1073741824.");
                return ExitCodes.Unreadable;
            }

            var request = new BatchRequest(parse.GetValue(batchInput)!, parse.GetValue(batchOutput), parse.GetValue(rulesOption), parse.GetValue(parallelOption), ReadLimits.Default.WithMaxLineBytes(parse.GetValue(maxLineBytes)))
            {
                Compact = parse.GetValue(compactOption),
                NotesOut = parse.GetValue(notesOutput),
            };
            return BatchCommands.Batch(request, rawOut, stderr, rawErr, stderrIsTerminal, cancellation);
        });

        var newKind = ChoiceOption.Argument<ProcedureKind>("kind", "The procedure of the case.");
        var newOutput = new Option<string?>("--out") { Description = "Where to write the case file (never over an existing file; default: standard output)." };
        var newCase = new Command("new", "Write a new case file: on a terminal, asked step by step with each answer checked as the reader checks a file, then coded; with input or output redirected, a commented template that codes as it stands.") { newKind, newOutput, rulesOption, studiesOption };
        newCase.SetAction(parse => NewCommand.Run(parse.GetValue(newKind), parse.GetValue(newOutput), parse.GetValue(rulesOption), parse.GetValue(studiesOption), input, DateTime.Today, rawOut, stdout, stderr, console));

        var generateCount = new Argument<long>("count") { Description = "How many cases to write." };
        var seedOption = new Option<int>("--seed") { Description = "The seed; the same seed gives the same cases (default 1).", DefaultValueFactory = _ => 1 };
        var generateOutput = new Option<string?>("--out") { Description = "Where to write (default: standard output)." };
        var generate = new Command("generate", "Write realistic synthetic cases as JSON Lines, deterministically from a seed (for load tests).") { generateCount, seedOption, generateOutput };
        generate.SetAction(parse => BatchCommands.Generate(parse.GetValue(generateCount), parse.GetValue(seedOption), parse.GetValue(generateOutput), rawOut, stderr));

        // A plain command named 'coding' rather than RootCommand, whose name is the executable's file name (the
        // assembly, IntraperitonealCoding.Tool): help and messages then name the command users type.
        var root = new Command(CommandName, "Codes HIPEC and PIPAC procedures into claim lines from YAML rule data.") { code, newCase, grid, reconcile, batch, generate, rulesCommand, new HelpOption(), new VersionOption() };
        if (args.Length == 0)
        {
            // Called bare: show what the console can do.
            return root.Parse(HelpArguments).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (CommandLineChecks.UnknownOption(root, args) is { } unknown)
        {
            stderr.WriteLine(unknown);
            stderr.WriteLine("Run 'coding --help' for usage.");
            return ExitCodes.Unreadable;
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("coding: " + error.Message);
            }

            if (args[0].Length > 0 && args[0][0] != '-' && !root.Subcommands.Any(c => c.Name == args[0]) && CommandLineChecks.Closest(args[0], root.Subcommands.Select(c => c.Name)) is { } command)
            {
                stderr.WriteLine($"coding: did you mean 'coding {command}'?");
            }

            stderr.WriteLine("Run 'coding --help' for usage.");
            return ExitCodes.Unreadable;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The read limits for a --max-file-bytes value (checked by <see cref="BadLimit"/> first).</summary>
    private static ReadLimits Limits(long maxFileBytes) => maxFileBytes >= 1 ? ReadLimits.Default.WithMaxFileBytes(maxFileBytes) : ReadLimits.Default;

    /// <summary>Exit 2 with a message for a --max-file-bytes below 1; <see langword="null"/> when it is fine.</summary>
    private static int? BadLimit(long maxFileBytes, TextWriter stderr)
    {
        if (maxFileBytes >= 1)
        {
            return null;
        }

        stderr.WriteLine($"coding: --max-file-bytes must be at least 1; {maxFileBytes} was given.");
        return ExitCodes.Unreadable;
    }

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

    /// <summary>The name of the environment variable that raises the rule file size limit for the console.</summary>
    internal const string MaxRuleFileBytesVariable = "CODING_MAX_RULE_FILE_BYTES";

    /// <summary>The limits for rule directories: the rule defaults, with the file size from the environment when set.</summary>
    internal static ReadLimits RuleLimits()
        => long.TryParse(Environment.GetEnvironmentVariable(MaxRuleFileBytesVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long bytes) && bytes >= 1
            ? ReadLimits.RuleDefault.WithMaxRuleFileBytes(bytes)
            : ReadLimits.RuleDefault;

    /// <summary>Loads the rule set the user asked for, or reports why it cannot be loaded.</summary>
    internal static RuleSet? LoadRules(DirectoryInfo? directory, TextWriter stderr)
    {
        try
        {
            return directory is null ? RuleSet.Default : RuleSet.Load(directory.FullName, RuleLimits());
        }
        catch (RuleDataException ex)
        {
            stderr.WriteLine($"coding: the rule set has {ex.Errors.Count} error(s):");
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot read the rule set {directory}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads and codes each file; unreadable files are reported to stderr and counted, never silently dropped. An
    /// unexpected failure on one file is one line naming it; the other files are still coded and printed.
    /// </summary>
    private static FileOutcomes CodeFiles(IReadOnlyList<string> files, ConsoleInput input, RuleSet rules, IntraperitonealCoding.Research.StudyCatalogue studies, ReadLimits limits, TextWriter stderr)
    {
        var outcomes = new FileOutcomes();
        foreach (string file in files)
        {
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

                outcomes.Results.Add(rules.Code(read.Case!));
                outcomes.Cases.Add(read.Case!);
            }
#pragma warning disable CA1031 // One file's defect must not hide the other files' results.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcomes.Failed = true;
                stderr.WriteLine(InternalError(file, ex));
            }
        }

        return outcomes;
    }

    /// <summary>The exit code for coded results: a failure (70) outranks an unreadable file (2), which outranks error findings (1).</summary>
    private static int ExitCodeOf(FileOutcomes outcomes)
        => outcomes.Failed ? ExitCodes.InternalError
            : outcomes.Unreadable ? ExitCodes.Unreadable
            : outcomes.Results.All(r => r.Ready) ? ExitCodes.Ready : ExitCodes.FindingsHaveErrors;

    /// <summary>Prints a course's grid; <paramref name="stdout"/> is the raw writer (the table escapes what it prints).</summary>
    private static int Grid(FileInfo[] arguments, ConsoleInput input, DirectoryInfo? rulesDirectory, DirectoryInfo? studiesDirectory, GridFormat format, ReadLimits limits, TextWriter stdout, TextWriter stderr, ConsoleOptions console)
    {
        IReadOnlyList<string>? files = CaseInputs.Expand(arguments, stderr);
        RuleSet? rules = files is null ? null : LoadRules(rulesDirectory, stderr);
        IntraperitonealCoding.Research.StudyCatalogue? studies = rules is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        if (files is null || rules is null || studies is null)
        {
            return ExitCodes.Unreadable;
        }

        FileOutcomes outcomes = CodeFiles(files, input, rules, studies, limits, stderr);
        if (outcomes.Unreadable || outcomes.Failed)
        {
            stderr.WriteLine("coding: the grid needs every visit of the course; fix the files above.");
            return ExitCodeOf(outcomes);
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
        BillingGrid grid = BillingGrid.Build(outcomes.Cases, rules);
        if (format == GridFormat.Csv)
        {
            stdout.Write(grid.ToCsv());
        }
        else
        {
            GridTable.Write(stdout, grid, console);
        }

        return ExitCodeOf(outcomes);
    }

    /// <summary>Codes and prints the files; <paramref name="stdout"/> is the raw writer (the table escapes what it prints).</summary>
    private static int Code(FileInfo[] arguments, ConsoleInput input, DirectoryInfo? rulesDirectory, DirectoryInfo? studiesDirectory, OutputChoice output, ReadLimits limits, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<string>? files = CaseInputs.Expand(arguments, stderr);
        RuleSet? rules = files is null ? null : LoadRules(rulesDirectory, stderr);
        IntraperitonealCoding.Research.StudyCatalogue? studies = rules is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        return files is null || rules is null || studies is null ? ExitCodes.Unreadable : CodeWith(rules, files, input, output, limits, stdout, stderr, studies);
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

    /// <summary>Codes and prints the files with a loaded rule set (tests pass a rule set of their own).</summary>
    internal static int CodeWith(RuleSet rules, FileInfo[] files, OutputFormat format, ReadLimits limits, TextWriter stdout, TextWriter stderr, IntraperitonealCoding.Research.StudyCatalogue? studies = null)
        => CodeWith(rules, files.Select(f => f.ToString()).ToList(), ConsoleInput.For(TextReader.Null, null), new OutputChoice(format, X12Delimiters.Default), limits, stdout, stderr, studies);

    private static int CodeWith(RuleSet rules, IReadOnlyList<string> files, ConsoleInput input, OutputChoice output, ReadLimits limits, TextWriter stdout, TextWriter stderr, IntraperitonealCoding.Research.StudyCatalogue? studies)
    {
        FileOutcomes outcomes = CodeFiles(files, input, rules, studies ?? IntraperitonealCoding.Research.StudyCatalogue.Empty, limits, stderr);
        var results = outcomes.Results;
        switch (output.Format)
        {
            case OutputFormat.Json:
                stdout.WriteLine(IntraperitonealCoding.Output.SafeText.EscapeJson(ResultJson.Serialize(results)));
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

                    outcomes.NotWritten |= !rendering.Succeeded;
                    stdout.Write(rendering.Text);
                }

                break;
            default:
                ResultTable.Write(stdout, results, output.Console, output.Brief);
                break;
        }

        int exit = ExitCodeOf(outcomes);
        return exit == ExitCodes.Ready && outcomes.NotWritten ? ExitCodes.FindingsHaveErrors : exit;
    }

    /// <summary>The output format and, for X12, its delimiters; for the table, how it is drawn and whether it is brief.</summary>
    private sealed record OutputChoice(OutputFormat Format, X12Delimiters Delimiters)
    {
        public ConsoleOptions Console { get; init; } = ConsoleOptions.Redirected;

        public bool Brief { get; init; }
    }

    /// <summary>What coding a list of files gave.</summary>
    private sealed class FileOutcomes
    {
        public List<CodingResult> Results { get; } = new();

        public List<CodingCase> Cases { get; } = new();

        public bool Unreadable { get; set; }

        public bool Failed { get; set; }

        /// <summary>Gets or sets a value indicating whether a result could not be written in the chosen format (X12: not ready, or a value X12 cannot carry).</summary>
        public bool NotWritten { get; set; }
    }
}
