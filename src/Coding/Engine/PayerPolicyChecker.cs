using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>Raises the payer medical-policy findings from the rule data that match the case.</summary>
internal static class PayerPolicyChecker
{
    public static void Check(CodingContext context)
    {
        var codingCase = context.Case;
        foreach (PayerPolicy policy in context.Rules.PayerPolicies)
        {
            if (!policy.Period.Contains(codingCase.DateOfService)
                || !policy.Procedures.Contains(codingCase.Procedure.Kind)
                || !policy.Payers.Contains(codingCase.Payer)
                || (policy.OnlyOutsideTrial && codingCase.Trial is { Qualifying: true }))
            {
                continue;
            }

            if (Matches(codingCase.Diagnoses, policy))
            {
                context.AddFinding(policy.FindingId, policy.Severity, policy.FindingMessage, "diagnoses", policy.Id);
                if (policy.LikelyDenial)
                {
                    AdvanceNotice.Apply(context, policy);
                }
            }
        }
    }

    private static bool Matches(IReadOnlyList<string> diagnoses, PayerPolicy policy)
    {
        bool matched = false;
        bool together = policy.TogetherWithStarting.Count == 0;
        foreach (string diagnosis in diagnoses)
        {
            matched |= StartsWithAny(diagnosis, policy.DiagnosesStarting) && !StartsWithAny(diagnosis, policy.ExceptStarting);
            together |= StartsWithAny(diagnosis, policy.TogetherWithStarting);
        }

        return matched && together;
    }

    private static bool StartsWithAny(string code, IReadOnlyList<string> prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
