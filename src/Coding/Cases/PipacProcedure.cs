using System;
using System.Collections.Generic;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// Pressurized intraperitoneal aerosol chemotherapy: one laparoscopic application within a course of cycles. Immutable.
/// </summary>
public sealed record PipacProcedure : IntraperitonealProcedure
{
    /// <summary>The highest peritoneal cancer index (13 regions × lesion-size score 0–3).</summary>
    public const int MaxPci = 39;

    /// <summary>Creates a PIPAC descriptor.</summary>
    /// <param name="approach">The approach; PIPAC is laparoscopic by definition, so anything else is a finding.</param>
    /// <param name="cycle">The cycle number within the patient's course (1 for the first application).</param>
    /// <param name="exposureDuration">How long the aerosol was held in the abdomen.</param>
    /// <param name="capnoperitoneum">The capnoperitoneum pressure, or <see langword="null"/> when not documented.</param>
    /// <param name="temperature">The measured temperature, or <see langword="null"/> when not documented.</param>
    /// <param name="biopsies">The number of peritoneal biopsies taken; not negative.</param>
    /// <param name="ascitesDrainedMillilitres">Ascites drained in ml, when documented; not negative.</param>
    /// <param name="pci">The peritoneal cancer index 0–39, when documented.</param>
    /// <param name="pcsProcedures">The ICD-10-PCS codes of the surgery from the operative report (inpatient claims), or <see langword="null"/>.</param>
    /// <param name="drugs">The drugs in the aerosol.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, volume or index is out of its possible range.</exception>
    public PipacProcedure(
        SurgicalApproach approach,
        int cycle,
        Duration exposureDuration,
        Pressure? capnoperitoneum,
        TemperatureRange? temperature,
        int biopsies,
        decimal? ascitesDrainedMillilitres,
        int? pci,
        IEnumerable<DrugAdministration>? drugs,
        IEnumerable<string>? pcsProcedures = null)
        : base(approach, temperature, drugs, pcsProcedures)
    {
        Preconditions.CheckArgumentRange(cycle >= 1, nameof(cycle), cycle, "The first cycle is 1.");
        Preconditions.CheckArgumentRange(biopsies >= 0, nameof(biopsies), biopsies, "The number of biopsies cannot be negative.");
        Preconditions.CheckArgumentRange(ascitesDrainedMillilitres is null or >= 0, nameof(ascitesDrainedMillilitres), ascitesDrainedMillilitres!, "A drained volume cannot be negative.");
        Preconditions.CheckArgumentRange(pci is null or (>= 0 and <= MaxPci), nameof(pci), pci!, "The PCI runs from 0 to 39.");
        Cycle = cycle;
        ExposureDuration = exposureDuration;
        Capnoperitoneum = capnoperitoneum;
        Biopsies = biopsies;
        AscitesDrainedMillilitres = ascitesDrainedMillilitres;
        Pci = pci;
    }

    /// <inheritdoc />
    public override ProcedureKind Kind => ProcedureKind.Pipac;

    /// <summary>Gets the cycle number within the course (1-based).</summary>
    public int Cycle { get; }

    /// <summary>Gets how long the aerosol was held in the abdomen.</summary>
    public Duration ExposureDuration { get; }

    /// <summary>Gets the capnoperitoneum pressure, when documented.</summary>
    public Pressure? Capnoperitoneum { get; }

    /// <summary>Gets the number of peritoneal biopsies taken.</summary>
    public int Biopsies { get; }

    /// <summary>Gets the ascites drained in ml, when documented.</summary>
    public decimal? AscitesDrainedMillilitres { get; }

    /// <summary>Gets the peritoneal cancer index (0–39), when documented.</summary>
    public int? Pci { get; }
}
