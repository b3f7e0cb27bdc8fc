using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>The electronic claim a result goes on.</summary>
public enum ClaimFormType
{
    /// <summary>ASC X12 837 professional (005010X222A1; paper CMS-1500).</summary>
    [EnumMember(Value = "837P")]
    Professional837P = 0,

    /// <summary>ASC X12 837 institutional (005010X223A3; paper UB-04).</summary>
    [EnumMember(Value = "837I")]
    Institutional837I = 1,
}

/// <summary>
/// The claim-level fields a billing system needs beside the lines, diagnoses and trial markers: the form, the type of
/// bill or place of service, the statement period and, on an inpatient claim, the principal and other procedures. Immutable.
/// </summary>
public sealed record ClaimForm
{
    internal ClaimForm(ClaimFormType form, string? typeOfBill, string? placeOfService, DateTime statementFrom, DateTime statementThrough, IReadOnlyList<ClaimProcedure> procedures)
    {
        Form = form;
        TypeOfBill = typeOfBill;
        PlaceOfService = placeOfService;
        StatementFrom = statementFrom;
        StatementThrough = statementThrough;
        Procedures = procedures;
    }

    /// <summary>Gets the electronic claim the result goes on.</summary>
    public ClaimFormType Form { get; }

    /// <summary>Gets the type of bill of a facility claim (UB-04 form locator 4, e.g. <c>0131</c>), or <see langword="null"/> on a professional claim.</summary>
    public string? TypeOfBill { get; }

    /// <summary>Gets the place of service of a professional claim (837P CLM05-1, e.g. <c>22</c>), or <see langword="null"/> on a facility claim.</summary>
    public string? PlaceOfService { get; }

    /// <summary>Gets the first day of the statement period (the date of service).</summary>
    public DateTime StatementFrom { get; }

    /// <summary>Gets the last day of the statement period (the discharge date of a stay, else the date of service).</summary>
    public DateTime StatementThrough { get; }

    /// <summary>Gets an inpatient claim's ICD-10-PCS procedures in claim order, the principal first (837I HI BBR/BBQ); empty otherwise.</summary>
    public IReadOnlyList<ClaimProcedure> Procedures { get; }

    /// <summary>The form of a case's claim: its type from the claim type, its statement period from the dates of service and discharge.</summary>
    /// <summary>Gets the admission date of an inpatient stay (837I DTP*435), or <see langword="null"/>.</summary>
    public DateTime? AdmissionDate { get; internal init; }

    /// <summary>Gets the admitting diagnosis of an inpatient stay (837I HI*ABJ), or <see langword="null"/>.</summary>
    public string? AdmittingDiagnosis { get; internal init; }

    /// <summary>
    /// Gets, for each of the result's diagnoses in order, its present-on-admission indicator on an inpatient claim:
    /// <see langword="null"/> for a POA-exempt code (left blank) or one the case does not give; empty on other claims.
    /// </summary>
    public IReadOnlyList<PoaIndicator?> PresentOnAdmission { get; internal init; } = ReadOnly.None<PoaIndicator?>();

    /// <summary>
    /// Gets the patient control number (X12 CLM01): the case's <c>patient_control_number</c>, or its id when none is given.
    /// </summary>
    public string PatientControlNumber { get; internal init; } = string.Empty;

    internal static ClaimForm For(CodingCase codingCase, string? typeOfBill = null, string? placeOfService = null, IReadOnlyList<ClaimProcedure>? procedures = null)
        => new(
            codingCase.Claim == ClaimType.Professional ? ClaimFormType.Professional837P : ClaimFormType.Institutional837I,
            typeOfBill,
            placeOfService,
            codingCase.DateOfService,
            codingCase.Details.DischargeDate ?? codingCase.DateOfService,
            procedures ?? ReadOnly.None<ClaimProcedure>());
}

/// <summary>An ICD-10-PCS procedure on an inpatient claim. Immutable.</summary>
public sealed record ClaimProcedure
{
    internal ClaimProcedure(string code, DateTime date, bool principal)
    {
        Code = code;
        Date = date;
        Principal = principal;
    }

    /// <summary>Gets the ICD-10-PCS code.</summary>
    public string Code { get; }

    /// <summary>Gets the date it was performed.</summary>
    public DateTime Date { get; }

    /// <summary>Gets a value indicating whether it is the principal procedure.</summary>
    public bool Principal { get; }
}

/// <summary>The NDC of a drug line: the 11-digit code, the unit of measure and the quantity in it. Immutable.</summary>
public sealed record LineNdc
{
    internal LineNdc(NationalDrugCode code, NdcUnit unit, decimal quantity)
    {
        Code = code;
        Unit = unit;
        Quantity = quantity;
    }

    /// <summary>Gets the NDC.</summary>
    public NationalDrugCode Code { get; }

    /// <summary>Gets the unit of measure.</summary>
    public NdcUnit Unit { get; }

    /// <summary>Gets the quantity in <see cref="Unit"/>.</summary>
    public decimal Quantity { get; }

    /// <summary>The NDC as a coder reads it on the claim: the hyphenated code, the unit's code and the quantity (<c>16729-0288-11 MG 80</c>).</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public override string ToString() => Code.Hyphenated + " " + WireNames.Of(Unit) + " " + ResultX12.QuantityText(Quantity);
}

/// <summary>Which drug administration a drug line was coded from, the mg it stands for, and whether it is the discarded amount.</summary>
internal sealed record DrugSupply(DrugAdministration Drug, decimal Milligrams, bool Discarded, bool SeparatelyPayable);
