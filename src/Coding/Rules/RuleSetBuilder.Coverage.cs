using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

/// <summary>The drug, payer-policy, clinical-trial and diagnosis-sequencing rule files of a rule set.</summary>
internal sealed partial class RuleSetBuilder
{
    private DrugRules? BuildDrugs(DrugsFileDto file, DataErrorSink sink)
    {
        var bsa = file.BodySurfaceAreaM2;
        if (bsa.Min <= 0 || bsa.Min > bsa.Max)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Body surface area range {bsa.Min}–{bsa.Max} m² is impossible.", bsa.Start);
        }

        var wastage = file.Wastage;
        Modifier discardedModifier = RuleModifier(wastage.DiscardedModifier, sink, wastage.At(nameof(wastage.DiscardedModifier)));
        Modifier noDiscardModifier = RuleModifier(wastage.NoDiscardModifier, sink, wastage.At(nameof(wastage.NoDiscardModifier)));

        CheckNotes(wastage.DiscardedNotes, sink, wastage.At(nameof(wastage.DiscardedNotes)));
        CheckNotes(wastage.NoDiscardNotes, sink, wastage.At(nameof(wastage.NoDiscardNotes)));
        CheckNotes(wastage.MultiDoseNotes, sink, wastage.At(nameof(wastage.MultiDoseNotes)));
        CheckNotes(wastage.InpatientNotes, sink, wastage.At(nameof(wastage.InpatientNotes)));
        CheckNotes(wastage.PackagedNotes, sink, wastage.At(nameof(wastage.PackagedNotes)));
        CheckNotes(wastage.PayerNotRequiredNotes, sink, wastage.At(nameof(wastage.PayerNotRequiredNotes)));
        CheckNotes(wastage.VialDefaultNotes, sink, wastage.At(nameof(wastage.VialDefaultNotes)));
        CheckNotes(file.UnitsNotes, sink, file.At(nameof(file.UnitsNotes)));
        CheckNotes(file.SponsorSuppliedNotes, sink, file.At(nameof(file.SponsorSuppliedNotes)));
        CheckNotes(new[] { file.ProfessionalClaimNote }, sink, file.At(nameof(file.ProfessionalClaimNote)));
        CheckNotes(new[] { file.Inpatient.NoLinesNote }, sink, file.Inpatient.At(nameof(file.Inpatient.NoLinesNote)));

        var drugs = new List<DrugRule>();
        var names = new List<(string Item, EffectivePeriod Period, SourceMark At)>();
        var provenance = Provenance("drugs.yaml", file.Sources);
        foreach (DrugDto dto in file.Drugs)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            provenance.Cite("Drug codes and billing units", dto.Name, dto.Source, dto.At(nameof(dto.Source)));
            provenance.Cite("Separately payable flags", dto.Name, dto.PayableSource, dto.At(nameof(dto.PayableSource)));
            var period = Period(dto, sink);
            CheckCode(dto.Code, CodeSystem.Hcpcs, period, sink, dto.At(nameof(dto.Code)));
            // A billing unit that failed to map (null) already has its own error.
            if (dto.BillingUnitMg is <= 0)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Drug '{dto.Name}' needs a billing unit greater than 0 mg.", dto.At(nameof(dto.BillingUnitMg)));
            }
            else if (dto.BillingUnitMg is < MinBillingUnitMg or > MaxBillingUnitMg)
            {
                // Bounds keep units arithmetic (dose ÷ billing unit) far from decimal and int overflow.
                sink.Add(DataErrorIds.InvalidRuleValue, $"Drug '{dto.Name}' has a billing unit of {dto.BillingUnitMg} mg; it must be from {MinBillingUnitMg} to {MaxBillingUnitMg} mg.", dto.At(nameof(dto.BillingUnitMg)));
            }

            drugs.Add(new DrugRule(dto.Id, dto.Name, Freeze(dto.Aliases), dto.Code, dto.BillingUnitMg ?? 0, dto.Vial, dto.VialVaries, dto.SeparatelyPayable, period));
            foreach (string name in new[] { dto.Name }.Concat(dto.Aliases))
            {
                names.Add((name.ToLowerInvariant(), period, dto.Start));
            }
        }

        // A name (or alias) may mean only one drug on any date.
        CheckNoOverlap(names, n => n, "Drug name", sink);
        var wastageRules = new WastageRules(
            Freeze(wastage.Claims),
            Freeze(wastage.Payers),
            discardedModifier,
            Freeze(wastage.DiscardedNotes),
            noDiscardModifier,
            wastage.NoDiscardFrom,
            Freeze(wastage.NoDiscardNotes),
            Freeze(wastage.MultiDoseNotes),
            Freeze(wastage.InpatientNotes),
            Freeze(wastage.PackagedNotes),
            Freeze(wastage.PayerNotRequiredNotes),
            Freeze(wastage.VialDefaultNotes));
        return new DrugRules(bsa.Min, bsa.Max, wastageRules, Freeze(file.UnitsNotes), Freeze(file.SponsorSuppliedNotes), file.ProfessionalClaimNote, Freeze(file.Inpatient.HcpcsLinesFor), file.Inpatient.NoLinesNote, Freeze(drugs));
    }

    private IReadOnlyList<PayerPolicy>? BuildPolicies(PayerPoliciesFileDto file, DataErrorSink sink)
    {
        var built = new List<PayerPolicy>();
        var provenance = Provenance("payer-policies.yaml", file.Sources);
        foreach (PayerPolicyDto dto in file.Policies)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            var source = provenance.Cite("Payer policies", dto.Id, dto.Source, dto.At(nameof(dto.Source)));
            var period = Period(dto, sink);
            foreach (string prefix in dto.DiagnosesStarting.Concat(dto.ExceptStarting).Concat(dto.TogetherWithStarting))
            {
                if (!CodeFormats.Icd10CmPrefix.IsMatch(prefix))
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, $"'{prefix}' is not the start of an ICD-10-CM code.", dto.At(nameof(dto.DiagnosesStarting)));
                }
            }

            built.Add(new PayerPolicy(dto.Id, dto.FindingId, Freeze(dto.Procedures), Freeze(dto.Payers), Freeze(dto.DiagnosesStarting), Freeze(dto.ExceptStarting), Freeze(dto.TogetherWithStarting), dto.OnlyOutsideTrial, dto.LikelyDenial, dto.Severity, dto.Message.Trim(), source.Document, period));
        }

        var abn = file.Abn;
        Modifier signedModifier = RuleModifier(abn.SignedModifier, sink, abn.At(nameof(abn.SignedModifier)));
        Modifier notSignedModifier = RuleModifier(abn.NotSignedModifier, sink, abn.At(nameof(abn.NotSignedModifier)));

        CheckNotes(new[] { abn.SignedNote, abn.NotSignedNote, abn.MissingNote, abn.OtherPayersNote, abn.MedicareAdvantageNote }, sink, abn.Start);
        ClaimRuleId(abn.Id, sink, abn.At(nameof(abn.Id)));
        abnRules = new AbnRules(abn.Id, Freeze(abn.Payers), Freeze(abn.Claims), signedModifier, notSignedModifier, abn.SignedNote, abn.NotSignedNote, abn.MissingNote, abn.OtherPayersNote, abn.Source)
        {
            MedicareAdvantageNote = abn.MedicareAdvantageNote,
        };
        return Freeze(built);
    }

    private TrialRules? BuildTrials(ClinicalTrialsFileDto file, DataErrorSink sink)
    {
        Regex? nct = NctPattern.Compile(file.NctPattern, out string? problem);
        if (problem is not null)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, problem, file.At(nameof(file.NctPattern)));
        }

        var markers = file.Markers;
        if (!CodeFormats.Icd10CmPrefix.IsMatch(markers.SecondaryDiagnosis))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"'{markers.SecondaryDiagnosis}' is not an ICD-10-CM code.", markers.At(nameof(markers.SecondaryDiagnosis)));
        }

        CheckNotes(markers.Notes, sink, markers.At(nameof(markers.Notes)));
        CheckNotes(file.InpatientNonCoveredNotes, sink, file.At(nameof(file.InpatientNonCoveredNotes)));
        Modifier routineModifier = RuleModifier(file.Modifiers.Routine, sink, file.Modifiers.At(nameof(file.Modifiers.Routine)));
        Modifier investigationalModifier = RuleModifier(file.Modifiers.Investigational, sink, file.Modifiers.At(nameof(file.Modifiers.Investigational)));

        var rules = new List<(CoverageRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (CoverageRuleDto dto in file.Rules)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            var period = Period(dto, sink);
            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            rules.Add((new CoverageRule(dto.Id, dto.Decision, dto.Source, Freeze(dto.Notes), period), period, dto.Start));
        }

        CheckNoOverlap(rules, r => WireNames.Of(r.Decision), "Coverage decision", sink);
        foreach (var family in rules.GroupBy(r => r.Item.Decision))
        {
            // A payer mandate may start later than the rule set (Medicaid from 2022); the core decisions may not.
            bool fromStart = family.Key is not (CoverageDecision.MedicaidRoutine or CoverageDecision.CommercialRoutine);
            CheckContinuous(family.Select(r => r.Period), $"Coverage decision '{WireNames.Of(family.Key)}'", fromStart, sink, family.First().At);
        }
        foreach (CoverageDecision decision in Enum.GetValues(typeof(CoverageDecision)))
        {
            if (!rules.Any(r => r.Item.Decision == decision))
            {
                sink.Add(DataErrorIds.MissingKey, $"No rule for coverage decision '{WireNames.Of(decision)}'; every decision needs one.", file.At(nameof(file.Rules)));
            }
        }

        if (nct is null)
        {
            return null;
        }

        return new TrialRules(nct, markers.SecondaryDiagnosis, markers.FacilityConditionCode, markers.FacilityValueCode, Freeze(markers.FacilityClaims), Freeze(markers.Notes), routineModifier, investigationalModifier, Freeze(file.Modifiers.Claims), Freeze(rules.Select(r => r.Item)), Freeze(file.InpatientNonCoveredNotes));
    }

    private IReadOnlyList<SequencingRule>? BuildSequencing(DiagnosesFileDto file, DataErrorSink sink)
    {
        var built = new List<SequencingRule>();
        foreach (SequencingDto dto in file.Sequencing)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            if (!CodeFormats.Icd10CmPrefix.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{dto.Code}' is not an ICD-10-CM code.", dto.At(nameof(dto.Code)));
            }

            foreach (string prefix in dto.ThenStarting)
            {
                if (!CodeFormats.Icd10CmPrefix.IsMatch(prefix))
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, $"'{prefix}' is not the start of an ICD-10-CM code.", dto.At(nameof(dto.ThenStarting)));
                }
            }

            if ((dto.ThenStarting.Count > 0) != (dto.ThenMessage is not null) || (dto.ThenStarting.Count > 0 && dto.Rule != SequencingRuleKind.FirstListed))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, "then_starting and then_message go together, on a first_listed rule only.", dto.Start);
            }

            built.Add(new SequencingRule(dto.Id, dto.Code, dto.Rule, Freeze(dto.Procedures), dto.Severity, dto.Message.Trim(), dto.Source, Freeze(dto.ThenStarting), dto.ThenMessage?.Trim()));
        }

        return Freeze(built);
    }
}
