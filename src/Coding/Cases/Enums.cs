using System.Runtime.Serialization;

namespace IntraperitonealCoding;

/// <summary>The kind of claim the lines are coded for; it decides the code systems and which modifiers apply.</summary>
public enum ClaimType
{
    /// <summary>The surgeon's professional claim (CMS-1500 / 837P): CPT codes, no drug lines.</summary>
    Professional = 0,

    /// <summary>A hospital outpatient claim (UB-04 / 837I): CPT/HCPCS codes with drug lines.</summary>
    FacilityOutpatient = 1,

    /// <summary>A hospital inpatient claim (UB-04 / 837I, DRG): ICD-10-PCS procedure codes.</summary>
    FacilityInpatient = 2,
}

/// <summary>The patient's coverage for the date of service.</summary>
public enum PayerType
{
    /// <summary>Original (fee-for-service) Medicare.</summary>
    Medicare = 0,

    /// <summary>A Medicare Advantage (Part C) plan.</summary>
    MedicareAdvantage = 1,

    /// <summary>Medicaid.</summary>
    Medicaid = 2,

    /// <summary>A commercial health plan.</summary>
    Commercial = 3,

    /// <summary>No insurer: the patient pays.</summary>
    SelfPay = 4,
}

/// <summary>How the abdomen was entered.</summary>
public enum SurgicalApproach
{
    /// <summary>Open laparotomy.</summary>
    Open = 0,

    /// <summary>Laparoscopy (ports).</summary>
    Laparoscopic = 1,
}

/// <summary>The intraperitoneal chemotherapy procedure a case describes.</summary>
public enum ProcedureKind
{
    /// <summary>Hyperthermic intraperitoneal chemotherapy, given during surgery.</summary>
    Hipec = 0,

    /// <summary>Pressurized intraperitoneal aerosol chemotherapy, given at laparoscopy.</summary>
    Pipac = 1,
}

/// <summary>How a drug is packaged, which decides whether the discarded amount is reported (JW/JZ).</summary>
public enum VialType
{
    /// <summary>A single-dose vial: what is not given is discarded.</summary>
    SingleDose = 0,

    /// <summary>A multi-dose vial: what is not given can be kept; neither JW nor JZ applies.</summary>
    MultiDose = 1,
}

/// <summary>The practitioner's role in the surgery on a professional claim; it decides the surgeon modifiers (62, 80, 82, AS).</summary>
public enum SurgeonRole
{
    /// <summary>The surgeon who did the procedure (no role modifier).</summary>
    Primary = 0,

    /// <summary>One of two surgeons each doing a distinct part of one procedure (modifier 62).</summary>
    CoSurgeon = 1,

    /// <summary>A physician assisting the surgeon (modifier 80).</summary>
    Assistant = 2,

    /// <summary>An assisting physician at a teaching hospital when no qualified resident was available (modifier 82).</summary>
    AssistantAtTeachingHospital = 3,

    /// <summary>A physician assistant, nurse practitioner or clinical nurse specialist assisting at surgery (modifier AS).</summary>
    NonPhysicianAssistant = 4,
}

/// <summary>How a clinical trial's coverage analysis designates an item or a drug.</summary>
public enum TrialDesignation
{
    /// <summary>A routine cost: billed to the insurer with Q1.</summary>
    Routine = 0,

    /// <summary>The investigational item, billed to the insurer with Q0 (covered only if covered outside the trial).</summary>
    Investigational = 1,

    /// <summary>Paid by the sponsor: on the sponsor's invoice, never on the insurer claim.</summary>
    Sponsor = 2,

    /// <summary>Supplied free (or promised free in the consent): billed to no one.</summary>
    NotBillable = 3,
}

/// <summary>
/// The present-on-admission indicator of a diagnosis on an inpatient claim (837I: the ninth component of the HI
/// composite; UB-04 form locator 67). Codes on the fiscal year's POA-exempt list carry none.
/// </summary>
public enum PoaIndicator
{
    /// <summary>Present at the time of inpatient admission.</summary>
    [EnumMember(Value = "Y")]
    Yes = 0,

    /// <summary>Not present at the time of inpatient admission.</summary>
    [EnumMember(Value = "N")]
    No = 1,

    /// <summary>Documentation is insufficient to determine whether it was present at admission.</summary>
    [EnumMember(Value = "U")]
    Unknown = 2,

    /// <summary>The provider cannot clinically determine whether it was present at admission.</summary>
    [EnumMember(Value = "W")]
    ClinicallyUndetermined = 3,
}
