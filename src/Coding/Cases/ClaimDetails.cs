using System;

namespace IntraperitonealCoding;

/// <summary>Details some claims carry: the discharge date of a stay, the ABN status, the surgeon's role. Immutable.</summary>
public sealed record ClaimDetails
{
    /// <summary>Creates claim details.</summary>
    /// <param name="dischargeDate">The discharge date of an inpatient stay (its fiscal year decides code validity), or <see langword="null"/>.</param>
    /// <param name="abnOnFile">Whether a signed advance beneficiary notice is on file (Medicare): <see langword="true"/> signed (GA),
    /// <see langword="false"/> none and the provider expects a denial (GZ), <see langword="null"/> not documented.</param>
    /// <param name="surgeonRole">The practitioner's role on a professional claim, or <see langword="null"/> when not given (primary surgeon).</param>
    public ClaimDetails(DateTime? dischargeDate = null, bool? abnOnFile = null, SurgeonRole? surgeonRole = null)
    {
        DischargeDate = dischargeDate?.Date;
        AbnOnFile = abnOnFile;
        SurgeonRole = surgeonRole;
    }

    /// <summary>Gets the discharge date of an inpatient stay, or <see langword="null"/>.</summary>
    public DateTime? DischargeDate { get; }

    /// <summary>Gets whether a signed ABN is on file: true (GA), false (GZ: none, denial expected), or null (not documented).</summary>
    public bool? AbnOnFile { get; }

    /// <summary>Gets the practitioner's role on a professional claim, or <see langword="null"/> (the primary surgeon).</summary>
    public SurgeonRole? SurgeonRole { get; }

    internal static ClaimDetails None { get; } = new();
}
