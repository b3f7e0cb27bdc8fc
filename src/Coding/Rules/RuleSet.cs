using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using IntraperitonealCoding.Engine;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding;

/// <summary>
/// A loaded, validated set of coding rules (codes, notes, HIPEC and PIPAC rules, drugs, payer policies), and the entry
/// point for coding cases with them.
/// </summary>
/// <remarks>
/// A rule set is immutable once loaded and safe to share across threads: any number of threads may call
/// <see cref="Code"/> on one instance at the same time. Load it once and keep it.
/// </remarks>
public sealed class RuleSet
{
    /// <summary>The rule files a rule set directory holds, in load order.</summary>
    internal static readonly IReadOnlyList<string> FileNames = new[]
    {
        "rule-set.yaml", "codes.yaml", "notes.yaml", "hipec.yaml", "pipac.yaml", "drugs.yaml", "payer-policies.yaml", "diagnoses.yaml", "clinical-trials.yaml",
        "procedures.yaml", "add-on-codes.yaml", "ptp-edits.yaml", "mue.yaml", "icd10cm.yaml", "icd10pcs.yaml", "inpatient-only.yaml", "claim-fields.yaml",
    };

    private readonly CaseCoder coder;
    private readonly Dictionary<string, CodeDefinition[]> codesByCode;

    internal RuleSet(
        string name,
        string version,
        string description,
        DateTime coversFrom,
        string origin,
        IReadOnlyList<CodeDefinition> codes,
        IReadOnlyDictionary<string, CodingNote> notes,
        HipecRules hipec,
        PipacRules pipac,
        DrugRules drugs,
        IReadOnlyList<PayerPolicy> payerPolicies,
        IReadOnlyList<SequencingRule> sequencing,
        TrialRules trials,
        IntraperitonealCoding.Rules.Tables.CodeTables tables,
        AbnRules abn,
        ClaimFieldRules claimFields)
    {
        Name = name;
        Version = version;
        Description = description;
        CoversFrom = coversFrom;
        Origin = origin;
        Codes = codes;
        codesByCode = codes.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Notes = notes;
        Hipec = hipec;
        Pipac = pipac;
        Drugs = drugs;
        PayerPolicies = payerPolicies;
        Sequencing = sequencing;
        Trials = trials;
        Tables = tables;
        Abn = abn;
        ClaimFields = claimFields;
        coder = new CaseCoder(this);
    }

    /// <summary>Gets the rule set bundled with this library (the <c>data/</c> folder of its source), loaded once on first use.</summary>
    /// <exception cref="RuleDataException">The bundled data is broken (only possible in a bad build).</exception>
    public static RuleSet Default => DefaultHolder.Instance;

    /// <summary>Gets the rule set's name.</summary>
    public string Name { get; }

    /// <summary>Gets the rule set's version; every result records it.</summary>
    public string Version { get; }

    /// <summary>Gets a description of what the rule set covers.</summary>
    public string Description { get; }

    /// <summary>Gets the earliest date of service the rule set codes.</summary>
    public DateTime CoversFrom { get; }

    /// <summary>Gets where the rule set was loaded from (a directory, or <c>embedded</c>).</summary>
    public string Origin { get; }

    internal IReadOnlyList<CodeDefinition> Codes { get; }

    /// <summary>The rows of codes.yaml for one code (usually one; more when its label or validity changed), keyed once.</summary>
    internal IReadOnlyList<CodeDefinition> CodesOf(string code)
        => codesByCode.TryGetValue(code, out CodeDefinition[]? rows) ? rows : Array.Empty<CodeDefinition>();

    internal IReadOnlyDictionary<string, CodingNote> Notes { get; }

    internal HipecRules Hipec { get; }

    internal PipacRules Pipac { get; }

    internal DrugRules Drugs { get; }

    internal IReadOnlyList<PayerPolicy> PayerPolicies { get; }

    internal IReadOnlyList<SequencingRule> Sequencing { get; }

    internal TrialRules Trials { get; }

    /// <summary>Gets the code tables and CMS edits (add-on codes, PTP, MUE, ICD-10-CM/PCS validity, inpatient-only list).</summary>
    internal IntraperitonealCoding.Rules.Tables.CodeTables Tables { get; }

    /// <summary>Gets the advance beneficiary notice rule (GA/GZ on likely-denied Medicare services).</summary>
    internal AbnRules Abn { get; }

    /// <summary>Gets the claim fields beside the codes: type of bill, revenue codes, assumed places of service, pointers, NDC.</summary>
    internal ClaimFieldRules ClaimFields { get; }

    /// <summary>Gets the id of every rule the data defines.</summary>
    internal IReadOnlyList<string> RuleIds { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets every rule table with the source of each row (codes, CMS edits, ICD-10 tables, drugs, revenue codes, payer
    /// policies), so a maintainer can count what is confirmed and list what is not.
    /// </summary>
    public IReadOnlyList<IntraperitonealCoding.Maintenance.ProvenanceTable> Provenance { get; internal init; } = Array.Empty<IntraperitonealCoding.Maintenance.ProvenanceTable>();

    /// <summary>Loads and validates the rule set in a directory (a copy of <c>data/</c>, edited or not).</summary>
    /// <param name="directory">The directory holding the rule files.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="RuleDataException">The directory does not exist, or the rule files have problems (unreadable files included); all of them are listed.</exception>
    public static RuleSet Load(string directory) => Load(directory, ReadLimits.RuleDefault);

    /// <summary>Loads and validates the rule set in a directory, with the given read limits.</summary>
    /// <param name="directory">The directory holding the rule files.</param>
    /// <param name="limits">The limits (<see cref="ReadLimits.MaxRuleFileBytes"/> among them); normally
    /// <see cref="ReadLimits.RuleDefault"/> with a setting changed.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleDataException">The directory does not exist, or the rule files have problems (unreadable
    /// files, files that are links out of the directory, devices, files over the size limit included); all of them are listed.</exception>
    public static RuleSet Load(string directory, ReadLimits limits) => Load(directory, limits, replacement: null);

    /// <summary>
    /// Loads the rule set in a directory as <see cref="Load(string, ReadLimits)"/> does, with one rule file's text given
    /// in place of the file's (an import's new table, checked before it is written). The replacement is held to the
    /// same size limit as a file.
    /// </summary>
    internal static RuleSet Load(string directory, ReadLimits limits, RuleSource? replacement)
    {
        Preconditions.CheckNotNull(directory, nameof(directory));
        Preconditions.CheckNotNull(limits, nameof(limits));
        if (!Directory.Exists(directory))
        {
            throw new RuleDataException(directory, new[] { new DataError(DataErrorIds.Unreadable, "The rule set directory does not exist (or is not a directory).", directory, 0, 0) });
        }

        var readErrors = new List<DataError>();
        List<string> present;
        try
        {
            present = Directory.EnumerateFiles(directory)
                .Select(Path.GetFileName)
                .Where(f => f!.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Select(f => f!)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuleDataException(directory, new[] { new DataError(DataErrorIds.Unreadable, "Cannot list the directory: " + ex.Message, directory, 0, 0) });
        }

        var sources = new List<RuleSource>();
        foreach (string fileName in FileNames)
        {
            if (replacement is not null && replacement.FileName == fileName)
            {
                long bytes = System.Text.Encoding.UTF8.GetByteCount(replacement.Text);
                if (bytes > limits.MaxRuleFileBytes)
                {
                    readErrors.Add(new DataError(DataErrorIds.LimitExceeded, IntraperitonealCoding.Documents.SourceText.TooLargeMessage("The file", bytes, limits.MaxRuleFileBytes, RuleFileReader.LimitHint), replacement.DisplayPath, 0, 0));
                }
                else
                {
                    sources.Add(replacement);
                }
            }
            else if (RuleFileReader.Read(directory, fileName, limits, readErrors) is { } source)
            {
                sources.Add(source);
            }
        }

        var unknown = present.Where(f => !FileNames.Contains(f)).Select(f => Path.Combine(directory, f));
        return RuleSetBuilder.Build(directory, sources, unknown, readErrors, limits);
    }

    /// <summary>
    /// Loads and validates a rule set from its files' texts by file name (e.g. kept in a database or a configuration
    /// store): the same files and checks as a directory. Names other than the rule files are errors (RULE002).
    /// </summary>
    /// <param name="files">The texts by file name (<c>hipec.yaml</c>, …).</param>
    /// <param name="origin">The name errors and the rule set report as its origin (e.g. <c>db:rules/2027</c>).</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleDataException">The files have problems; all of them are listed.</exception>
    public static RuleSet Load(IReadOnlyDictionary<string, string> files, string origin)
    {
        Preconditions.CheckNotNull(files, nameof(files));
        Preconditions.CheckNotNull(origin, nameof(origin));
        var limits = IntraperitonealCoding.ReadLimits.RuleDefault;
        var errors = new List<DataError>();
        var sources = new List<RuleSource>();
        foreach (string fileName in FileNames)
        {
            if (files.TryGetValue(fileName, out string? text) && text is not null)
            {
                if (System.Text.Encoding.UTF8.GetByteCount(text) > limits.MaxRuleFileBytes)
                {
                    errors.Add(new DataError(DataErrorIds.LimitExceeded, IntraperitonealCoding.Documents.SourceText.TooLargeMessage("The file", null, limits.MaxRuleFileBytes, "raise it with ReadLimits.RuleDefault.WithMaxRuleFileBytes"), origin + "/" + fileName, 0, 0));
                    continue;
                }

                sources.Add(new RuleSource(fileName, origin + "/" + fileName, text));
            }
        }

        var unknown = files.Keys.Where(f => !FileNames.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).Select(f => origin + "/" + f);
        return RuleSetBuilder.Build(origin, sources, unknown, errors, limits);
    }

    /// <summary>
    /// Loads and validates a rule set from a zip archive of the rule files (at its root, or in one folder such as
    /// <c>data/</c>); other files (the schemas) are ignored. Each entry is read within the rule-file size limit,
    /// whatever size the archive claims.
    /// </summary>
    /// <param name="archive">The zip archive; it is read, not disposed.</param>
    /// <param name="origin">The name errors and the rule set report as its origin (e.g. the archive's file name).</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleDataException">The archive cannot be read, or the files have problems; all of them are listed.</exception>
    public static RuleSet LoadZip(Stream archive, string origin)
    {
        Preconditions.CheckNotNull(archive, nameof(archive));
        Preconditions.CheckNotNull(origin, nameof(origin));
        var limits = IntraperitonealCoding.ReadLimits.RuleDefault;
        var errors = new List<DataError>();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(archive, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries.Where(e => e.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).ToList();
            var folders = entries.Select(e => e.FullName.Substring(0, e.FullName.Length - e.Name.Length)).Distinct(StringComparer.Ordinal).ToList();
            if (folders.Count > 1)
            {
                errors.Add(new DataError(DataErrorIds.Unreadable, $"The archive holds rule files in {folders.Count} folders ({string.Join(", ", folders.Select(f => f.Length == 0 ? "(root)" : f))}); put them in one.", origin, 0, 0));
            }
            else
            {
                foreach (var entry in entries)
                {
                    using Stream stream = entry.Open();
                    string display = origin + "/" + entry.FullName;
                    string? text = IntraperitonealCoding.Documents.SourceText.Read(stream, display, limits.MaxRuleFileBytes, "raise it with ReadLimits.RuleDefault.WithMaxRuleFileBytes", out DataError? error);
                    if (text is null)
                    {
                        errors.Add(error!);
                        continue;
                    }

                    files[entry.Name] = text;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            errors.Add(new DataError(DataErrorIds.Unreadable, "Cannot read the archive: " + ex.Message, origin, 0, 0));
        }

        if (errors.Count > 0)
        {
            throw new RuleDataException(origin, errors);
        }

        return Load(files, origin);
    }

    /// <summary>Codes one case with this rule set, using the rules in force on its date of service.</summary>
    /// <param name="codingCase">The case.</param>
    /// <returns>The lines, notes and findings. Problems with the case are findings in the result, never exceptions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codingCase"/> is null.</exception>
    public CodingResult Code(CodingCase codingCase) => coder.Code(Preconditions.CheckNotNull(codingCase, nameof(codingCase)));

    /// <summary>Tells what the rule set holds in force on a date: drugs (by name and alias), codes, the HIPEC primaries, payer policies.</summary>
    /// <param name="date">The date of service; only the date part is used.</param>
    /// <returns>The catalogue for that date (empty lists before <see cref="CoversFrom"/>).</returns>
    public RuleCatalog InForceOn(DateTime date) => RuleCatalog.Build(this, date.Date);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Version}";

    internal static IReadOnlyList<RuleSource> EmbeddedSources()
    {
        Assembly assembly = typeof(RuleSet).Assembly;
        var sources = new List<RuleSource>();
        foreach (string fileName in FileNames)
        {
            using Stream? stream = assembly.GetManifestResourceStream("IntraperitonealCoding.Data." + fileName);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            sources.Add(new RuleSource(fileName, "embedded:data/" + fileName, reader.ReadToEnd()));
        }

        return sources;
    }

    private static class DefaultHolder
    {
        // Initialised by the runtime on first use, once and thread-safely.
        internal static readonly RuleSet Instance = RuleSetBuilder.Build("embedded", EmbeddedSources(), Array.Empty<string>());
    }
}
