using System.Globalization;
using System.IO;
using System.Text;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A writer for human-readable output: every string written is escaped with <see cref="SafeText.Escape"/>, and only
/// <see cref="WriteLine()"/> ends a line. What an input holds can therefore never start a line of its own.
/// </summary>
internal sealed class SafeTextWriter : TextWriter
{
    private readonly TextWriter inner;

    public SafeTextWriter(TextWriter inner)
        : base(CultureInfo.InvariantCulture) => this.inner = inner;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(IntraperitonealCoding.Output.SafeText.Escape(value.ToString()));

    public override void Write(string? value) => inner.Write(IntraperitonealCoding.Output.SafeText.Escape(value));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value) => inner.WriteLine(IntraperitonealCoding.Output.SafeText.Escape(value));

    public override void Flush() => inner.Flush();
}
