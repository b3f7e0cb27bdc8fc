
namespace IntraperitonealCoding.Engine;

/// <summary>One check for any measured temperature: implausible is an error, outside the expected band a warning.</summary>
internal static class TemperatureCheck
{
    public static void Check(CodingContext context, TemperatureRange measured, TemperatureRange plausible, TemperatureRange expected, string bandFindingId, string what, string path, string rule)
    {
        if (!plausible.Contains(measured))
        {
            context.AddFinding(
                FindingIds.TemperatureImplausible,
                Severity.Error,
                $"A {what} temperature of {measured} cannot be right (plausible: {plausible}); check the record for a typo or a °F/°C mix-up.",
                path,
                rule);
        }
        else if (!expected.Contains(measured))
        {
            context.AddFinding(
                bandFindingId,
                Severity.Warning,
                $"The {what} temperature {measured} is outside the expected {expected}. It is still coded; make sure the record explains it.",
                path,
                rule);
        }
    }
}
