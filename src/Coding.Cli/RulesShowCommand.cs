using System;
using System.Globalization;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tool;

/// <summary>What <c>coding rules show</c> lists.</summary>
internal enum RulesShowPart
{
    /// <summary>The codes the rules may put on a line.</summary>
    Codes,

    /// <summary>The drugs the rules know, with their HCPCS code and billing unit.</summary>
    Drugs,

    /// <summary>The primary procedures the HIPEC time codes may be reported with (their add-on code edits).</summary>
    Primaries,

    /// <summary>The payer medical policies.</summary>
    Policies,

    /// <summary>Where each table's rows come from: rows confirmed and to be confirmed per table, and the unconfirmed ones.</summary>
    Sources,
}

/// <summary>
/// The <c>coding rules show</c> command: what a rule set holds in force on one date (<see cref="RuleSet.InForceOn"/>),
/// as plain text tables, so a coder can see which codes, drugs and policies apply before coding a case.
/// </summary>
internal static class RulesShowCommand
{
    public static int Run(RulesShowPart part, DateTime date, DirectoryInfo? rulesDirectory, ReadLimits ruleLimits, TextWriter stdout, TextWriter stderr)
    {
        RuleSet? rules = CliApp.LoadRules(rulesDirectory, stderr, ruleLimits);
        if (rules is null)
        {
            return ExitCodes.Unreadable;
        }

        DateTime day = date.Date;
        if (day < rules.CoversFrom)
        {
            stderr.WriteLine($"coding: warning: the rule set codes dates of service from {Day(rules.CoversFrom)}; {Day(day)} is before that.");
        }

        Write(rules, part, day, stdout);
        return ExitCodes.Ready;
    }

    /// <summary>Writes the title line and the table of one part of the catalogue on a date.</summary>
    internal static void Write(RuleSet rules, RulesShowPart part, DateTime day, TextWriter stdout)
    {
        if (part == RulesShowPart.Sources)
        {
            WriteSources(rules, stdout);
            return;
        }

        RuleCatalog catalog = rules.InForceOn(day);
        PlainTable table = part switch
        {
            RulesShowPart.Drugs => Drugs(catalog),
            RulesShowPart.Primaries => Primaries(catalog),
            RulesShowPart.Policies => Policies(rules, catalog),
            _ => Codes(catalog),
        };

        string what = part switch
        {
            RulesShowPart.Drugs => "drugs",
            RulesShowPart.Primaries => "HIPEC primaries",
            RulesShowPart.Policies => "payer policies",
            _ => "codes",
        };
        stdout.WriteLine($"{table.Count} {what} in force on {Day(day)} (rules {rules}, {Origin(rules)}).");
        if (part == RulesShowPart.Primaries)
        {
            stdout.WriteLine(table.Count == 0
                ? "The HIPEC time codes are not in force on this date; the unlisted code has no add-on code edits."
                : "The primary procedures the HIPEC time codes may be reported with (their add-on code edits).");
        }

        if (table.Count == 0)
        {
            return;
        }

        stdout.WriteLine();
        table.Write(stdout);
    }

    private static PlainTable Codes(RuleCatalog catalog)
    {
        var table = new PlainTable("System", "Code", "Label");
        foreach (KnownCode code in catalog.Codes)
        {
            table.Add(WireNames.Of(code.System), code.Code, code.Label);
        }

        return table;
    }

    private static PlainTable Drugs(RuleCatalog catalog)
    {
        var table = new PlainTable("Drug", "HCPCS", "Billing unit", "Usual vial", "Outpatient", "Also called");
        foreach (KnownDrug drug in catalog.Drugs)
        {
            table.Add(
                drug.Name,
                drug.Code,
                drug.BillingUnitMilligrams.ToString("0.###", CultureInfo.InvariantCulture) + " mg",
                Words.Of(drug.Vial),
                drug.SeparatelyPayable ? "paid separately" : "packaged",
                string.Join(", ", drug.Aliases));
        }

        return table;
    }

    private static PlainTable Primaries(RuleCatalog catalog)
    {
        var table = new PlainTable("Code", "Label");
        foreach (KnownCode code in catalog.HipecPrimaries)
        {
            table.Add(code.Code, code.Label);
        }

        return table;
    }

    private static PlainTable Policies(RuleSet rules, RuleCatalog catalog)
    {
        var table = new PlainTable("Policy", "Finding", "Severity", "Payers", "Procedures", "Source");
        foreach (string id in catalog.PayerPolicies)
        {
            var policy = rules.PayerPolicies.First(p => p.Id == id && p.Period.Contains(catalog.Date));
            table.Add(
                policy.Id,
                policy.FindingId,
                Words.Of(policy.Severity),
                string.Join(", ", policy.Payers.Select(p => Words.Of(p))),
                string.Join(", ", policy.Procedures.Select(p => Words.Of(p))),
                policy.Source);
        }

        return table;
    }

    /// <summary>
    /// Per table, the rows a confirming source supports and those still to be confirmed; then, per unconfirmed source,
    /// what it is, why it is not confirmed, and the rows that cite it. Provenance does not depend on the date.
    /// </summary>
    private static void WriteSources(RuleSet rules, TextWriter stdout)
    {
        var tables = rules.Provenance;
        int rows = tables.Sum(t => t.Rows.Count);
        int confirmed = tables.Sum(t => t.Confirmed);
        stdout.WriteLine($"Sources of rules {rules} ({Origin(rules)}): {confirmed} of {rows} rows confirmed, {rows - confirmed} to confirm.");
        stdout.WriteLine();
        var summary = new PlainTable("Table", "File", "Rows", "Confirmed", "To confirm");
        foreach (ProvenanceTable table in tables)
        {
            summary.Add(table.Name, table.File, Count(table.Rows.Count), Count(table.Confirmed), Count(table.ToConfirm));
        }

        summary.Write(stdout);
        foreach (ProvenanceTable table in tables.Where(t => t.ToConfirm > 0))
        {
            stdout.WriteLine();
            stdout.WriteLine($"{table.Name} ({table.File}): {table.ToConfirm} to confirm");
            foreach (var group in table.Rows.Where(r => !r.Source.Confirmed).GroupBy(r => r.Source.Id, StringComparer.Ordinal))
            {
                SourceDocument source = group.First().Source;
                stdout.WriteLine($"  {source.Id} ({group.Count()} rows): {source.Document}");
                if (source.Note is { } note)
                {
                    stdout.WriteLine($"    why: {note}");
                }

                stdout.WriteLine($"    rows: {string.Join(", ", group.Select(r => r.Key))}");
            }
        }

        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Origin(RuleSet rules) => rules.Origin == "embedded" ? "built in" : rules.Origin;

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
