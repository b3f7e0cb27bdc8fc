using System;
using System.Collections.Generic;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// One encounter to code: the claim it goes on, the payer, the patient's diagnoses and the procedure. Immutable.
/// </summary>
public sealed record CodingCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="caseId">The caller's identifier for the case; echoed in the result.</param>
    /// <param name="dateOfService">The date of service; only the date part is used. It selects the rules in force.</param>
    /// <param name="claim">The claim type.</param>
    /// <param name="payer">The payer type.</param>
    /// <param name="bodySurfaceArea">The patient's body surface area, needed for doses in mg/m².</param>
    /// <param name="diagnoses">ICD-10-CM codes in claim order (first-listed first).</param>
    /// <param name="procedure">The procedure performed.</param>
    /// <param name="trial">The clinical trial the patient is enrolled in, or <see langword="null"/>.</param>
    /// <param name="placeOfService">The place-of-service code of a professional claim (two digits), or <see langword="null"/>.</param>
    /// <param name="claimDetails">The discharge date, ABN and surgeon role, when the claim has them; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is blank, a diagnosis is null, or <paramref name="placeOfService"/> is not two digits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="procedure"/> is null.</exception>
    public CodingCase(
        string caseId,
        DateTime dateOfService,
        ClaimType claim,
        PayerType payer,
        BodySurfaceArea? bodySurfaceArea,
        IEnumerable<string>? diagnoses,
        IntraperitonealProcedure procedure,
        ClinicalTrial? trial = null,
        string? placeOfService = null,
        ClaimDetails? claimDetails = null)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(caseId), nameof(caseId), "A case needs an id.");
        CaseId = caseId;
        DateOfService = dateOfService.Date;
        Claim = claim;
        Payer = payer;
        BodySurfaceArea = bodySurfaceArea;
        Diagnoses = ReadOnly.Copy(diagnoses);
        foreach (string code in Diagnoses)
        {
            Preconditions.CheckArgument(code is not null, nameof(diagnoses), "A diagnosis code cannot be null.");
        }

        Procedure = Preconditions.CheckNotNull(procedure, nameof(procedure));
        Trial = trial;
        Preconditions.CheckArgument(placeOfService is null || IsPlaceOfService(placeOfService), nameof(placeOfService), "A place of service is two digits.");
        PlaceOfService = placeOfService;
        Details = claimDetails ?? ClaimDetails.None;
        Preconditions.CheckArgument(Details.DischargeDate is null || Details.DischargeDate.Value.Date >= DateOfService, nameof(claimDetails), "A discharge date cannot be before the date of service.");
    }

    /// <summary>Gets the caller's identifier for the case.</summary>
    public string CaseId { get; }

    /// <summary>Gets the date of service (time of day is always midnight).</summary>
    public DateTime DateOfService { get; }

    /// <summary>Gets the claim type.</summary>
    public ClaimType Claim { get; }

    /// <summary>Gets the payer type.</summary>
    public PayerType Payer { get; }

    /// <summary>Gets the patient's body surface area, when known.</summary>
    public BodySurfaceArea? BodySurfaceArea { get; }

    /// <summary>Gets the ICD-10-CM diagnosis codes in claim order.</summary>
    public IReadOnlyList<string> Diagnoses { get; }

    /// <summary>Gets the procedure performed.</summary>
    public IntraperitonealProcedure Procedure { get; }

    /// <summary>Gets the clinical trial the patient is enrolled in, or <see langword="null"/>.</summary>
    public ClinicalTrial? Trial { get; }

    /// <summary>
    /// Gets the place-of-service code of a professional claim (two digits, e.g. <c>21</c> inpatient hospital,
    /// <c>22</c> on-campus outpatient hospital, <c>24</c> ASC), or <see langword="null"/> when not given.
    /// </summary>
    public string? PlaceOfService { get; }

    /// <summary>
    /// Whether a text is a place-of-service code: exactly two ASCII digits. The one check the constructor and the case
    /// reader share, so a value the reader accepts is never refused here (a regular expression's <c>$</c> would let
    /// <c>"21\n"</c> through).
    /// </summary>
    internal static bool IsPlaceOfService(string text) => text.Length == 2 && text[0] is >= '0' and <= '9' && text[1] is >= '0' and <= '9';

    /// <summary>Gets the claim's further details: discharge date, ABN on file, surgeon role (each may be absent).</summary>
    public ClaimDetails Details { get; }

    /// <summary>Gets the date whose fiscal year decides code validity: the discharge date of an inpatient stay, else the date of service.</summary>
    public DateTime CodeSetDate => Claim == ClaimType.FacilityInpatient && Details.DischargeDate is { } discharge ? discharge.Date : DateOfService;
}
