using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Threading;
using IntraperitonealCoding.Coverage;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Research;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tool;

/// <summary>The console's commands, with the output writers injected so tests can run them in-process.</summary>
internal static class CliApp
{
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
    /// <param name="host">Environment variables and today's date; default the process's (<see cref="HostEnvironment.ForThisProcess"/>).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false, ConsoleOptions? console = null, TextReader? stdin = null, Spectre.Console.IAnsiConsole? terminal = null, HostEnvironment? host = null, CancellationToken cancellation = default)
    {
        // Human-readable output is escaped (ConsoleText); machine output (JSON, CSV, JSON Lines) goes to the raw writer.
        // Standard output's I/O errors (a full device, a closed pipe) are named, so they exit 2 rather than 70.
        stdout = new StandardOutputWriter(stdout);
        var safeOut = new SafeTextWriter(stdout);
        var safeErr = new SafeTextWriter(stderr);
        try
        {
            int exit = Dispatch(args, new CommandContext(stdout, safeOut, safeErr, stderr, stderrIsTerminal, console ?? ConsoleOptions.Redirected, ConsoleInput.For(stdin, terminal), host ?? HostEnvironment.ForThisProcess(), cancellation));
            safeOut.Flush();
            return exit;
        }
        catch (OutputFailedException ex) when (ex.Path == StandardOutputWriter.Name)
        {
            safeErr.WriteLine($"coding: cannot write {StandardOutputWriter.Name}: {OutputTarget.Reason(ex)}; the output is incomplete.");
            return ExitCodes.Unreadable;
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
            FlushQuietly(safeOut);
            FlushQuietly(safeErr);
        }
    }

    /// <summary>A last flush on the way out; a failure was already reported, or has nowhere left to be reported.</summary>
    private static void FlushQuietly(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The one-line message for an unexpected failure while working on an input.</summary>
    internal static string InternalError(string input, Exception ex)
        => $"coding: internal error while processing {input}: {ex.GetType().Name}: {ex.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal)} (exit {ExitCodes.InternalError}; please report it with the input)";

    private static int Dispatch(string[] args, CommandContext context)
    {
        TextWriter stdout = context.Stdout;
        TextWriter stderr = context.Stderr;

        // A plain command named 'coding' rather than RootCommand, whose name is the executable's file name (the
        // assembly, IntraperitonealCoding.Tool): help and messages then name the command users type.
        var root = new Command(CommandName, "Codes HIPEC and PIPAC procedures into claim lines from YAML rule data.")
        {
            CodeCommand.Create(context),
            NewCommand.Create(context),
            GridCommand.Create(context),
            StudyCommands.CreateReconcile(context),
            BatchCommands.CreateBatch(context),
            BatchCommands.CreateGenerate(context),
            RulesCommands.Create(context),
            new HelpOption(),
            new VersionOption(),
        };
        if (args.Length == 0)
        {
            // Called bare: show what the console can do.
            return root.Parse(HelpArguments).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (CommandLineChecks.IsBareGroup(root, args) || CommandLineChecks.IsBareChoice(root, args))
        {
            // 'coding rules' alone: what the group holds, as bare 'coding' shows the commands; 'coding rules show' alone:
            // its choices.
            return root.Parse(args.Concat(HelpArguments).ToArray()).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (CommandLineChecks.EmptyArgument(args) is { } empty)
        {
            stderr.WriteLine(empty);
            stderr.WriteLine("Run 'coding --help' for usage.");
            return ExitCodes.Unreadable;
        }

        if (CommandLineChecks.UnknownCommand(root, args) is { } unknownCommand)
        {
            stderr.WriteLine(unknownCommand);
            stderr.WriteLine("Run 'coding --help' for usage.");
            return ExitCodes.Unreadable;
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

            stderr.WriteLine("Run 'coding --help' for usage.");
            return ExitCodes.Unreadable;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The name of the environment variable that raises the rule file size limit for the console.</summary>
    internal const string MaxRuleFileBytesVariable = "CODING_MAX_RULE_FILE_BYTES";

    /// <summary>The limits for rule directories: the rule defaults, with the file size from the environment when set.</summary>
    internal static ReadLimits RuleLimits(HostEnvironment host)
        => long.TryParse(host.Variable(MaxRuleFileBytesVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long bytes) && bytes >= 1
            ? ReadLimits.RuleDefault.WithMaxRuleFileBytes(bytes)
            : ReadLimits.RuleDefault;

    /// <summary>Loads the rule set the user asked for, or reports why it cannot be loaded.</summary>
    /// <param name="directory">The rule set directory; <see langword="null"/> for the built-in rules.</param>
    /// <param name="stderr">Where problems are reported.</param>
    /// <param name="ruleLimits">The limits for a directory (<see cref="CommandContext.RuleLimits"/>); default those of the process's environment.</param>
    internal static RuleSet? LoadRules(DirectoryInfo? directory, TextWriter stderr, ReadLimits? ruleLimits = null)
    {
        try
        {
            return directory is null ? RuleSet.Default : RuleSet.Load(directory.FullName, ruleLimits ?? RuleLimits(HostEnvironment.ForThisProcess()));
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
}
