using System.Collections.Generic;
using Coding.Quantities;

namespace Coding.Cases;

/// <summary>
/// What the two intraperitoneal chemotherapy procedures share. Immutable; use <see cref="HipecProcedure"/> or <see cref="PipacProcedure"/>.
/// </summary>
public abstract record IntraperitonealProcedure
{
    private protected IntraperitonealProcedure(SurgicalApproach approach, TemperatureRange? temperature, IEnumerable<DrugAdministration>? drugs)
    {
        Approach = approach;
        Temperature = temperature;
        Drugs = ReadOnly.Copy(drugs);
    }

    /// <summary>Gets which procedure this is.</summary>
    public abstract ProcedureKind Kind { get; }

    /// <summary>Gets how the abdomen was entered.</summary>
    public SurgicalApproach Approach { get; }

    /// <summary>Gets the measured temperature of the perfusate or aerosol, or <see langword="null"/> when not documented.</summary>
    public TemperatureRange? Temperature { get; }

    /// <summary>Gets the drugs given, in the order documented.</summary>
    public IReadOnlyList<DrugAdministration> Drugs { get; }
}
