namespace Coding.Results;

/// <summary>
/// A problem or remark about a case, found while coding it. Immutable.
/// </summary>
/// <param name="Id">A stable identifier (see <see cref="FindingIds"/>, or a payer policy's own id from the rule data).</param>
/// <param name="Severity">How serious it is; any <see cref="Severity.Error"/> makes the result not ready.</param>
/// <param name="Message">A plain-language explanation for the coder.</param>
/// <param name="Path">Where in the case it applies, as a case-file path (e.g. <c>procedure.temperature_c</c>), or empty for the whole case.</param>
/// <param name="Rule">The id of the rule that produced it, or <see langword="null"/> when no rule from the data did.</param>
public sealed record Finding(string Id, Severity Severity, string Message, string Path, string? Rule);
