using System.Globalization;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding;

/// <summary>
/// A problem in a data file (a rule file or a case file): where it is and what is wrong. Immutable.
/// </summary>
public sealed record DataError
{
    /// <summary>Creates a <see cref="DataError"/>.</summary>
    /// <param name="id">A stable identifier, one of <see cref="DataErrorIds"/>; test and filter on this, not on the message.</param>
    /// <param name="message">A plain-language description of the problem.</param>
    /// <param name="file">The file (or source name) the problem is in.</param>
    /// <param name="line">The 1-based line, or 0 when the problem concerns the whole file or rule set.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    public DataError(string id, string message, string file, int line, int column)
    {
        Id = id;
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>Gets a stable identifier, one of <see cref="DataErrorIds"/>; test and filter on this, not on the message.</summary>
    public string Id { get; }

    /// <summary>Gets a plain-language description of the problem.</summary>
    public string Message { get; }

    /// <summary>Gets the file (or source name) the problem is in.</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line, or 0 when the problem concerns the whole file or rule set.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Formats as <c>file:line:column: ID: message</c>, the form editors and compilers use.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString()
        => Line > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: {3}: {4}", File, Line, Column, Id, Message)
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1}: {2}", File, Id, Message);
}
