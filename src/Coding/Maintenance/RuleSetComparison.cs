using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Maintenance;

/// <summary>Whether a difference item was removed by the new rules or added by them.</summary>
public enum ChangeKind
{
    /// <summary>Present with the old rules, gone with the new.</summary>
    Removed = 0,

    /// <summary>Absent with the old rules, present with the new.</summary>
    Added = 1,
}

/// <summary>One difference in a case's coding between two rule sets: a line, finding, diagnosis or claim marker. Immutable.</summary>
public sealed record CaseChange
{
    internal CaseChange(ChangeKind kind, string aspect, string text)
    {
        Kind = kind;
        Aspect = aspect;
        Text = text;
    }

    /// <summary>Gets whether the item was removed or added.</summary>
    public ChangeKind Kind { get; }

    /// <summary>Gets what changed: <c>line</c>, <c>finding</c>, <c>diagnosis</c> or <c>marker</c>.</summary>
    public string Aspect { get; }

    /// <summary>Gets the item, with everything that identifies it (code, units, modifiers, who pays; or finding id, severity, path).</summary>
    public string Text { get; }

    /// <summary>Formats as <c>- line …</c> or <c>+ line …</c>, like a unified diff.</summary>
    /// <returns>The formatted change.</returns>
    public override string ToString() => (Kind == ChangeKind.Removed ? "- " : "+ ") + Aspect + " " + Text;
}

/// <summary>How one case's coding differs between two rule sets. Immutable.</summary>
public sealed record CaseComparison
{
    internal CaseComparison(string source, string caseId, IEnumerable<CaseChange> changes)
    {
        Source = source;
        CaseId = caseId;
        Changes = ReadOnly.Copy(changes);
    }

    /// <summary>Gets where the case came from (its file), as given to the comparison.</summary>
    public string Source { get; }

    /// <summary>Gets the case id.</summary>
    public string CaseId { get; }

    /// <summary>Gets the differences; empty when the case codes the same under both rule sets.</summary>
    public IReadOnlyList<CaseChange> Changes { get; }
}

/// <summary>
/// Codes the same cases with two rule sets and reports what changed, case by case: the review step of every rule update.
/// </summary>
public static class RuleSetComparison
{
    /// <summary>Compares the coding of <paramref name="cases"/> under two rule sets.</summary>
    /// <param name="before">The current rule set.</param>
    /// <param name="after">The updated rule set.</param>
    /// <param name="cases">The cases, each with the name of its source (file).</param>
    /// <returns>One comparison per case, in the order given; a case that codes the same has no changes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<CaseComparison> Compare(RuleSet before, RuleSet after, IEnumerable<KeyValuePair<string, CodingCase>> cases)
    {
        Preconditions.CheckNotNull(before, nameof(before));
        Preconditions.CheckNotNull(after, nameof(after));
        Preconditions.CheckNotNull(cases, nameof(cases));
        return cases.Select(c => new CaseComparison(c.Key, c.Value.CaseId, Changes(before.Code(c.Value), after.Code(c.Value)))).ToList();
    }

    private static IEnumerable<CaseChange> Changes(CodingResult before, CodingResult after)
        => Diff("line", before.Lines.Select(Describe).ToList(), after.Lines.Select(Describe).ToList())
            .Concat(Diff("diagnosis", before.Diagnoses, after.Diagnoses))
            .Concat(Diff("marker", Markers(before.ClaimMarkers), Markers(after.ClaimMarkers)))
            .Concat(Diff("finding", before.Findings.Select(Describe).ToList(), after.Findings.Select(Describe).ToList()));

    private static string Describe(CodeLine line)
        => string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} x{2}{3} {4} {5}",
            WireNames.Of(line.System),
            line.Code,
            line.Units,
            line.Modifiers.Count == 0 ? string.Empty : " " + string.Join(" ", line.Modifiers),
            WireNames.Of(line.Category),
            line.Responsibility == Responsibility.Insurer && line.BillTo is { } payer ? "insurer→" + WireNames.Of(payer) : WireNames.Of(line.Responsibility));

    private static string Describe(Finding finding)
        => $"{WireNames.Of(finding.Severity)} {finding.Id} at {finding.Path}: {finding.Message}";

    private static List<string> Markers(ClaimMarkers markers)
    {
        var items = new List<string>();
        if (markers.ClinicalTrialNumber is { } number)
        {
            items.Add("clinical trial number " + number);
        }

        items.AddRange(markers.ConditionCodes.Select(c => "condition code " + c));
        items.AddRange(markers.ValueCodes.Select(v => $"value code {v.Code} {v.Value}"));
        if (markers.Ide is { } ide)
        {
            items.Add("IDE " + ide);
        }

        return items;
    }

    /// <summary>A minimal edit script between two sequences (longest common subsequence), removals before additions.</summary>
    private static IEnumerable<CaseChange> Diff(string aspect, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var lcs = new int[before.Count + 1, after.Count + 1];
        for (int i = before.Count - 1; i >= 0; i--)
        {
            for (int j = after.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var removed = new List<CaseChange>();
        var added = new List<CaseChange>();
        int a = 0, b = 0;
        while (a < before.Count || b < after.Count)
        {
            if (a < before.Count && b < after.Count && string.Equals(before[a], after[b], StringComparison.Ordinal))
            {
                a++;
                b++;
            }
            else if (b == after.Count || (a < before.Count && lcs[a + 1, b] >= lcs[a, b + 1]))
            {
                removed.Add(new CaseChange(ChangeKind.Removed, aspect, before[a++]));
            }
            else
            {
                added.Add(new CaseChange(ChangeKind.Added, aspect, after[b++]));
            }
        }

        return removed.Concat(added);
    }
}
