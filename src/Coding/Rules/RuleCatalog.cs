using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding;

/// <summary>A drug the rule set knows on a date: its name and aliases, HCPCS code and billing unit. Immutable.</summary>
public sealed record KnownDrug
{
    internal KnownDrug(string name, IReadOnlyList<string> aliases, string code, decimal billingUnitMilligrams, VialType vial, bool separatelyPayable)
    {
        Name = name;
        Aliases = aliases;
        Code = code;
        BillingUnitMilligrams = billingUnitMilligrams;
        Vial = vial;
        SeparatelyPayable = separatelyPayable;
    }

    /// <summary>Gets the drug's name as case files give it.</summary>
    public string Name { get; }

    /// <summary>Gets the other names the reader takes for it.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets the HCPCS code of its supply.</summary>
    public string Code { get; }

    /// <summary>Gets the mg one billing unit stands for.</summary>
    public decimal BillingUnitMilligrams { get; }

    /// <summary>Gets the usual vial type (a case may give another when the drug is sold both ways).</summary>
    public VialType Vial { get; }

    /// <summary>Gets a value indicating whether the drug is paid separately on an outpatient claim (not packaged).</summary>
    public bool SeparatelyPayable { get; }
}

/// <summary>A code the rule set knows on a date, with its code system and a short label of the project's own. Immutable.</summary>
public sealed record KnownCode
{
    internal KnownCode(CodeSystem system, string code, string label)
    {
        System = system;
        Code = code;
        Label = label;
    }

    /// <summary>Gets the code system.</summary>
    public CodeSystem System { get; }

    /// <summary>Gets the code.</summary>
    public string Code { get; }

    /// <summary>Gets the label.</summary>
    public string Label { get; }
}

/// <summary>
/// What a rule set holds in force on one date, for a billing UI to offer choices (drugs by name, codes, the primary
/// procedures the HIPEC add-on codes may go with) instead of finding out after coding. Immutable; from
/// <see cref="RuleSet.InForceOn"/>.
/// </summary>
public sealed record RuleCatalog
{
    internal RuleCatalog(DateTime date, IReadOnlyList<KnownDrug> drugs, IReadOnlyList<KnownCode> codes, IReadOnlyList<KnownCode> hipecPrimaries, IReadOnlyList<string> payerPolicies, IReadOnlyList<KnownCode> tumorExcisionCodes)
    {
        TumorExcisionCodes = tumorExcisionCodes;
        Date = date;
        Drugs = drugs;
        Codes = codes;
        HipecPrimaries = hipecPrimaries;
        PayerPolicies = payerPolicies;
    }

    /// <summary>Gets the date the catalogue is for.</summary>
    public DateTime Date { get; }

    /// <summary>Gets the drugs in force, by name.</summary>
    public IReadOnlyList<KnownDrug> Drugs { get; }

    /// <summary>Gets the codes the rules may emit, in force, by code.</summary>
    public IReadOnlyList<KnownCode> Codes { get; }

    /// <summary>
    /// Gets the primary procedures the HIPEC time codes may be reported with on the date (their NCCI add-on code edits),
    /// with the labels of the procedure table; empty before the time codes existed (the unlisted code has no edits).
    /// </summary>
    public IReadOnlyList<KnownCode> HipecPrimaries { get; }

    /// <summary>
    /// Gets the open tumor-excision codes chosen by the sum of the tumor lengths on the date (CPT 49186–49190 from 2025),
    /// in band order; empty before. A case listing one should give <c>procedure.tumor_length_sum_cm</c>.
    /// </summary>
    public IReadOnlyList<KnownCode> TumorExcisionCodes { get; }

    /// <summary>Gets the ids of the payer medical policies in force.</summary>
    public IReadOnlyList<string> PayerPolicies { get; }

    /// <summary>Finds a drug by its name or an alias, case-insensitively.</summary>
    /// <param name="name">The name as a case file would give it.</param>
    /// <returns>The drug, or <see langword="null"/> when the rule set does not know it on <see cref="Date"/>.</returns>
    public KnownDrug? FindDrug(string name)
    {
        string wanted = (name ?? string.Empty).Trim();
        return Drugs.FirstOrDefault(d => string.Equals(d.Name, wanted, StringComparison.OrdinalIgnoreCase) || d.Aliases.Any(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase)));
    }

    internal static RuleCatalog Build(RuleSet rules, DateTime date)
    {
        var drugs = rules.Drugs.Drugs.Where(d => d.Period.Contains(date))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new KnownDrug(d.Name, IntraperitonealCoding.Cases.ReadOnly.Keep(d.Aliases), d.Code, d.BillingUnitMg, d.Vial, d.SeparatelyPayable))
            .ToList();
        var codes = rules.Codes.Where(c => c.Period.Contains(date))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new KnownCode(c.System, c.Code, c.Label))
            .ToList();
        var primaries = new List<KnownCode>();
        HipecTimeRule? time = rules.Hipec.TimeCoding.FirstOrDefault(t => t.Period.Contains(date));
        if (time?.FirstUnit is { } first)
        {
            foreach (string primary in rules.Tables.AddOns.For(first.Code, date).Select(e => e.Primary).Distinct().OrderBy(p => p, StringComparer.Ordinal))
            {
                string label = rules.Tables.Procedures.FirstInForce(primary, date)?.Label ?? primary;
                primaries.Add(new KnownCode(CodeSystem.Cpt, primary, label));
            }
        }

        var policies = rules.PayerPolicies.Where(p => p.Period.Contains(date)).Select(p => p.Id).ToList();
        var bands = rules.Hipec.TumorExcision.FirstOrDefault(t => t.Period.Contains(date));
        var tumorCodes = bands is null
            ? new List<KnownCode>()
            : bands.Bands.Select(b => new KnownCode(CodeSystem.Cpt, b.Code, rules.CodesOf(b.Code).FirstOrDefault(c => c.Period.Contains(date))?.Label ?? b.Code)).ToList();
        return new RuleCatalog(date.Date, IntraperitonealCoding.Cases.ReadOnly.Wrap(drugs), IntraperitonealCoding.Cases.ReadOnly.Wrap(codes), IntraperitonealCoding.Cases.ReadOnly.Wrap(primaries), IntraperitonealCoding.Cases.ReadOnly.Wrap(policies), IntraperitonealCoding.Cases.ReadOnly.Wrap(tumorCodes));
    }
}
