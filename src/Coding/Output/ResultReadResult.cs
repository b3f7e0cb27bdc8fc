using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding;

/// <summary>The outcome of <see cref="ResultJson.Read(string, string)"/>: the results, or every problem that kept them from being read. Immutable.</summary>
public sealed record ResultReadResult
{
    internal ResultReadResult(string source, IReadOnlyList<CodingResult> results, IReadOnlyList<DataError> errors)
    {
        Source = source;
        Errors = errors.Count == 0 ? ReadOnly.None<DataError>() : ReadOnly.Copy(errors.OrderBy(e => e.Id == DataErrorIds.TooManyErrors).ThenBy(e => e.Line).ThenBy(e => e.Column));
        Results = Errors.Count == 0 ? results : ReadOnly.None<CodingResult>();
    }

    /// <summary>Gets the source name that was read.</summary>
    public string Source { get; }

    /// <summary>Gets the results (one for a JSON object, each element's for an array); empty when there are errors.</summary>
    public IReadOnlyList<CodingResult> Results { get; }

    /// <summary>Gets every problem found, each with its line and column; empty when the results were read.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Gets a value indicating whether the text was read without errors.</summary>
    public bool Succeeded => Errors.Count == 0;
}
