namespace IntraperitonealCoding;

/// <summary>
/// A problem or remark about a case, found while coding it. Immutable.
/// </summary>
public sealed record Finding
{
    /// <summary>Creates a <see cref="Finding"/>.</summary>
    /// <param name="id">A stable identifier (see <see cref="FindingIds"/>, or a payer policy's own id from the rule data).</param>
    /// <param name="severity">How serious it is; any <see cref="Severity.Error"/> makes the result not ready.</param>
    /// <param name="message">A plain-language explanation for the coder.</param>
    /// <param name="path">Where in the case it applies, as a case-file path (e.g. <c>procedure.temperature_c</c>), or empty for the whole case.</param>
    /// <param name="rule">The id of the rule that produced it, or <see langword="null"/> when no rule from the data did.</param>
    public Finding(string id, Severity severity, string message, string path, string? rule)
    {
        Id = id;
        Severity = severity;
        Message = message;
        Path = path;
        Rule = rule;
    }

    /// <summary>Gets a stable identifier (see <see cref="FindingIds"/>, or a payer policy's own id from the rule data).</summary>
    public string Id { get; }

    /// <summary>Gets how serious it is; any <see cref="Severity.Error"/> makes the result not ready.</summary>
    public Severity Severity { get; }

    /// <summary>Gets a plain-language explanation for the coder.</summary>
    public string Message { get; }

    /// <summary>Gets where in the case it applies, as a case-file path (e.g. <c>procedure.temperature_c</c>), or empty for the whole case.</summary>
    public string Path { get; }

    /// <summary>Gets the id of the rule that produced it, or <see langword="null"/> when no rule from the data did.</summary>
    public string? Rule { get; }
}
