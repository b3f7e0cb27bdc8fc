using System.Collections.Generic;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>The building blocks under a table: labelled values and headed lists, each wrapping with a hanging indent.</summary>
internal static class Sections
{
    /// <summary>"  Label:  value" rows, the labels in one column so every value (and its wrapped lines) starts at the same place.</summary>
    public static IRenderable Labelled(params (string Label, IRenderable Value)[] rows)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(2, 0, 2, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0) });
        foreach (var (label, value) in rows)
        {
            grid.AddRow(new Text(label), value);
        }

        return grid;
    }

    /// <summary>"  Heading:" then one row per item, the first cell (a number, a severity, a dash) in its own column at 4.</summary>
    public static IRenderable Headed(string heading, IEnumerable<(IRenderable Key, IRenderable Value)> items)
        => new Rows(new Padder(new Text(heading), new Padding(2, 0, 0, 0)), Listed(items, indent: 4));

    /// <summary>One row per item at <paramref name="indent"/>: the first cell in its own column, the value's wrapped lines under its start.</summary>
    public static IRenderable Listed(IEnumerable<(IRenderable Key, IRenderable Value)> items, int indent)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(indent, 0, 1, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0) });
        foreach (var (key, value) in items)
        {
            grid.AddRow(key, value);
        }

        return grid;
    }
}
