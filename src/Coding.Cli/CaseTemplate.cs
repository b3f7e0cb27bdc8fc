using System;
using System.Globalization;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The case <c>coding new</c> starts from: a complete case that reads and codes as it stands (the bundled examples
/// examples/hipec-crs-appendix-professional.yaml and examples/pipac-outpatient-biopsies-medicare.yaml, dated the day
/// it is written). It is the template printed when there is no one to ask, a file to edit, so its example values stay;
/// the prompts start from it only to keep the draft readable, and offer none of its clinical values as a default.
/// </summary>
internal static class CaseTemplate
{
    public static CaseDraft For(ProcedureKind kind, DateTime today)
    {
        string date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return kind == ProcedureKind.Hipec
            ? new CaseDraft
            {
                Kind = kind,
                CaseId = "hipec-001",
                DateOfService = date,
                Claim = "professional",
                Payer = "commercial",
                BodySurfaceArea = "1.9",
                Diagnoses = new[] { "C18.1", "C78.6" },
                Approach = "open",
                PrimaryProcedures = new[] { "49188" },
                TumorLengthSumCm = "14.5",
                SeparateIncisions = "1",
                Temperature = new TemperatureDraft("41.5", "42.5"),
                PerfusionMinutes = "90",
                Drugs = new[] { new DrugDraft("mitomycin", DoseUnit.MilligramsPerSquareMetre, "35", "80") },
            }
            : new CaseDraft
            {
                Kind = kind,
                CaseId = "pipac-001",
                DateOfService = date,
                Claim = "facility_outpatient",
                Payer = "medicare",
                BodySurfaceArea = "1.7",
                Diagnoses = new[] { "Z51.11", "C16.9", "C78.6", "R18.0" },
                Approach = "laparoscopic",
                Cycle = "1",
                ExposureMinutes = "30",
                CapnoperitoneumMmhg = "12",
                Temperature = new TemperatureDraft("36.8", "37.2"),
                Biopsies = "4",
                AscitesDrainedMl = "350",
                Pci = "14",
                Drugs = new[]
                {
                    new DrugDraft("cisplatin", DoseUnit.MilligramsPerSquareMetre, "7.5"),
                    new DrugDraft("doxorubicin", DoseUnit.MilligramsPerSquareMetre, "1.5", "10"),
                },
            };
    }
}
