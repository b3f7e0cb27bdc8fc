using System.Collections.Generic;
using System.Linq;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A renderable without the blank line a border of spaces draws above a table (and, when asked, below it): the
/// headings then sit right under the case's header line, as in a plain-text table.
/// </summary>
internal sealed class WithoutBlankEdges : IRenderable
{
    private readonly IRenderable inner;
    private readonly bool bottomToo;

    public WithoutBlankEdges(IRenderable inner, bool bottomToo)
    {
        this.inner = inner;
        this.bottomToo = bottomToo;
    }

    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        List<SegmentLine> lines = Segment.SplitLines(inner.Render(options, maxWidth));
        int first = lines.Count > 0 && Blank(lines[0]) ? 1 : 0;
        int last = bottomToo && lines.Count > first && Blank(lines[^1]) ? lines.Count - 2 : lines.Count - 1;
        for (int i = first; i <= last; i++)
        {
            foreach (Segment segment in lines[i])
            {
                yield return segment;
            }

            yield return Segment.LineBreak;
        }
    }

    private static bool Blank(SegmentLine line) => line.All(s => s.IsControlCode || string.IsNullOrWhiteSpace(s.Text));
}
