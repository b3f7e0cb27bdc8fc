using System.Collections.Generic;

namespace Coding.Documents;

/// <summary>Collects every <see cref="DataError"/> found in one source, so all problems are reported at once.</summary>
internal sealed class DataErrorSink
{
    private readonly List<DataError> errors;

    public DataErrorSink(string file, List<DataError>? shared = null)
    {
        File = file;
        errors = shared ?? new List<DataError>();
    }

    public string File { get; }

    public IReadOnlyList<DataError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Add(string id, string message, SourceMark at) => errors.Add(new DataError(id, message, File, at.Line, at.Column));
}
