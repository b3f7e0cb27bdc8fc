using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>
/// Details some claims carry: the admission and discharge dates of a stay, the admitting diagnosis and each diagnosis's
/// present-on-admission indicator, the ABN status, the surgeon's role, the patient control number and the words of an
/// unlisted code. Immutable.
/// </summary>
public sealed record ClaimDetails
{
    /// <summary>Creates claim details.</summary>
    /// <param name="dischargeDate">The discharge date of an inpatient stay (its fiscal year decides code validity), or <see langword="null"/>.</param>
    /// <param name="abnOnFile">Whether a signed advance beneficiary notice is on file (Medicare): <see langword="true"/> signed (GA),
    /// <see langword="false"/> none and the provider expects a denial (GZ), <see langword="null"/> not documented.</param>
    /// <param name="surgeonRole">The practitioner's role on a professional claim, or <see langword="null"/> when not given (primary surgeon).</param>
    /// <param name="admissionDate">The admission date of an inpatient stay (837I DTP*435), or <see langword="null"/>.</param>
    /// <param name="admittingDiagnosis">The ICD-10-CM code of the condition the patient was admitted for (837I HI*ABJ), or <see langword="null"/>.</param>
    /// <param name="presentOnAdmission">The POA indicator of each diagnosis that has one, by code (dotted, upper case), or <see langword="null"/> for none.</param>
    /// <param name="patientControlNumber">The billing system's patient control number (X12 CLM01, 1 to 20 characters), or <see langword="null"/> to use the case id.</param>
    /// <param name="unlistedDescription">The words an unlisted code is reported with (837 SV101-7 / SV202-7), or <see langword="null"/>.</param>
    public ClaimDetails(
        DateTime? dischargeDate = null,
        bool? abnOnFile = null,
        SurgeonRole? surgeonRole = null,
        DateTime? admissionDate = null,
        string? admittingDiagnosis = null,
        IReadOnlyDictionary<string, PoaIndicator>? presentOnAdmission = null,
        string? patientControlNumber = null,
        string? unlistedDescription = null)
    {
        DischargeDate = dischargeDate?.Date;
        AbnOnFile = abnOnFile;
        SurgeonRole = surgeonRole;
        AdmissionDate = admissionDate?.Date;
        AdmittingDiagnosis = admittingDiagnosis;
        PresentOnAdmission = new ValueDictionary<string, PoaIndicator>(presentOnAdmission is null
            ? new Dictionary<string, PoaIndicator>(StringComparer.OrdinalIgnoreCase)
            : presentOnAdmission.ToDictionary(p => p.Key.Trim().ToUpperInvariant(), p => p.Value, StringComparer.OrdinalIgnoreCase));
        PatientControlNumber = patientControlNumber;
        UnlistedDescription = unlistedDescription;
    }

    /// <summary>Gets the admission date of an inpatient stay, or <see langword="null"/>.</summary>
    public DateTime? AdmissionDate { get; }

    /// <summary>Gets the admitting diagnosis of an inpatient stay, or <see langword="null"/>.</summary>
    public string? AdmittingDiagnosis { get; }

    /// <summary>Gets the present-on-admission indicator of each diagnosis the case gives one for, by code.</summary>
    public IReadOnlyDictionary<string, PoaIndicator> PresentOnAdmission { get; }

    /// <summary>Gets the patient control number (X12 CLM01), or <see langword="null"/> when the case id serves.</summary>
    public string? PatientControlNumber { get; }

    /// <summary>Gets the words an unlisted code is reported with, or <see langword="null"/>.</summary>
    public string? UnlistedDescription { get; }

    /// <summary>Gets the discharge date of an inpatient stay, or <see langword="null"/>.</summary>
    public DateTime? DischargeDate { get; }

    /// <summary>Gets whether a signed ABN is on file: true (GA), false (GZ: none, denial expected), or null (not documented).</summary>
    public bool? AbnOnFile { get; }

    /// <summary>Gets the practitioner's role on a professional claim, or <see langword="null"/> (the primary surgeon).</summary>
    public SurgeonRole? SurgeonRole { get; }

    internal static ClaimDetails None { get; } = new();
}
