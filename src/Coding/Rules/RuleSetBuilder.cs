using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

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
    private readonly List<ProvenanceBuilder> provenanceBuilders = new();
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
        var proceduresFile = Parse<IntraperitonealCoding.Rules.Tables.ProceduresFileDto>("procedures.yaml");
        var addOnsFile = Parse<IntraperitonealCoding.Rules.Tables.AddOnCodesFileDto>("add-on-codes.yaml");
        var ptpFile = Parse<IntraperitonealCoding.Rules.Tables.PtpEditsFileDto>("ptp-edits.yaml");
        var mueFile = Parse<IntraperitonealCoding.Rules.Tables.MueFileDto>("mue.yaml");
        var cmFile = Parse<IntraperitonealCoding.Rules.Tables.CodeValidityFileDto>("icd10cm.yaml");
        var pcsFile = Parse<IntraperitonealCoding.Rules.Tables.CodeValidityFileDto>("icd10pcs.yaml");
        var ipoFile = Parse<IntraperitonealCoding.Rules.Tables.InpatientOnlyFileDto>("inpatient-only.yaml");
        var claimFieldsFile = Parse<ClaimFieldsFileDto>("claim-fields.yaml");

        coversFrom = manifest?.CoversFrom;

        // The code table and the notes come first: every other file is checked against them.
        if (codesFile is not null)
        {
            codes = BuildCodes(codesFile, Provenance("codes.yaml", codesFile.Sources), sinks["codes.yaml"]);
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
        var claimFields = claimFieldsFile is null ? null : BuildClaimFields(claimFieldsFile, sinks["claim-fields.yaml"]);
        var tables = BuildTables(proceduresFile, addOnsFile, ptpFile, mueFile, cmFile, pcsFile, ipoFile);
        if (tables is not null)
        {
            CrossCheckTables(tables, addOnsFile!, hipecFile, hipec, diagnosesFile, trialsFile);
        }

        var provenance = provenanceBuilders.SelectMany(b => b.Finish()).ToList();
        if (errors.Count > 0 || manifest is null || hipec is null || pipac is null || drugs is null || policies is null || sequencing is null || trials is null || tables is null || abnRules is null || claimFields is null)
        {
            throw new RuleDataException(origin, errors.Listed(origin));
        }

        return new RuleSet(manifest.Name, manifest.Version, manifest.Description ?? string.Empty, manifest.CoversFrom, origin, codes, notes, hipec, pipac, drugs, policies, sequencing, trials, tables, abnRules, claimFields)
        {
            RuleIds = ruleIds.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
            Provenance = Freeze(provenance),
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

    /// <summary>A modifier the rule data names; a malformed one is an error at its value (and the default modifier, never used: the rule set is not built).</summary>
    private static Modifier RuleModifier(string text, DataErrorSink sink, SourceMark at)
    {
        if (Modifier.TryParse(text, out Modifier modifier))
        {
            return modifier;
        }

        sink.Add(DataErrorIds.InvalidRuleValue, $"'{IntraperitonealCoding.Documents.Shown.Text(text)}' is not a modifier (two upper-case letters or digits).", at);
        return default;
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
            sink.Add(DataErrorIds.CodeOutsideValidity, OutsideValidity(code, usedDuring, definitions), at);
        }

        if (expected is { } system && definitions.Any(d => d.System != system))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"Code '{code}' is used as {WireNames.Of(system)} but codes.yaml defines it as {WireNames.Of(definitions[0].System)}.", at);
        }
    }

    internal static void CheckNoOverlap<T>(IReadOnlyList<(T Item, EffectivePeriod Period, SourceMark At)> items, Func<T, string> identity, string what, DataErrorSink sink)
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
        if (dto.Min < IntraperitonealCoding.Temperature.AbsoluteZeroCelsius || dto.Max < IntraperitonealCoding.Temperature.AbsoluteZeroCelsius || dto.Min > dto.Max)
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

    private static IReadOnlyList<CodeDefinition> BuildCodes(CodesFileDto file, ProvenanceBuilder provenance, DataErrorSink sink)
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

            if (dto.Approach is not null && dto.System != CodeSystem.Cpt)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Only CPT surgical codes have an approach; {dto.Code} is {WireNames.Of(dto.System)}.", dto.At(nameof(dto.Approach)));
            }

            if (dto.ReplacedBy.Count > 0 && dto.EffectiveTo is null)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"{dto.Code} has replacements but no effective_to: give the last day it is valid.", dto.At(nameof(dto.ReplacedBy)));
            }

            var period = Period(dto, sink);
            var source = provenance.Cite("Codes", dto.Code, dto.Source, dto.At(nameof(dto.Source)));
            var definition = new CodeDefinition(dto.System, dto.Code, dto.Label, period, source)
            {
                At = dto.At(nameof(dto.Code)),
                ReplacedBy = Freeze(dto.ReplacedBy),
                Approach = dto.Approach,
                Unlisted = dto.Unlisted,
            };
            built.Add((definition, period, dto.Start));
        }

        CheckNoOverlap(built, c => c.Code, "Code", sink);

        // A replacement must be a code of the table, valid from the day after the code it replaces ends.
        var byCode = built.Select(b => b.Item).ToLookup(c => c.Code, StringComparer.Ordinal);
        for (int i = 0; i < built.Count; i++)
        {
            CodeDefinition deleted = built[i].Item;
            if (deleted.Period.To is not { } end || end >= DateTime.MaxValue.Date)
            {
                continue;
            }

            foreach (string replacement in deleted.ReplacedBy)
            {
                if (!byCode[replacement].Any(r => r.Period.Contains(end.AddDays(1))))
                {
                    sink.Add(DataErrorIds.UndefinedCode, $"{deleted.Code} is replaced by {replacement}, but codes.yaml has no {replacement} valid on {Date(end.AddDays(1))}, the day after {deleted.Code} ends.", file.Codes[i].At(nameof(CodeDto.ReplacedBy)));
                }
            }
        }

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

}
