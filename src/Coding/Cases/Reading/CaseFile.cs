using System;
using System.IO;
using System.Text;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// Reads case files (YAML or JSON, snake_case keys). Strict: an unknown key, a wrong type or an impossible value
/// (negative duration, temperature below absolute zero, PCI above 39) is an error with its line and column, and all
/// errors in a file are reported together. Reading never throws for bad content.
/// </summary>
/// <remarks>Thread-safe: it keeps no state.</remarks>
public static class CaseFile
{
    /// <summary>Reads a case file; the format follows the extension (<c>.json</c> is JSON, anything else YAML).</summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <returns>The case, or the errors that kept it from being read (a missing or unreadable file is one such error).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static CaseReadResult Read(string path) => Read(path, ReadLimits.Default);

    /// <summary>Reads a case file with the given limits; the format follows the extension (<c>.json</c> is JSON, anything else YAML).</summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <param name="limits">The size and shape limits (a larger file, a directory, a device or a FIFO is an error, never read).</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CaseReadResult Read(string path, ReadLimits limits) => Read(path, limits, IntraperitonealCoding.Research.StudyCatalogue.Empty);

    /// <summary>
    /// Reads a case file with the given limits and study catalogue: a trial block that names its study
    /// (<c>trial: { study: NCT… }</c>) takes its designations, qualifying status and IDE from the catalogue's study.
    /// </summary>
    /// <param name="path">The file's path; it is also the name errors are reported under.</param>
    /// <param name="limits">The size and shape limits.</param>
    /// <param name="studies">The studies a case may name; a study not in it is an error (<see cref="DataErrorIds.StudyUnknown"/>).</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CaseReadResult Read(string path, ReadLimits limits, IntraperitonealCoding.Research.StudyCatalogue studies)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        Preconditions.CheckNotNull(limits, nameof(limits));
        Preconditions.CheckNotNull(studies, nameof(studies));
        string? text = SourceText.Read(path, path, limits.MaxFileBytes, SourceText.FileSizeHint, out DataError? error);
        if (text is null)
        {
            return new CaseReadResult(path, null, new[] { error! });
        }

        return Parse(text, path, DocumentReader.FormatOf(path), limits, studies);
    }

    /// <summary>
    /// Reads a case from a stream of UTF-8 text (a request body, a zip entry, standard input), at most
    /// <see cref="ReadLimits.MaxFileBytes"/> bytes whatever length the stream claims. The stream is read to its end
    /// and left open.
    /// </summary>
    /// <param name="stream">The case's bytes, UTF-8 (a byte order mark is dropped; an invalid byte is a located error).</param>
    /// <param name="sourceName">The name to report errors under (e.g. <c>request 7</c> or <c>-</c>).</param>
    /// <param name="format">The syntax of the text: a stream has no extension to tell it.</param>
    /// <param name="limits">The size and shape limits (default <see cref="ReadLimits.Default"/>).</param>
    /// <param name="studies">The studies a case may name (default none).</param>
    /// <returns>The case, or the errors that kept it from being read; an I/O failure of the stream is one such error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    public static CaseReadResult Read(Stream stream, string sourceName, DocumentFormat format, ReadLimits? limits = null, IntraperitonealCoding.Research.StudyCatalogue? studies = null)
    {
        Preconditions.CheckNotNull(stream, nameof(stream));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        limits ??= ReadLimits.Default;
        string? text = SourceText.Read(stream, sourceName, limits.MaxFileBytes, SourceText.FileSizeHint, out DataError? error);
        return text is null
            ? new CaseReadResult(sourceName, null, new[] { error! })
            : Parse(text, sourceName, format, limits, studies ?? IntraperitonealCoding.Research.StudyCatalogue.Empty);
    }

    /// <summary>
    /// Reads a case from a text reader, at most <see cref="ReadLimits.MaxFileBytes"/> characters. The reader is read
    /// to its end and left open.
    /// </summary>
    /// <param name="reader">The case's text.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="format">The syntax of the text.</param>
    /// <param name="limits">The size and shape limits (default <see cref="ReadLimits.Default"/>).</param>
    /// <param name="studies">The studies a case may name (default none).</param>
    /// <returns>The case, or the errors that kept it from being read; an I/O failure of the reader is one such error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is null.</exception>
    public static CaseReadResult Read(TextReader reader, string sourceName, DocumentFormat format, ReadLimits? limits = null, IntraperitonealCoding.Research.StudyCatalogue? studies = null)
    {
        Preconditions.CheckNotNull(reader, nameof(reader));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        limits ??= ReadLimits.Default;
        string? text = SourceText.Read(reader, sourceName, limits.MaxFileBytes, SourceText.FileSizeHint, out DataError? error);
        return text is null
            ? new CaseReadResult(sourceName, null, new[] { error! })
            : Parse(text, sourceName, format, limits, studies ?? IntraperitonealCoding.Research.StudyCatalogue.Empty);
    }

    /// <summary>Reads a case from text.</summary>
    /// <param name="text">The case file's content.</param>
    /// <param name="sourceName">The name to report errors under (a file name, or e.g. <c>batch.jsonl:17</c>).</param>
    /// <param name="format">The syntax of <paramref name="text"/>.</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="sourceName"/> is null.</exception>
    public static CaseReadResult Parse(string text, string sourceName, DocumentFormat format) => Parse(text, sourceName, format, ReadLimits.Default);

    /// <summary>Reads a case from text with the given limits.</summary>
    /// <param name="text">The case file's content.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="format">The syntax of <paramref name="text"/>.</param>
    /// <param name="limits">The depth, length and error-count limits.</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CaseReadResult Parse(string text, string sourceName, DocumentFormat format, ReadLimits limits) => Parse(text, sourceName, format, limits, IntraperitonealCoding.Research.StudyCatalogue.Empty);

    /// <summary>Reads a case from text with the given limits and study catalogue.</summary>
    /// <param name="text">The case file's content.</param>
    /// <param name="sourceName">The name to report errors under.</param>
    /// <param name="format">The syntax of <paramref name="text"/>.</param>
    /// <param name="limits">The depth, length and error-count limits.</param>
    /// <param name="studies">The studies a case may name.</param>
    /// <returns>The case, or the errors that kept it from being read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CaseReadResult Parse(string text, string sourceName, DocumentFormat format, ReadLimits limits, IntraperitonealCoding.Research.StudyCatalogue studies)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        Preconditions.CheckNotNull(sourceName, nameof(sourceName));
        Preconditions.CheckNotNull(limits, nameof(limits));
        Preconditions.CheckNotNull(studies, nameof(studies));
        var sink = new DataErrorSink(sourceName, limits: limits);
        DataNode? root = DocumentReader.Read(text, format, sink);
        return Build(root is null ? null : StrictMapper.Map<CaseDto>(root, sink), sink, sourceName, studies);
    }

    /// <summary>The case built from a mapped DTO (or the errors), as <see cref="Parse(string, string, DocumentFormat, ReadLimits)"/> gives it; the batch's fast path maps lines itself.</summary>
    internal static CaseReadResult Build(CaseDto? dto, DataErrorSink sink, string sourceName, IntraperitonealCoding.Research.StudyCatalogue? studies = null)
    {
        CodingCase? codingCase = dto is null ? null : new CaseBuilder(sink, studies ?? IntraperitonealCoding.Research.StudyCatalogue.Empty).Build(dto);
        if (codingCase is null && !sink.HasErrors)
        {
            // Never "no case and no reason": a defect of the builder must still be a located error, not a lost record.
            sink.Add(DataErrorIds.InvalidValue, "The case could not be built from this file, for a reason the reader did not name.", new SourceMark(1, 1));
        }

        return new CaseReadResult(sourceName, codingCase, sink.Errors);
    }
}
