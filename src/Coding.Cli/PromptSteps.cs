using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// How <see cref="CasePrompts"/> asks: one question at a time, each answer kept in order so that <c>&lt;</c> can go
/// back one question. Going back replays the answers before the one undone, without a word on the screen, then asks
/// that question again: the questions are plain code (which ones come depends on the answers), and a replay of the
/// same answers takes the same path.
/// </summary>
internal sealed class PromptSteps
{
    /// <summary>The answer that goes back one question.</summary>
    public const string Back = "<";

    private const string BackChoice = "< back: the previous question";
    private readonly IAnsiConsole console;
    private List<string> answers = new();
    private Queue<string> replay = new();

    public PromptSteps(IAnsiConsole console) => this.console = console;

    /// <summary>Gets a value indicating whether answers are being replayed (nothing is written then).</summary>
    public bool Replaying => replay.Count > 0;

    /// <summary>Runs the questions until they are all answered, going back one question each time <c>&lt;</c> is answered.</summary>
    public T Run<T>(Func<T> questions)
    {
        while (true)
        {
            replay = new Queue<string>(answers);
            answers = new List<string>();
            try
            {
                return questions();
            }
            catch (GoneBackException)
            {
                // The answers given before the question where '<' was typed, less the last: that question is asked again.
                answers.RemoveAt(answers.Count - 1);
                console.MarkupLine("[grey]Back one question.[/]");
            }
        }
    }

    /// <summary>Writes a line, unless answers are being replayed.</summary>
    public void Note(string markup)
    {
        if (!Replaying)
        {
            console.MarkupLine(markup);
        }
    }

    /// <summary>Asks for text; <paramref name="validate"/> judges each answer but <c>&lt;</c>.</summary>
    public string Text(string question, string? current, bool allowEmpty, Func<string, ValidationResult> validate)
        => Answer(() =>
        {
            var prompt = new TextPrompt<string>(question);
            if (current is not null)
            {
                prompt.DefaultValue(current);
            }
            else if (allowEmpty)
            {
                prompt.AllowEmpty();
            }

            prompt.Validate(answer => answer.Trim() == Back ? ValidationResult.Success() : validate(answer));
            return console.Prompt(prompt);
        });

    /// <summary>Asks for one of a list, starting at its first entry: arrow keys where the terminal has them, else typed.</summary>
    public string Choice(string question, IReadOnlyList<string> choices)
        => Answer(() =>
        {
            string chosen = console.Profile.Capabilities.Ansi
                ? console.Prompt(new SelectionPrompt<string>().Title(question + ":").AddChoices(choices).AddChoices(BackChoice).UseConverter(Markup.Escape).PageSize(Math.Max(3, Math.Min(choices.Count + 1, 12))))
                : console.Prompt(new TextPrompt<string>(question).AddChoices(choices.Append(Back)).DefaultValue(choices[0]));
            return chosen == BackChoice ? Back : chosen;
        });

    /// <summary>Asks for any number of a list (space marks, Enter takes), none marked at first; typed as a list where the terminal has no arrow keys.</summary>
    public IReadOnlyList<string> Choices(string question, IReadOnlyList<string> choices, Func<string, ValidationResult> validateTyped)
    {
        string answer = Answer(() =>
        {
            if (!console.Profile.Capabilities.Ansi)
            {
                console.MarkupLine("[grey]Items: " + Markup.Escape(string.Join(", ", choices)) + " (Enter alone for none).[/]");
                var typed = new TextPrompt<string>(question + " [grey](optional)[/]:").AllowEmpty();
                typed.Validate(a => a.Trim() == Back ? ValidationResult.Success() : validateTyped(a));
                return console.Prompt(typed);
            }

            var prompt = new MultiSelectionPrompt<string>().Title(question + ":").NotRequired().AddChoices(choices).AddChoices(BackChoice).UseConverter(Markup.Escape)
                .PageSize(Math.Max(3, Math.Min(choices.Count + 1, 12))).InstructionsText("[grey](space marks an item, Enter takes the marked; none: Enter)[/]");
            List<string> marked = console.Prompt(prompt);
            return marked.Contains(BackChoice) ? Back : string.Join(", ", marked);
        });
        return CasePrompts.Split(answer);
    }

    /// <summary>Asks a yes-or-no question.</summary>
    public bool Confirm(string question, bool current)
    {
        string answer = Answer(() =>
        {
            var prompt = new TextPrompt<string>(question + " [[y/n]]").DefaultValue(current ? "y" : "n");
            prompt.Validate(a => a.Trim().ToLowerInvariant() is "y" or "yes" or "n" or "no" or Back ? ValidationResult.Success() : ValidationResult.Error("[red]y or n[/]"));
            return console.Prompt(prompt);
        });
        return answer.Trim().ToLowerInvariant() is "y" or "yes";
    }

    /// <summary>
    /// The next answer: the one to replay, else the one typed. <c>&lt;</c> goes back one question (there is none before
    /// the first: it is asked again).
    /// </summary>
    private string Answer(Func<string> ask)
    {
        while (true)
        {
            string answer = replay.Count > 0 ? replay.Dequeue() : ask();
            if (answer.Trim() != Back)
            {
                answers.Add(answer);
                return answer;
            }

            if (answers.Count > 0)
            {
                throw new GoneBackException();
            }

            console.MarkupLine("[grey]This is the first question.[/]");
        }
    }

    /// <summary>Whether a typed answer is a number as the case file writes one (<c>1.82</c>, not <c>1,82</c> nor <c>7.5 mg/m2</c>).</summary>
    public static bool IsNumber(string answer)
        => decimal.TryParse(answer.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>'<c>&lt;</c>' was answered: the questions start again, replaying the answers before the previous one.</summary>
#pragma warning disable CA1064, CA1032 // Never leaves this class: an internal signal, not an error.
    private sealed class GoneBackException : Exception
#pragma warning restore CA1064, CA1032
    {
    }
}
