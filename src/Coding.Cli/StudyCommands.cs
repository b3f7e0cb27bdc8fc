using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;

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
        reconcile.SetAction(parse => context.BadLimit(parse) ?? Reconcile(parse.GetValue(studyFile)!, parse.GetValue(caseFiles)!, parse.GetValue(context.RulesOption), parse.GetValue(format), context.Limits(parse), context.RuleLimits, context.RawOut, context.Stdout, context.Stderr));
        return reconcile;
    }

    /// <summary>The directory read when <c>--studies</c> is not given (relative to the current directory).</summary>
    internal const string DefaultDirectory = "studies";

    private static readonly string[] Header = { "  Item", "Designation", "Planned", "Coded", "Billed to", "Deviation" };

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
            stderr.WriteLine($"coding: the study catalogue {path} has {read.Errors.Count} error(s):");
            foreach (DataError error in read.Errors)
            {
                stderr.WriteLine(error.ToString());
            }
        }

        return read.Catalogue;
    }

    /// <summary>Reconciles case files with one study file: per patient and visit, planned against coded and billed.</summary>
    public static int Reconcile(FileInfo studyFile, FileInfo[] caseFiles, DirectoryInfo? rulesDirectory, ReconcileFormat format, ReadLimits limits, ReadLimits ruleLimits, TextWriter rawOut, TextWriter stdout, TextWriter stderr)
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
            WriteTable(stdout, report);
        }

        return report.Deviations.Any(d => d.Severity == Severity.Error) ? ExitCodes.FindingsHaveErrors : ExitCodes.Ready;
    }

    /// <summary>The report for people: one block per patient, one table per visit, its deviations underneath.</summary>
    internal static void WriteTable(TextWriter output, StudyReconciliation report)
    {
        Study study = report.Study;
        output.WriteLine($"Reconciliation of {study.Nct}: {study.Title}" + (study.Ide is null ? string.Empty : $" (IDE {study.Ide})"));
        string? subject = null;
        bool first = true;
        foreach (ReconciledVisit visit in report.Visits)
        {
            if (first || visit.Subject != subject)
            {
                subject = visit.Subject;
                first = false;
                output.WriteLine();
                output.WriteLine("Patient " + (subject ?? "(no subject id)"));
            }

            string qualifies = visit.Payer == PayerType.SelfPay ? "self-pay"
                : visit.Qualification is { } q ? (q.Qualifies ? "qualifies: " : "does not qualify: ") + q.Basis
                : "does not qualify: no entry for this payer";
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  cycle {0}{1}  {2:yyyy-MM-dd}  {3}  {4} ({5}); trial markers: {6}", visit.Cycle, visit.Scheduled ? string.Empty : " (not scheduled)", visit.DateOfService, visit.CaseId, WireNames.Of(visit.Payer), qualifies, visit.ClaimMarkers ? "yes" : "no"));
            if (visit.Items.Count > 0)
            {
                var table = new PlainTable(Header);
                foreach (string[] row in visit.Items.Select(i => new[]
                {
                    "  " + i.Item,
                    i.Designation is { } d ? WireNames.Of(d) : "none",
                    i.Planned ? "yes" : "no",
                    i.Lines.Count == 0 ? "-" : string.Join(", ", i.Lines),
                    i.BilledTo.Count == 0 ? "-" : string.Join(", ", i.BilledTo),
                    i.Deviations.Count == 0 ? "as planned" : string.Join(" ", i.Deviations),
                }))
                {
                    table.Add(row);
                }

                table.Write(output, "  ");
            }

            foreach (Finding deviation in visit.Deviations)
            {
                output.WriteLine($"    {deviation.Severity.ToString().ToUpperInvariant()} {deviation.Id}: {deviation.Message}");
            }
        }

        output.WriteLine();
        int errors = report.Deviations.Count(d => d.Severity == Severity.Error);
        int warnings = report.Deviations.Count(d => d.Severity == Severity.Warning);
        int info = report.Deviations.Count - errors - warnings;
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} visit(s) of {1} patient(s); deviations: {2} error(s), {3} warning(s), {4} for information.", report.Visits.Count, report.Visits.Select(v => v.Subject).Distinct().Count(), errors, warnings, info));
    }
}
