using System;
using System.Collections.Generic;
using System.Linq;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>Builds cases for rule tests with sensible defaults, so each test states only what it is about.</summary>
internal static class Cases
{
    public static readonly DateTime Date2026 = new(2026, 3, 14);

    public static HipecProcedure Hipec(
        double minutes = 90,
        string[]? primaries = null,
        double minC = 41.5,
        double maxC = 42.5,
        bool noTemperature = false,
        int incisions = 0,
        params DrugAdministration[] drugs)
        => new(
            SurgicalApproach.Open,
            primaries ?? new[] { "49188" },
            incisions,
            noTemperature ? null : TemperatureRange.FromCelsius(minC, maxC),
            Duration.FromMinutes(minutes),
            drugs);

    public static PipacProcedure Pipac(int biopsies = 2, double minutes = 30, double mmHg = 12, SurgicalApproach approach = SurgicalApproach.Laparoscopic, params DrugAdministration[] drugs)
        => new(approach, 1, Duration.FromMinutes(minutes), Pressure.FromMillimetresOfMercury(mmHg), TemperatureRange.FromCelsius(36.8, 37.2), biopsies, null, 10, drugs);

    public static CodingCase Case(
        IntraperitonealProcedure procedure,
        ClaimType claim = ClaimType.Professional,
        PayerType payer = PayerType.Medicare,
        DateTime? date = null,
        decimal? bsa = 1.9m,
        IEnumerable<string>? diagnoses = null,
        ClinicalTrial? trial = null,
        ClaimDetails? details = null)
        => new(
            "test-case",
            date ?? Date2026,
            claim,
            payer,
            bsa is { } area ? BodySurfaceArea.FromSquareMetres(area) : null,
            diagnoses ?? new[] { "C78.6" },
            procedure,
            trial,
            claimDetails: details);

    /// <summary>A complete inpatient stay around <see cref="Date2026"/>: admitted the day before, discharged five days after, each diagnosis present on admission.</summary>
    public static ClaimDetails Stay(params string[] presentOnAdmission)
        => new(
            dischargeDate: Date2026.AddDays(5),
            admissionDate: Date2026.AddDays(-1),
            admittingDiagnosis: "C78.6",
            presentOnAdmission: presentOnAdmission.ToDictionary(c => c, _ => PoaIndicator.Yes));

    public static DrugAdministration Drug(string name, decimal mg, decimal? opened = null, bool sponsor = false)
        => new(name, Dose.FromMilligrams(mg), opened, sponsor);

    public static DrugAdministration DrugPerM2(string name, decimal mgPerM2, decimal? opened = null)
        => new(name, Dose.FromMilligramsPerSquareMetre(mgPerM2), opened);
}
