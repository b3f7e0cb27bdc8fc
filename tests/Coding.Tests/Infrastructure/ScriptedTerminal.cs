using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntraperitonealCoding.Tool;
using Spectre.Console;
using Spectre.Console.Testing;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// A terminal for prompt tests: Spectre.Console.Testing's <see cref="TestConsole"/> (output recorded, keys queued),
/// 160 columns wide, whose input, once the queued keys are used up, gives no key as a closed terminal does (the
/// TestConsole's own input throws instead, which would read as a defect rather than the user leaving).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "TestConsole holds only a StringWriter; tests build terminals inline, as they did before it.")]
internal sealed class ScriptedTerminal
{
    private readonly TestConsole console = new();

    public ScriptedTerminal(bool interactive = true, bool ansi = true, int width = 160)
    {
        console.Width(width);
        console.Profile.Capabilities.Interactive = interactive;
        console.Profile.Capabilities.Ansi = ansi;
        console.EmitAnsiSequences = ansi;
        Console = new PromptConsole(console, new EndsWhenEmpty(console.Input));
    }

    /// <summary>Gets the console to hand to the command.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets what the prompts wrote, ANSI sequences and all.</summary>
    public string Transcript => console.Output;

    /// <summary>Types a line and presses Enter.</summary>
    public ScriptedTerminal Type(string text)
    {
        console.Input.PushTextWithEnter(text);
        return this;
    }

    /// <summary>Presses Enter: keeps the value shown.</summary>
    public ScriptedTerminal Enter(int times = 1)
    {
        for (int i = 0; i < times; i++)
        {
            console.Input.PushKey(ConsoleKey.Enter);
        }

        return this;
    }

    /// <summary>In a list of several to take, marks each of <paramref name="marked"/> (space) and takes them (Enter).</summary>
    public ScriptedTerminal Mark(IList<string> choices, params string[] marked)
    {
        int at = 0;
        foreach (int index in marked.Select(choices.IndexOf).Order())
        {
            for (; at < index; at++)
            {
                console.Input.PushKey(ConsoleKey.DownArrow);
            }

            console.Input.PushKey(ConsoleKey.Spacebar);
        }

        return Enter();
    }

    /// <summary>In a list, moves from one choice to another and takes it.</summary>
    public ScriptedTerminal Pick(IList<string> choices, string from, string to)
    {
        if (choices.IndexOf(to) < 0 || choices.IndexOf(from) < 0)
        {
            throw new ArgumentException($"'{from}' or '{to}' is not a choice.");
        }

        int steps = choices.IndexOf(to) - choices.IndexOf(from);
        for (int i = 0; i < Math.Abs(steps); i++)
        {
            console.Input.PushKey(steps > 0 ? ConsoleKey.DownArrow : ConsoleKey.UpArrow);
        }

        return Enter();
    }

    /// <summary>The queued keys, then no key at all: the end of input, as on a closed terminal.</summary>
    private sealed class EndsWhenEmpty : IAnsiConsoleInput
    {
        private readonly TestConsoleInput keys;

        public EndsWhenEmpty(TestConsoleInput keys) => this.keys = keys;

        public bool IsKeyAvailable() => keys.IsKeyAvailable();

        public ConsoleKeyInfo? ReadKey(bool intercept) => keys.IsKeyAvailable() ? keys.ReadKey(intercept) : null;

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}
