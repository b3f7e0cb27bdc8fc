using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

/// <summary>The HIPEC and PIPAC rule files of a rule set.</summary>
internal sealed partial class RuleSetBuilder
{
    private HipecRules? BuildHipec(HipecFileDto file, DataErrorSink sink)
    {
        var hyperthermic = Temperature(file.Temperature.HyperthermicC, sink);
        var plausible = Temperature(file.Temperature.PlausibleC, sink);
        if (hyperthermic is not null && plausible is not null && !plausible.Contains(hyperthermic))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, "The hyperthermic band must lie inside the plausible band.", file.Temperature.Start);
        }

        var timeRules = new List<(HipecTimeRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (TimeCodingDto dto in file.TimeCoding)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            var period = Period(dto, sink);
            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            CheckNotes(dto.IncisionNotes, sink, dto.At(nameof(dto.IncisionNotes)));
            if (dto.Method == TimeCodingMethod.TimeUnits)
            {
                if (dto.FirstUnit is null || dto.AdditionalUnit is null || dto.UnlistedCode is not null)
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, "method time_units needs first_unit and additional_unit, and no unlisted_code.", dto.Start);
                }

                foreach (var unit in new[] { dto.FirstUnit, dto.AdditionalUnit })
                {
                    if (unit is null)
                    {
                        continue;
                    }

                    CheckCode(unit.Code, CodeSystem.Cpt, period, sink, unit.At(nameof(unit.Code)));
                    if (unit.Minutes <= 0)
                    {
                        sink.Add(DataErrorIds.InvalidRuleValue, $"A time unit must last more than 0 minutes (found {unit.Minutes}).", unit.At(nameof(unit.Minutes)));
                    }
                }
            }
            else
            {
                if (dto.UnlistedCode is null || dto.FirstUnit is not null || dto.AdditionalUnit is not null)
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, "method unlisted needs unlisted_code, and no first_unit or additional_unit.", dto.Start);
                }
                else
                {
                    CheckCode(dto.UnlistedCode, CodeSystem.Cpt, period, sink, dto.At(nameof(dto.UnlistedCode)));
                }
            }

            timeRules.Add((new HipecTimeRule(dto.Id, period, dto.Method, Unit(dto.FirstUnit), Unit(dto.AdditionalUnit), dto.UnlistedCode, Freeze(dto.Notes), Freeze(dto.IncisionNotes)), period, dto.Start));
        }

        CheckNoOverlap(timeRules, r => "HIPEC time coding", "Rule", sink);
        CheckContinuous(timeRules.Select(t => t.Period), "HIPEC time coding", fromStart: true, sink, file.At(nameof(file.TimeCoding)));
        var inpatient = BuildLineRules(file.Inpatient, "Inpatient rule", sink);
        CheckNoOverlap(inpatient.Select(r => (r, r.Period, file.At(nameof(file.Inpatient)))).ToList(), r => "HIPEC inpatient lines", "Rule", sink);
        CheckContinuous(inpatient.Select(r => r.Period), "HIPEC inpatient lines", fromStart: true, sink, file.At(nameof(file.Inpatient)));

        if (hyperthermic is null || plausible is null)
        {
            return null;
        }

        ClaimRuleId(file.Temperature.Id, sink, file.Temperature.At(nameof(file.Temperature.Id)));
        ClaimRuleId(file.PrimarySurgeryRule, sink, file.At(nameof(file.PrimarySurgeryRule)));
        CheckNotes(new[] { file.InpatientSurgeryNote }, sink, file.At(nameof(file.InpatientSurgeryNote)));
        PlausibleRange? perfusion = null;
        if (file.Perfusion is { } plausiblePerfusion)
        {
            ClaimRuleId(plausiblePerfusion.Id, sink, plausiblePerfusion.At(nameof(plausiblePerfusion.Id)));
            perfusion = Range(plausiblePerfusion.PlausibleMinutes, sink) is { } range ? new PlausibleRange(plausiblePerfusion.Id, range, plausiblePerfusion.Source) : null;
        }

        return new HipecRules(file.Temperature.Id, hyperthermic, plausible, file.Temperature.Source, Freeze(timeRules.Select(t => t.Item)), file.InpatientSurgeryNote, file.InpatientCaseProcedures, inpatient, perfusion)
        {
            TumorExcision = BuildTumorExcision(file.TumorExcision, sink),
            PrimarySurgeryRule = file.PrimarySurgeryRule,
        };

        static TimeUnit? Unit(TimeUnitDto? dto) => dto is null ? null : new TimeUnit(dto.Code, dto.Minutes);
    }

    /// <summary>
    /// Tumor-excision bands: ascending upper ends, only the last open, each code a CPT code valid while the rule is in
    /// force, and at most one rule in force on a date.
    /// </summary>
    private IReadOnlyList<TumorExcisionRule> BuildTumorExcision(List<TumorExcisionDto> dtos, DataErrorSink sink)
    {
        var built = new List<(TumorExcisionRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (TumorExcisionDto dto in dtos)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            var period = Period(dto, sink);
            CheckNotes(dto.Notes, sink, dto.At(nameof(dto.Notes)));
            if (dto.Bands.Count == 0)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Tumor-excision rule '{dto.Id}' has no bands.", dto.At(nameof(dto.Bands)));
            }

            decimal? previous = null;
            for (int i = 0; i < dto.Bands.Count; i++)
            {
                TumorBandDto band = dto.Bands[i];
                CheckCode(band.Code, CodeSystem.Cpt, period, sink, band.At(nameof(band.Code)));
                bool last = i == dto.Bands.Count - 1;
                if (last != (band.UpToCm is null))
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, last ? "The last band is open-ended: give it no up_to_cm." : "Every band but the last needs up_to_cm.", band.Start);
                }
                else if (band.UpToCm is { } upTo && (upTo <= 0 || (previous is { } low && upTo <= low)))
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, $"up_to_cm {upTo} must be above 0 and above the band before it.", band.At(nameof(band.UpToCm)));
                }

                previous = band.UpToCm ?? previous;
            }

            var bands = Freeze(dto.Bands.Select(b => new TumorBand(b.Code, b.UpToCm)));
            built.Add((new TumorExcisionRule(dto.Id, period, bands, Freeze(dto.Notes)), period, dto.Start));
        }

        CheckNoOverlap(built, r => "tumor excision", "Rule", sink);
        return Freeze(built.Select(b => b.Item));
    }

    private PipacRules? BuildPipac(PipacFileDto file, DataErrorSink sink)
    {
        var exposure = Range(file.Usual.ExposureMinutes, sink);
        var pressure = Range(file.Usual.CapnoperitoneumMmhg, sink);
        var usualTemperature = Temperature(file.Usual.TemperatureC, sink);
        var plausible = Temperature(file.PlausibleTemperatureC, sink);
        ClaimRuleId(file.Usual.Id, sink, file.Usual.At(nameof(file.Usual.Id)));
        var policies = BuildLineRules(file.Policies, "Policy", sink);
        if (!policies.Any(p => p.Id == file.Policy))
        {
            sink.Add(DataErrorIds.UndefinedRule, $"policy '{file.Policy}' is not one of the policies below ({string.Join(", ", policies.Select(p => p.Id).Distinct())}).", file.At(nameof(file.Policy)));
        }

        CheckContinuous(policies.Where(p => p.Id == file.Policy).Select(p => p.Period), $"PIPAC policy '{file.Policy}'", fromStart: true, sink, file.At(nameof(file.Policy)));
        var inpatient = BuildLineRules(file.Inpatient, "Inpatient rule", sink);
        CheckNoOverlap(inpatient.Select(r => (r, r.Period, file.At(nameof(file.Inpatient)))).ToList(), r => "PIPAC inpatient lines", "Rule", sink);
        CheckContinuous(inpatient.Select(r => r.Period), "PIPAC inpatient lines", fromStart: true, sink, file.At(nameof(file.Inpatient)));
        if (exposure is null || pressure is null || usualTemperature is null || plausible is null)
        {
            return null;
        }

        return new PipacRules(file.Policy, file.Usual.Id, exposure, pressure, usualTemperature, file.Usual.Source, plausible, policies, inpatient, file.InpatientCaseProcedures);
    }
}
