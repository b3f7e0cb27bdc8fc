using System;
using System.Linq;
using System.Collections.Generic;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

/// <summary>A facility claim type's type of bill (UB-04 form locator 4).</summary>
internal sealed record TypeOfBillRule(ClaimType Claim, string Code, string Label, EffectivePeriod Period) : IEffective;

/// <summary>The place of service assumed on a professional claim of a procedure that gives none.</summary>
internal sealed record AssumedPlaceRule(ProcedureKind Procedure, string Code, string Label, EffectivePeriod Period) : IEffective;

/// <summary>The revenue code of facility lines of some categories (and, for drugs, one way of paying for them).</summary>
internal sealed record RevenueCodeRule(string Id, string Code, string Label, IReadOnlyList<LineCategory> Categories, DrugPayment? Drugs, EffectivePeriod Period) : IEffective
{
    public bool Matches(LineCategory category, bool separatelyPayable)
        => Categories.Contains(category) && (Drugs is not { } payment || payment == (separatelyPayable ? DrugPayment.SeparatelyPayable : DrugPayment.Packaged));
}

/// <summary>A code on the fiscal year's POA-exempt list: its present-on-admission indicator is left blank.</summary>
internal sealed record PoaExemptCode(string Code, EffectivePeriod Period) : IEffective;

/// <summary>Present-on-admission reporting: the payers that return a claim without it, those that may, and the exempt codes.</summary>
internal sealed record PoaRules(IReadOnlyList<PayerType> RequiredFor, IReadOnlyList<PayerType> WarnedFor, string Source, IReadOnlyList<PoaExemptCode> Exempt)
{
    public bool IsExempt(string code, DateTime date)
    {
        foreach (PoaExemptCode row in Exempt)
        {
            if (string.Equals(row.Code, code, StringComparison.OrdinalIgnoreCase) && row.Period.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The claim fields of claim-fields.yaml: type of bill, revenue codes, assumed places of service, pointer and NDC rules.</summary>
internal sealed record ClaimFieldRules(
    IReadOnlyList<TypeOfBillRule> TypesOfBill,
    IReadOnlyList<AssumedPlaceRule> PlacesOfService,
    IReadOnlyList<RevenueCodeRule> RevenueCodes,
    int PointersPerLine,
    int ProfessionalClaimMaxDiagnoses,
    int InstitutionalClaimMaxDiagnoses,
    IReadOnlyList<PayerType> NdcRequiredFor,
    IReadOnlyList<PayerType> NdcWarnedFor,
    string NdcSource)
{
    /// <summary>Gets the note said when a PCS code the case lists is also one a rule emits (it appears once).</summary>
    public string PcsListedOnceNote { get; init; } = string.Empty;

    /// <summary>Gets the present-on-admission rules.</summary>
    public PoaRules Poa { get; init; } = new(Array.Empty<PayerType>(), Array.Empty<PayerType>(), string.Empty, Array.Empty<PoaExemptCode>());

    public TypeOfBillRule? TypeOfBill(ClaimType claim, DateTime date)
    {
        foreach (TypeOfBillRule rule in TypesOfBill)
        {
            if (rule.Claim == claim && rule.Period.Contains(date))
            {
                return rule;
            }
        }

        return null;
    }

    public AssumedPlaceRule? AssumedPlace(ProcedureKind procedure, DateTime date)
    {
        foreach (AssumedPlaceRule rule in PlacesOfService)
        {
            if (rule.Procedure == procedure && rule.Period.Contains(date))
            {
                return rule;
            }
        }

        return null;
    }

    public RevenueCodeRule? RevenueCode(LineCategory category, bool separatelyPayable, DateTime date)
    {
        foreach (RevenueCodeRule rule in RevenueCodes)
        {
            if (rule.Matches(category, separatelyPayable) && rule.Period.Contains(date))
            {
                return rule;
            }
        }

        return null;
    }
}
