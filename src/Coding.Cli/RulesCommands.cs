using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tool;

/// <summary>The <c>coding rules …</c> commands for rule maintainers: validate a rule set, and diff two on the example cases.</summary>
internal static class RulesCommands
{
    /// <summary><c>coding rules</c> and its subcommands.</summary>
    public static Command Create(CommandContext context)
    {
        var validateDirectory = new Argument<DirectoryInfo?>("dir")
        {
            Description = "The rule set directory to check (default: the rule set built into the library).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check a rule set and list every problem with file:line:column. Exit 0 when clean, 1 when not.") { validateDirectory };
        validate.SetAction(parse => Validate(parse.GetValue(validateDirectory)!, context.RuleLimits, context.Stdout, context.Stderr));

        var oldDirectory = new Argument<DirectoryInfo>("old-dir") { Description = "The current rule set directory." };
        var newDirectory = new Argument<DirectoryInfo>("new-dir") { Description = "The updated rule set directory." };
        var casesOption = new Option<DirectoryInfo>("--cases")
        {
            Description = "The directory of case files to code with both (searched recursively; default: examples).",
            DefaultValueFactory = _ => new DirectoryInfo("examples"),
        };
        var diff = new Command("diff", "Code every case with both rule sets and print what changed, case by case (nothing when nothing changed).") { oldDirectory, newDirectory, casesOption, context.StudiesOption };
        diff.SetAction(parse => Diff(parse.GetValue(oldDirectory)!, parse.GetValue(newDirectory)!, parse.GetValue(casesOption)!, parse.GetValue(context.StudiesOption), context.RuleLimits, context.Stdout, context.Stderr));

        var schemaDirectory = new Argument<DirectoryInfo>("dir")
        {
            Description = "Where to write the JSON Schemas, e.g. data/schema (required: nothing is written into the current directory unless asked).",
        };
        var studySchemaDirectory = new Option<DirectoryInfo?>("--study-schema-dir")
        {
            Description = "Also write the study files' schema (study.schema.json) there, e.g. studies/schema.",
        };
        var schema = new Command("schema", "Write the JSON Schemas of the rule files (generated from the loader, for editors).") { schemaDirectory, studySchemaDirectory };
        schema.SetAction(parse => Schema(parse.GetValue(schemaDirectory)!, parse.GetValue(studySchemaDirectory), context.Stdout, context.Stderr));

        Command import = ImportCommand.Create(context);

        var showPart = ChoiceOption.Argument<RulesShowPart>("what", "What to list: the codes, the drugs, the primary procedures the HIPEC time codes go with, the payer policies, or the sources of every table's rows (confirmed and to confirm).");
        var showDate = ChoiceOption.Date("--date", "The date of service to show the rules in force on (default today).");
        var show = new Command("show", "List what a rule set holds in force on a date: codes, drugs, HIPEC primaries or payer policies; or where its rows come from (sources). Default: the built-in rules, today.") { showPart, showDate, context.RulesOption };
        show.SetAction(parse => RulesShowCommand.Run(parse.GetValue(showPart), parse.GetValue(showDate) ?? context.Host.Today, parse.GetValue(context.RulesOption), context.RuleLimits, context.Stdout, context.Stderr));

        var exportDirectory = new Argument<DirectoryInfo>("dir") { Description = "The new rule set directory (empty or missing)." };
        var exportForce = new Option<bool>("--force") { Description = "Write into a directory that is not empty, overwriting the rule files and schemas there." };
        var export = new Command("export", "Write the built-in rule set (rule files and schema/) into a directory: the starting copy of your own rules for --rules.") { exportDirectory, exportForce };
        export.SetAction(parse => RulesExportCommand.Run(parse.GetValue(exportDirectory)!, parse.GetValue(exportForce), context.Stdout, context.Stderr));

        return new Command("rules", "Tools for rule maintainers: show what is in force, validate a rule set, diff two, export the built-in one, write the schemas, import CMS files.") { show, validate, diff, export, schema, import };
    }

    /// <summary>The name the built-in rule set's files are reported under when it is validated.</summary>
    internal const string EmbeddedOrigin = "embedded:data";

    /// <summary>Validates a rule set directory, or the rule set built into the library when none is given.</summary>
    public static int Validate(DirectoryInfo? directory, ReadLimits ruleLimits, TextWriter stdout, TextWriter stderr)
    {
        if (directory is null)
        {
            return ValidateEmbedded(stdout, stderr);
        }

        if (!directory.Exists)
        {
            // Nothing to validate: the input cannot be read (exit 2), which is not a rule set with problems (exit 1).
            stderr.WriteLine(File.Exists(directory.FullName)
                ? $"coding: {directory} is a file; 'coding rules validate' checks a rule set directory (a copy of data/, e.g. from 'coding rules export DIR'), not one rule file."
                : $"coding: rule set directory not found: {directory}");
            return ExitCodes.Unreadable;
        }

        try
        {
            RuleSet rules = RuleSet.Load(directory.FullName, ruleLimits);
            stdout.WriteLine($"{directory}: rule set {rules} is valid.");
            return ExitCodes.Ready;
        }
        catch (RuleDataException ex)
        {
            foreach (var error in ex.Errors)
            {
                stdout.WriteLine(error.ToString());
            }

            stderr.WriteLine($"{directory}: {ex.Errors.Count} problem{(ex.Errors.Count == 1 ? string.Empty : "s")}; the rule set does not load.");
            return ExitCodes.FindingsHaveErrors;
        }
    }

    /// <summary>Loads the built-in rule files afresh (not the cached default), so that every problem is listed as for a directory.</summary>
    private static int ValidateEmbedded(TextWriter stdout, TextWriter stderr)
    {
        try
        {
            RuleSet rules = RuleSet.Load(RuleSet.EmbeddedSources().ToDictionary(s => s.FileName, s => s.Text, StringComparer.Ordinal), EmbeddedOrigin);
            stdout.WriteLine($"The built-in rule set {rules} is valid. (No directory was given; to check a rule set of your own: 'coding rules validate DIR'.)");
            return ExitCodes.Ready;
        }
        catch (RuleDataException ex)
        {
            foreach (var error in ex.Errors)
            {
                stdout.WriteLine(error.ToString());
            }

            stderr.WriteLine($"The built-in rule set: {ex.Errors.Count} problem{(ex.Errors.Count == 1 ? string.Empty : "s")}; it does not load (a bad build of the library).");
            return ExitCodes.FindingsHaveErrors;
        }
    }

    public static int Diff(DirectoryInfo oldDirectory, DirectoryInfo newDirectory, DirectoryInfo casesDirectory, DirectoryInfo? studiesDirectory, ReadLimits ruleLimits, TextWriter stdout, TextWriter stderr)
    {
        RuleSet? before = CliApp.LoadRules(oldDirectory, stderr, ruleLimits);
        RuleSet? after = CliApp.LoadRules(newDirectory, stderr, ruleLimits);
        IntraperitonealCoding.Research.StudyCatalogue? studies = before is null || after is null ? null : StudyCommands.LoadCatalogue(studiesDirectory, stderr);
        if (before is null || after is null || studies is null)
        {
            return ExitCodes.Unreadable;
        }

        if (!casesDirectory.Exists)
        {
            stderr.WriteLine($"coding: case directory not found: {casesDirectory} (give the cases to compare with --cases DIR; the default, examples, is looked for in the current directory)");
            return ExitCodes.Unreadable;
        }

        var cases = new List<KeyValuePair<string, CodingCase>>();
        bool unreadable = false;
        List<string> files;
        try
        {
            files = CaseFiles(casesDirectory).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot list the case directory {casesDirectory}: {ex.Message}");
            return ExitCodes.Unreadable;
        }

        foreach (string file in files)
        {
            CaseReadResult read = CaseFile.Read(file, ReadLimits.Default, studies);
            if (!read.Succeeded)
            {
                unreadable = true;
                foreach (var error in read.Errors)
                {
                    stderr.WriteLine(error.ToString());
                }

                continue;
            }

            cases.Add(new KeyValuePair<string, CodingCase>(Path.Combine(casesDirectory.ToString(), Path.GetRelativePath(casesDirectory.FullName, file)), read.Case!));
        }

        if (before.Version == after.Version)
        {
            stderr.WriteLine($"coding: warning: both rule sets are version {before.Version}; bump 'version' in rule-set.yaml with every change.");
        }

        var changed = RuleSetComparison.Compare(before, after, cases).Where(c => c.Changes.Count > 0).ToList();
        foreach (CaseComparison comparison in changed)
        {
            stdout.WriteLine($"{comparison.Source} ({comparison.CaseId})");
            foreach (CaseChange change in comparison.Changes)
            {
                stdout.WriteLine("  " + change);
            }
        }

        stderr.WriteLine($"rules diff: {changed.Count} of {cases.Count} case{(cases.Count == 1 ? string.Empty : "s")} changed ({before} -> {after}).");
        return unreadable ? ExitCodes.Unreadable : ExitCodes.Ready;
    }

    public static int Schema(DirectoryInfo directory, DirectoryInfo? studySchemaDirectory, TextWriter stdout, TextWriter stderr)
    {
        string current = directory.ToString();
        try
        {
            directory.Create();
            foreach (var (name, text) in Schemas())
            {
                current = Path.Combine(directory.ToString(), name);
                File.WriteAllText(Path.Combine(directory.FullName, name), text);
                stdout.WriteLine("wrote " + current);
            }

            if (studySchemaDirectory is not null)
            {
                studySchemaDirectory.Create();
                current = Path.Combine(studySchemaDirectory.ToString(), StudySchemaFileName);
                File.WriteAllText(Path.Combine(studySchemaDirectory.FullName, StudySchemaFileName), IntraperitonealCoding.Research.StudyFile.Schema());
                stdout.WriteLine("wrote " + current);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot write {current}: {ex.Message}");
            return ExitCodes.Unreadable;
        }

        return ExitCodes.Ready;
    }

    /// <summary>The JSON Schemas of a rule set directory's schema/ folder: one per rule file, the case file's and the result's.</summary>
    internal static IEnumerable<(string Name, string Text)> Schemas()
        => RuleSchemas.FileNames.Select(f => (Name: RuleSchemas.SchemaFileName(f), Text: RuleSchemas.Generate(f)))
            .Append((Name: DocumentSchemas.CaseFileName, Text: DocumentSchemas.Case()))
            .Append((Name: DocumentSchemas.ResultFileName, Text: DocumentSchemas.Result()));

    /// <summary>The study files' schema, as their first line names it (schema/study.schema.json beside them).</summary>
    internal const string StudySchemaFileName = "study.schema.json";

    /// <summary>Every case file under a directory, in a stable order.</summary>
    internal static IEnumerable<string> CaseFiles(DirectoryInfo directory)
        => Directory.EnumerateFiles(directory.FullName, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
}
