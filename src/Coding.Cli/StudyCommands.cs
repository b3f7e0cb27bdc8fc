using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The study catalogue the console reads cases with (<c>--studies DIR</c>; without it, a <c>studies</c> directory in
/// the current directory when there is one), and the <c>reconcile</c> command.
/// </summary>
internal static class StudyCommands
{
    /// <summary><c>coding reconcile</c>.</summary>
    public static Command CreateReconcile(CommandContext context)
    {
        var studyFile = new Option<FileInfo>("--study")
        {
            Description = "The study file (its coverage analysis) to reconcile the cases with.",
            Required = true,
        };
        var caseFiles = new Argument<FileInfo[]>("case-file")
        {
            Description = "The case files of the study's patients, one per visit.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = ChoiceOption.Create<ReconcileFormat>("--format", "table (for people) or csv (for the research compliance office).");
        var reconcile = new Command("reconcile", "Reconcile cases with a study's coverage analysis: per patient and visit, what was planned, coded and billed, and every deviation.") { studyFile, caseFiles, context.RulesOption, format, context.MaxFileBytes };
        reconcile.SetAction(parse => context.BadLimit(parse) ?? Reconcile(parse.GetValue(studyFile)!, parse.GetValue(caseFiles)!, parse.GetValue(context.RulesOption), parse.GetValue(format), context.Limits(parse), context.RuleLimits, context.Console, context.RawOut, context.Stderr));
        return reconcile;
    }

    /// <summary>The directory read when <c>--studies</c> is not given (relative to the current directory).</summary>
    internal const string DefaultDirectory = "studies";

    private static readonly string[] Header = { "Item", "Designation", "Planned", "Coded", "Billed to", "Deviation" };

    internal enum ReconcileFormat
    {
        Table,
        Csv,
    }

    /// <summary>The catalogue to read cases with, or <see langword="null"/> after reporting why it cannot be read.</summary>
    public static StudyCatalogue? LoadCatalogue(DirectoryInfo? directory, TextWriter stderr)
    {
        string? path = directory?.ToString() ?? (Directory.Exists(DefaultDirectory) ? DefaultDirectory : null);
        if (path is null)
        {
            return StudyCatalogue.Empty;
        }

        StudyCatalogueReadResult read = StudyCatalogue.Read(path);
        if (read.Catalogue is null)
        {
            stderr.WriteLine($"coding: the study catalog {path} has {read.Errors.Count} error(s):");
            foreach (DataError error in read.Errors)
            {
                stderr.WriteLine(error.ToString());
            }
        }

        return read.Catalogue;
    }

    /// <summary>Reconciles case files with one study file: per patient and visit, planned against coded and billed.</summary>
    public static int Reconcile(FileInfo studyFile, FileInfo[] caseFiles, DirectoryInfo? rulesDirectory, ReconcileFormat format, ReadLimits limits, ReadLimits ruleLimits, ConsoleOptions console, TextWriter rawOut, TextWriter stderr)
    {
        StudyReadResult readStudy = StudyFile.Read(studyFile.ToString(), limits);
        if (readStudy.Study is not { } study)
        {
            foreach (DataError error in readStudy.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            return ExitCodes.Unreadable;
        }

        RuleSet? rules = CliApp.LoadRules(rulesDirectory, stderr, ruleLimits);
        if (rules is null)
        {
            return ExitCodes.Unreadable;
        }

        var catalogue = StudyCatalogue.Of(new[] { study });
        var cases = new List<CodingCase>();
        bool unreadable = false;
        foreach (FileInfo file in caseFiles)
        {
            CaseReadResult read = CaseFile.Read(file.ToString(), limits, catalogue);
            if (read.Case is null)
            {
                unreadable = true;
                foreach (DataError error in read.Errors)
                {
                    stderr.WriteLine(error.ToString());
                }

                continue;
            }

            cases.Add(read.Case);
        }

        if (unreadable)
        {
            stderr.WriteLine("coding: the reconciliation needs every case file; fix the files above.");
            return ExitCodes.Unreadable;
        }

        StudyReconciliation report = StudyReconciliation.Reconcile(study, rules, cases);
        if (format == ReconcileFormat.Csv)
        {
            rawOut.Write(report.ToCsv());
        }
        else
        {
            WriteTable(rawOut, report, console);
        }

        return report.Deviations.Any(d => d.Severity == Severity.Error) ? ExitCodes.FindingsHaveErrors : ExitCodes.Ready;
    }

    /// <summary>
    /// The report for people, drawn like <c>code</c> and <c>grid</c> to fit the width: one block per patient, one table
    /// per visit (cells wrap at spaces; names are words, not wire names), its deviations underneath with a hanging indent.
    /// </summary>
    internal static void WriteTable(TextWriter rawOut, StudyReconciliation report, ConsoleOptions options)
        => ConsoleCanvas.Write(rawOut, options, console =>
        {
            Study study = report.Study;
            console.Write(new HangingIndent(Cell.Of($"Reconciliation of {study.Nct}: {study.Title}" + (study.Ide is null ? string.Empty : $" (IDE {study.Ide})"), Cell.Heading), 4));
            string? subject = null;
            bool first = true;
            foreach (ReconciledVisit visit in report.Visits)
            {
                if (first || visit.Subject != subject)
                {
                    subject = visit.Subject;
                    first = false;
                    console.WriteLine();
                    console.Write(new HangingIndent(Cell.Of("Patient " + (subject ?? "(no subject id)"), Cell.Heading), 4));
                }

                string qualifies = visit.Payer == PayerType.SelfPay ? "self-pay"
                    : visit.Qualification is { } q ? (q.Qualifies ? "qualifies: " : "does not qualify: ") + q.Basis
                    : "does not qualify: no entry for this payer";
                string heading = string.Format(CultureInfo.InvariantCulture, "cycle {0}{1}  {2:yyyy-MM-dd}  {3}  {4} ({5}); trial markers: {6}", visit.Cycle, visit.Scheduled ? string.Empty : " (not scheduled)", visit.DateOfService, visit.CaseId, Words.Of(visit.Payer), qualifies, visit.ClaimMarkers ? "yes" : "no");
                console.Write(new Padder(new HangingIndent(Cell.Of(heading), 4), new Padding(2, 0, 0, 0)));
                if (visit.Items.Count > 0)
                {
                    console.Write(new WithoutBlankEdges(new Padder(ItemTable(visit, options), new Padding(3, 0, 0, 0)), bottomToo: true));
                }

                if (visit.Deviations.Count > 0)
                {
                    console.Write(Sections.Listed(visit.Deviations.Select(d => ((IRenderable)Cell.Of(d.Severity), (IRenderable)Cell.Of($"{d.Id}: {d.Message}"))), indent: 4));
                }
            }

            console.WriteLine();
            int errors = report.Deviations.Count(d => d.Severity == Severity.Error);
            int warnings = report.Deviations.Count(d => d.Severity == Severity.Warning);
            int info = report.Deviations.Count - errors - warnings;
            console.Write(new HangingIndent(Cell.Of(string.Format(CultureInfo.InvariantCulture, "{0} visit(s) of {1} patient(s); deviations: {2} error(s), {3} warning(s), {4} for information.", report.Visits.Count, report.Visits.Select(v => v.Subject).Distinct().Count(), errors, warnings, info)), 4));
        });

    /// <summary>A visit's items: designation, whether planned, what was coded and where it was billed, and its deviations.</summary>
    private static Table ItemTable(ReconciledVisit visit, ConsoleOptions options)
    {
        var rows = visit.Items.Select(item => new[]
        {
            Words.Of(item.Item),
            item.Designation is { } d ? Words.Of(d) : "none",
            item.Planned ? "yes" : "no",
            item.Lines.Count == 0 ? "-" : string.Join(", ", item.Lines),
            item.BilledTo.Count == 0 ? "-" : string.Join(", ", item.BilledTo),
            item.Deviations.Count == 0 ? "as planned" : string.Join(" ", item.Deviations),
        }).ToList();
        int?[] widths = ItemWidths(rows, options.Width);
        var table = new Table { Border = ConsoleCanvas.Border(options), UseSafeBorder = false };
        for (int c = 0; c < Header.Length; c++)
        {
            table.AddColumn(new TableColumn(Cell.Of(Header[c], Cell.Heading)) { Padding = new Padding(0, 0, 1, 0), NoWrap = c == PlannedColumn, Width = widths[c] });
        }

        foreach (string[] row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)Cell.Of(cell)).ToArray());
        }

        return table;
    }

    private const int PlannedColumn = 2;
    private const int CodedColumn = 3;
    private const int BilledColumn = 4;

    /// <summary>
    /// Column widths when the table is wider than the width: the item as wide as its longest word, each coded line
    /// (<c>49320 Q1</c>) kept whole, designation, planned and deviation as they are, and "billed to" the rest, wrapped at
    /// spaces. <see langword="null"/> widths leave a column as wide as it is.
    /// </summary>
    private static int?[] ItemWidths(List<string[]> rows, int width)
    {
        // The table sits 4 in, and takes two spaces a column and two at its edges besides its cells.
        int room = width - 4 - (2 * Header.Length) - 2;
        int Natural(int c) => rows.Select(r => r[c].Length).Append(Header[c].Length).Max();
        var widths = new int?[Header.Length];
        if (Enumerable.Range(0, Header.Length).Sum(Natural) <= room)
        {
            return widths;
        }

        widths[0] = rows.Select(r => Wrapped.LongestWord(r[0])).Append(Header[0].Length).Max();
        widths[CodedColumn] = rows.SelectMany(r => r[CodedColumn].Split(", ")).Append(Header[CodedColumn]).Max(t => t.Length + 1);
        int others = widths[0]!.Value + widths[CodedColumn]!.Value + Natural(1) + Natural(PlannedColumn) + Natural(5);
        int billed = room - others;
        int billedWord = rows.Select(r => Wrapped.LongestWord(r[BilledColumn])).Append(Header[BilledColumn].Length).Max();
        widths[BilledColumn] = billed >= billedWord ? System.Math.Min(billed, Natural(BilledColumn)) : null;
        return widths;
    }
}
