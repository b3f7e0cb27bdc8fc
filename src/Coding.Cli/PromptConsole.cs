using System;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A console that writes where another does and reads keys from an input of its own: the console's keys with the end
/// of input made an exception of ours (<see cref="PromptInput"/>), or keys a test queues.
/// </summary>
internal sealed class PromptConsole : IAnsiConsole
{
    private readonly IAnsiConsole inner;

    public PromptConsole(IAnsiConsole inner, IAnsiConsoleInput input)
    {
        this.inner = inner;
        Input = input;
    }

    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input { get; }

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable) => inner.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
}

/// <summary>A console's keys, where no key (the input closed, Ctrl+D) is <see cref="PromptsEndedException"/> rather than Spectre's general one.</summary>
internal sealed class PromptInput : IAnsiConsoleInput
{
    private readonly IAnsiConsoleInput inner;

    public PromptInput(IAnsiConsoleInput inner) => this.inner = inner;

    public bool IsKeyAvailable() => inner.IsKeyAvailable();

    public ConsoleKeyInfo? ReadKey(bool intercept) => inner.ReadKey(intercept) ?? throw new PromptsEndedException();

    public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken)
        => await inner.ReadKeyAsync(intercept, cancellationToken).ConfigureAwait(false) ?? throw new PromptsEndedException();
}

/// <summary>The input ended while a prompt waited for an answer: not a defect, the user left (exit 2, nothing written).</summary>
internal sealed class PromptsEndedException : Exception
{
    public PromptsEndedException()
        : base("The input ended before the last question was answered.")
    {
    }

    public PromptsEndedException(string message)
        : base(message)
    {
    }

    public PromptsEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
