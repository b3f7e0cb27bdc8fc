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
