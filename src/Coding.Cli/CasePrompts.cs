using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The questions of <c>coding new</c>, one value at a time, starting from the template. Each answer is put into the
/// draft and the draft read back with the case reader (<see cref="CaseDraft.Check"/>): an answer the reader would
/// refuse is refused with the reader's own id and message, and asked again, so the case written at the end always reads.
/// </summary>
internal sealed class CasePrompts
{
    private const string OtherDrug = "(another drug: type its name)";
    private const string OwnTrialLists = "(a trial without a study file: give its number and lists)";
    private static readonly Regex RangeSeparator = new(@"\s*,\s*|\s+to\s+|\s+|(?<=\d)\s*[-–]\s*(?=\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly char[] ListSeparators = { ',', ';', ' ', '\t' };
    private static readonly string Professional = WireNames.Of(ClaimType.Professional);
    private static readonly string Inpatient = WireNames.Of(ClaimType.FacilityInpatient);
    private static readonly string[] DoseUnits = { "mg/m²", "mg" };
    private readonly IAnsiConsole console;
    private readonly RuleSet rules;
    private readonly StudyCatalogue studies;
    private readonly CaseDraft template;
    private CaseDraft draft;

    public CasePrompts(IAnsiConsole console, RuleSet rules, StudyCatalogue studies, CaseDraft template)
    {
        this.console = console;
        this.rules = rules;
        this.studies = studies;
        this.template = template;
        draft = template;
    }

    /// <summary>Asks every question and gives the case the answers make.</summary>
    /// <exception cref="PromptsEndedException">The input ended before the last answer.</exception>
    public CaseDraft Run()
    {
        console.MarkupLine($"[bold]A new {WireNames.Of(draft.Kind).ToUpperInvariant()} case.[/] Each answer is checked as the case reader checks a file; Enter keeps the value shown, and [bold]-[/] leaves an optional value out.");
        AskClaim();
        AskProcedure();
        AskDrugs();
        AskTrial();
        return draft;
    }

    /// <summary>Splits a typed list of codes or names on commas, semicolons and spaces.</summary>
    internal static IReadOnlyList<string> Split(string? answer)
        => (answer ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A typed temperature range: two values (<c>41.5 42.5</c>, <c>41.5-42.5</c>, <c>41.5 to 42.5</c>), or one for both.</summary>
    internal static TemperatureDraft Range(string answer)
    {
        string[] parts = RangeSeparator.Split(answer.Trim()).Where(p => p.Length > 0).ToArray();
        return parts.Length switch
        {
            1 => new TemperatureDraft(parts[0], parts[0]),
            2 => new TemperatureDraft(parts[0], parts[1]),
            _ => new TemperatureDraft(answer.Trim(), answer.Trim()), // Not a range: the reader says why.
        };
    }

    private static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum
        => Enum.GetValues(typeof(TEnum)).Cast<TEnum>().Select(v => WireNames.Of(v)).ToList();

    private static string? Joined(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join(", ", items);

    private static string? Normalize(string answer, bool optional)
    {
        string trimmed = answer.Trim();
        return optional && (trimmed.Length == 0 || trimmed == "-") ? null : trimmed;
    }

    private void AskClaim()
    {
        Ask("Case id", draft.CaseId, false, a => draft with { CaseId = a! });
        Ask("Date of service (YYYY-MM-DD)", draft.DateOfService, false, a => draft with { DateOfService = a! });
        Choose("Claim", Names<ClaimType>(), draft.Claim, c => draft with
        {
            Claim = c,
            PlaceOfService = c == Professional ? draft.PlaceOfService : null,
            DischargeDate = c == Inpatient ? draft.DischargeDate : null,
            AdmissionDate = c == Inpatient ? draft.AdmissionDate : null,
            AdmittingDiagnosis = c == Inpatient ? draft.AdmittingDiagnosis : null,
            PcsProcedures = c == Inpatient ? draft.PcsProcedures : null,
        });
        Choose("Payer", Names<PayerType>(), draft.Payer, p => draft with { Payer = p });
        if (draft.Claim == Professional)
        {
            Ask("Place of service (two digits: 21 inpatient hospital, 22 outpatient hospital, 24 ASC)", draft.PlaceOfService, true, a => draft with { PlaceOfService = a });
        }

        if (draft.Claim == Inpatient)
        {
            // What an 837I needs and only the record can say: asked, never assumed.
            Ask("Admission date (YYYY-MM-DD, on or before the date of service)", draft.AdmissionDate, false, a => draft with { AdmissionDate = a });
            Ask("Discharge date (YYYY-MM-DD)", draft.DischargeDate, true, a => draft with { DischargeDate = a });
        }

        Ask("Patient control number (the billing system's account number, up to 20 characters; default: the case id)", draft.PatientControlNumber, true, a => draft with { PatientControlNumber = a });
        Ask("Body surface area, m² (for doses in mg/m²)", draft.BodySurfaceArea, true, a => draft with { BodySurfaceArea = a });
        Ask("Diagnoses, ICD-10-CM, the principal first", Joined(draft.Diagnoses), false, a => draft with { Diagnoses = Split(a) });
        if (draft.Claim == Inpatient)
        {
            Ask("Admitting diagnosis (ICD-10-CM: the condition the patient was admitted for)", draft.AdmittingDiagnosis, false, a => draft with { AdmittingDiagnosis = a });
            foreach (string diagnosis in draft.Diagnoses)
            {
                string code = diagnosis;
                draft.Poa.TryGetValue(code, out string? current);
                Ask($"Present on admission, {code} (Y, N, U or W; - when the code is POA-exempt)", current, true, a => draft with { Poa = WithPoa(draft.Poa, code, a?.ToUpperInvariant()) });
            }
        }
    }

    private static IReadOnlyDictionary<string, string> WithPoa(IReadOnlyDictionary<string, string> poa, string code, string? indicator)
    {
        var copy = poa.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (indicator is null)
        {
            copy.Remove(code);
        }
        else
        {
            copy[code] = indicator;
        }

        return copy;
    }

    private void AskProcedure()
    {
        Choose("Approach", Names<SurgicalApproach>(), draft.Approach ?? WireNames.Of(SurgicalApproach.Laparoscopic), a => draft with { Approach = a });
        if (draft.Kind == ProcedureKind.Hipec)
        {
            var primaries = rules.InForceOn(DateOfService()).HipecPrimaries.Select(p => p.Code).ToList();
            string hint = primaries.Count == 0 ? string.Empty : "; the HIPEC time codes go with " + string.Join(", ", primaries.Take(6)) + (primaries.Count > 6 ? ", … ('coding rules show primaries')" : string.Empty);
            Ask("Primary procedures, CPT (the surgery the HIPEC is added to" + hint + ")", Joined(draft.PrimaryProcedures), true, a => draft with { PrimaryProcedures = a is null ? null : Split(a) });
            var bands = rules.InForceOn(DateOfService()).TumorExcisionCodes;
            if (draft.PrimaryProcedures is { } listed && bands.Any(b => listed.Contains(b.Code, StringComparer.OrdinalIgnoreCase)))
            {
                // The tumor-excision code is chosen by this sum: it is asked for, never assumed.
                Ask("Sum of the maximum lengths of the tumors or cysts excised, cm (chooses " + string.Join(", ", bands.Select(b => b.Code)) + ")", draft.TumorLengthSumCm, false, a => draft with { TumorLengthSumCm = a });
            }
            else
            {
                draft = draft with { TumorLengthSumCm = null };
            }

            Ask("Separate incisions", draft.SeparateIncisions, true, a => draft with { SeparateIncisions = a });
            AskTemperature();
            Ask("Perfusion minutes", draft.PerfusionMinutes, false, a => draft with { PerfusionMinutes = a });
        }
        else
        {
            Ask("Cycle (the PIPAC's number in the course, from 1)", draft.Cycle, false, a => draft with { Cycle = a });
            Ask("Exposure minutes", draft.ExposureMinutes, false, a => draft with { ExposureMinutes = a });
            Ask("Capnoperitoneum, mmHg", draft.CapnoperitoneumMmhg, true, a => draft with { CapnoperitoneumMmhg = a });
            AskTemperature();
            Ask("Biopsies taken", draft.Biopsies, true, a => draft with { Biopsies = a });
            Ask("Ascites drained, ml", draft.AscitesDrainedMl, true, a => draft with { AscitesDrainedMl = a });
            Ask("Peritoneal cancer index (0 to 39)", draft.Pci, true, a => draft with { Pci = a });
            if (draft.Claim != Inpatient)
            {
                // PIPAC has no CPT code: the unlisted code's claim line needs the words for it.
                Ask("Words for the unlisted code on the claim (at most 80 characters)", draft.UnlistedDescription, true, a => draft with { UnlistedDescription = a });
            }
        }

        if (draft.Claim == Inpatient)
        {
            Ask("ICD-10-PCS codes of the surgery (from the operative report)", Joined(draft.PcsProcedures), true, a => draft with { PcsProcedures = a is null ? null : Split(a) });
        }
    }

    private void AskTemperature()
        => Ask(
            "Temperature, °C: the lowest and highest (e.g. 41.5 42.5; one value for both)",
            draft.Temperature is { } t ? (t.Min == t.Max ? t.Min : t.Min + " " + t.Max) : null,
            true,
            a => draft with { Temperature = a is null ? null : Range(a) });

    private void AskDrugs()
    {
        var known = rules.InForceOn(DateOfService()).Drugs.Select(d => d.Name).Append(OtherDrug).ToList();
        draft = draft with { Drugs = Array.Empty<DrugDraft>() };
        for (int i = 0; console.Confirm(i == 0 ? "Add a drug?" : "Add another drug?", i < template.Drugs.Count); i++)
        {
            DrugDraft? example = i < template.Drugs.Count ? template.Drugs[i] : null;
            DoseUnit unit = example?.Unit ?? (draft.BodySurfaceArea is null ? DoseUnit.Milligrams : DoseUnit.MilligramsPerSquareMetre);

            // In with a dose the reader takes, to be replaced: each answer is then checked in a whole drug.
            draft = draft with { Drugs = draft.Drugs.Append(new DrugDraft(known[0], unit, "0")).ToList() };
            if (console.Profile.Capabilities.Ansi)
            {
                string name = Choose("Drug", known, example is not null && known.Contains(example.Name) ? example.Name : known[0], n => n == OtherDrug ? draft : draft.WithLastDrug(d => d with { Name = n }));
                if (name == OtherDrug)
                {
                    Ask("Drug name", null, false, a => draft.WithLastDrug(d => d with { Name = a! }));
                }
            }
            else
            {
                // Typed: a list to pick from would refuse a name the rules do not know, which the reader takes.
                Ask($"Drug ({string.Join(", ", known.Take(known.Count - 1))}, or another name)", example?.Name, false, a => draft.WithLastDrug(d => d with { Name = a! }));
            }

            bool asInExample = example is not null && example.Name == draft.Drugs[^1].Name;
            Choose("Dose given in", DoseUnits, unit == DoseUnit.Milligrams ? "mg" : "mg/m²", u => draft.WithLastDrug(d => d with { Unit = u == "mg" ? DoseUnit.Milligrams : DoseUnit.MilligramsPerSquareMetre }));
            bool perArea = draft.Drugs[^1].Unit == DoseUnit.MilligramsPerSquareMetre;
            Ask(perArea ? "Dose, mg/m²" : "Dose, mg", asInExample && example!.Unit == draft.Drugs[^1].Unit ? example.Dose : null, false, a => draft.WithLastDrug(d => d with { Dose = a! }));
            Ask("Amount opened, mg (what was opened, for the discarded amount)", asInExample ? example!.OpenedMg : null, true, a => draft.WithLastDrug(d => d with { OpenedMg = a }));
        }
    }

    private void AskTrial()
    {
        if (!console.Confirm("Is the patient enrolled in a clinical trial?", false))
        {
            return;
        }

        if (studies.Studies.Count > 0)
        {
            var choices = studies.Studies.Select(s => s.Nct).Append(OwnTrialLists).ToList();
            Choose("Study", choices, choices[0], s => draft with { Trial = s == OwnTrialLists ? null : new TrialDraft { Study = s } });
            if (draft.Trial is not null)
            {
                Ask("Subject (the participant id)", null, true, a => draft with { Trial = draft.Trial! with { Subject = a } });
                return;
            }
        }

        // In with a number the reader takes, to be replaced by the answer.
        draft = draft with { Trial = new TrialDraft { Nct = "NCT00000000", Qualifying = "true" } };
        Ask("Trial number (NCT and eight digits)", null, false, a => draft with { Trial = draft.Trial! with { Nct = a } });
        bool qualifying = console.Confirm("Does the trial qualify for the payer's coverage (Medicare NCD 310.1, or the plan's terms)?", true);
        draft = draft with { Trial = draft.Trial! with { Qualifying = qualifying ? "true" : "false" } };
        string items = string.Join(", ", Names<LineCategory>());
        Ask($"Items billed as investigational, Q0 ({items})", null, true, a => draft with { Trial = draft.Trial! with { Investigational = Split(a) } });
        Ask("Items the sponsor pays", null, true, a => draft with { Trial = draft.Trial! with { SponsorPays = Split(a) } });
        Ask("Subject (the participant id)", null, true, a => draft with { Trial = draft.Trial! with { Subject = a } });
    }

    private DateTime DateOfService() => draft.Read(studies).Case!.DateOfService;

    /// <summary>Asks for one value until the reader takes the draft with it; <see langword="null"/> (Enter or <c>-</c> on an optional value) leaves it out.</summary>
    private void Ask(string question, string? current, bool optional, Func<string?, CaseDraft> apply)
    {
        var prompt = new TextPrompt<string>(Markup.Escape(question) + (optional ? " [grey](optional)[/]" : string.Empty) + ":");
        if (current is not null)
        {
            prompt.DefaultValue(current);
        }
        else if (optional)
        {
            prompt.AllowEmpty();
        }

        prompt.Validate(answer => Verdict(apply(Normalize(answer, optional))));
        draft = apply(Normalize(console.Prompt(prompt), optional));
    }

    /// <summary>Asks for one of a list (arrow keys where the terminal has them, else typed), until the reader takes the draft with it.</summary>
    private string Choose(string question, IReadOnlyList<string> choices, string current, Func<string, CaseDraft> apply)
    {
        while (true)
        {
            string chosen = console.Profile.Capabilities.Ansi
                ? console.Prompt(new SelectionPrompt<string>().Title(Markup.Escape(question) + ":").AddChoices(choices).DefaultValue(current).UseConverter(Markup.Escape).PageSize(Math.Max(3, Math.Min(choices.Count, 12))))
                : console.Prompt(new TextPrompt<string>(Markup.Escape(question) + ":").AddChoices(choices).DefaultValue(current));
            ValidationResult verdict = Verdict(apply(chosen));
            console.MarkupLine($"{Markup.Escape(question)}: [bold]{Markup.Escape(chosen)}[/]");
            if (verdict.Successful)
            {
                draft = apply(chosen);
                return chosen;
            }

            console.MarkupLine("[red]" + verdict.Message + "[/]");
        }
    }

    private ValidationResult Verdict(CaseDraft candidate)
    {
        IReadOnlyList<string> errors = candidate.Check(studies);
        return errors.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(Markup.Escape(string.Join(Environment.NewLine, errors)));
    }
}
