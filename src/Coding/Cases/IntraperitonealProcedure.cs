using System.Collections.Generic;
using IntraperitonealCoding.Cases;

namespace IntraperitonealCoding;

/// <summary>
/// What the two intraperitoneal chemotherapy procedures share. Immutable; use <see cref="HipecProcedure"/> or <see cref="PipacProcedure"/>.
/// </summary>
public abstract record IntraperitonealProcedure
{
    private protected IntraperitonealProcedure(SurgicalApproach approach, TemperatureRange? temperature, IEnumerable<DrugAdministration>? drugs, IEnumerable<string>? pcsProcedures)
    {
        Approach = approach;
        Temperature = temperature;
        Drugs = ReadOnly.Copy(drugs);
        PcsProcedures = ReadOnly.Copy(pcsProcedures);
        foreach (string code in PcsProcedures)
        {
            IntraperitonealCoding.Infrastructure.Preconditions.CheckArgument(code is not null, nameof(pcsProcedures), "A PCS code cannot be null.");
        }
    }

    /// <summary>Gets which procedure this is.</summary>
    public abstract ProcedureKind Kind { get; }

    /// <summary>Gets how the abdomen was entered.</summary>
    public SurgicalApproach Approach { get; }

    /// <summary>Gets the measured temperature of the perfusate or aerosol, or <see langword="null"/> when not documented.</summary>
    public TemperatureRange? Temperature { get; }

    /// <summary>Gets the drugs given, in the order documented.</summary>
    public IReadOnlyList<DrugAdministration> Drugs { get; }

    /// <summary>
    /// Gets the ICD-10-PCS codes of the surgery itself, coded from the operative report (an inpatient claim needs the
    /// cytoreduction's own codes; CPT codes do not translate into PCS), in the order given; empty when none are given.
    /// </summary>
    public IReadOnlyList<string> PcsProcedures { get; }
}
