using System.Text.RegularExpressions;

namespace IntraperitonealCoding.Rules;

/// <summary>The well-formedness of each kind of code, in one place for the rule loader and the coders alike.</summary>
internal static class CodeFormats
{
    /// <summary>CPT: five characters, four digits then a digit or letter (e.g. 49205, 0999T).</summary>
    public static readonly Regex Cpt = new("^[0-9]{4}[0-9A-Z]$", RegexOptions.CultureInvariant);

    /// <summary>HCPCS Level II: a letter A–V and four digits (e.g. J9280).</summary>
    public static readonly Regex Hcpcs = new("^[A-V][0-9]{4}$", RegexOptions.CultureInvariant);

    /// <summary>ICD-10-PCS: seven characters, digits and letters other than I and O.</summary>
    public static readonly Regex Pcs = new("^[0-9A-HJ-NP-Z]{7}$", RegexOptions.CultureInvariant);

    /// <summary>A whole ICD-10-CM code: a letter (not U), two characters, then optionally a dot and up to four more.</summary>
    public static readonly Regex Icd10Cm = new("^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$", RegexOptions.CultureInvariant);

    /// <summary>The start of an ICD-10-CM code, as payer policies match by (e.g. C, C18, C18.1).</summary>
    public static readonly Regex Icd10CmPrefix = new("^[A-Z]([0-9][0-9A-Z]?(\\.[0-9A-Z]{0,4})?)?$", RegexOptions.CultureInvariant);

    /// <summary>The start of an ICD-10-PCS code (one to seven characters), as code-table families are given.</summary>
    public static readonly Regex PcsPrefix = new("^[0-9A-HJ-NP-Z]{1,7}$", RegexOptions.CultureInvariant);
}
