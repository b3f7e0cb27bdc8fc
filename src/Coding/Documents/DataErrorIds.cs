using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding;

/// <summary>Stable identifiers of <see cref="DataError"/>s. Ids never change meaning; new problems get new ids.</summary>
public static class DataErrorIds
{
    /// <summary>The file is not well-formed YAML or JSON (or is truncated).</summary>
    public const string Syntax = "DATA001";

    /// <summary>A key that the format does not define.</summary>
    public const string UnknownKey = "DATA002";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "DATA003";

    /// <summary>A value of the wrong type or form (text where a number belongs, an unknown enumeration value).</summary>
    public const string InvalidValue = "DATA004";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "DATA005";

    /// <summary>The file could not be read at all.</summary>
    public const string Unreadable = "DATA006";

    /// <summary>A size, depth, length or count limit of the reader was exceeded (the message names the limit and how to raise it).</summary>
    public const string LimitExceeded = "DATA007";

    /// <summary>The text is not valid UTF-8, or holds a NUL character or the noncharacter U+FFFF.</summary>
    public const string InvalidText = "DATA008";

    /// <summary>A YAML tag (<c>!!str</c>, <c>!custom</c>): the formats are untyped text, so tags are refused rather than ignored.</summary>
    public const string UnsupportedTag = "DATA009";

    /// <summary>More errors than the reader lists; this one counts the rest.</summary>
    public const string TooManyErrors = "DATA010";

    /// <summary>A value is well-formed but impossible (a negative duration, a temperature below absolute zero, a PCI above 39).</summary>
    public const string ImpossibleValue = "CASE001";

    /// <summary>Two keys that exclude each other are both given (e.g. <c>dose_mg</c> and <c>dose_mg_per_m2</c>).</summary>
    public const string ConflictingKeys = "CASE002";

    /// <summary>A value outside the range the case reader accepts (e.g. a perfusion over 24 hours, a dose over 100 g); see docs/reliability.md.</summary>
    public const string ImplausibleValue = "CASE003";

    /// <summary>The same item twice in a list that is a set (e.g. a trial category).</summary>
    public const string DuplicateItem = "CASE004";

    /// <summary>A rule file is missing from a rule set directory.</summary>
    public const string MissingRuleFile = "RULE001";

    /// <summary>A file in a rule set directory that no rule set defines.</summary>
    public const string UnknownRuleFile = "RULE002";

    /// <summary>A note id is referenced but no note defines it.</summary>
    public const string UndefinedNote = "RULE003";

    /// <summary>A code is referenced but the code table does not define it (in force on the dates it is used).</summary>
    public const string UndefinedCode = "RULE004";

    /// <summary>Two definitions with the same identity (code, note id, drug name, rule id).</summary>
    public const string DuplicateDefinition = "RULE005";

    /// <summary>An effective period whose end is before its start.</summary>
    public const string InvalidPeriod = "RULE006";

    /// <summary>A value that is well-formed but makes no sense in a rule (a zero billing unit, an inverted range, a malformed code).</summary>
    public const string InvalidRuleValue = "RULE007";

    /// <summary>Two definitions of the same thing whose effective periods overlap.</summary>
    public const string OverlappingPeriods = "RULE008";

    /// <summary>A reference to a rule id that no rule defines (e.g. the chosen PIPAC policy).</summary>
    public const string UndefinedRule = "RULE009";

    /// <summary>Dated rules that must always have one in force leave a gap (or start after the rule set's first date).</summary>
    public const string PeriodGap = "RULE010";

    /// <summary>A code the rules use is not valid in the code table that governs it (ICD-10-CM, ICD-10-PCS, add-on codes).</summary>
    public const string CodeNotInTable = "RULE011";

    /// <summary>A row cites a source its rule file does not list under <c>sources:</c>.</summary>
    public const string UndefinedSource = "RULE012";

    /// <summary>A table row or rule names a CPT/HCPCS code outside the period codes.yaml gives it (a deleted code still in use).</summary>
    public const string CodeOutsideValidity = "RULE013";

    /// <summary>A study file designates the same protocol item (line category or drug) twice.</summary>
    public const string StudyDuplicateItem = "STUDY101";

    /// <summary>A visit of a study's schedule names an item the study does not designate.</summary>
    public const string StudyUndesignatedVisitItem = "STUDY102";

    /// <summary>A study's schedule lists the same cycle twice.</summary>
    public const string StudyDuplicateVisit = "STUDY103";

    /// <summary>Two study files in one catalogue hold the same study (NCT number).</summary>
    public const string StudyDuplicateStudy = "STUDY104";

    /// <summary>A case names a study that is not in the study catalogue it is read with.</summary>
    public const string StudyUnknown = "STUDY105";
}
