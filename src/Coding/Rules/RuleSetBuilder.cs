using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Coding.Documents;
using Coding.Output;
using Coding.Quantities;
using Coding.Results;
using Coding.Rules.Dto;

namespace Coding.Rules;

/// <summary>
/// Turns rule files into a <see cref="RuleSet"/>: strict parsing of each file, then checks across files (undefined
/// notes and codes, duplicate ids, overlapping periods, impossible values). Every problem is collected; if there is
/// any, a <see cref="RuleDataException"/> lists them all and nothing is loaded.
/// </summary>
internal sealed partial class RuleSetBuilder
{
    private const decimal MinBillingUnitMg = 0.001m;
    private const decimal MaxBillingUnitMg = 1_000_000m;
    private readonly ErrorCollector errors = new(ReadLimits.Default.MaxErrors);
    private readonly Dictionary<string, DataErrorSink> sinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string File, SourceMark At)> ruleIds = new(StringComparer.Ordinal);
    private IReadOnlyList<CodeDefinition> codes = Array.Empty<CodeDefinition>();
    private ILookup<string, CodeDefinition>? codesByCode;
    private IReadOnlyDictionary<string, CodingNote> notes = new Dictionary<string, CodingNote>();
    private DateTime? coversFrom;
    private AbnRules? abnRules;
    private bool codesLoaded;
    private bool notesLoaded;

    private readonly ReadLimits limits;

    private RuleSetBuilder(ReadLimits limits) => this.limits = limits;

    public static RuleSet Build(string origin, IReadOnlyList<RuleSource> sources, IEnumerable<string> unknownFiles, IReadOnlyList<DataError>? readErrors = null, ReadLimits? limits = null)
        => new RuleSetBuilder(limits ?? ReadLimits.RuleDefault).Run(origin, sources, unknownFiles, readErrors ?? Array.Empty<DataError>());

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<T> Freeze<T>(IEnumerable<T> items) => new ReadOnlyCollection<T>(items.ToArray());

    private RuleSet Run(string origin, IReadOnlyList<RuleSource> sources, IEnumerable<string> unknownFiles, IReadOnlyList<DataError> readErrors)
    {
        // A file that exists but could not be read has its own error; it is not also reported missing.
        var unreadable = new HashSet<string>(readErrors.Select(e => System.IO.Path.GetFileName(e.File)), StringComparer.Ordinal);
        foreach (DataError error in readErrors)
        {
            errors.Add(error);
        }

        foreach (string unknown in unknownFiles)
        {
            errors.Add(new DataError(DataErrorIds.UnknownRuleFile, $"'{System.IO.Path.GetFileName(unknown)}' is not a rule file. Expected only: {string.Join(", ", RuleSet.FileNames)}.", unknown, 0, 0));
        }

        var byName = sources.ToDictionary(s => s.FileName, StringComparer.Ordinal);
        T? Parse<T>(string fileName)
            where T : LocatedDto, new()
        {
            if (!byName.TryGetValue(fileName, out var source))
            {
                if (unreadable.Contains(fileName))
                {
                    return null;
                }

                errors.Add(new DataError(DataErrorIds.MissingRuleFile, $"The rule file '{fileName}' is missing.", origin.TrimEnd('/', '\\') + "/" + fileName, 0, 0));
                return null;
            }

            var sink = new DataErrorSink(source.DisplayPath, errors, limits);
            sinks[fileName] = sink;
            DataNode? root = DocumentReader.Read(source.Text, DocumentFormat.Yaml, sink);
            return root is null ? null : StrictMapper.Map<T>(root, sink);
        }

        var manifest = Parse<RuleSetManifestDto>("rule-set.yaml");
        var codesFile = Parse<CodesFileDto>("codes.yaml");
        var notesFile = Parse<NotesFileDto>("notes.yaml");
        var hipecFile = Parse<HipecFileDto>("hipec.yaml");
        var pipacFile = Parse<PipacFileDto>("pipac.yaml");
        var drugsFile = Parse<DrugsFileDto>("drugs.yaml");
        var policiesFile = Parse<PayerPoliciesFileDto>("payer-policies.yaml");
        var diagnosesFile = Parse<DiagnosesFileDto>("diagnoses.yaml");
        var trialsFile = Parse<ClinicalTrialsFileDto>("clinical-trials.yaml");
        var proceduresFile = Parse<Tables.ProceduresFileDto>("procedures.yaml");
        var addOnsFile = Parse<Tables.AddOnCodesFileDto>("add-on-codes.yaml");
        var ptpFile = Parse<Tables.PtpEditsFileDto>("ptp-edits.yaml");
        var mueFile = Parse<Tables.MueFileDto>("mue.yaml");
        var cmFile = Parse<Tables.CodeValidityFileDto>("icd10cm.yaml");
        var pcsFile = Parse<Tables.CodeValidityFileDto>("icd10pcs.yaml");
        var ipoFile = Parse<Tables.InpatientOnlyFileDto>("inpatient-only.yaml");

        coversFrom = manifest?.CoversFrom;

        // The code table and the notes come first: every other file is checked against them.
        if (codesFile is not null)
        {
            codes = BuildCodes(codesFile, sinks["codes.yaml"]);
            codesLoaded = true;
        }

        if (notesFile is not null)
        {
            notes = BuildNotes(notesFile, sinks["notes.yaml"]);
            notesLoaded = true;
        }

        HipecRules? hipec = hipecFile is null ? null : BuildHipec(hipecFile, sinks["hipec.yaml"]);
        PipacRules? pipac = pipacFile is null ? null : BuildPipac(pipacFile, sinks["pipac.yaml"]);
        DrugRules? drugs = drugsFile is null ? null : BuildDrugs(drugsFile, sinks["drugs.yaml"]);
        var policies = policiesFile is null ? null : BuildPolicies(policiesFile, sinks["payer-policies.yaml"]);
        var sequencing = diagnosesFile is null ? null : BuildSequencing(diagnosesFile, sinks["diagnoses.yaml"]);
        var trials = trialsFile is null ? null : BuildTrials(trialsFile, sinks["clinical-trials.yaml"]);
        var tables = BuildTables(proceduresFile, addOnsFile, ptpFile, mueFile, cmFile, pcsFile, ipoFile);
        if (tables is not null)
        {
            CrossCheckTables(tables, addOnsFile!, hipecFile, hipec, diagnosesFile, trialsFile);
        }

        if (errors.Count > 0 || manifest is null || hipec is null || pipac is null || drugs is null || policies is null || sequencing is null || trials is null || tables is null || abnRules is null)
        {
            throw new RuleDataException(origin, errors.Listed(origin));
        }

        return new RuleSet(manifest.Name, manifest.Version, manifest.Description ?? string.Empty, manifest.CoversFrom, origin, codes, notes, hipec, pipac, drugs, policies, sequencing, trials, tables, abnRules)
        {
            RuleIds = ruleIds.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
        };
    }

    internal static EffectivePeriod Period(EffectiveDto dto, DataErrorSink sink)
    {
        if (dto.EffectiveTo is { } to && to < dto.EffectiveFrom)
        {
            sink.Add(DataErrorIds.InvalidPeriod, $"effective_to ({Date(to)}) is before effective_from ({Date(dto.EffectiveFrom)}).", dto.At(nameof(dto.EffectiveTo)));
        }

        return new EffectivePeriod(dto.EffectiveFrom, dto.EffectiveTo);
    }

    private void ClaimRuleId(string id, DataErrorSink sink, SourceMark at)
    {
        if (ruleIds.TryGetValue(id, out var first))
        {
            sink.Add(DataErrorIds.DuplicateDefinition, $"Rule id '{id}' is already used ({first.File}:{first.At.Line}:{first.At.Column}); rule ids must be unique.", at);
            return;
        }

        ruleIds.Add(id, (sink.File, at));
    }

    private void CheckNotes(IEnumerable<string> ids, DataErrorSink sink, SourceMark at)
    {
        if (!notesLoaded)
        {
            return;
        }

        foreach (string id in ids)
        {
            if (!notes.ContainsKey(id))
            {
                sink.Add(DataErrorIds.UndefinedNote, $"Note '{id}' is not defined in notes.yaml.", at);
            }
        }
    }

    private void CheckCode(string code, CodeSystem? expected, EffectivePeriod usedDuring, DataErrorSink sink, SourceMark at)
    {
        if (!codesLoaded)
        {
            return;
        }

        codesByCode ??= codes.ToLookup(c => c.Code, StringComparer.Ordinal);
        var definitions = codesByCode[code].ToList();
        if (definitions.Count == 0)
        {
            sink.Add(DataErrorIds.UndefinedCode, $"Code '{code}' is not defined in codes.yaml.", at);
            return;
        }

        if (!definitions.Any(d => d.Period.Covers(usedDuring)))
        {
            sink.Add(DataErrorIds.UndefinedCode, $"Code '{code}' is used {usedDuring} but codes.yaml defines it only {string.Join("; ", definitions.Select(d => d.Period.ToString()))}.", at);
        }

        if (expected is { } system && definitions.Any(d => d.System != system))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Code '{code}' is used as {WireNames.Of(system)} but codes.yaml defines it as {WireNames.Of(definitions[0].System)}.", at);
        }
    }

    private static void CheckNoOverlap<T>(IReadOnlyList<(T Item, EffectivePeriod Period, SourceMark At)> items, Func<T, string> identity, string what, DataErrorSink sink)
    {
        // Grouped by identity, so the cost grows with the table, not its square; the order of errors is unchanged.
        var earlier = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string key = identity(items[i].Item);
            if (!earlier.TryGetValue(key, out List<int>? same))
            {
                earlier.Add(key, same = new List<int>());
            }

            foreach (int j in same)
            {
                if (items[i].Period.Overlaps(items[j].Period))
                {
                    sink.Add(DataErrorIds.OverlappingPeriods, $"{what} '{key}' ({items[i].Period}) overlaps the one at line {items[j].At.Line} ({items[j].Period}); only one may be in force on a date.", items[i].At);
                }
            }

            same.Add(i);
        }
    }

    /// <summary>
    /// Checks that dated rules of one family leave no gap between their periods, run to an open end, and (when
    /// <paramref name="fromStart"/>) are in force from the rule set's first date: a case dated in a gap would get no coding.
    /// </summary>
    private void CheckContinuous(IEnumerable<EffectivePeriod> periods, string what, bool fromStart, DataErrorSink sink, SourceMark at)
    {
        var sorted = periods.OrderBy(p => p.From).ToList();

        // A backwards period is already an error of its own; a gap derived from it would only be noise.
        if (sorted.Count == 0 || sorted.Any(p => p.To < p.From))
        {
            return;
        }

        if (fromStart && coversFrom is { } start && sorted[0].From > start)
        {
            sink.Add(DataErrorIds.PeriodGap, $"{what}: nothing is in force from {Date(start)} (covers_from) to {Date(DayBefore(sorted[0].From))}.", at);
        }

        for (int i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1].To is { } end && end < DateTime.MaxValue.Date && sorted[i].From > end.AddDays(1))
            {
                sink.Add(DataErrorIds.PeriodGap, $"{what}: nothing is in force from {Date(end.AddDays(1))} to {Date(DayBefore(sorted[i].From))}.", at);
            }
        }

        if (sorted.Max(p => p.To ?? DateTime.MaxValue) is var last && last < DateTime.MaxValue.Date)
        {
            sink.Add(DataErrorIds.PeriodGap, $"{what}: nothing is in force after {Date(last)}; leave the newest period open-ended.", at);
        }
    }

    /// <summary>The day before a date; the first representable day has none before it, so it is its own (no overflow).</summary>
    private static DateTime DayBefore(DateTime date) => date > DateTime.MinValue.Date ? date.AddDays(-1) : date;

    private static TemperatureRange? Temperature(RangeDto dto, DataErrorSink sink)
    {
        if (dto.Min < Quantities.Temperature.AbsoluteZeroCelsius || dto.Max < Quantities.Temperature.AbsoluteZeroCelsius || dto.Min > dto.Max)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Temperature range {dto.Min}–{dto.Max} °C is impossible (min above max, or below absolute zero).", dto.Start);
            return null;
        }

        return TemperatureRange.FromCelsius(dto.Min, dto.Max);
    }

    private static NumericRange? Range(RangeDto dto, DataErrorSink sink)
    {
        if (dto.Min < 0 || dto.Min > dto.Max)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Range {dto.Min}–{dto.Max} is impossible (negative, or min above max).", dto.Start);
            return null;
        }

        return new NumericRange(dto.Min, dto.Max);
    }

    private static IReadOnlyList<CodeDefinition> BuildCodes(CodesFileDto file, DataErrorSink sink)
    {
        var built = new List<(CodeDefinition Item, EffectivePeriod Period, SourceMark At)>();
        foreach (CodeDto dto in file.Codes)
        {
            Regex pattern = dto.System switch
            {
                CodeSystem.Cpt => CodeFormats.Cpt,
                CodeSystem.Hcpcs => CodeFormats.Hcpcs,
                _ => CodeFormats.Pcs,
            };
            if (!pattern.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{dto.Code}' is not a well-formed {WireNames.Of(dto.System)} code.", dto.At(nameof(dto.Code)));
            }

            var period = Period(dto, sink);
            built.Add((new CodeDefinition(dto.System, dto.Code, dto.Label, period) { At = dto.At(nameof(dto.Code)) }, period, dto.Start));
        }

        CheckNoOverlap(built, c => c.Code, "Code", sink);
        return Freeze(built.Select(b => b.Item));
    }

    private static IReadOnlyDictionary<string, CodingNote> BuildNotes(NotesFileDto file, DataErrorSink sink)
    {
        var built = new Dictionary<string, CodingNote>(StringComparer.Ordinal);
        var where = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
        foreach (NoteDto dto in file.Notes)
        {
            if (where.TryGetValue(dto.Id, out var first))
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Note '{dto.Id}' is already defined at line {first.Line}.", dto.At(nameof(dto.Id)));
                continue;
            }

            where.Add(dto.Id, dto.At(nameof(dto.Id)));
            built.Add(dto.Id, new CodingNote(dto.Id, dto.Text.Trim(), dto.Source.Trim()));
        }

        return new ReadOnlyDictionary<string, CodingNote>(built);
    }

    private IReadOnlyList<LineRule> BuildLineRules(List<LineRuleDto> dtos, string what, DataErrorSink sink)
    {
        var built = new List<(LineRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (LineRuleDto dto in dtos)
        {
            var period = Period(dto, sink);
            var lines = new List<LineTemplate>();
            foreach (LineTemplateDto line in dto.Lines)
            {
                CheckCode(line.Code, null, period, sink, line.At(nameof(line.Code)));
                CheckNotes(line.Notes, sink, line.At(nameof(line.Notes)));
                lines.Add(new LineTemplate(line.Code, line.Category, line.When, Freeze(line.Notes)));
            }

            built.Add((new LineRule(dto.Id, period, Freeze(lines)), period, dto.Start));
        }

        // Each id is one rule: its periods (if it has several) must not overlap; ids are claimed once.
        foreach (var first in built.GroupBy(b => b.Item.Id, StringComparer.Ordinal).Select(g => g.First()))
        {
            ClaimRuleId(first.Item.Id, sink, first.At);
        }

        CheckNoOverlap(built, r => r.Id, what, sink);
        return Freeze(built.Select(b => b.Item));
    }

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
        CheckNotes(new[] { file.InpatientSurgeryNote }, sink, file.At(nameof(file.InpatientSurgeryNote)));
        PlausibleRange? perfusion = null;
        if (file.Perfusion is { } plausiblePerfusion)
        {
            ClaimRuleId(plausiblePerfusion.Id, sink, plausiblePerfusion.At(nameof(plausiblePerfusion.Id)));
            perfusion = Range(plausiblePerfusion.PlausibleMinutes, sink) is { } range ? new PlausibleRange(plausiblePerfusion.Id, range, plausiblePerfusion.Source) : null;
        }

        return new HipecRules(file.Temperature.Id, hyperthermic, plausible, file.Temperature.Source, Freeze(timeRules.Select(t => t.Item)), file.InpatientSurgeryNote, file.InpatientCaseProcedures, inpatient, perfusion);

        static TimeUnit? Unit(TimeUnitDto? dto) => dto is null ? null : new TimeUnit(dto.Code, dto.Minutes);
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

    private DrugRules? BuildDrugs(DrugsFileDto file, DataErrorSink sink)
    {
        var bsa = file.BodySurfaceAreaM2;
        if (bsa.Min <= 0 || bsa.Min > bsa.Max)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Body surface area range {bsa.Min}–{bsa.Max} m² is impossible.", bsa.Start);
        }

        var wastage = file.Wastage;
        foreach (var (modifier, property) in new[] { (wastage.DiscardedModifier, nameof(wastage.DiscardedModifier)), (wastage.NoDiscardModifier, nameof(wastage.NoDiscardModifier)) })
        {
            if (!CodeFormats.Modifier.IsMatch(modifier))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{modifier}' is not a modifier (two letters or digits).", wastage.At(property));
            }
        }

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
        foreach (DrugDto dto in file.Drugs)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
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
            wastage.DiscardedModifier,
            Freeze(wastage.DiscardedNotes),
            wastage.NoDiscardModifier,
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
        foreach (PayerPolicyDto dto in file.Policies)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            var period = Period(dto, sink);
            foreach (string prefix in dto.DiagnosesStarting.Concat(dto.ExceptStarting).Concat(dto.TogetherWithStarting))
            {
                if (!CodeFormats.Icd10CmPrefix.IsMatch(prefix))
                {
                    sink.Add(DataErrorIds.InvalidRuleValue, $"'{prefix}' is not the start of an ICD-10-CM code.", dto.At(nameof(dto.DiagnosesStarting)));
                }
            }

            built.Add(new PayerPolicy(dto.Id, dto.FindingId, Freeze(dto.Procedures), Freeze(dto.Payers), Freeze(dto.DiagnosesStarting), Freeze(dto.ExceptStarting), Freeze(dto.TogetherWithStarting), dto.OnlyOutsideTrial, dto.LikelyDenial, dto.Severity, dto.Message.Trim(), dto.Source, period));
        }

        var abn = file.Abn;
        foreach (var (modifier, property) in new[] { (abn.SignedModifier, nameof(abn.SignedModifier)), (abn.NotSignedModifier, nameof(abn.NotSignedModifier)) })
        {
            if (!CodeFormats.Modifier.IsMatch(modifier))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{modifier}' is not a modifier (two letters or digits).", abn.At(property));
            }
        }

        CheckNotes(new[] { abn.SignedNote, abn.NotSignedNote, abn.MissingNote, abn.OtherPayersNote }, sink, abn.Start);
        ClaimRuleId(abn.Id, sink, abn.At(nameof(abn.Id)));
        abnRules = new AbnRules(abn.Id, Freeze(abn.Payers), Freeze(abn.Claims), abn.SignedModifier, abn.NotSignedModifier, abn.SignedNote, abn.NotSignedNote, abn.MissingNote, abn.OtherPayersNote, abn.Source);
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
        foreach (var (modifier, property) in new[] { (file.Modifiers.Routine, nameof(file.Modifiers.Routine)), (file.Modifiers.Investigational, nameof(file.Modifiers.Investigational)) })
        {
            if (!CodeFormats.Modifier.IsMatch(modifier))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{modifier}' is not a modifier (two letters or digits).", file.Modifiers.At(property));
            }
        }

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

        return new TrialRules(nct, markers.SecondaryDiagnosis, markers.FacilityConditionCode, markers.FacilityValueCode, Freeze(markers.FacilityClaims), Freeze(markers.Notes), file.Modifiers.Routine, file.Modifiers.Investigational, Freeze(file.Modifiers.Claims), Freeze(rules.Select(r => r.Item)), Freeze(file.InpatientNonCoveredNotes));
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

            built.Add(new SequencingRule(dto.Id, dto.Code, dto.Rule, Freeze(dto.Procedures), dto.Severity, dto.Message.Trim(), dto.Source));
        }

        return Freeze(built);
    }
}
