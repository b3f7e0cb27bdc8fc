namespace IntraperitonealCoding;

/// <summary>A coding note from the rule data: the project's own words, with where the fact comes from. Immutable.</summary>
public sealed record CodingNote
{
    /// <summary>Creates a <see cref="CodingNote"/>.</summary>
    /// <param name="id">The note's id, as lines and rules reference it.</param>
    /// <param name="text">The note.</param>
    /// <param name="source">The public source the note is based on.</param>
    public CodingNote(string id, string text, string source)
    {
        Id = id;
        Text = text;
        Source = source;
    }

    /// <summary>Gets the note's id, as lines and rules reference it.</summary>
    public string Id { get; }

    /// <summary>Gets the note.</summary>
    public string Text { get; }

    /// <summary>Gets the public source the note is based on.</summary>
    public string Source { get; }
}
