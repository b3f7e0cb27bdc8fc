namespace IntraperitonealCoding.Rules;

/// <summary>The text of one rule file and the name to report it by.</summary>
internal sealed record RuleSource(string FileName, string DisplayPath, string Text);
