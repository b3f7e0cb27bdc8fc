using System.Collections.Generic;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>A claim-level value code with its value (e.g. D4 with the clinical-trial number). Immutable.</summary>
public sealed record ValueCode
{
    /// <summary>Creates a <see cref="ValueCode"/>.</summary>
    /// <param name="code">The value code.</param>
    /// <param name="value">Its value.</param>
    public ValueCode(string code, string value)
    {
        Code = code;
        Value = value;
    }

    /// <summary>Gets the value code.</summary>
    public string Code { get; }

    /// <summary>Gets its value.</summary>
    public string Value { get; }
}

/// <summary>
/// Claim-level markers a clinical-trial claim needs: the trial number, condition and value codes, the IDE number. Immutable;
/// empty (nulls and empty lists) when the case is not in a trial.
/// </summary>
public sealed record ClaimMarkers
{
    internal ClaimMarkers(string? clinicalTrialNumber, IEnumerable<string>? conditionCodes, IEnumerable<ValueCode>? valueCodes, string? ide)
    {
        ClinicalTrialNumber = clinicalTrialNumber;
        ConditionCodes = ReadOnly.Copy(conditionCodes);
        ValueCodes = ReadOnly.Copy(valueCodes);
        Ide = ide;
    }

    /// <summary>Gets the 8-digit clinical-trial number without "NCT" (837 loop 2300 REF*P4), or <see langword="null"/>.</summary>
    public string? ClinicalTrialNumber { get; }

    /// <summary>Gets the institutional condition codes (e.g. 30 for a qualifying clinical trial).</summary>
    public IReadOnlyList<string> ConditionCodes { get; }

    /// <summary>Gets the institutional value codes (e.g. D4 with the trial number).</summary>
    public IReadOnlyList<ValueCode> ValueCodes { get; }

    /// <summary>Gets the investigational device exemption number (REF*LX), or <see langword="null"/>.</summary>
    public string? Ide { get; }

    internal static ClaimMarkers None { get; } = new(null, null, null, null);
}
