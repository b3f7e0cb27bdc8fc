using System;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Names as a coder reads them in a table: an enumeration's wire name or an item name with its underscores made
/// spaces (<c>facility_outpatient</c> → <c>facility outpatient</c>, <c>not_billable</c> → <c>not billable</c>). Files,
/// JSON and CSV keep the wire names.
/// </summary>
internal static class Words
{
    /// <summary>The value's wire name as words.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Of(WireNames.Of(value));

    /// <summary>A wire-style name (snake_case) as words.</summary>
    public static string Of(string name) => name.Replace('_', ' ');
}
