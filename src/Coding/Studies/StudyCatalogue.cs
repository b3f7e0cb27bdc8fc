using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Research;

/// <summary>
/// The studies a case file can name (<c>trial: { study: NCT… }</c>), by NCT number. Immutable and safe to share across
/// threads, like a rule set: read it once, then read and code any number of cases with it.
/// </summary>
public sealed class StudyCatalogue
{
    private readonly Dictionary<string, Study> byNct;

    private StudyCatalogue(IReadOnlyList<Study> studies, string origin)
    {
        Studies = studies;
        Origin = origin;
        byNct = studies.ToDictionary(s => s.Nct, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets a catalogue with no studies (a case naming a study is then an error).</summary>
    public static StudyCatalogue Empty { get; } = new(ReadOnly.None<Study>(), string.Empty);

    /// <summary>Gets the studies, in NCT order.</summary>
    public IReadOnlyList<Study> Studies { get; }

    /// <summary>Gets where the catalogue was read from (a directory), or empty when it was built in code.</summary>
    public string Origin { get; }

    /// <summary>Builds a catalogue of studies already read.</summary>
    /// <param name="studies">The studies, each NCT number once.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="studies"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two studies have the same NCT number.</exception>
    public static StudyCatalogue Of(IEnumerable<Study> studies)
    {
        Preconditions.CheckNotNull(studies, nameof(studies));
        var list = studies.ToList();
        Preconditions.CheckArgument(list.TrueForAll(s => s is not null), nameof(studies), "A catalogue cannot hold a null study.");
        Preconditions.CheckArgument(list.Select(s => s.Nct).Distinct(StringComparer.OrdinalIgnoreCase).Count() == list.Count, nameof(studies), "Each study is in a catalogue once.");
        return new StudyCatalogue(ReadOnly.Copy(list.OrderBy(s => s.Nct, StringComparer.Ordinal)), string.Empty);
    }

    /// <summary>
    /// Reads every study file (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>) directly in a directory, validating each
    /// strictly and reporting every problem in every file at once; two files holding one study are an error too.
    /// </summary>
    /// <param name="directory">The directory (e.g. <c>studies/</c>); sub-directories such as <c>schema/</c> are not read.</param>
    /// <returns>The catalogue, or every problem that kept it from being read (a missing directory is one such problem).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static StudyCatalogueReadResult Read(string directory) => Read(directory, ReadLimits.Default);

    /// <summary>Reads every study file directly in a directory with the given limits (see <see cref="Read(string)"/>).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="limits">The limits each file is read with.</param>
    /// <returns>The catalogue, or every problem that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StudyCatalogueReadResult Read(string directory, ReadLimits limits)
    {
        Preconditions.CheckNotNull(directory, nameof(directory));
        Preconditions.CheckNotNull(limits, nameof(limits));
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            string why = ex is DirectoryNotFoundException ? "no such directory." : ex.Message;
            return new StudyCatalogueReadResult(directory, null, new[] { new DataError(DataErrorIds.Unreadable, "Cannot read the study directory: " + why, directory, 0, 0) });
        }

        var errors = new List<DataError>();
        var studies = new List<Study>();
        var first = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in files)
        {
            // A link out of the directory (to a system file) is refused unread: its lines would be echoed in errors.
            if (IntraperitonealCoding.Infrastructure.FileStatus.LinkOutside(directory, file) is { } target)
            {
                errors.Add(new DataError(DataErrorIds.Unreadable, $"Cannot read the file: it is a link to {target}, outside the study directory; copy the file in instead.", file, 0, 0));
                continue;
            }

            StudyReadResult read = StudyFile.Read(file, limits);
            errors.AddRange(read.Errors);
            if (read.Study is not { } study)
            {
                continue;
            }

            if (first.TryGetValue(study.Nct, out string? earlier))
            {
                errors.Add(new DataError(DataErrorIds.StudyDuplicateStudy, $"{study.Nct} is also the study in {earlier}; keep one file per study.", file, 0, 0));
                continue;
            }

            first.Add(study.Nct, file);
            studies.Add(study);
        }

        return errors.Count > 0
            ? new StudyCatalogueReadResult(directory, null, errors)
            : new StudyCatalogueReadResult(directory, new StudyCatalogue(ReadOnly.Copy(studies.OrderBy(s => s.Nct, StringComparer.Ordinal)), directory), errors);
    }

    /// <summary>Finds a study by its NCT number (case-insensitive).</summary>
    /// <param name="nct">The NCT number.</param>
    /// <returns>The study, or <see langword="null"/> when the catalogue does not hold it.</returns>
    public Study? Find(string nct) => nct is not null && byNct.TryGetValue(nct.Trim(), out Study? study) ? study : null;
}

/// <summary>The outcome of reading a study directory: the catalogue, or every problem in every file. Immutable.</summary>
public sealed record StudyCatalogueReadResult
{
    internal StudyCatalogueReadResult(string source, StudyCatalogue? catalogue, IEnumerable<DataError> errors)
    {
        Source = source;
        Errors = ReadOnly.Copy(errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column));
        Catalogue = Errors.Count == 0 ? catalogue : null;
    }

    /// <summary>Gets the directory that was read.</summary>
    public string Source { get; }

    /// <summary>Gets the catalogue, or <see langword="null"/> when a file has errors.</summary>
    public StudyCatalogue? Catalogue { get; }

    /// <summary>Gets every problem found, by file and position; empty when the catalogue was read.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Gets a value indicating whether every study file was read without errors.</summary>
    public bool Succeeded => Catalogue is not null;
}
