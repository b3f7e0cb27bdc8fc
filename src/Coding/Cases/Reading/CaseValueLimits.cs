namespace IntraperitonealCoding.Cases.Reading;

/// <summary>
/// The ranges the case reader accepts for each value, beyond which a value is a located
/// <see cref="DataErrorIds.ImplausibleValue"/> error at read time. They are far wider than any real case
/// (the plausible ranges that raise findings live in the rule data) and narrow enough that no arithmetic on an
/// accepted value can overflow. Documented in docs/reliability.md.
/// </summary>
internal static class CaseValueLimits
{
    /// <summary>A HIPEC perfusion or a PIPAC exposure: at most 24 hours.</summary>
    public const decimal MaxMinutes = 1440m;

    /// <summary>A dose in mg or mg/m², and an amount opened: at most 100 g.</summary>
    public const decimal MaxMilligrams = 100_000m;

    /// <summary>A body surface area: at most 5 m² (the largest adults are about 3 m²).</summary>
    public const decimal MaxBodySurfaceArea = 5m;

    /// <summary>A capnoperitoneum pressure: at most 100 mmHg.</summary>
    public const double MaxPressureMmHg = 100;

    /// <summary>A temperature: at most 100 °C.</summary>
    public const double MaxCelsius = 100;

    /// <summary>Biopsies, separate incisions, PIPAC cycles: at most 100.</summary>
    public const int MaxCount = 100;

    /// <summary>Ascites drained: at most 100 litres.</summary>
    public const decimal MaxMillilitres = 100_000m;

    /// <summary>Diagnoses on one case: at most 100.</summary>
    public const int MaxDiagnoses = 100;

    /// <summary>Drugs on one procedure: at most 50.</summary>
    public const int MaxDrugs = 50;

    /// <summary>Identifiers (case id, NCT and IDE numbers, drug names, codes): at most 200 characters.</summary>
    public const int MaxTextLength = 200;
}
