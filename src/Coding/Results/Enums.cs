using System.Runtime.Serialization;

namespace IntraperitonealCoding;

/// <summary>The code system of a claim line.</summary>
public enum CodeSystem
{
    /// <summary>CPT (HCPCS Level I), for professional and outpatient procedure lines.</summary>
    [EnumMember(Value = "CPT")]
    Cpt = 0,

    /// <summary>HCPCS Level II, for drug lines.</summary>
    [EnumMember(Value = "HCPCS")]
    Hcpcs = 1,

    /// <summary>ICD-10-PCS, for inpatient facility procedure lines.</summary>
    [EnumMember(Value = "ICD-10-PCS")]
    Icd10Pcs = 2,
}

/// <summary>What a claim line is for. Trial coverage rules name these categories.</summary>
public enum LineCategory
{
    /// <summary>The surgery the HIPEC is added to (e.g. cytoreduction).</summary>
    PrimarySurgery = 0,

    /// <summary>The HIPEC perfusion itself.</summary>
    Hipec = 1,

    /// <summary>The laparoscopy (with or without biopsies) of a PIPAC.</summary>
    Laparoscopy = 2,

    /// <summary>The aerosol chemotherapy of a PIPAC.</summary>
    AerosolChemotherapy = 3,

    /// <summary>A chemotherapy drug supply line.</summary>
    Drug = 4,

    /// <summary>Peritoneal biopsies of a PIPAC, when the trial takes them for the study only (on the sponsor's invoice).</summary>
    Biopsies = 5,
}

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>The claim must not go out until this is resolved; the result is not ready.</summary>
    Error = 0,

    /// <summary>The claim can go out, but a coder should look (likely denial, prior authorization, unusual value).</summary>
    Warning = 1,

    /// <summary>Something the coder should know; no action needed.</summary>
    Info = 2,
}
