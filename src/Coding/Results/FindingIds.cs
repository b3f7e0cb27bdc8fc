namespace IntraperitonealCoding;

/// <summary>
/// Stable identifiers of the findings the engine itself raises. Payer-policy findings carry the ids the rule data gives them.
/// </summary>
public static class FindingIds
{
    /// <summary>A dose in mg/m² but no body surface area on the case.</summary>
    public const string BodySurfaceAreaMissing = "CASE101";

    /// <summary>A diagnosis code that is not a well-formed ICD-10-CM code.</summary>
    public const string DiagnosisMalformed = "CASE102";

    /// <summary>The case lists no diagnosis.</summary>
    public const string DiagnosisMissing = "CASE103";

    /// <summary>A diagnosis is in a position its sequencing rule does not allow (e.g. ascites first-listed).</summary>
    public const string DiagnosisSequence = "CASE104";

    /// <summary>The body surface area is outside the plausible range in the rule data.</summary>
    public const string BodySurfaceAreaImplausible = "CASE105";

    /// <summary>The perfusion is too short for the first time unit (its mid-point is not passed): no time code.</summary>
    public const string HipecTooShort = "HIPEC001";

    /// <summary>No primary surgical procedure is given for the add-on HIPEC codes.</summary>
    public const string HipecPrimaryMissing = "HIPEC002";

    /// <summary>None of the primary procedures is an allowed primary for the add-on codes.</summary>
    public const string HipecPrimaryNotEligible = "HIPEC003";

    /// <summary>A primary procedure is not on the allowed-primary list (others are).</summary>
    public const string HipecPrimaryNotOnList = "HIPEC004";

    /// <summary>The perfusion temperature is outside the hyperthermic band.</summary>
    public const string HipecTemperatureOutsideBand = "HIPEC005";

    /// <summary>The perfusion temperature is implausible for a perfusion.</summary>
    public const string TemperatureImplausible = "HIPEC006";

    /// <summary>A primary procedure is not a well-formed CPT code.</summary>
    public const string HipecPrimaryMalformed = "HIPEC007";

    /// <summary>No perfusion temperature is documented.</summary>
    public const string TemperatureMissing = "HIPEC008";

    /// <summary>A HIPEC perfusion time outside the plausible range of the rule data (hipec.yaml, perfusion): an error.</summary>
    public const string HipecPerfusionImplausible = "HIPEC009";

    /// <summary>A primary procedure given for the HIPEC codes is itself an add-on code, and no real primary is given.</summary>
    public const string HipecPrimaryIsAddOn = "HIPEC010";

    /// <summary>A tumor-excision code (CPT 49186–49190) contradicts the sum of the tumor lengths the case gives: the right code is named.</summary>
    public const string TumorBandMismatch = "HIPEC011";

    /// <summary>A tumor-excision code chosen by the sum of the tumor lengths is given without that sum, so it cannot be checked.</summary>
    public const string TumorLengthMissing = "HIPEC012";

    /// <summary>A CPT/HCPCS code the case lists is not valid on the date of service (deleted, or not yet in force): its end date and replacements are named.</summary>
    public const string CodeNotValidOnDate = "CODE001";

    /// <summary>A CPT/HCPCS code the case lists is outside the code table the rule set ships, so its validity was not checked.</summary>
    public const string CodeNotChecked = "CODE002";

    /// <summary>A diagnosis is a category or subcategory header, not a billable code.</summary>
    public const string DiagnosisNotBillable = "CASE106";

    /// <summary>A diagnosis is not in the ICD-10-CM code set (in a family the table covers).</summary>
    public const string DiagnosisUnknown = "CASE107";

    /// <summary>A diagnosis is an ICD-10-CM code, but not in the fiscal year of the date of service.</summary>
    public const string DiagnosisNotInForce = "CASE108";

    /// <summary>A diagnosis is outside the ICD-10-CM families the rule set ships: its validity was not checked.</summary>
    public const string DiagnosisNotChecked = "CASE109";

    /// <summary>A procedure code is for an open procedure while the case is laparoscopic, or the reverse.</summary>
    public const string ApproachMismatch = "CASE110";

    /// <summary>An add-on code is on the claim without any of its primary codes (NCCI add-on code edits).</summary>
    public const string AddOnWithoutPrimary = "EDIT001";

    /// <summary>NCCI PTP edit, modifier indicator 0: the column-2 code is not separately reportable with the column-1 code.</summary>
    public const string PtpNotSeparatelyReportable = "EDIT002";

    /// <summary>NCCI PTP edit, modifier indicator 1: the pair is reportable only with 59/XE/XP/XS/XU and documentation.</summary>
    public const string PtpModifierNeeded = "EDIT003";

    /// <summary>More units of a code than its medically unlikely edit (MUE) allows.</summary>
    public const string MueExceeded = "EDIT004";

    /// <summary>A Medicare inpatient-only procedure on an outpatient facility claim: not payable.</summary>
    public const string InpatientOnlyOnOutpatientClaim = "EDIT005";

    /// <summary>A Medicare inpatient-only procedure on a professional claim with an outpatient place of service.</summary>
    public const string InpatientOnlyOutpatientPlace = "EDIT006";

    /// <summary>A likely-denied Medicare service with a signed ABN on file: its lines carry GA.</summary>
    public const string AbnSigned = "ABN001";

    /// <summary>A likely-denied Medicare service with no ABN, the provider expecting the denial: its lines carry GZ.</summary>
    public const string AbnNotSigned = "ABN002";

    /// <summary>A likely-denied Medicare service and the case does not say whether an ABN was signed.</summary>
    public const string AbnMissing = "ABN003";

    /// <summary>A likely-denied service on another payer's claim: the patient's financial waiver, per the plan's contract.</summary>
    public const string PatientWaiver = "ABN004";

    /// <summary>A Medicare Advantage enrollee's likely-denied service: obtain the plan's organization determination (no ABN, no waiver).</summary>
    public const string OrganizationDetermination = "ABN005";

    /// <summary>An assisting practitioner's claim carries the HIPEC add-on codes, which belong to the surgeon of the primary.</summary>
    public const string AddOnByAssistant = "SURG001";

    /// <summary>No rule in the data codes this procedure on the date of service.</summary>
    public const string NoRuleInForce = "RULES001";

    /// <summary>The PIPAC approach is not laparoscopic.</summary>
    public const string PipacNotLaparoscopic = "PIPAC001";

    /// <summary>A PIPAC parameter (exposure, pressure, temperature) is outside its usual range in the rule data.</summary>
    public const string PipacParameterUnusual = "PIPAC002";

    /// <summary>The drug is not in the rule data's drug table for the date of service.</summary>
    public const string DrugUnknown = "DRUG001";

    /// <summary>Less was opened from single-dose vials than was given.</summary>
    public const string DrugOpenedLessThanGiven = "DRUG002";

    /// <summary>A single-dose drug on an outpatient facility claim without the opened amount: JW/JZ cannot be set.</summary>
    public const string DrugOpenedMissing = "DRUG003";

    /// <summary>Drugs are documented but the claim takes no drug lines (a professional claim, or an inpatient DRG claim whose payer wants none).</summary>
    public const string DrugNotOnThisClaim = "DRUG004";

    /// <summary>A zero dose.</summary>
    public const string DrugZeroDose = "DRUG005";

    /// <summary>The trial's NCT number is not <c>NCT</c> followed by 8 digits.</summary>
    public const string TrialNctMalformed = "TRIAL001";

    /// <summary>An investigational item is billed to the insurer (Q0): covered only if covered outside the trial.</summary>
    public const string TrialInvestigationalBilled = "TRIAL002";

    /// <summary>The trial does not qualify under Medicare's clinical trial policy: no Q modifiers, routine costs at risk.</summary>
    public const string TrialNotQualifying = "TRIAL003";

    /// <summary>The same item is both sponsor-paid (or free) and on the insurer claim: double billing.</summary>
    public const string TrialDoubleBilling = "TRIAL004";

    /// <summary>No payer mandate covers routine trial costs on the date of service (e.g. Medicaid before 2022).</summary>
    public const string TrialRoutineNotMandated = "TRIAL005";

    /// <summary>Z00.6 is listed on a claim without a trial that qualifies for the payer: a false attestation.</summary>
    public const string TrialAttestationWithoutQualifyingTrial = "TRIAL006";

    /// <summary>Inpatient HIPEC claim without the surgery's own ICD-10-PCS codes (from the operative report): it would not group to a surgical DRG.</summary>
    public const string InpatientSurgeryCodes = "CLAIM001";

    /// <summary>A PCS code the case gives is not valid in the fiscal year of the discharge date (or is no code at all).</summary>
    public const string PcsCodeInvalid = "CLAIM002";

    /// <summary>A PCS code the case gives is outside the codes the rule set ships: its validity was not checked.</summary>
    public const string PcsCodeNotChecked = "CLAIM003";

    /// <summary>A professional claim gives no place of service: the procedure's usual one is assumed and should be confirmed.</summary>
    public const string PlaceOfServiceAssumed = "CLAIM004";

    /// <summary>The rule data has no type of bill or revenue code in force for a facility claim or line: the claim cannot be completed.</summary>
    public const string ClaimFieldMissing = "CLAIM005";

    /// <summary>More diagnoses than the claim form holds (837P: 12; 837I: a principal and 24 others).</summary>
    public const string TooManyDiagnoses = "CLAIM006";

    /// <summary>A drug line billed to a payer that requires the NDC (Medicaid, for drug rebates) has none.</summary>
    public const string NdcRequired = "CLAIM007";

    /// <summary>A drug line has no NDC; the payer may ask for it.</summary>
    public const string NdcMissing = "CLAIM008";

    /// <summary>A drug line's NDC quantity cannot be worked out: its unit is not mg and the case gives no quantity.</summary>
    public const string NdcQuantityUnknown = "CLAIM009";

    /// <summary>An inpatient claim without the admission date (837I DTP*435): supply admission_date.</summary>
    public const string AdmissionDateMissing = "CLAIM010";

    /// <summary>An inpatient claim without the admitting diagnosis (837I HI*ABJ): supply admitting_diagnosis.</summary>
    public const string AdmittingDiagnosisMissing = "CLAIM011";

    /// <summary>An inpatient claim without a discharge date: the statement period and the code set's fiscal year assume the date of service.</summary>
    public const string DischargeDateMissing = "CLAIM012";

    /// <summary>A diagnosis of an inpatient claim without its present-on-admission indicator (not POA-exempt): an error for the payers that return such claims.</summary>
    public const string PoaMissing = "CLAIM013";

    /// <summary>An unlisted code on a claim without the words that describe it (837 SV101-7 / SV202-7): supply procedure.unlisted_description.</summary>
    public const string UnlistedDescriptionMissing = "CLAIM014";

    /// <summary>The admitting diagnosis is not a valid ICD-10-CM code in the fiscal year of the stay.</summary>
    public const string AdmittingDiagnosisInvalid = "CLAIM015";

    /// <summary>An item was coded at a visit where the study's schedule of events does not plan it: an unplanned item needs its own designation.</summary>
    public const string StudyItemUnplanned = "STUDY001";

    /// <summary>An item the study designates for the sponsor (or as not billable) is on the insurer claim: double billing.</summary>
    public const string StudySponsorItemOnInsurerClaim = "STUDY002";

    /// <summary>The case's cycle is not in the study's schedule of events.</summary>
    public const string StudyCycleNotScheduled = "STUDY003";

    /// <summary>The study does not qualify for the case's payer: no trial markers (an error when the claim carries them anyway).</summary>
    public const string StudyNotQualifyingForPayer = "STUDY004";

    /// <summary>The schedule plans an item at the visit and nothing was coded for it (information for the audit).</summary>
    public const string StudyItemNotCoded = "STUDY005";

    /// <summary>A line is billed otherwise than its study designation says (e.g. a routine item on the sponsor invoice).</summary>
    public const string StudyBilledDifferently = "STUDY006";

    /// <summary>A case given to a study's reconciliation is not enrolled in that study.</summary>
    public const string StudyCaseNotInStudy = "STUDY007";
}
