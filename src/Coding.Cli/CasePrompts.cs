using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;
using Spectre.Console;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The questions of <c>coding new</c>, one value at a time. Each answer is put into the draft and the draft read back
/// with the case reader (<see cref="CaseDraft.Check"/>): an answer the reader would refuse is refused with the reader's
/// own id and message, and asked again, so the case written at the end always reads. The template only keeps the draft
/// readable until each value is asked: no clinical value is ever offered as a default (Enter keeps only the case id
/// and the date), an example is shown as a hint, and a value not given is left out, or asked again when required.
/// </summary>
internal sealed class CasePrompts
{
    private const string OtherDrug = "(another drug: type its name)";
    private const string OwnTrialLists = "(a trial without a study file: give its number and lists)";
    private static readonly Regex RangeSeparator = new(@"\s*,\s*|\s+to\s+|\s+|(?<=\d)\s*[-–]\s*(?=\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly char[] ListSeparators = { ',', ';', ' ', '\t' };
    private static readonly string Professional = WireNames.Of(ClaimType.Professional);
    private static readonly string Inpatient = WireNames.Of(ClaimType.FacilityInpatient);
    private static readonly string[] DoseUnits = { "mg per m²", "mg" };
    private static readonly Regex DiagnosisWithoutDot = new(@"^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private readonly IAnsiConsole console;
    private readonly RuleSet rules;
    private readonly StudyCatalogue studies;
    private readonly CaseDraft start;
    private readonly PromptSteps steps;
    private CaseDraft draft;

    public CasePrompts(IAnsiConsole console, RuleSet rules, StudyCatalogue studies, CaseDraft template)
    {
        this.console = console;
        this.rules = rules;
        this.studies = studies;

        // The template's drugs would stand for ones not given; the rest is replaced question by question.
        start = template with { Drugs = Array.Empty<DrugDraft>() };
        steps = new PromptSteps(console);
        draft = start;
    }

    /// <summary>Asks every question and gives the case the answers make.</summary>
    /// <exception cref="PromptsEndedException">The input ended before the last answer.</exception>
    public CaseDraft Run()
    {
        console.MarkupLine($"[bold]A new {WireNames.Of(draft.Kind).ToUpperInvariant()} case.[/] Each answer is checked as the case reader checks a file. Enter keeps a value shown in parentheses (the case id and the date have one); [bold]-[/] leaves an optional value out; [bold]<[/] goes back one question.");
        return steps.Run(() =>
        {
            draft = start;
            AskClaim();
            AskProcedure();
            AskDrugs();
            AskTrial();
            return draft;
        });
    }

    /// <summary>Splits a typed list of codes or names on commas, semicolons and spaces.</summary>
    internal static IReadOnlyList<string> Split(string? answer)
        => (answer ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A code as the file holds it: upper-case, and an ICD-10-CM code typed without its dot (<c>c786</c>) dotted after the category (<c>C78.6</c>).</summary>
    internal static string Diagnosis(string typed)
    {
        string code = typed.Trim().ToUpperInvariant();
        return DiagnosisWithoutDot.IsMatch(code) ? string.Concat(code.AsSpan(0, 3), ".", code.AsSpan(3)) : code;
    }

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

    private static string? Normalize(string answer, bool optional)
    {
        string trimmed = answer.Trim();
        return optional && (trimmed.Length == 0 || trimmed == "-") ? null : trimmed;
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

    private void AskClaim()
    {
        Ask("Case id", draft.CaseId, false, a => draft with { CaseId = a! });
        Ask("Date of service (YYYY-MM-DD)", draft.DateOfService, false, a => draft with { DateOfService = a! });
        Choose("Claim", Names<ClaimType>(), c => draft with
        {
            Claim = c,
            PlaceOfService = null,
            DischargeDate = null,
            AdmissionDate = null,
            AdmittingDiagnosis = null,
            PcsProcedures = null,
            Poa = new Dictionary<string, string>(),
        });
        Choose("Payer", Names<PayerType>(), p => draft with { Payer = p });
        if (draft.Claim == Professional)
        {
            steps.Note("[grey]Place of service: 21 inpatient hospital, 22 outpatient hospital, 24 ASC.[/]");
            Ask("Place of service (two digits)", null, true, a => draft with { PlaceOfService = a });
        }

        if (draft.Claim == Inpatient)
        {
            // What an 837I needs and only the record can say: asked, never assumed.
            Ask("Admission date (YYYY-MM-DD)", null, false, a => draft with { AdmissionDate = a });
            Ask("Discharge date (YYYY-MM-DD)", null, true, a => draft with { DischargeDate = a });
        }

        steps.Note("[grey]Patient control number: the billing system's account number, up to 20 characters; left out, the case id serves.[/]");
        Ask("Patient control number", null, true, a => draft with { PatientControlNumber = a });
        AskNumber("Body surface area, m²", "1.82", true, a => draft with { BodySurfaceArea = a });
        Ask("Diagnoses, ICD-10-CM, the principal first", null, false, a => draft with { Diagnoses = Split(a).Select(Diagnosis).ToList(), Poa = new Dictionary<string, string>() });
        if (draft.Claim == Inpatient)
        {
            Ask("Admitting diagnosis, ICD-10-CM", null, false, a => draft with { AdmittingDiagnosis = a is null ? null : Diagnosis(a) });
            steps.Note("[grey]Present on admission: Y, N, U or W; - when the code is POA-exempt.[/]");
            foreach (string diagnosis in draft.Diagnoses)
            {
                string code = diagnosis;
                Ask($"Present on admission, {code}", null, true, a => draft with { Poa = WithPoa(draft.Poa, code, a?.ToUpperInvariant()) });
            }
        }
    }

    private void AskProcedure()
    {
        Choose("Approach", Names<SurgicalApproach>(), a => draft with { Approach = a });
        if (draft.Kind == ProcedureKind.Hipec)
        {
            var primaries = rules.InForceOn(DateOfService()).HipecPrimaries.Select(p => p.Code).ToList();
            if (primaries.Count > 0)
            {
                steps.Note("[grey]The HIPEC time codes go with " + Markup.Escape(string.Join(", ", primaries.Take(6)) + (primaries.Count > 6 ? ", … ('coding rules show primaries')" : string.Empty)) + ".[/]");
            }

            Ask("Primary procedures, CPT (the surgery)", null, true, a => draft with { PrimaryProcedures = a is null ? null : Split(a).Select(c => c.ToUpperInvariant()).ToList() });
            var bands = rules.InForceOn(DateOfService()).TumorExcisionCodes;
            if (draft.PrimaryProcedures is { } listed && bands.Any(b => listed.Contains(b.Code, StringComparer.OrdinalIgnoreCase)))
            {
                // The tumor-excision code is chosen by this sum: it is asked for, never assumed.
                steps.Note("[grey]The sum of the maximum lengths of the tumors or cysts excised chooses " + string.Join(", ", bands.Select(b => b.Code)) + ".[/]");
                AskNumber("Tumor lengths, sum, cm", "14.5", false, a => draft with { TumorLengthSumCm = a });
            }
            else
            {
                draft = draft with { TumorLengthSumCm = null };
            }

            AskNumber("Separate incisions", "1", true, a => draft with { SeparateIncisions = a });
            AskTemperature("41.5 42.5");
            AskNumber("Perfusion minutes", "90", false, a => draft with { PerfusionMinutes = a });
        }
        else
        {
            AskNumber("Cycle (from 1)", "1", false, a => draft with { Cycle = a });
            AskNumber("Exposure minutes", "30", false, a => draft with { ExposureMinutes = a });
            AskNumber("Capnoperitoneum, mmHg", "12", true, a => draft with { CapnoperitoneumMmhg = a });
            AskTemperature("36.8 37.2");
            AskNumber("Biopsies taken", "4", true, a => draft with { Biopsies = a });
            AskNumber("Ascites drained, ml", "350", true, a => draft with { AscitesDrainedMl = a });
            AskNumber("Peritoneal cancer index (0 to 39)", "14", true, a => draft with { Pci = a });
            if (draft.Claim != Inpatient)
            {
                // PIPAC has no CPT code: the unlisted code's claim line needs the words for it.
                Ask("Words for the unlisted code (up to 80)", null, true, a => draft with { UnlistedDescription = a });
            }
        }

        if (draft.Claim == Inpatient)
        {
            Ask("ICD-10-PCS codes of the surgery", null, true, a => draft with { PcsProcedures = a is null ? null : Split(a).Select(c => c.ToUpperInvariant()).ToList() });
        }
    }

    /// <summary>The temperature range; the example is of the procedure's own (HIPEC about 42 °C, PIPAC about 37 °C).</summary>
    private void AskTemperature(string example)
        => Ask(
            $"Temperature, °C, lowest and highest (e.g. {example})",
            null,
            true,
            a => draft with { Temperature = a is null ? null : Range(a) },
            a => Range(a) is var r && PromptSteps.IsNumber(r.Min) && PromptSteps.IsNumber(r.Max) ? null : NotANumber(example));

    private void AskDrugs()
    {
        var known = rules.InForceOn(DateOfService()).Drugs.Select(d => d.Name).Append(OtherDrug).ToList();
        bool ndcRequired = rules.ClaimFields.NdcRequiredFor.Any(p => WireNames.Of(p) == draft.Payer);
        draft = draft with { Drugs = Array.Empty<DrugDraft>() };
        for (int i = 0; steps.Confirm(i == 0 ? "Add a drug?" : "Add another drug?", false); i++)
        {
            // In with a dose the reader takes, to be replaced: each answer is then checked in a whole drug.
            draft = draft with { Drugs = draft.Drugs.Append(new DrugDraft(known[0], DoseUnit.Milligrams, "0")).ToList() };
            if (console.Profile.Capabilities.Ansi)
            {
                string name = Choose("Drug", known, n => n == OtherDrug ? draft : draft.WithLastDrug(d => d with { Name = n }));
                if (name == OtherDrug)
                {
                    Ask("Drug name", null, false, a => draft.WithLastDrug(d => d with { Name = a! }));
                }
            }
            else
            {
                // Typed: a list to pick from would refuse a name the rules do not know, which the reader takes.
                steps.Note("[grey]Drugs the rules know: " + Markup.Escape(string.Join(", ", known.Take(known.Count - 1))) + ".[/]");
                Ask("Drug", null, false, a => draft.WithLastDrug(d => d with { Name = a! }));
            }

            Choose("Dose given in", DoseUnits, u => draft.WithLastDrug(d => d with { Unit = u == "mg" ? DoseUnit.Milligrams : DoseUnit.MilligramsPerSquareMetre }));
            bool perArea = draft.Drugs[^1].Unit == DoseUnit.MilligramsPerSquareMetre;
            AskNumber(perArea ? "Dose, mg/m²" : "Dose, mg", perArea ? "7.5" : "60", false, a => draft.WithLastDrug(d => d with { Dose = a! }));
            AskNumber("Amount opened, mg (for the discarded amount)", "80", true, a => draft.WithLastDrug(d => d with { OpenedMg = a }));
            if (ndcRequired)
            {
                AskNdc();
            }
        }
    }

    /// <summary>The NDC of the drug just given, for a payer that requires it on every drug line (Medicaid).</summary>
    private void AskNdc()
    {
        steps.Note($"[grey]{Markup.Escape(draft.Payer)} requires the NDC of the product used on the drug's line.[/]");
        draft = draft.WithLastDrug(d => d with { Ndc = new NdcDraft("00000-0000-00", "MG") });
        Ask("NDC (e.g. 16729-288-11)", null, false, a => draft.WithLastDrug(d => d with { Ndc = d.Ndc! with { Code = a! } }));
        Choose("NDC unit", Names<NdcUnit>(), u => draft.WithLastDrug(d => d with { Ndc = d.Ndc! with { Unit = u } }));
        bool inMilligrams = draft.Drugs[^1].Ndc!.Unit == WireNames.Of(NdcUnit.Milligram);
        AskNumber(inMilligrams ? "NDC quantity (left out: the dose in mg)" : "NDC quantity", "2", inMilligrams, a => draft.WithLastDrug(d => d with { Ndc = d.Ndc! with { Quantity = a } }));
        if (!inMilligrams && draft.Drugs[^1].OpenedMg is not null)
        {
            AskNumber("NDC quantity discarded", "1", true, a => draft.WithLastDrug(d => d with { Ndc = d.Ndc! with { DiscardedQuantity = a } }));
        }
    }

    private void AskTrial()
    {
        if (!steps.Confirm("Is the patient in a clinical trial?", false))
        {
            return;
        }

        if (studies.Studies.Count > 0)
        {
            var choices = studies.Studies.Select(s => s.Nct).Append(OwnTrialLists).ToList();
            Choose("Study", choices, s => draft with { Trial = s == OwnTrialLists ? null : new TrialDraft { Study = s } });
            if (draft.Trial is not null)
            {
                Ask("Subject (the participant id)", null, true, a => draft with { Trial = draft.Trial! with { Subject = a } });
                return;
            }
        }

        // In with a number the reader takes, to be replaced by the answer.
        draft = draft with { Trial = new TrialDraft { Nct = "NCT00000000", Qualifying = "true" } };
        Ask("Trial number (NCT and eight digits)", null, false, a => draft with { Trial = draft.Trial! with { Nct = a!.ToUpperInvariant() } });
        steps.Note("[grey]Qualifying: covered under Medicare NCD 310.1, or the plan's terms.[/]");
        bool qualifying = steps.Confirm("Does the trial qualify?", true);
        draft = draft with { Trial = draft.Trial! with { Qualifying = qualifying ? "true" : "false" } };
        ChooseItems("Items billed as investigational (Q0)", a => draft with { Trial = draft.Trial! with { Investigational = a } });
        ChooseItems("Items the sponsor pays", a => draft with { Trial = draft.Trial! with { SponsorPays = a } });
        Ask("Subject (the participant id)", null, true, a => draft with { Trial = draft.Trial! with { Subject = a } });
    }

    /// <summary>Trial items: any number of the items the rules know.</summary>
    private void ChooseItems(string question, Func<IReadOnlyList<string>, CaseDraft> apply)
    {
        IReadOnlyList<string> items = steps.Choices(Markup.Escape(question), Names<LineCategory>(), a => Verdict(apply(Split(a))));
        draft = apply(items);
        steps.Note($"{Markup.Escape(question)}: [bold]{Markup.Escape(items.Count == 0 ? "none" : string.Join(", ", items))}[/]");
    }

    private DateTime DateOfService() => draft.Read(studies).Case!.DateOfService;

    private static string NotANumber(string example) => $"[red]Expected a number such as {Markup.Escape(example)}: digits with a point for decimals, no unit.[/]";

    /// <summary>Asks for a number: a typed <c>1,82</c> or <c>7.5 mg/m2</c> is refused as not a number before the reader sees it.</summary>
    private void AskNumber(string question, string example, bool optional, Func<string?, CaseDraft> apply)
        => Ask($"{question} (e.g. {example})", null, optional, apply, a => PromptSteps.IsNumber(a) ? null : NotANumber(example));

    /// <summary>
    /// Asks for one value until the reader takes the draft with it; <see langword="null"/> (Enter or <c>-</c> on an
    /// optional value) leaves it out. Only <paramref name="current"/> is kept by Enter: clinical values never have one.
    /// </summary>
    private void Ask(string question, string? current, bool optional, Func<string?, CaseDraft> apply, Func<string, string?>? form = null)
    {
        string answer = steps.Text(
            Markup.Escape(question) + (optional ? " [grey](optional)[/]" : string.Empty) + (current is null ? ":" : string.Empty), // Spectre adds it after the value Enter keeps.
            current,
            optional,
            typed => Normalize(typed, optional) is { } given && form?.Invoke(given) is { } wrong ? ValidationResult.Error(wrong) : Verdict(apply(Normalize(typed, optional))));
        draft = apply(Normalize(answer, optional));
    }

    /// <summary>Asks for one of a list, always starting at its first entry, until the reader takes the draft with it.</summary>
    private string Choose(string question, IReadOnlyList<string> choices, Func<string, CaseDraft> apply)
    {
        while (true)
        {
            string chosen = steps.Choice(Markup.Escape(question), choices);
            ValidationResult verdict = Verdict(apply(chosen));
            steps.Note($"{Markup.Escape(question)}: [bold]{Markup.Escape(chosen)}[/]");
            if (verdict.Successful)
            {
                draft = apply(chosen);
                return chosen;
            }

            steps.Note("[red]" + verdict.Message + "[/]");
        }
    }

    private ValidationResult Verdict(CaseDraft candidate)
    {
        IReadOnlyList<string> errors = candidate.Check(studies);
        return errors.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(Markup.Escape(string.Join(Environment.NewLine, errors)));
    }
}
