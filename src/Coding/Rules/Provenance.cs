using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules.Dto;

#pragma warning disable SA1402, SA1649 // The provenance types live together.
namespace IntraperitonealCoding.Maintenance;

/// <summary>
/// A document rule rows were keyed from or checked against (a CMS file and quarter, a manual chapter, a payer policy
/// and version, a public article), and whether it confirms them. Immutable.
/// </summary>
public sealed record SourceDocument
{
    internal SourceDocument(string id, string document, bool confirmed, string? note)
    {
        Id = id;
        Document = document;
        Confirmed = confirmed;
        Note = note;
    }

    /// <summary>Gets the id rows name it by, unique in its rule file.</summary>
    public string Id { get; }

    /// <summary>Gets the document: title, release or version, and where it can be read.</summary>
    public string Document { get; }

    /// <summary>Gets a value indicating whether the document was read and confirms the rows that cite it.</summary>
    public bool Confirmed { get; }

    /// <summary>Gets why rows citing it are not confirmed yet, or what to check (always given when not confirmed).</summary>
    public string? Note { get; }

    /// <summary>Formats as the document and its status, for messages.</summary>
    /// <returns>The document, with "unconfirmed" when it does not confirm its rows.</returns>
    public override string ToString() => Confirmed ? Document : Document + "; unconfirmed";
}

/// <summary>One row of a rule table and the document it comes from. Immutable.</summary>
public sealed record ProvenanceRow
{
    internal ProvenanceRow(string key, SourceDocument source)
    {
        Key = key;
        Source = source;
    }

    /// <summary>Gets what identifies the row in its table (a code, a pair of codes, a drug, a policy id).</summary>
    public string Key { get; }

    /// <summary>Gets the document the row comes from.</summary>
    public SourceDocument Source { get; }
}

/// <summary>The rows of one rule table with their sources, so a maintainer can count what is confirmed. Immutable.</summary>
public sealed record ProvenanceTable
{
    internal ProvenanceTable(string name, string file, IReadOnlyList<ProvenanceRow> rows)
    {
        Name = name;
        File = file;
        Rows = rows;
    }

    /// <summary>Gets the table's name (e.g. <c>AOC edits</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the rule file the table is in.</summary>
    public string File { get; }

    /// <summary>Gets every row, in file order.</summary>
    public IReadOnlyList<ProvenanceRow> Rows { get; }

    /// <summary>Gets the number of rows a confirming document supports.</summary>
    public int Confirmed => Rows.Count(r => r.Source.Confirmed);

    /// <summary>Gets the number of rows still to be confirmed.</summary>
    public int ToConfirm => Rows.Count - Confirmed;
}

/// <summary>
/// Resolves the <c>source:</c> of each row of one rule file against the file's <c>sources:</c> list, and records the
/// rows per table. An unknown source id, a source listed twice or never cited, and an unconfirmed source without a
/// note are errors at their place in the file.
/// </summary>
internal sealed class ProvenanceBuilder
{
    private readonly Dictionary<string, SourceDocument> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceMark> where = new(StringComparer.Ordinal);
    private readonly HashSet<string> cited = new(StringComparer.Ordinal);
    private readonly List<(string Name, List<ProvenanceRow> Rows)> tables = new();
    private readonly DataErrorSink sink;
    private readonly string file;

    public ProvenanceBuilder(string file, IEnumerable<SourceDocumentDto> sources, DataErrorSink sink)
    {
        this.file = file;
        this.sink = sink;
        foreach (SourceDocumentDto dto in sources)
        {
            if (where.TryGetValue(dto.Id, out SourceMark first))
            {
                sink.Add(DataErrorIds.DuplicateDefinition, $"Source '{dto.Id}' is already listed at line {first.Line}.", dto.At(nameof(dto.Id)));
                continue;
            }

            if (!dto.Confirmed && string.IsNullOrWhiteSpace(dto.Note))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Source '{dto.Id}' is not confirmed: give a note saying why and what to check.", dto.At(nameof(dto.Confirmed)));
            }

            where.Add(dto.Id, dto.At(nameof(dto.Id)));
            byId.Add(dto.Id, new SourceDocument(dto.Id, dto.Document.Trim(), dto.Confirmed, dto.Note?.Trim()));
        }
    }

    /// <summary>The document a row cites, recorded under the table; an unknown id is an error (and an unconfirmed stand-in).</summary>
    public SourceDocument Cite(string table, string key, string sourceId, SourceMark at)
    {
        if (!byId.TryGetValue(sourceId, out SourceDocument? source))
        {
            sink.Add(DataErrorIds.UndefinedSource, $"Source '{sourceId}' is not listed under sources: in {file} ({(byId.Count == 0 ? "none is" : string.Join(", ", byId.Keys))}).", at);
            source = new SourceDocument(sourceId, sourceId, confirmed: false, "undefined");
        }
        else
        {
            cited.Add(sourceId);
        }

        var rows = tables.FirstOrDefault(t => t.Name == table).Rows;
        if (rows is null)
        {
            rows = new List<ProvenanceRow>();
            tables.Add((table, rows));
        }

        rows.Add(new ProvenanceRow(key, source));
        return source;
    }

    /// <summary>Reports the sources no row cites, and returns the file's tables.</summary>
    public IEnumerable<ProvenanceTable> Finish()
    {
        foreach (KeyValuePair<string, SourceMark> listed in where)
        {
            if (!cited.Contains(listed.Key))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Source '{listed.Key}' is listed but no row cites it; drop it or cite it.", listed.Value);
            }
        }

        return tables.Select(t => new ProvenanceTable(t.Name, file, t.Rows.AsReadOnly()));
    }
}
