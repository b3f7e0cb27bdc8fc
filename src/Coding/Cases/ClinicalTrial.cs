using System;
using System.Collections.Generic;
using Coding.Infrastructure;

namespace Coding.Cases;

/// <summary>
/// The clinical trial a patient is enrolled in, as its coverage analysis describes it. Immutable.
/// </summary>
public sealed record ClinicalTrial
{
    /// <summary>Creates a trial enrolment.</summary>
    /// <param name="nct">The ClinicalTrials.gov number as documented (normally <c>NCT</c> + 8 digits; a malformed one is a finding).</param>
    /// <param name="qualifying">Whether the trial qualifies under Medicare's clinical trial policy (NCD 310.1).</param>
    /// <param name="ide">The investigational device exemption number for a device study, or <see langword="null"/>.</param>
    /// <param name="investigational">Line categories that are the investigational intervention.</param>
    /// <param name="sponsorPays">Line categories the trial agreement makes the sponsor pay.</param>
    /// <exception cref="ArgumentException"><paramref name="nct"/> is null.</exception>
    public ClinicalTrial(string nct, bool qualifying, string? ide, IEnumerable<Coding.Results.LineCategory>? investigational, IEnumerable<Coding.Results.LineCategory>? sponsorPays)
    {
        Preconditions.CheckArgument(nct is not null, nameof(nct), "A trial needs its NCT number.");
        Nct = nct!.Trim();
        Qualifying = qualifying;
        Ide = string.IsNullOrWhiteSpace(ide) ? null : ide!.Trim();
        Investigational = ReadOnly.Copy(investigational);
        SponsorPays = ReadOnly.Copy(sponsorPays);
    }

    /// <summary>Gets the NCT number as documented.</summary>
    public string Nct { get; }

    /// <summary>Gets a value indicating whether the trial qualifies under NCD 310.1.</summary>
    public bool Qualifying { get; }

    /// <summary>Gets the IDE number, or <see langword="null"/> when the study is not a device study.</summary>
    public string? Ide { get; }

    /// <summary>Gets the line categories that are the investigational intervention.</summary>
    public IReadOnlyList<Coding.Results.LineCategory> Investigational { get; }

    /// <summary>Gets the line categories the sponsor pays for.</summary>
    public IReadOnlyList<Coding.Results.LineCategory> SponsorPays { get; }
}
