using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Research;

/// <summary>
/// Reads study files (YAML or JSON, snake_case keys): one study's coverage analysis. Strict like the rule files: an
/// unknown key, a wrong type, an item designated twice or a visit naming an item with no designation is an error with
/// its line and column, and every problem in a file is reported at once. Reading never throws for bad content.
/// </summary>
/// <remarks>Thread-safe: it keeps no state.</remarks>
public static class StudyFile
{
    /// <summary>Reads a study file; the format follows the extension (<c>.json</c> is JSON, anything else YAML).</summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <returns>The study, or every problem that kept it from being read.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static StudyReadResult Read(string path) => Read(path, ReadLimits.Default);

    /// <summary>Reads a study file with the given limits.</summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <param name="limits">The size and shape limits.</param>
    /// <returns>The study, or every problem that kept it from being read.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static StudyReadResult Read(string path, ReadLimits limits)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        Preconditions.CheckNotNull(limits, nameof(limits));
        string? text = SourceText.Read(path, path, limits.MaxFileBytes, SourceText.FileSizeHint, out DataError? error);
        return text is null ? new StudyReadResult(path, null, new[] { error! }) : Parse(text, path, DocumentReader.FormatOf(path), limits);
    }

    /// <summary>Reads a study from YAML text.</summary>
    /// <param name="text">The study file's content.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <returns>The study, or every problem that kept it from being read.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static StudyReadResult Parse(string text, string sourceName) => Parse(text, sourceName, DocumentFormat.Yaml, ReadLimits.Default);

    /// <summary>Reads a study from text with the given limits.</summary>
    /// <param name="text">The study file's content.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="format">The syntax of <paramref name="text"/>.</param>
    /// <param name="limits">The depth, length and error-count limits.</param>
    /// <returns>The study, or every problem that kept it from being read.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static StudyReadResult Parse(string text, string sourceName, DocumentFormat format, ReadLimits limits)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        Preconditions.CheckNotNull(limits, nameof(limits));
        var sink = new DataErrorSink(sourceName, limits: limits);
        DataNode? root = DocumentReader.Read(text, format, sink);
        StudyDto? dto = root is null ? null : StrictMapper.Map<StudyDto>(root, sink);
        Study? study = dto is null ? null : new StudyBuilder(sink).Build(dto, sourceName);
        if (study is null && !sink.HasErrors)
        {
            sink.Add(DataErrorIds.InvalidValue, "The study could not be built from this file, for a reason the reader did not name.", new SourceMark(1, 1));
        }

        return new StudyReadResult(sourceName, study, sink.Errors);
    }

    /// <summary>Generates the JSON Schema (draft 2020-12) of study files, from the DTOs the strict reader maps onto.</summary>
    /// <returns>The schema as indented JSON with LF line ends.</returns>
    public static string Schema() => IntraperitonealCoding.Maintenance.RuleSchemas.GenerateFor(typeof(StudyDto), "study file (studies/NCTnnnnnnnn.yaml)");
}

/// <summary>The outcome of reading one study file: the study, or every problem that kept it from being read. Immutable.</summary>
public sealed record StudyReadResult
{
    internal StudyReadResult(string source, Study? study, IEnumerable<DataError> errors)
    {
        Source = source;
        Errors = ReadOnly.Copy(errors.OrderBy(e => e.Id == DataErrorIds.TooManyErrors).ThenBy(e => e.Line).ThenBy(e => e.Column));
        Study = Errors.Count == 0 ? study : null;
    }

    /// <summary>Gets the file name (or source name) that was read.</summary>
    public string Source { get; }

    /// <summary>Gets the study, or <see langword="null"/> when the file has errors.</summary>
    public Study? Study { get; }

    /// <summary>Gets every problem found, each with its line and column; empty when the study was read.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Gets a value indicating whether the study was read without errors.</summary>
    public bool Succeeded => Study is not null;
}
