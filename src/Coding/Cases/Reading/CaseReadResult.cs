using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding;

/// <summary>The outcome of reading one case file: the case, or every problem that kept it from being read. Immutable.</summary>
public sealed record CaseReadResult
{
    internal CaseReadResult(string source, CodingCase? codingCase, IEnumerable<DataError> errors)
    {
        Source = source;
        var list = errors as IReadOnlyCollection<DataError> ?? errors.ToList();
        Errors = list.Count == 0 ? ReadOnly.None<DataError>() : ReadOnly.Copy(list.OrderBy(e => e.Id == DataErrorIds.TooManyErrors).ThenBy(e => e.Line).ThenBy(e => e.Column));
        Case = Errors.Count == 0 ? codingCase : null;
    }

    /// <summary>Gets the file name (or source name) that was read.</summary>
    public string Source { get; }

    /// <summary>Gets the case, or <see langword="null"/> when the file has errors.</summary>
    public CodingCase? Case { get; }

    /// <summary>Gets every problem found, each with its line and column; empty when the case was read.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Gets a value indicating whether the case was read without errors (then <see cref="Case"/> is not null).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Case))]
    public bool Succeeded => Case is not null;
}
