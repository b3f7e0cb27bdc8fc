using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IntraperitonealCoding.Tool;
using Spectre.Console;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// A terminal for prompt tests (Spectre.Console.Testing does not restore here): a real Spectre console writing to a
/// string, with keys read from a queue. When the queue is empty a read gives no key, as a closed terminal does.
/// </summary>
internal sealed class ScriptedTerminal : IAnsiConsoleInput
{
    private readonly Queue<ConsoleKeyInfo> keys = new();
    private readonly System.Text.StringBuilder transcript = new();

    public ScriptedTerminal(bool interactive = true, bool ansi = true)
    {
        IAnsiConsole inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(new StringWriter(transcript, System.Globalization.CultureInfo.InvariantCulture)),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false }, // CI detection would turn prompts off
        });
        inner.Profile.Width = 160;
        Console = new PromptConsole(inner, this);
    }

    /// <summary>Gets the console to hand to the command.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets what the prompts wrote, ANSI sequences and all.</summary>
    public string Transcript => transcript.ToString();

    /// <summary>Types a line and presses Enter.</summary>
    public ScriptedTerminal Type(string text)
    {
        foreach (char c in text)
        {
            keys.Enqueue(new ConsoleKeyInfo(c, 0, char.IsUpper(c), false, false));
        }

        return Enter();
    }

    /// <summary>Presses Enter: keeps the value shown.</summary>
    public ScriptedTerminal Enter(int times = 1)
    {
        for (int i = 0; i < times; i++)
        {
            keys.Enqueue(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false));
        }

        return this;
    }

    /// <summary>In a list, moves from one choice to another and takes it.</summary>
    public ScriptedTerminal Pick(IList<string> choices, string from, string to)
    {
        int steps = choices.IndexOf(to) - choices.IndexOf(from);
        if (choices.IndexOf(to) < 0 || choices.IndexOf(from) < 0)
        {
            throw new ArgumentException($"'{from}' or '{to}' is not a choice.");
        }

        for (int i = 0; i < Math.Abs(steps); i++)
        {
            keys.Enqueue(new ConsoleKeyInfo('\0', steps > 0 ? ConsoleKey.DownArrow : ConsoleKey.UpArrow, false, false, false));
        }

        return Enter();
    }

    public bool IsKeyAvailable() => keys.Count > 0;

    public ConsoleKeyInfo? ReadKey(bool intercept) => keys.Count > 0 ? keys.Dequeue() : null;

    public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
}
