using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Checks a command line before anything runs: an option the command does not have (a misspelt <c>--formt</c>) would
/// otherwise be taken as a case file name; it is refused with the closest option the command has.
/// </summary>
internal static class CommandLineChecks
{
    /// <summary>
    /// A usage error for the first empty argument (<c>code ""</c>, <c>--out ""</c>), or null when there is none. Every
    /// argument of the console names a file, a directory, a command or a value, and none of them can be empty; left to
    /// the parser, an empty path fails deep inside (a <see cref="System.IO.FileInfo"/> refuses it) rather than as a usage error.
    /// </summary>
    public static string? EmptyArgument(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i].Length > 0 && !(args[i].StartsWith("--", StringComparison.Ordinal) && args[i].EndsWith('=')))
            {
                continue;
            }

            if (args[i].Length > 0)
            {
                return $"coding: {args[i].TrimEnd('=')} was given an empty value; give a file name or value, or leave the option out.";
            }

            return i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) && args[i - 1] != "--"
                ? $"coding: {args[i - 1]} was given an empty value (\"\"); give a file name or value, or leave the option out."
                : $"coding: argument {i + 1} is an empty string (\"\"), which names no file or directory; give a path, or '-' for standard input where one is read.";
        }

        return null;
    }

    /// <summary>The first unknown option with a suggestion, or null when every option is known.</summary>
    public static string? UnknownOption(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        bool optionsEnded = false;
        foreach (string arg in args)
        {
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (!optionsEnded && current.Subcommands.FirstOrDefault(c => c.Name == arg) is { } sub)
            {
                current = sub;
                continue;
            }

            if (optionsEnded || arg.Length < 2 || arg[0] != '-' || char.IsDigit(arg[1]))
            {
                continue;
            }

            string name = arg.Split('=', 2)[0];
            var known = Known(current).ToList();
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                string? closest = Closest(name, known);
                return $"coding: unknown option '{name}' for '{Path(root, current)}'." + (closest is null ? string.Empty : $" Did you mean '{closest}'?");
            }
        }

        return null;
    }

    /// <summary>
    /// The first word that has to name a subcommand (after <c>coding</c>, or after a group such as <c>rules</c>) and
    /// names none, with the closest subcommand; <see langword="null"/> when every such word is a subcommand.
    /// </summary>
    public static string? UnknownCommand(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        foreach (string arg in args)
        {
            if (arg.Length > 0 && arg[0] == '-')
            {
                return null; // An option (or '-' for standard input): left to the parser.
            }

            if (current.Subcommands.FirstOrDefault(c => c.Name == arg) is { } sub)
            {
                current = sub;
                continue;
            }

            if (current.Subcommands.Count == 0 || current.Action is not null)
            {
                return null; // An argument of a command that takes arguments.
            }

            string where = Path(root, current);
            string? closest = Closest(arg, current.Subcommands.Select(c => c.Name));
            return $"coding: unknown command '{arg}' for '{where}'." + (closest is null ? string.Empty : $" Did you mean '{where} {closest}'?");
        }

        return null;
    }

    /// <summary>Whether the words name a group of commands (<c>coding rules</c>) and nothing else: then its help is shown.</summary>
    public static bool IsBareGroup(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        foreach (string arg in args)
        {
            if (current.Subcommands.FirstOrDefault(c => c.Name == arg) is not { } sub)
            {
                return false;
            }

            current = sub;
        }

        return current != root && current.Subcommands.Count > 0 && current.Action is null;
    }

    /// <summary>
    /// Whether the command line names a command whose argument is a pick list (<c>codes|drugs|…</c>) and gives nothing
    /// else, e.g. <c>coding rules show</c>: its help, which lists the choices, answers better than "argument missing".
    /// </summary>
    public static bool IsBareChoice(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        foreach (string arg in args)
        {
            if (current.Subcommands.FirstOrDefault(c => c.Name == arg) is not { } sub)
            {
                return false;
            }

            current = sub;
        }

        return current != root && current.Action is not null && current.Arguments.Count > 0 && current.Arguments[0].HelpName?.Contains('|', StringComparison.Ordinal) == true;
    }

    /// <summary>The closest name within two edits (or one the name starts), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
        => candidates.Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= 2 || c.Name.StartsWith(name, StringComparison.Ordinal))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static IEnumerable<string> Known(Command command)
    {
        yield return "-h";
        yield return "-?";
        yield return "--help";
        yield return "--version";
        foreach (Option option in command.Options)
        {
            yield return option.Name;
            foreach (string alias in option.Aliases)
            {
                yield return alias;
            }
        }
    }

    private static string Path(Command root, Command current)
        => current == root ? "coding" : "coding " + string.Join(" ", Ancestors(root, current).Select(c => c.Name));

    private static IEnumerable<Command> Ancestors(Command root, Command target)
    {
        var path = new List<Command>();
        Find(root, target, path);
        return path;
    }

    private static bool Find(Command node, Command target, List<Command> path)
    {
        foreach (Command sub in node.Subcommands)
        {
            path.Add(sub);
            if (sub == target || Find(sub, target, path))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
        }

        return false;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var row = new int[b.Length + 1];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                row[j] = Math.Min(Math.Min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = row;
        }

        return previous[b.Length];
    }
}
