using System.Collections.Generic;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A renderable whose lines after the first are indented: text that wraps (a long case id in a header line) goes on
/// under its start instead of at column 0, where only the program begins lines.
/// </summary>
internal sealed class HangingIndent : IRenderable
{
    private readonly IRenderable inner;
    private readonly int indent;

    public HangingIndent(IRenderable inner, int indent)
    {
        this.inner = inner;
        this.indent = indent;
    }

    public Measurement Measure(RenderOptions options, int maxWidth)
    {
        Measurement measured = inner.Measure(options, maxWidth - indent);
        return new Measurement(measured.Min + indent, measured.Max + indent);
    }

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        List<SegmentLine> lines = Segment.SplitLines(inner.Render(options, maxWidth - indent));
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                yield return new Segment(new string(' ', indent));
            }

            foreach (Segment segment in lines[i])
            {
                yield return segment;
            }

            yield return Segment.LineBreak;
        }
    }
}
