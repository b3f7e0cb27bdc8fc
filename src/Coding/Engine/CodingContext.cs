using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// The working state of one <see cref="RuleSet.Code"/> call: the lines, findings and notes gathered so far.
/// Created per call and never shared, so the rule set itself stays immutable and thread-safe.
/// </summary>
internal sealed class CodingContext
{
    private readonly List<CodeLine> lines = new();
    private readonly List<Finding> findings = new();
    private readonly List<string> noteIds = new();
    private readonly List<string> appliedRules = new();
    private readonly List<string?> lineDrugNames = new();
    private Dictionary<string, CodingNote>? ownNotes;

    public CodingContext(CodingCase codingCase, RuleSet rules)
    {
        Case = codingCase;
        Rules = rules;
        Coverage = new IntraperitonealCoding.Coverage.CoverageResolver(this);
    }

    /// <summary>Gets the case's coverage decisions: each line's is taken as the line is added.</summary>
    public IntraperitonealCoding.Coverage.CoverageResolver Coverage { get; }

    public CodingCase Case { get; }

    public RuleSet Rules { get; }

    public bool IsInpatient => Case.Claim == ClaimType.FacilityInpatient;

    public IReadOnlyList<CodeLine> Lines => lines;

    public ClaimMarkers ClaimMarkers { get; set; } = ClaimMarkers.None;

    /// <summary>Gets or sets the claim-level fields, once <see cref="ClaimFieldsAssembler"/> has worked them out.</summary>
    public ClaimForm? ClaimForm { get; set; }

    /// <summary>Gets, for each line, the name of the drug rule that coded it (null for other lines).</summary>
    public IReadOnlyList<string?> LineDrugNames => lineDrugNames;

    /// <summary>Defines a note that comes from the case's own data (a study's item) rather than from the rule set.</summary>
    public void DefineNote(CodingNote note)
    {
        ownNotes ??= new Dictionary<string, CodingNote>(System.StringComparer.Ordinal);
        ownNotes[note.Id] = note;
    }

    /// <summary>Records that a rule from the data took part in the result (for the dead-rule check of rule maintenance).</summary>
    public void UseRule(string? ruleId)
    {
        if (!string.IsNullOrEmpty(ruleId) && !appliedRules.Contains(ruleId!))
        {
            appliedRules.Add(ruleId!);
        }
    }

    public void AddLine(string code, int units, IReadOnlyList<Modifier>? modifiers, LineCategory category, string rule, IReadOnlyList<string> notes, string? detail, bool suppliedBySponsor = false, string? drugName = null, DrugSupply? supply = null)
    {
        CodeDefinition? definition = null;
        foreach (CodeDefinition candidate in Rules.Codes)
        {
            if (candidate.Code == code && candidate.Period.Contains(Case.DateOfService))
            {
                definition = candidate;
                break;
            }
        }

        // Rule validation guarantees every code a rule names is defined while the rule is in force.
        CodeSystem system = definition?.System ?? CodeSystem.Cpt;
        string label = definition?.Label ?? code;
        AddLine(system, code, label, units, modifiers, category, rule, notes, detail, suppliedBySponsor, drugName, supply);
    }

    public void AddLine(CodeSystem system, string code, string label, int units, IReadOnlyList<Modifier>? modifiers, LineCategory category, string rule, IReadOnlyList<string> notes, string? detail, bool suppliedBySponsor = false, string? drugName = null, DrugSupply? supply = null)
    {
        lines.Add(new CodeLine(system, code, label, units, modifiers, category, rule, notes, detail, Coverage.Decide(category, suppliedBySponsor, system, drugName)) { Supply = supply });
        lineDrugNames.Add(drugName);

        // Coverage notes are listed after every line's own notes (in Coverage.Finish), as they always have been.
        UseNotes(notes);
        UseRule(rule);
    }

    /// <summary>Adds a modifier to the lines that match, keeping their order (first: a pricing modifier; last: GA/GZ).</summary>
    public int AddModifier(System.Func<CodeLine, bool> which, Modifier modifier, bool first)
    {
        int changed = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (which(lines[i]) && !lines[i].Modifiers.Contains(modifier))
            {
                lines[i] = lines[i].WithModifier(modifier, first);
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Replaces each line by what <paramref name="change"/> makes of it, keeping their order.</summary>
    public void ChangeLines(System.Func<CodeLine, CodeLine> change)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            lines[i] = change(lines[i]);
        }
    }

    public void AddFinding(string id, Severity severity, string message, string path, string? rule)
    {
        findings.Add(new Finding(id, severity, message, path, rule));
        UseRule(rule);
    }

    /// <summary>Adds a finding whose message is a coding note from the rule data, and lists the note.</summary>
    public void AddNoteFinding(string id, Severity severity, string noteId, string path, string? rule)
    {
        CodingNote note = Rules.Notes[noteId];
        AddFinding(id, severity, note.Text, path, rule);
        UseNotes(new[] { noteId });
    }

    public void UseNotes(IEnumerable<string> ids)
    {
        foreach (string id in ids)
        {
            if (!noteIds.Contains(id))
            {
                noteIds.Add(id);
            }
        }
    }

    public CodingResult ToResult(List<string> diagnoses)
    {
        // Errors first, then warnings, then information; found order within each.
        var ordered = new List<Finding>(findings.Count);
        foreach (Severity severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
        {
            ordered.AddRange(findings.Where(f => f.Severity == severity));
        }

        var notes = new List<CodingNote>(noteIds.Count);
        foreach (string id in noteIds)
        {
            notes.Add(Rules.Notes.TryGetValue(id, out CodingNote? note) ? note : ownNotes![id]);
        }

        return new CodingResult(Case, Rules.Version, lines, diagnoses, notes, ordered, ClaimMarkers, ClaimForm)
        {
            AppliedRules = ReadOnly.Wrap(appliedRules),
            LineDrugNames = ReadOnly.Wrap(lineDrugNames),
        };
    }
}
