using System;
using System.Linq;
using Coding.Rules;

namespace Coding.Engine;

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

            bool matches = codingCase.Diagnoses.Any(d =>
                policy.DiagnosesStarting.Any(p => d.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                && !policy.ExceptStarting.Any(p => d.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
            if (matches)
            {
                context.AddFinding(policy.FindingId, policy.Severity, $"{policy.Message} [{policy.Source}]", "diagnoses", policy.Id);
            }
        }
    }
}
