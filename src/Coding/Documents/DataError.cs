using System.Globalization;

namespace Coding.Documents;

/// <summary>
/// A problem in a data file (a rule file or a case file): where it is and what is wrong. Immutable.
/// </summary>
/// <param name="Id">A stable identifier, one of <see cref="DataErrorIds"/>; test and filter on this, not on the message.</param>
/// <param name="Message">A plain-language description of the problem.</param>
/// <param name="File">The file (or source name) the problem is in.</param>
/// <param name="Line">The 1-based line, or 0 when the problem concerns the whole file or rule set.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record DataError(string Id, string Message, string File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:column: ID: message</c>, the form editors and compilers use.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString()
        => Line > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: {3}: {4}", File, Line, Column, Id, Message)
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1}: {2}", File, Id, Message);
}
