using System;
using System.IO;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The <c>coding rules export DIR</c> command: writes the rule set built into the library (every rule file, as
/// shipped, and <c>schema/</c> with the JSON Schemas its files name) as the starting copy of an institution's own rules,
/// to be edited, checked with <c>rules validate DIR</c> and used with <c>--rules DIR</c>.
/// </summary>
internal static class RulesExportCommand
{
    /// <summary>The folder of the schemas inside a rule set directory, as the rule files' first lines name it.</summary>
    public const string SchemaFolder = "schema";

    public static int Run(DirectoryInfo directory, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (File.Exists(directory.FullName))
        {
            stderr.WriteLine($"coding: {directory} is a file; rules export writes a directory.");
            return ExitCodes.Unreadable;
        }

        string current = directory.ToString();
        try
        {
            if (!force && directory.Exists && directory.EnumerateFileSystemInfos().Any())
            {
                // A copy over someone's edited rules would lose their work without a word.
                stderr.WriteLine($"coding: {directory} is not empty; rules export writes a fresh copy. Choose a new directory, or give --force to overwrite the rule files and schemas in it (other files are left alone).");
                return ExitCodes.Unreadable;
            }

            directory.Create();
            var sources = RuleSet.EmbeddedSources();
            foreach (var source in sources)
            {
                current = Path.Combine(directory.ToString(), source.FileName);
                File.WriteAllText(Path.Combine(directory.FullName, source.FileName), source.Text);
            }

            string schemaDirectory = Path.Combine(directory.FullName, SchemaFolder);
            Directory.CreateDirectory(schemaDirectory);
            int schemas = 0;
            foreach (var (name, text) in RulesCommands.Schemas())
            {
                current = Path.Combine(directory.ToString(), SchemaFolder, name);
                File.WriteAllText(Path.Combine(schemaDirectory, name), text);
                schemas++;
            }

            stdout.WriteLine($"{directory}: wrote the built-in rule set {RuleSet.Default} ({sources.Count} rule files, {schemas} schemas in {SchemaFolder}/).");
            stdout.WriteLine($"Next: edit the files (bump 'version' in rule-set.yaml with every change), check them with 'coding rules validate {directory}', and code with 'coding code CASE --rules {directory}'.");
            return ExitCodes.Ready;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot write {current}: {ex.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
