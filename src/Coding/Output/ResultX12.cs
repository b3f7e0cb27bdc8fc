using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Output;

namespace IntraperitonealCoding;

/// <summary>One service line (loop 2400) of an X12 claim: its number and segments (LX, SV1/SV2, DTP*472, LIN/CTP). Immutable.</summary>
public sealed record X12ServiceLine
{
    internal X12ServiceLine(int number, IReadOnlyList<string> segments)
    {
        Number = number;
        Segments = segments;
    }

    /// <summary>Gets the line number (LX01), from 1.</summary>
    public int Number { get; }

    /// <summary>Gets the loop's segments, each without its terminator, LX first.</summary>
    public IReadOnlyList<string> Segments { get; }
}

/// <summary>
/// One claim of a result as ASC X12 segments: the payer it goes to, the claim-level (loop 2300) segments and each
/// service line (loop 2400) apart, so a billing system can put its own segments where the implementation guide puts
/// them (CL1 and the 2310x provider and 2320 other-payer loops after the 2300 segments, before the first 2400). Immutable.
/// </summary>
public sealed record X12Claim
{
    internal X12Claim(PayerType billTo, string patientControlNumber, IReadOnlyList<string> claimSegments, IReadOnlyList<X12ServiceLine> serviceLines, string text)
    {
        BillTo = billTo;
        PatientControlNumber = patientControlNumber;
        ClaimSegments = claimSegments;
        ServiceLines = serviceLines;
        Segments = claimSegments.Concat(serviceLines.SelectMany(l => l.Segments)).ToList().AsReadOnly();
        Text = text;
    }

    /// <summary>Gets the claim-level segments (loop 2300: CLM, DTP, REF, HI), each without its terminator.</summary>
    public IReadOnlyList<string> ClaimSegments { get; }

    /// <summary>Gets the service lines (loop 2400), in order; every claim has at least one.</summary>
    public IReadOnlyList<X12ServiceLine> ServiceLines { get; }

    /// <summary>Gets the payer whose claim this is (the billing system puts it under that payer's subscriber loop).</summary>
    public PayerType BillTo { get; }

    /// <summary>
    /// Gets CLM01: the case's patient control number (its id when it gives none), with <c>-1</c>, <c>-2</c>… when one case
    /// gives claims to two payers; at most 20 characters.
    /// </summary>
    public string PatientControlNumber { get; }

    /// <summary>Gets every segment, the claim's then each service line's, each without its terminator.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Gets the segments as text, each with its terminator.</summary>
    public string Text { get; }

    /// <summary>Returns <see cref="Text"/>: the claim prints as the segments it holds.</summary>
    /// <returns>The claim's segments, each with its terminator.</returns>
    public override string ToString() => Text;
}

/// <summary>The outcome of <see cref="ResultX12.Render"/>: the claims, or why the result cannot be written as X12. Immutable.</summary>
public sealed record X12Rendering
{
    internal X12Rendering(IReadOnlyList<X12Claim> claims, IReadOnlyList<string> problems)
    {
        Claims = claims;
        Problems = problems;
    }

    /// <summary>Gets a value indicating whether the result was written (it is ready and every value fits its element).</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Gets one claim per payer the lines are billed to (none for a self-pay or sponsor-only case); empty when not <see cref="Succeeded"/>.</summary>
    public IReadOnlyList<X12Claim> Claims { get; }

    /// <summary>Gets why the result could not be written: not ready, or a value that breaks an element's rules.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets every claim's segments, one after the other.</summary>
    public string Text => string.Concat(Claims.Select(c => c.Text));

    /// <summary>Returns <see cref="Text"/> when the result was written, else why it was not.</summary>
    /// <returns>The segments, or the problems that stopped them, one per line.</returns>
    public override string ToString() => Succeeded ? Text : "Not written as X12: " + string.Join(Environment.NewLine, Problems);
}

/// <summary>
/// Writes a coding result as the claim-level and service-line segments of an ASC X12 005010 837P (X222A1) or 837I
/// (X223A3): loop 2300 (<c>CLM</c>, <c>DTP*434</c>/<c>DTP*435</c>, <c>REF*P4</c>, <c>REF*LX</c>, <c>HI</c> with the
/// principal, admitting and other diagnoses and their present-on-admission indicators, the PCS procedures and condition
/// codes) and loop 2400 (<c>LX</c>, <c>SV1</c>/<c>SV2</c>, <c>DTP*472</c>, <c>LIN</c>/<c>CTP</c>). A fragment for the
/// billing system to merge into its own envelope: the ISA/GS/ST headers, submitter, receiver, billing provider,
/// subscriber and payer loops are its own, and so are CL1, the 2310x provider loops and the 2320 other-payer loops,
/// which go between <see cref="X12Claim.ClaimSegments"/> and the first of <see cref="X12Claim.ServiceLines"/>.
/// </summary>
/// <remarks>
/// Charges are the billing system's (its chargemaster): <c>CLM02</c>, <c>SV102</c> and <c>SV203</c> are written as 0 to
/// be replaced. Only lines billed to an insurer are written, one claim per payer. A result that is not ready is never
/// written. X12 has no escape character, so a value holding a delimiter, or a character outside the X12 extended
/// character set, is refused with the element it was for. Thread-safe: it keeps no state.
/// </remarks>
public static class ResultX12
{
    /// <summary>CLM01: payers need return only 20 characters of the patient control number, and clearinghouses refuse more (X12 RFI 525).</summary>
    private const int MaxControlNumber = 20;

    /// <summary>CLM01's element size in the implementation guide (the 20-character limit above is the payers').</summary>
    private const int MaxClaimElement = 38;
    private const int MaxReference = 50;
    private const int MaxQuantityDigits = 15;
    private const int MaxDescription = 80;
    private const int MaxModifiers = 4;
    private const int MaxProfessionalDiagnoses = 12;
    private const int DiagnosesPerSegment = 12;
    private const int MaxOtherInstitutionalDiagnoses = 24;

    /// <summary>Renders one result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">Delimiters and layout; <see langword="null"/> for the defaults.</param>
    /// <returns>The claims, or the problems that stopped them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static X12Rendering Render(CodingResult result, X12Options? options = null)
    {
        Preconditions.CheckNotNull(result, nameof(result));
        options ??= new X12Options();
        if (!result.Ready)
        {
            string errors = string.Join(", ", result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Id).Distinct());
            return new X12Rendering(ReadOnly.None<X12Claim>(), ReadOnly.Copy(new[] { $"{result.CaseId} is not ready ({errors}): it is not written as a claim." }));
        }

        var groups = result.Lines.Where(l => l.BillTo is not null).GroupBy(l => l.BillTo!.Value).ToList();
        var claims = new List<X12Claim>(groups.Count);
        var problems = new List<string>();
        string patientControl = result.ClaimForm.PatientControlNumber.Length > 0 ? result.ClaimForm.PatientControlNumber : result.CaseId;
        for (int i = 0; i < groups.Count; i++)
        {
            string control = groups.Count == 1 ? patientControl : patientControl + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var writer = new SegmentWriter(options, problems, result.CaseId);
            if (control.Length > MaxControlNumber)
            {
                writer.Problem($"CLM01 '{control}' is {control.Length} characters, and payers need return only {MaxControlNumber} (clearinghouses refuse longer): give the case a patient_control_number of at most {MaxControlNumber - (groups.Count == 1 ? 0 : 2)} characters");
            }

            if (result.ClaimForm.Form == ClaimFormType.Professional837P)
            {
                Professional(writer, result, control, groups[i].ToList());
            }
            else
            {
                Institutional(writer, result, control, groups[i].ToList());
            }

            claims.Add(new X12Claim(groups[i].Key, control, ReadOnly.Wrap(writer.ClaimSegments), ReadOnly.Wrap(writer.ServiceLines), writer.Text()));
        }

        return problems.Count > 0
            ? new X12Rendering(ReadOnly.None<X12Claim>(), ReadOnly.Copy(problems.Distinct()))
            : new X12Rendering(ReadOnly.Wrap(claims), ReadOnly.None<string>());
    }

    private static void Professional(SegmentWriter w, CodingResult result, string control, List<CodeLine> lines)
    {
        ClaimForm form = result.ClaimForm;
        w.Segment("CLM", w.Id(control, "CLM01", MaxClaimElement), "0", string.Empty, string.Empty, w.Composite(w.Digits(form.PlaceOfService, "CLM05-1", 2), "B", "1"), "Y", "A", "Y", "Y");
        References(w, result.ClaimMarkers);
        if (result.Diagnoses.Count > MaxProfessionalDiagnoses)
        {
            w.Problem($"the claim has {result.Diagnoses.Count} diagnoses; an 837P holds {MaxProfessionalDiagnoses}");
        }

        w.Segment("HI", result.Diagnoses.Take(MaxProfessionalDiagnoses).Select((d, i) => w.Composite(i == 0 ? "ABK" : "ABF", Diagnosis(w, d))).ToArray());
        for (int i = 0; i < lines.Count; i++)
        {
            CodeLine line = lines[i];
            w.Line(i + 1);
            w.Segment("SV1", Procedure(w, line), "0", "UN", Units(line), string.Empty, string.Empty, w.Composite(line.DiagnosisPointers.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray()));
            w.Segment("DTP", "472", "D8", Date(result.DateOfService));
            Drug(w, line);
        }
    }

    private static void Institutional(SegmentWriter w, CodingResult result, string control, List<CodeLine> lines)
    {
        ClaimForm form = result.ClaimForm;
        string bill = w.Digits(form.TypeOfBill, "CLM05", 4);
        w.Segment("CLM", w.Id(control, "CLM01", MaxClaimElement), "0", string.Empty, string.Empty, w.Composite(bill.Length == 4 ? bill.Substring(1, 2) : bill, "A", bill.Length == 4 ? bill.Substring(3, 1) : string.Empty), string.Empty, "A", "Y", "Y");
        w.Segment("DTP", "434", "RD8", Date(form.StatementFrom) + "-" + Date(form.StatementThrough));
        if (form.AdmissionDate is { } admission)
        {
            // The admission hour (DT) is the billing system's, from its admission record; the date is the case's.
            w.Segment("DTP", "435", "D8", Date(admission));
        }

        References(w, result.ClaimMarkers);
        if (result.Diagnoses.Count > 0)
        {
            w.Segment("HI", DiagnosisComposite(w, "ABK", result.Diagnoses[0], Poa(form, 0)));
        }

        if (form.AdmittingDiagnosis is { } admitting)
        {
            w.Segment("HI", w.Composite("ABJ", Diagnosis(w, admitting)));
        }

        var others = result.Diagnoses.Select((d, i) => (Code: d, Poa: Poa(form, i))).Skip(1).ToList();
        if (others.Count > MaxOtherInstitutionalDiagnoses)
        {
            w.Problem($"the claim has {others.Count} other diagnoses; an 837I holds {MaxOtherInstitutionalDiagnoses}");
        }

        foreach (var chunk in Chunks(others.Take(MaxOtherInstitutionalDiagnoses).ToList(), DiagnosesPerSegment))
        {
            w.Segment("HI", chunk.Select(d => DiagnosisComposite(w, "ABF", d.Code, d.Poa)).ToArray());
        }

        // The PCS codes of the lines billed on this claim (all of them on an inpatient claim: sponsor-paid ones stay coded).
        var procedures = form.Procedures.Where(p => lines.Any(l => l.System == CodeSystem.Icd10Pcs && l.Code == p.Code)).ToList();
        if (procedures.Count > 0)
        {
            w.Segment("HI", w.Composite("BBR", w.Code(procedures[0].Code, "HI BBR"), "D8", Date(procedures[0].Date)));
            foreach (var chunk in Chunks(procedures.Skip(1).ToList(), DiagnosesPerSegment))
            {
                w.Segment("HI", chunk.Select(p => w.Composite("BBQ", w.Code(p.Code, "HI BBQ"), "D8", Date(p.Date))).ToArray());
            }
        }

        // Value code D4 carries the trial number on paper and DDE claims only; the 837I carries it in REF*P4.
        if (result.ClaimMarkers.ConditionCodes.Count > 0)
        {
            w.Segment("HI", result.ClaimMarkers.ConditionCodes.Select(c => w.Composite("BG", w.Code(c, "HI BG"))).ToArray());
        }

        // Every line the library knows is a service line: an HCPCS line with its code, a PCS procedure (coded in HI above)
        // by its category's revenue code alone, its charges to be filled in; a sponsor-paid procedure's charges are
        // non-covered on its own line (SV207). The billing system adds its room, pharmacy and supply lines.
        int number = 0;
        foreach (CodeLine line in lines)
        {
            number++;
            w.Line(number);
            bool pcs = line.System == CodeSystem.Icd10Pcs;
            w.Segment("SV2", w.Digits(line.RevenueCode, "SV201", 4), pcs ? string.Empty : Procedure(w, line), "0", "UN", Units(line), string.Empty, line.NonCoveredCharges ? "0" : string.Empty);
            w.Segment("DTP", "472", "D8", Date(result.DateOfService));
            Drug(w, line);
        }

        if (number == 0)
        {
            w.Problem("the claim has no service line, and an 837I needs at least one");
        }
    }

    /// <summary>A diagnosis composite: the qualifier, the code, and on an inpatient claim its POA indicator as the ninth component.</summary>
    private static string DiagnosisComposite(SegmentWriter w, string qualifier, string code, PoaIndicator? poa)
        => poa is { } indicator
            ? w.Composite(qualifier, Diagnosis(w, code), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, PoaCode(indicator))
            : w.Composite(qualifier, Diagnosis(w, code));

    private static PoaIndicator? Poa(ClaimForm form, int index) => index < form.PresentOnAdmission.Count ? form.PresentOnAdmission[index] : null;

    /// <summary>The 5010 POA indicator: Y, N, U or W (exempt codes have none).</summary>
    private static string PoaCode(PoaIndicator indicator) => indicator switch
    {
        PoaIndicator.Yes => "Y",
        PoaIndicator.No => "N",
        PoaIndicator.Unknown => "U",
        _ => "W",
    };

    /// <summary>The claim's references in the implementation guides' order: the IDE number (LX) before the demonstration project identifier (P4).</summary>
    private static void References(SegmentWriter w, ClaimMarkers markers)
    {
        if (markers.Ide is { } ide)
        {
            w.Segment("REF", "LX", w.Id(ide, "REF*LX", MaxReference));
        }

        if (markers.ClinicalTrialNumber is { } trial)
        {
            w.Segment("REF", "P4", w.Id(trial, "REF*P4", MaxReference));
        }
    }

    private static string Procedure(SegmentWriter w, CodeLine line)
    {
        if (line.Modifiers.Count > MaxModifiers)
        {
            w.Problem($"line {line.Code} has {line.Modifiers.Count} modifiers; a service line holds {MaxModifiers}");
        }

        var parts = new List<string> { "HC", w.Code(line.Code, "procedure code") };
        parts.AddRange(line.Modifiers.Take(MaxModifiers).Select(m => w.Code(m.Code, "modifier", exactLength: 2)));
        if (line.Description is { } description)
        {
            // An unlisted code's words are the seventh component (SV101-7, SV202-7), after four modifier slots.
            while (parts.Count < 2 + MaxModifiers)
            {
                parts.Add(string.Empty);
            }

            parts.Add(w.Text(description, "procedure description", MaxDescription));
        }

        return w.Composite(parts.ToArray());
    }

    private static void Drug(SegmentWriter w, CodeLine line)
    {
        if (line.Ndc is not { } ndc)
        {
            return;
        }

        w.Segment("LIN", string.Empty, "N4", ndc.Code.Digits);
        w.Segment("CTP", string.Empty, string.Empty, string.Empty, Quantity(w, ndc.Quantity), UnitCode(ndc.Unit));
    }

    private static string Units(CodeLine line) => line.Units.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A quantity as every output writes it: exactly, without trailing zeros (<c>0.0001</c>, <c>20</c>), so the X12, the
    /// CSV and the table never show a rounded value beside the JSON's exact one.
    /// </summary>
    internal static string QuantityText(decimal quantity) => quantity.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Quantity(SegmentWriter w, decimal quantity)
    {
        string text = QuantityText(quantity);
        if (text.Count(char.IsDigit) > MaxQuantityDigits)
        {
            w.Problem($"NDC quantity {text} has more than {MaxQuantityDigits} digits");
        }

        return text;
    }

    /// <summary>The X12 unit of measure code (CTP05-1) of an NDC unit: milligram is <c>ME</c> in X12.</summary>
    internal static string UnitCode(NdcUnit unit) => unit switch
    {
        NdcUnit.Unit => "UN",
        NdcUnit.Millilitre => "ML",
        NdcUnit.Milligram => "ME",
        NdcUnit.Gram => "GR",
        _ => "F2",
    };

    private static string Diagnosis(SegmentWriter w, string code) => w.Code(code.Replace(".", string.Empty), "diagnosis code");

    private static string Date(DateTime date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IEnumerable<List<T>> Chunks<T>(List<T> items, int size)
    {
        for (int i = 0; i < items.Count; i += size)
        {
            yield return items.GetRange(i, Math.Min(size, items.Count - i));
        }
    }

    /// <summary>Builds one claim's segments, checking each value against the delimiters and the element's rules.</summary>
    private sealed class SegmentWriter
    {
        private static readonly HashSet<char> ExtendedSpecials = new(" !\"&'()*+,-./:;?=%@[]_{}\\|<>~#$^`");
        private readonly X12Options options;
        private readonly List<string> problems;
        private readonly string caseId;
        private readonly HashSet<string> composites = new(StringComparer.Ordinal);

        public SegmentWriter(X12Options options, List<string> problems, string caseId)
        {
            this.options = options;
            this.problems = problems;
            this.caseId = caseId;
        }

        public List<string> ClaimSegments { get; } = new();

        public List<X12ServiceLine> ServiceLines { get; } = new();

        private List<string> current = null!;

        private IEnumerable<string> Segments => ClaimSegments.Concat(ServiceLines.SelectMany(l => l.Segments));

        /// <summary>Starts service line <paramref name="number"/> (loop 2400, its LX); later segments are the line's.</summary>
        public void Line(int number)
        {
            current = new List<string>();
            ServiceLines.Add(new X12ServiceLine(number, current.AsReadOnly()));
            Segment("LX", number.ToString(CultureInfo.InvariantCulture));
        }

        public void Segment(string id, params string[] elements)
        {
            // Trailing empty elements are dropped, as X12 requires.
            int count = elements.Length;
            while (count > 0 && elements[count - 1].Length == 0)
            {
                count--;
            }

            var builder = new StringBuilder(id);
            for (int i = 0; i < count; i++)
            {
                Guard(id, i + 1, elements[i]);
                builder.Append(options.Delimiters.Element).Append(elements[i]);
            }

            (ServiceLines.Count == 0 ? ClaimSegments : current).Add(builder.ToString());
        }

        public string Composite(params string[] components)
        {
            int count = components.Length;
            while (count > 0 && components[count - 1].Length == 0)
            {
                count--;
            }

            foreach (string component in components.Take(count))
            {
                if (component.Contains(options.Delimiters.Component.ToString()))
                {
                    Problem($"the value '{Shown(component)}' holds the component separator '{options.Delimiters.Component}', which X12 cannot escape: change the value or the delimiters");
                }
            }

            string composite = string.Join(options.Delimiters.Component.ToString(), components.Take(count));
            composites.Add(composite);
            return composite;
        }

        /// <summary>
        /// The last check of every element, whatever wrote it (dates and quantities included): no delimiter inside it
        /// (a component separator only between a composite's components), and only characters of the X12 extended set.
        /// </summary>
        private void Guard(string segment, int position, string element)
        {
            bool composite = composites.Contains(element);
            foreach (char c in element)
            {
                if (options.Delimiters.IsDelimiter(c) && !(composite && c == options.Delimiters.Component))
                {
                    Problem($"{segment}{position:00} '{Shown(element)}' holds the delimiter '{c}', which X12 cannot escape: change the value or the delimiters");
                    return;
                }

                if (!IsExtendedCharacter(c))
                {
                    Problem($"{segment}{position:00} '{Shown(element)}' holds a character outside the X12 extended character set (U+{(int)c:X4})");
                    return;
                }
            }
        }

        /// <summary>An identifier (CLM01, a reference): 1 to <paramref name="max"/> characters of the extended character set, no delimiter.</summary>
        public string Id(string value, string element, int max)
        {
            if (value.Length == 0 || value.Length > max)
            {
                Problem($"{element} '{Shown(value)}' must be 1 to {max} characters");
            }

            foreach (char c in value)
            {
                if (options.Delimiters.IsDelimiter(c))
                {
                    Problem($"{element} '{Shown(value)}' holds the delimiter '{c}', which X12 cannot escape: change the value or the delimiters");
                    break;
                }

                if (!IsExtendedCharacter(c))
                {
                    Problem($"{element} '{Shown(value)}' holds a character outside the X12 extended character set (U+{(int)c:X4})");
                    break;
                }
            }

            return value;
        }

        /// <summary>Free text (an unlisted code's description): 1 to <paramref name="max"/> characters of the extended set, no delimiter.</summary>
        public string Text(string value, string element, int max) => Id(value, element, max);

        /// <summary>A code (procedure, modifier, diagnosis): upper-case letters and digits only.</summary>
        public string Code(string value, string element, int exactLength = 0)
        {
            if (value.Length == 0 || value.Length > 30 || (exactLength > 0 && value.Length != exactLength) || !value.All(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                Problem($"{element} '{Shown(value)}' is not a code of upper-case letters and digits{(exactLength > 0 ? $" ({exactLength} characters)" : string.Empty)}");
            }

            return value;
        }

        /// <summary>A fixed-length numeric code (place of service, type of bill, revenue code) that the result must have.</summary>
        public string Digits(string? value, string element, int length)
        {
            if (value is null || value.Length != length || !value.All(c => c >= '0' && c <= '9'))
            {
                Problem($"{element} is {(value is null ? "missing" : $"'{Shown(value)}'")}, not {length} digits");
                return value ?? string.Empty;
            }

            return value;
        }

        public void Problem(string problem) => problems.Add($"{caseId}: {problem}.");

        public string Text()
        {
            var builder = new StringBuilder();
            foreach (string segment in Segments)
            {
                builder.Append(segment).Append(options.Delimiters.Segment);
                if (options.LineBreaks)
                {
                    builder.Append('\n');
                }
            }

            return builder.ToString();
        }

        private static string Shown(string value) => SafeText.Escape(IntraperitonealCoding.Documents.Shown.Text(value));

        /// <summary>The X12 basic and extended character sets: letters, digits, space and the listed specials.</summary>
        private static bool IsExtendedCharacter(char c)
            => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ExtendedSpecials.Contains(c);
    }
}
