using System.Globalization;

namespace IntraperitonealCoding.Engine;

/// <summary>Checks the patient data the coding depends on.</summary>
internal static class PatientChecker
{
    public static void Check(CodingContext context)
    {
        if (context.Case.BodySurfaceArea is not { } bsa)
        {
            return;
        }

        var drugs = context.Rules.Drugs;
        if (bsa.SquareMetres < drugs.BodySurfaceAreaMin || bsa.SquareMetres > drugs.BodySurfaceAreaMax)
        {
            context.AddFinding(
                FindingIds.BodySurfaceAreaImplausible,
                Severity.Warning,
                string.Format(CultureInfo.InvariantCulture, "Body surface area {0} is outside the plausible {1}–{2} m²; check it, since mg/m² doses and drug units depend on it.", bsa, drugs.BodySurfaceAreaMin, drugs.BodySurfaceAreaMax),
                "patient.body_surface_area_m2",
                null);
        }
    }
}
