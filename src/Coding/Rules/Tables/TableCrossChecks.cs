using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules.Tables;

/// <summary>
/// Checks between the code tables and the rules that use them: the HIPEC add-on codes and their primaries, the PCS
/// codes the rules emit, and the ICD-10-CM codes the rules add or sequence. Every problem is reported.
/// </summary>
internal static class TableCrossChecks
{
    public static void HipecAddOns(IReadOnlyList<HipecTimeRule> timeRules, AddOnTable addOns, AddOnCodesFileDto addOnsFile, DataErrorSink sink, DataErrorSink addOnSink, SourceMark at)
    {
        var addOnCodes = new HashSet<string>(addOns.Edits.Keys, StringComparer.Ordinal);
        foreach (HipecTimeRule rule in timeRules.Where(r => r.Method == TimeCodingMethod.TimeUnits))
        {
            if (rule.FirstUnit is null || rule.AdditionalUnit is null)
            {
                continue; // the rule's own check has reported the missing unit where it is
            }

            string first = rule.FirstUnit.Code;
            string additional = rule.AdditionalUnit.Code;
            var primaries = addOns.Edits.All(first).Where(e => e.Period.Overlaps(rule.Period)).ToList();
            if (primaries.Count == 0)
            {
                sink.Add(DataErrorIds.UndefinedCode, $"Rule '{rule.Id}' reports {first} as an add-on code, but add-on-codes.yaml lists no primary code for it while the rule is in force ({rule.Period}).", at);
            }

            foreach (AddOnEditDto edit in addOnsFile.Edits.Where(e => e.AddOn == first && addOnCodes.Contains(e.Primary)))
            {
                addOnSink.Add(DataErrorIds.InvalidRuleValue, $"{edit.Primary} is listed as a primary of {first}, but {edit.Primary} is itself an add-on code: an add-on code is never an eligible primary procedure.", edit.At(nameof(edit.Primary)));
            }

            if (!addOns.Edits.All(additional).Any(e => e.Primary == first && e.Period.Overlaps(rule.Period)))
            {
                sink.Add(DataErrorIds.UndefinedCode, $"Rule '{rule.Id}' reports {additional} with {first}, but add-on-codes.yaml has no edit making {first} its primary.", at);
            }
        }
    }

    /// <summary>Each PCS code of the code table must be a valid (billable) code in the PCS table for the whole of its period.</summary>
    public static void PcsCodes(IEnumerable<CodeDefinition> codes, CodeValidityTable pcs, DataErrorSink sink)
    {
        foreach (CodeDefinition code in codes.Where(c => c.System == CodeSystem.Icd10Pcs))
        {
            if (!pcs.Codes.All(code.Code).Any(r => r.Billable && r.Period.Covers(code.Period)))
            {
                sink.Add(DataErrorIds.CodeNotInTable, $"ICD-10-PCS code {code.Code} ({code.Period}) is not a valid code in icd10pcs.yaml for the whole of that period ({pcs.Source}).", code.At);
            }
        }
    }

    /// <summary>The ICD-10-CM codes the rules put on a claim or sequence must be billable codes from the rule set's first date on.</summary>
    public static void CmCodes(IEnumerable<(string Code, DataErrorSink Sink, SourceMark At)> used, DateTime coversFrom, CodeValidityTable cm)
    {
        var from = new EffectivePeriod(coversFrom, null);
        foreach (var (code, sink, at) in used)
        {
            if (!cm.Codes.All(code).Any(r => r.Billable && r.Period.Covers(from)))
            {
                sink.Add(DataErrorIds.CodeNotInTable, $"ICD-10-CM code {code} is not a billable code in icd10cm.yaml from {coversFrom:yyyy-MM-dd} on ({cm.Source}).", at);
            }
        }
    }
}
