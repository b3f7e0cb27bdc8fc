using System.Collections.Generic;
using System.Globalization;
using Coding.Rules;
using Coding.Results;
using Coding.Rules.Dto;

namespace Coding.Engine;

/// <summary>Checks the case's ICD-10-CM codes: present, well-formed, and sequenced as the rule data requires.</summary>
internal static class DiagnosisChecker
{
    public static List<string> Check(CodingContext context)
    {
        var diagnoses = new List<string>();
        IReadOnlyList<string> given = context.Case.Diagnoses;
        if (given.Count == 0)
        {
            context.AddFinding(FindingIds.DiagnosisMissing, Severity.Error, "The case lists no diagnosis; a claim needs at least the malignancy being treated.", "diagnoses", null);
            return diagnoses;
        }

        for (int i = 0; i < given.Count; i++)
        {
            string code = given[i].Trim().ToUpperInvariant();
            if (!CodeFormats.Icd10Cm.IsMatch(code))
            {
                context.AddFinding(FindingIds.DiagnosisMalformed, Severity.Error, $"'{given[i]}' is not a well-formed ICD-10-CM code (e.g. C78.6).", Path(i), null);
                continue;
            }

            diagnoses.Add(code);
        }

        foreach (var rule in context.Rules.Sequencing)
        {
            if (rule.Rule == SequencingRuleKind.NotFirstListed && diagnoses.Count > 0 && diagnoses[0] == rule.Code)
            {
                context.AddFinding(FindingIds.DiagnosisSequence, rule.Severity, rule.Message, Path(0), rule.Id);
            }
        }

        return diagnoses;
    }

    private static string Path(int index) => string.Format(CultureInfo.InvariantCulture, "diagnoses[{0}]", index);
}
