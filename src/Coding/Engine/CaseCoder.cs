using System.Collections.Generic;
using System.Globalization;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>Codes one case: runs each concern's coder in claim order over a fresh <see cref="CodingContext"/>.</summary>
internal sealed class CaseCoder
{
    private readonly RuleSet rules;

    public CaseCoder(RuleSet rules) => this.rules = rules;

    public CodingResult Code(CodingCase codingCase)
    {
        var context = new CodingContext(codingCase, rules);
        List<string> diagnoses = DiagnosisChecker.Check(context);
        if (codingCase.DateOfService < rules.CoversFrom)
        {
            context.AddFinding(
                FindingIds.NoRuleInForce,
                Severity.Error,
                string.Format(CultureInfo.InvariantCulture, "The rule set {0} codes dates of service from {1:yyyy-MM-dd}; this case is dated {2:yyyy-MM-dd}.", rules, rules.CoversFrom, codingCase.DateOfService),
                "date_of_service",
                null);
            return context.ToResult(diagnoses);
        }

        PatientChecker.Check(context);
        switch (codingCase.Procedure)
        {
            case HipecProcedure hipec:
                HipecCoder.Code(context, hipec);
                break;
            case PipacProcedure pipac:
                PipacCoder.Code(context, pipac);
                break;
        }

        DrugCoder.Code(context);
        SurgeonRoles.Apply(context);
        ClaimEditChecker.Check(context);
        context.Coverage.Finish(diagnoses);
        StudyChecker.Check(context);
        PayerPolicyChecker.Check(context);
        ClaimFieldsAssembler.Apply(context, diagnoses);
        return context.ToResult(diagnoses);
    }
}
