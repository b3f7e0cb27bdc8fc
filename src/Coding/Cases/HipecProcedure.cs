using System;
using System.Collections.Generic;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// Hyperthermic intraperitoneal chemotherapy given during surgery, usually right after cytoreduction. Immutable.
/// </summary>
public sealed record HipecProcedure : IntraperitonealProcedure
{
    /// <summary>Creates a HIPEC descriptor.</summary>
    /// <param name="approach">Open or laparoscopic.</param>
    /// <param name="primaryProcedures">The CPT codes of the surgery the HIPEC is added to, as documented (may be empty: that is a finding, not an exception).</param>
    /// <param name="separateIncisions">The number of separate incisions made for the perfusion catheters; not negative.</param>
    /// <param name="temperature">The measured perfusion temperature range, or <see langword="null"/> when not documented.</param>
    /// <param name="perfusionDuration">How long the heated perfusate circulated.</param>
    /// <param name="pcsProcedures">The ICD-10-PCS codes of the surgery from the operative report (inpatient claims), or <see langword="null"/>.</param>
    /// <param name="drugs">The drugs in the perfusate.</param>
    /// <param name="tumorLengthSum">The sum of the maximum lengths of the tumors or cysts excised or destroyed, or <see langword="null"/> when not given.</param>
    /// <exception cref="ArgumentException">A primary procedure code is null, or <paramref name="separateIncisions"/> is negative.</exception>
    public HipecProcedure(
        SurgicalApproach approach,
        IEnumerable<string>? primaryProcedures,
        int separateIncisions,
        TemperatureRange? temperature,
        Duration perfusionDuration,
        IEnumerable<DrugAdministration>? drugs,
        IEnumerable<string>? pcsProcedures = null,
        Length? tumorLengthSum = null)
        : base(approach, temperature, drugs, pcsProcedures)
    {
        TumorLengthSum = tumorLengthSum;
        PrimaryProcedures = ReadOnly.Copy(primaryProcedures);
        Preconditions.CheckArgument(!HasNull(PrimaryProcedures), nameof(primaryProcedures), "A primary procedure code cannot be null.");
        Preconditions.CheckArgumentRange(separateIncisions >= 0, nameof(separateIncisions), separateIncisions, "The number of incisions cannot be negative.");
        SeparateIncisions = separateIncisions;
        PerfusionDuration = perfusionDuration;
    }

    /// <inheritdoc />
    public override ProcedureKind Kind => ProcedureKind.Hipec;

    /// <summary>Gets the CPT codes of the primary surgery, as documented.</summary>
    public IReadOnlyList<string> PrimaryProcedures { get; }

    /// <summary>Gets the number of separate incisions made for the perfusion catheters.</summary>
    public int SeparateIncisions { get; }

    /// <summary>Gets how long the heated perfusate circulated.</summary>
    public Duration PerfusionDuration { get; }

    /// <summary>
    /// Gets the sum of the maximum lengths of the tumors or cysts the surgery excised or destroyed, as measured in the
    /// operative or pathology report, or <see langword="null"/> when not given. From 2025 it chooses the open excision
    /// code (CPT 49186–49190); the bands are rule data.
    /// </summary>
    public Length? TumorLengthSum { get; }

    private static bool HasNull(IReadOnlyList<string> codes)
    {
        foreach (string code in codes)
        {
            if (code is null)
            {
                return true;
            }
        }

        return false;
    }
}
