namespace Coding.Results;

/// <summary>A coding note from the rule data: the project's own words, with where the fact comes from. Immutable.</summary>
/// <param name="Id">The note's id, as lines and rules reference it.</param>
/// <param name="Text">The note.</param>
/// <param name="Source">The public source the note is based on.</param>
public sealed record CodingNote(string Id, string Text, string Source);
