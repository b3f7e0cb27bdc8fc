using System;
using System.Collections.Generic;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>
/// The outcome of coding one case: its claim lines, diagnoses, coding notes and findings. Immutable.
/// </summary>
public sealed record CodingResult
{
    internal CodingResult(
        CodingCase codingCase,
        string rulesVersion,
        List<CodeLine> lines,
        List<string> diagnoses,
        List<CodingNote> notes,
        List<Finding> findings,
        ClaimMarkers claimMarkers,
        ClaimForm? claimForm = null)
        : this(
            codingCase.CaseId,
            codingCase.DateOfService,
            codingCase.Claim,
            codingCase.Payer,
            codingCase.Procedure.Kind,
            (codingCase.Procedure as PipacProcedure)?.Cycle,
            rulesVersion,
            lines,
            diagnoses,
            notes,
            findings,
            claimMarkers,
            claimForm ?? ClaimForm.For(codingCase))
    {
    }

    /// <summary>A result from its parts (the coder's, or a stored result read back by <see cref="ResultJson.Read(string, string)"/>).</summary>
    internal CodingResult(
        string caseId,
        DateTime dateOfService,
        ClaimType claim,
        PayerType payer,
        ProcedureKind procedure,
        int? cycle,
        string rulesVersion,
        List<CodeLine> lines,
        List<string> diagnoses,
        List<CodingNote> notes,
        List<Finding> findings,
        ClaimMarkers claimMarkers,
        ClaimForm claimForm)
    {
        CaseId = caseId;
        DateOfService = dateOfService;
        Claim = claim;
        Payer = payer;
        Procedure = procedure;
        Cycle = cycle;
        RulesVersion = rulesVersion;
        // The coder hands over lists it built for this result and never touches again: wrapped, not copied.
        Lines = ReadOnly.Wrap(lines);
        Diagnoses = ReadOnly.Wrap(diagnoses);
        Notes = ReadOnly.Wrap(notes);
        Findings = ReadOnly.Wrap(findings);
        ClaimMarkers = claimMarkers;
        ClaimForm = claimForm;
        Ready = !findings.Exists(f => f.Severity == Severity.Error);
    }

    /// <summary>Gets the case's id.</summary>
    public string CaseId { get; }

    /// <summary>Gets the date of service.</summary>
    public DateTime DateOfService { get; }

    /// <summary>Gets the claim type coded for.</summary>
    public ClaimType Claim { get; }

    /// <summary>Gets the payer type.</summary>
    public PayerType Payer { get; }

    /// <summary>Gets the procedure coded.</summary>
    public ProcedureKind Procedure { get; }

    /// <summary>Gets the PIPAC cycle number, or <see langword="null"/> for a HIPEC.</summary>
    public int? Cycle { get; }

    /// <summary>Gets the version of the rule set that produced this result.</summary>
    public string RulesVersion { get; }

    /// <summary>Gets a value indicating whether the result has no error findings, so the lines can go on a claim.</summary>
    public bool Ready { get; }

    /// <summary>Gets the code lines in claim order.</summary>
    public IReadOnlyList<CodeLine> Lines { get; }

    /// <summary>Gets the ICD-10-CM diagnosis codes for the claim, in order.</summary>
    public IReadOnlyList<string> Diagnoses { get; }

    /// <summary>Gets the coding notes referenced by the lines and findings, each once.</summary>
    public IReadOnlyList<CodingNote> Notes { get; }

    /// <summary>Gets the claim-level clinical-trial markers (empty when the case is not in a trial).</summary>
    public ClaimMarkers ClaimMarkers { get; }

    /// <summary>Gets the claim-level fields: form, type of bill or place of service, statement period, inpatient procedures.</summary>
    public ClaimForm ClaimForm { get; }

    /// <summary>Gets the findings, errors first.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the ids of every rule from the data that took part (for rule maintenance; not part of the JSON contract).</summary>
    internal IReadOnlyList<string> AppliedRules { get; init; } = System.Array.Empty<string>();

    /// <summary>Gets, for each line, the name of the drug rule that coded it, or null (for reconciling with a study; not part of the JSON contract).</summary>
    internal IReadOnlyList<string?> LineDrugNames { get; init; } = System.Array.Empty<string?>();
}
