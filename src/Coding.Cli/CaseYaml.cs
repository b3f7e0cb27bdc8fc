using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Tool;

/// <summary>How <see cref="CaseYaml"/> writes a draft.</summary>
internal enum CaseYamlStyle
{
    /// <summary>The case file itself: the keys given, one comment line on top.</summary>
    File,

    /// <summary>A template to edit: the same keys with a comment on each, and the optional keys commented out.</summary>
    Template,
}

/// <summary>
/// Writes a <see cref="CaseDraft"/> as a case file. Text (ids, codes, names) is always double-quoted with every
/// character that could end or escape the string escaped, so nothing typed can add a key; a value the reader types
/// (a number, a date, a choice) is written plain when it is one word, else quoted, and the reader then says what is
/// wrong with it.
/// </summary>
internal static class CaseYaml
{
    private const int CommentColumn = 36;
    private static readonly Regex PlainWord = new(@"^[+\-.]?[A-Za-z0-9][A-Za-z0-9_.+\-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static string Write(CaseDraft draft, CaseYamlStyle style)
    {
        var yaml = new Lines(style == CaseYamlStyle.Template);
        string kind = WireNames.Of(draft.Kind);
        string upper = kind.ToUpperInvariant();
        if (yaml.Template)
        {
            yaml.Comment($"A {upper} case to edit, then code with 'coding code FILE'. It codes as it stands: replace the example");
            yaml.Comment("values with the case's, and uncomment the optional keys it needs. Strict: an unknown key, a wrong type or an");
            yaml.Comment("impossible value is an error with its line and column. Every key: case.schema.json ('coding rules export DIR').");
        }
        else
        {
            yaml.Line($"# A {upper} case written by 'coding new {kind}'. Code it with 'coding code FILE'.");
        }

        yaml.Entry(0, "case_id", Text(draft.CaseId), "an id of your own; every result names it");
        yaml.Entry(0, "date_of_service", Value(draft.DateOfService), "YYYY-MM-DD: the rules in force on it apply");
        yaml.Entry(0, "claim", Value(draft.Claim), Choices<ClaimType>());
        yaml.Entry(0, "payer", Value(draft.Payer), Choices<PayerType>());
        yaml.Optional(0, "place_of_service", Text(draft.PlaceOfService), "\"22\"", "professional only: 21 inpatient, 22 outpatient hospital, 24 ASC");
        yaml.Optional(0, "surgeon_role", null, "primary", "professional only: " + Choices<SurgeonRole>());
        yaml.Optional(0, "abn_on_file", null, "true", "Part B claims: a signed ABN (GA); false: none, denial expected (GZ)");
        yaml.Optional(0, "discharge_date", Value(draft.DischargeDate), Value(draft.DateOfService), "facility_inpatient only: its fiscal year decides ICD-10-CM/PCS validity");
        yaml.Optional(0, "admission_date", Value(draft.AdmissionDate), Value(draft.DateOfService), "facility_inpatient only: on or before the date of service (837I DTP*435)");
        yaml.Optional(0, "admitting_diagnosis", draft.AdmittingDiagnosis is null ? null : Text(draft.AdmittingDiagnosis), "C78.6", "facility_inpatient only: the condition the patient was admitted for (HI*ABJ)");
        yaml.Optional(0, "patient_control_number", draft.PatientControlNumber is null ? null : Text(draft.PatientControlNumber), "\"ACCT-1042\"", "the billing system's account number, 1 to 20 characters (X12 CLM01); default: case_id");
        yaml.Optional(0, "patient", draft.BodySurfaceArea is null ? null : $"{{ body_surface_area_m2: {Value(draft.BodySurfaceArea)} }}", "{ body_surface_area_m2: 1.8 }", "the body surface area, for doses in mg/m²");
        yaml.Entry(0, "diagnoses", Diagnoses(draft), "ICD-10-CM codes, the principal first; inpatient: { code: C78.6, poa: \"Y\" }");
        yaml.Entry(0, "procedure", null, null);
        yaml.Entry(2, "kind", kind, Choices<ProcedureKind>());
        yaml.Optional(2, "approach", Value(draft.Approach), "laparoscopic", Choices<SurgicalApproach>());
        yaml.Optional(2, "unlisted_description", draft.UnlistedDescription is null ? null : Text(draft.UnlistedDescription), "\"PIPAC, laparoscopic aerosol chemotherapy, 30 min\"", "the words of an unlisted code (96549, 49329), at most 80 characters");
        if (draft.Kind == ProcedureKind.Hipec)
        {
            yaml.Optional(2, "primary_procedures", draft.PrimaryProcedures is null ? null : TextList(draft.PrimaryProcedures), "[\"49188\"]", "CPT codes of the surgery ('coding rules show primaries')");
            yaml.Optional(2, "tumor_length_sum_cm", Value(draft.TumorLengthSumCm), "14.5", "sum of the maximum lengths of the tumors excised, cm: chooses 49186-49190 (2025 on)");
        }

        yaml.Optional(2, "pcs_procedures", draft.PcsProcedures is null ? null : TextList(draft.PcsProcedures), "[\"0DBW0ZZ\"]", "facility_inpatient only: the ICD-10-PCS codes of the surgery");
        if (draft.Kind == ProcedureKind.Hipec)
        {
            yaml.Optional(2, "separate_incisions", Value(draft.SeparateIncisions), "1", "incisions besides the main one");
            WriteTemperature(yaml, draft, "41.5", "42.5");
            yaml.Entry(2, "perfusion_minutes", Value(draft.PerfusionMinutes), "the time the perfusate circulates");
        }
        else
        {
            yaml.Entry(2, "cycle", Value(draft.Cycle), "the PIPAC's number in the course, from 1");
            yaml.Entry(2, "exposure_minutes", Value(draft.ExposureMinutes), "the time the aerosol is left in");
            yaml.Optional(2, "capnoperitoneum_mmhg", Value(draft.CapnoperitoneumMmhg), "12", "the pressure kept");
            WriteTemperature(yaml, draft, "36.8", "37.2");
            yaml.Optional(2, "biopsies", Value(draft.Biopsies), "4", "peritoneal biopsies taken");
            yaml.Optional(2, "ascites_drained_ml", Value(draft.AscitesDrainedMl), "350", "ascites drained");
            yaml.Optional(2, "pci", Value(draft.Pci), "14", "peritoneal cancer index, 0 to 39");
        }

        WriteDrugs(yaml, draft.Drugs);
        WriteTrial(yaml, draft.Trial, draft.Kind);
        return yaml.ToString();
    }

    /// <summary>Text, double-quoted: <c>"</c> and <c>\</c> escaped, and every control or line-breaking character as <c>\uXXXX</c>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    internal static string? Text(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A value for the reader to type: plain when it is one word, quoted otherwise.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    internal static string? Value(string? value) => value is null ? null : PlainWord.IsMatch(value) ? value : Text(value);

    private static string TextList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => Text(i))) + "]";

    /// <summary>The diagnoses, each with its present-on-admission indicator where the draft has one.</summary>
    private static string Diagnoses(CaseDraft draft)
        => "[" + string.Join(", ", draft.Diagnoses.Select(d => draft.Poa.TryGetValue(d, out string? poa) ? $"{{ code: {Text(d)}, poa: {Text(poa)} }}" : Text(d))) + "]";

    private static string ValueList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => Value(i))) + "]";

    private static string Choices<TEnum>()
        where TEnum : struct, Enum
        => string.Join(" | ", Enum.GetValues(typeof(TEnum)).Cast<TEnum>().Select(v => WireNames.Of(v)));

    private static void WriteTemperature(Lines yaml, CaseDraft draft, string min, string max)
        => yaml.Optional(
            2,
            "temperature_c",
            draft.Temperature is { } t ? $"{{ min: {Value(t.Min)}, max: {Value(t.Max)} }}" : null,
            $"{{ min: {min}, max: {max} }}",
            "the lowest and highest measured, °C");

    private static void WriteDrugs(Lines yaml, IReadOnlyList<DrugDraft> drugs)
    {
        if (drugs.Count == 0)
        {
            yaml.Entry(2, "drugs", "[]", "none given");
            return;
        }

        yaml.Entry(2, "drugs", null, "'coding rules show drugs' lists the names the rules know");
        for (int i = 0; i < drugs.Count; i++)
        {
            DrugDraft drug = drugs[i];
            string dose = drug.Unit == DoseUnit.Milligrams ? "dose_mg" : "dose_mg_per_m2";
            string opened = drug.OpenedMg is null ? string.Empty : ", opened_mg: " + Value(drug.OpenedMg);
            yaml.Item(4, $"{{ name: {Text(drug.Name)}, {dose}: {Value(drug.Dose)}{opened}{Ndc(drug.Ndc)} }}", i == 0 ? "or dose_mg: 70; opened_mg: what was opened, for the discarded amount" : null);
        }

        yaml.Comment("      A drug may also give vial: single_dose | multi_dose, supplied_by_sponsor: true, and");
        yaml.Comment("      ndc: { code: 99999-0123-01, unit: MG } (facility drug lines; Medicaid requires it).");
    }

    private static string Ndc(NdcDraft? ndc)
    {
        if (ndc is null)
        {
            return string.Empty;
        }

        string quantity = ndc.Quantity is null ? string.Empty : ", quantity: " + Value(ndc.Quantity);
        string discarded = ndc.DiscardedQuantity is null ? string.Empty : ", discarded_quantity: " + Value(ndc.DiscardedQuantity);
        return $", ndc: {{ code: {Text(ndc.Code)}, unit: {Value(ndc.Unit)}{quantity}{discarded} }}";
    }

    private static void WriteTrial(Lines yaml, TrialDraft? trial, ProcedureKind kind)
    {
        if (trial is null)
        {
            // The example names an item the procedure has, and a bundled study of that procedure.
            string item = kind == ProcedureKind.Hipec ? "[hipec]" : "[aerosol_chemotherapy]";
            string study = kind == ProcedureKind.Hipec ? "\"NCT09000001\"" : "\"NCT04329494\"";
            yaml.Commented(0, "trial", null, "clinical-trial enrollment, if any: either name the study,");
            yaml.Commented(2, "study", study, "whose file in --studies DIR gives the rest,");
            yaml.Commented(2, "subject", "\"001\"", "with the participant id;");
            yaml.Comment("or give the trial's own number and lists (never both):");
            yaml.Commented(0, "trial", null, null);
            yaml.Commented(2, "nct", study, null);
            yaml.Commented(2, "qualifying", "true", "the trial markers (Z00.6, NCT, Q0/Q1) only when it qualifies");
            yaml.Commented(2, "investigational", item, "items billed with Q0");
            yaml.Commented(2, "sponsor_pays", item, "items the sponsor pays");
            return;
        }

        yaml.Entry(0, "trial", null, "clinical-trial enrollment");
        if (trial.Study is not null)
        {
            yaml.Entry(2, "study", Text(trial.Study), "its study file gives the designations");
            yaml.Optional(2, "subject", Text(trial.Subject), "\"001\"", "the participant id");
            return;
        }

        yaml.Optional(2, "nct", Text(trial.Nct), "\"NCT04329494\"", "the trial's ClinicalTrials.gov number");
        yaml.Optional(2, "qualifying", Value(trial.Qualifying), "true", "whether it qualifies for the payer's coverage");
        yaml.Optional(2, "subject", Text(trial.Subject), "\"001\"", "the participant id");
        if (trial.Investigational.Count > 0)
        {
            yaml.Entry(2, "investigational", ValueList(trial.Investigational), "items billed with Q0");
        }

        if (trial.SponsorPays.Count > 0)
        {
            yaml.Entry(2, "sponsor_pays", ValueList(trial.SponsorPays), "items the sponsor pays");
        }
    }

    /// <summary>The lines of the file; comments only in a template.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder text = new();

        public Lines(bool template) => Template = template;

        public bool Template { get; }

        public void Line(string line) => text.Append(line).Append('\n');

        public void Comment(string comment)
        {
            if (Template)
            {
                Line("# " + comment);
            }
        }

        /// <summary><c>key: value</c>, or <c>key:</c> opening a block when the value is null.</summary>
        public void Entry(int indent, string key, string? value, string? comment)
            => Line(WithComment(new string(' ', indent) + key + ":" + (value is null ? string.Empty : " " + value), comment));

        /// <summary>A key with its value when it has one; otherwise, in a template, the key with an example, commented out.</summary>
        public void Optional(int indent, string key, string? value, string example, string comment)
        {
            if (value is not null)
            {
                Entry(indent, key, value, comment);
            }
            else if (Template)
            {
                Line(WithComment(new string(' ', indent) + "# " + key + ": " + example, comment));
            }
        }

        /// <summary>In a template, a key of an example block, commented out from the first column.</summary>
        public void Commented(int indent, string key, string? value, string? comment)
        {
            if (Template)
            {
                Line(WithComment("# " + new string(' ', indent) + key + ":" + (value is null ? string.Empty : " " + value), comment));
            }
        }

        public void Item(int indent, string value, string? comment) => Line(WithComment(new string(' ', indent) + "- " + value, comment));

        public override string ToString() => text.ToString();

        private string WithComment(string line, string? comment)
            => !Template || comment is null ? line : line.PadRight(CommentColumn - 1) + " # " + comment;
    }
}
