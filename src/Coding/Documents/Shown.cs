using System.Globalization;

namespace IntraperitonealCoding.Documents;

/// <summary>Shortens input text quoted in a message, so a megabyte-long key does not make a megabyte-long error.</summary>
internal static class Shown
{
    private const int MaxLength = 80;

    public static string Text(string text)
        => text.Length <= MaxLength ? text : string.Format(CultureInfo.InvariantCulture, "{0}… ({1} characters)", text.Substring(0, MaxLength), text.Length);
}
