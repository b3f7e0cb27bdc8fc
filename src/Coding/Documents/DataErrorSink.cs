using System.Collections.Generic;
using System.Globalization;

namespace IntraperitonealCoding.Documents;

/// <summary>Collects every <see cref="DataError"/> found in one source, so all problems are reported at once.</summary>
internal sealed class DataErrorSink
{
    private readonly ErrorCollector errors;

    public DataErrorSink(string file, ErrorCollector? shared = null, ReadLimits? limits = null)
    {
        File = file;
        Limits = limits ?? ReadLimits.Default;
        errors = shared ?? new ErrorCollector(Limits.MaxErrors);
    }

    public string File { get; }

    /// <summary>Gets the limits the readers of this source enforce.</summary>
    public ReadLimits Limits { get; }

    /// <summary>Gets the errors listed, then (when more were found than listed) one error counting the rest.</summary>
    public IReadOnlyList<DataError> Errors => errors.Listed(File);

    public bool HasErrors => errors.Count > 0;

    /// <summary>Gets how many errors were added so far (listed or not), to tell whether a step added one.</summary>
    public long Count => errors.Count;

    public void Add(string id, string message, SourceMark at) => errors.Add(new DataError(id, message, File, at.Line, at.Column));
}

/// <summary>
/// A list of errors that keeps the first <c>limit</c> and counts the rest, so a hostile input (200,000 duplicate keys,
/// an alias repeated a million times) costs a counter, not gigabytes of messages.
/// </summary>
internal sealed class ErrorCollector
{
    private readonly List<DataError> listed = new();
    private readonly int limit;

    public ErrorCollector(int limit) => this.limit = limit;

    /// <summary>Gets the number of errors found, listed or not.</summary>
    public long Count => listed.Count + Suppressed;

    /// <summary>Gets the number of errors found but not listed.</summary>
    public long Suppressed { get; private set; }

    public void Add(DataError error)
    {
        if (listed.Count < limit)
        {
            listed.Add(error);
        }
        else
        {
            Suppressed++;
        }
    }

    /// <summary>The listed errors, and a last one counting the others when some were not listed.</summary>
    public IReadOnlyList<DataError> Listed(string file)
    {
        if (Suppressed == 0)
        {
            return listed;
        }

        var all = new List<DataError>(listed)
        {
            new(DataErrorIds.TooManyErrors, string.Format(CultureInfo.InvariantCulture, "{0} more error(s) not listed (at most {1} are); fix these first.", Suppressed, limit), file, 0, 0),
        };
        return all;
    }
}
