using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>How the code lines are laid out; the fullest one that fits the width is used (<see cref="LineTable.Choose"/>).</summary>
internal enum LineLayout
{
    /// <summary>One column each: #, System, Code, Units, Modifiers, Category, Who pays, Label, Rule (label wraps).</summary>
    Full,

    /// <summary>Category and rule on lines of their own under the label ("laparoscopy", "rule pipac-..."); the rest one column each.</summary>
    Stacked,

    /// <summary>For 80 columns: system under the code, category under the label, who pays on two lines; the rules listed under the table (<see cref="LineTable.RulesOf"/>).</summary>
    Compact,
}

/// <summary>The table of a result's code lines, laid out to fit the width.</summary>
internal static class LineTable
{
    /// <summary>The space between two columns.</summary>
    private const int Gap = 2;

    /// <summary>The indent of the table under the case's header line.</summary>
    private const int Indent = 2;

    /// <summary>The narrowest label column the full layout accepts before it gives way to the stacked one.</summary>
    private const int FullLabelWidth = 30;

    /// <summary>The narrowest label column the stacked layout accepts; it is also never narrower than "rule " and the longest rule id, so an id is never broken.</summary>
    private const int StackedLabelWidth = 30;

    /// <summary>The fullest layout whose columns that cannot wrap leave the label column room at <paramref name="width"/>.</summary>
    public static LineLayout Choose(IReadOnlyList<CodeLine> lines, int width)
    {
        // Measured with the ASCII arrow, the longer of the two.
        var cells = lines.Select((l, i) => new LineCells(l, i + 1, ConsoleOptions.Redirected)).ToList();
        int Widest(string heading, Func<LineCells, string> cell) => cells.Select(c => cell(c).Length).Append(heading.Length).Max();
        int fixedFull = Widest("#", c => c.Number) + Widest("System", c => c.System) + Widest("Code", c => c.Code) + Widest("Units", c => c.Units)
            + Widest("Modifiers", c => c.Modifiers) + Widest("Who pays", c => c.WhoPays);
        int full = Indent + fixedFull + Widest("Category", c => c.Category) + Widest("Rule", c => c.Rule) + (8 * Gap) + FullLabelWidth;
        if (full <= width)
        {
            return LineLayout.Full;
        }

        int stackedLabel = Math.Max(StackedLabelWidth, cells.Select(c => Math.Max("rule ".Length + c.Rule.Length, c.Category.Length)).DefaultIfEmpty(0).Max());
        int stacked = Indent + fixedFull + (6 * Gap) + stackedLabel;
        return stacked <= width ? LineLayout.Stacked : LineLayout.Compact;
    }

    /// <summary>The table of <paramref name="lines"/> (there is at least one) in <paramref name="layout"/>.</summary>
    public static IRenderable Build(IReadOnlyList<CodeLine> lines, ConsoleOptions options, LineLayout layout)
    {
        var table = new Table { Border = ConsoleCanvas.Border(options), ShowRowSeparators = layout != LineLayout.Full, UseSafeBorder = false };
        foreach (string heading in Headings(layout))
        {
            table.AddColumn(new TableColumn(new Text(heading, Cell.Heading)) { Padding = new Padding(0, 0, Gap - 1, 0), NoWrap = !Wraps(heading) });
        }

        for (int i = 0; i < lines.Count; i++)
        {
            table.AddRow(Row(new LineCells(lines[i], i + 1, options), layout));
        }

        return new WithoutBlankEdges(new Padder(table, new Padding(Indent - 1, 0, 0, 0)), bottomToo: !table.ShowRowSeparators);
    }

    /// <summary>"pipac-laparoscopy (lines 1, 2) | drug-cisplatin (line 3)": each rule once, with the lines it made.</summary>
    internal static string RulesOf(IReadOnlyList<CodeLine> lines)
        => string.Join(" | ", lines.Select((l, i) => (l.Rule, Number: i + 1)).GroupBy(l => l.Rule, StringComparer.Ordinal).Select(g =>
        {
            var numbers = g.Select(l => l.Number.ToString(CultureInfo.InvariantCulture)).ToList();
            return $"{g.Key} ({(numbers.Count == 1 ? "line " : "lines ")}{string.Join(", ", numbers)})";
        }));

    private static string[] Headings(LineLayout layout) => layout switch
    {
        LineLayout.Full => new[] { "#", "System", "Code", "Units", "Modifiers", "Category", "Who pays", "Label", "Rule" },
        LineLayout.Stacked => new[] { "#", "System", "Code", "Units", "Modifiers", "Who pays", "Label, category, rule" },
        _ => new[] { "#", "Code", "Units", "Mod.", "Who pays", "Label, category" },
    };

    private static bool Wraps(string heading) => heading.StartsWith("Label", StringComparison.Ordinal) || heading == "Mod.";

    private static IRenderable[] Row(LineCells line, LineLayout layout) => layout switch
    {
        LineLayout.Full => new IRenderable[] { Cell.Of(line.Number), Cell.Of(line.System), Cell.Of(line.Code), Cell.Of(line.Units), Cell.Of(line.Modifiers), Cell.Of(line.Category), Cell.Of(line.WhoPays), Cell.Of(line.Label), Cell.Of(line.Rule) },
        LineLayout.Stacked => new IRenderable[] { Cell.Of(line.Number), Cell.Of(line.System), Cell.Of(line.Code), Cell.Of(line.Units), Cell.Of(line.Modifiers), Cell.Of(line.WhoPays), new Rows(Cell.Of(line.Label), Cell.Of(line.Category, Cell.Dim), Cell.Of("rule " + line.Rule, Cell.Dim)) },
        _ => new IRenderable[] { Cell.Of(line.Number), new Rows(Cell.Of(line.Code), Cell.Of(line.System, Cell.Dim)), Cell.Of(line.Units), Cell.Of(line.Modifiers), new Rows(line.WhoPaysParts.Select(p => Cell.Of(p))), new Rows(Cell.Of(line.Label), Cell.Of(line.Category, Cell.Dim)) },
    };

    /// <summary>A line's cells as text, unescaped (<see cref="Cell.Of(string?, Style?)"/> escapes them).</summary>
    private sealed class LineCells
    {
        private static readonly string[] Sponsor = { "sponsor" };
        private static readonly string[] Patient = { "patient" };
        private static readonly string[] NotBillable = { "not billable" };

        public LineCells(CodeLine line, int number, ConsoleOptions options)
        {
            Number = number.ToString(CultureInfo.InvariantCulture);
            System = WireNames.Of(line.System);
            Code = line.Code;
            Units = line.Units.ToString(CultureInfo.InvariantCulture);
            Modifiers = string.Join(" ", line.Modifiers);
            Category = Words.Of(line.Category);
            WhoPaysParts = WhoPaysOf(line, options.Unicode ? "→" : "->");
            WhoPays = string.Join(" ", WhoPaysParts);
            Label = line.Label;
            Rule = line.Rule;
        }

        public string Number { get; }

        public string System { get; }

        public string Code { get; }

        public string Units { get; }

        public string Modifiers { get; }

        public string Category { get; }

        /// <summary>Gets who pays on one line: "insurer → commercial (non-covered)", "sponsor" ...</summary>
        public string WhoPays { get; }

        /// <summary>Gets who pays in parts, one a line in the compact layout: "insurer →", "commercial", "(non-covered)".</summary>
        public IReadOnlyList<string> WhoPaysParts { get; }

        public string Label { get; }

        public string Rule { get; }

        private static string[] WhoPaysOf(CodeLine line, string arrow) => line.Responsibility switch
        {
            Responsibility.Insurer => InsurerParts(line, arrow),
            Responsibility.Sponsor => Sponsor,
            Responsibility.Patient => Patient,
            _ => NotBillable,
        };

        private static string[] InsurerParts(CodeLine line, string arrow)
        {
            string payer = line.BillTo is { } billTo ? Words.Of(billTo) : "?";
            return line.NonCoveredCharges ? new[] { "insurer " + arrow, payer, "(non-covered)" } : new[] { "insurer " + arrow, payer };
        }
    }
}
