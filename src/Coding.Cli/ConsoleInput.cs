using System;
using System.IO;
using IntraperitonealCoding.Documents;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// What the console reads from: standard input (for <c>code -</c>), and the terminal to prompt on (for
/// <c>coding new</c>) when there is one. Both are opened only when a command asks, so commands that need neither pay
/// nothing for them.
/// </summary>
internal sealed class ConsoleInput
{
    private readonly Lazy<TextReader> stdin;
    private readonly Lazy<IAnsiConsole?> terminal;

    private ConsoleInput(Func<TextReader> stdin, Func<IAnsiConsole?> terminal)
    {
        this.stdin = new Lazy<TextReader>(stdin);
        this.terminal = new Lazy<IAnsiConsole?>(terminal);
    }

    /// <summary>Gets standard input as text.</summary>
    public TextReader Stdin => stdin.Value;

    /// <summary>Gets the console to prompt on, or <see langword="null"/> when there is no one to answer (input or output redirected).</summary>
    public IAnsiConsole? Terminal => terminal.Value;

    /// <summary>
    /// The inputs a caller gives; what it leaves out is the process's own. A caller that gives standard input and no
    /// terminal has redirected input: nothing prompts then.
    /// </summary>
    public static ConsoleInput For(TextReader? stdin, IAnsiConsole? terminal)
        => new(
            stdin is null ? OpenStandardInput : () => stdin,
            terminal is not null ? () => terminal : stdin is not null ? () => null : ProcessTerminal);

    /// <summary>
    /// Standard input decoded as the case reader decodes files: UTF-8 whose invalid bytes become a located error
    /// (<see cref="Console.In"/> would replace them silently).
    /// </summary>
    private static TextReader OpenStandardInput()
        => ClosedStandardInput.IsClosed()
            ? new UnreadableReader(ClosedStandardInput.Reason)
            : new StreamReader(Console.OpenStandardInput(), SourceText.MarkedUtf8, detectEncodingFromByteOrderMarks: false);

    /// <summary>A reader whose every read fails with a reason (standard input that would never end).</summary>
    private sealed class UnreadableReader : TextReader
    {
        private readonly string reason;

        public UnreadableReader(string reason) => this.reason = reason;

        public override int Peek() => throw new IOException(reason);

        public override int Read() => throw new IOException(reason);

        public override int Read(char[] buffer, int index, int count) => throw new IOException(reason);
    }

    /// <summary>The process's terminal, when both its input and its output are one.</summary>
    private static IAnsiConsole? ProcessTerminal()
        => Console.IsInputRedirected || Console.IsOutputRedirected ? null : AnsiConsole.Console;
}
