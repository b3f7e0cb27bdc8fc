using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Research;

/// <summary>
/// One way an item is paid in one visit of a <see cref="BillingGrid"/>: who pays, the trial modifier that says why
/// (Q0/Q1), and how many units. Immutable.
/// </summary>
public sealed record BillingGridPayment
{
    internal BillingGridPayment(Responsibility responsibility, PayerType? billTo, IReadOnlyList<Modifier> trialModifiers, int units)
    {
        Responsibility = responsibility;
        BillTo = billTo;
        TrialModifiers = trialModifiers;
        Units = units;
    }

    /// <summary>Gets who pays.</summary>
    public Responsibility Responsibility { get; }

    /// <summary>Gets the payer whose claim carries the item, or <see langword="null"/> when it goes on no insurer claim.</summary>
    public PayerType? BillTo { get; }

    /// <summary>Gets the clinical-trial modifiers of the lines (Q0, Q1), which say why the insurer pays.</summary>
    public IReadOnlyList<Modifier> TrialModifiers { get; }

    /// <summary>Gets the units paid this way in the visit.</summary>
    public int Units { get; }

    /// <summary>Gets the payment as the grid prints it, e.g. <c>insurer Q1 x1</c>, <c>sponsor x2</c>, <c>not billable x1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Who(Responsibility) + string.Concat(TrialModifiers.Select(m => " " + m.Code)) + string.Format(CultureInfo.InvariantCulture, " x{0}", Units);

    /// <summary>Whether two payments can carry out one designation, whatever their units (<see cref="BilledDesignation.Same"/>).</summary>
    internal bool SameDesignation(BillingGridPayment other) => BilledDesignation.Same(this, other);

    internal static string Who(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Insurer => "insurer",
        Responsibility.Sponsor => "sponsor",
        Responsibility.Patient => "patient",
        _ => "not billable",
    };
}

/// <summary>One cell of a <see cref="BillingGrid"/>: how an item is paid in one visit (usually one way). Immutable.</summary>
public sealed record BillingGridCell
{
    internal BillingGridCell(IReadOnlyList<BillingGridPayment> payments) => Payments = payments;

    /// <summary>Gets the ways the item is paid in the visit, in line order; lines paid the same way are one payment with their units added.</summary>
    public IReadOnlyList<BillingGridPayment> Payments { get; }

    /// <summary>Gets the units of the item in the visit, all payments together.</summary>
    public int Units => Payments.Sum(p => p.Units);

    /// <summary>Gets the cell as the grid prints it, e.g. <c>not billable x2; insurer Q1 x1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join("; ", Payments);

    /// <summary>Whether the item is paid the same ways in both cells, whatever the units (to compare visits).</summary>
    internal bool SameDesignations(BillingGridCell other)
        => Payments.Count == other.Payments.Count && Payments.Zip(other.Payments, (a, b) => a.SameDesignation(b)).All(same => same);
}

/// <summary>A total row of a <see cref="BillingGrid"/>: how many lines go to one payer, per column. Immutable.</summary>
public sealed record BillingGridTotal
{
    internal BillingGridTotal(Responsibility responsibility, PayerType? billTo, IReadOnlyList<int> counts, IReadOnlyList<int> units)
    {
        Responsibility = responsibility;
        BillTo = billTo;
        Counts = counts;
        Units = units;
    }

    /// <summary>Gets who pays the lines of this row.</summary>
    public Responsibility Responsibility { get; }

    /// <summary>Gets the payer whose claim carries them (insurer lines), else <see langword="null"/>.</summary>
    public PayerType? BillTo { get; }

    /// <summary>Gets where the lines go, as printed: <c>insurer claim (medicare)</c>, <c>sponsor invoice</c>, <c>patient</c>, <c>not billable</c>.</summary>
    public string Payer => BillingGrid.PayerText(Responsibility, BillTo);

    /// <summary>Gets the number of lines per column.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Gets the units of those lines per column.</summary>
    public IReadOnlyList<int> Units { get; }
}

/// <summary>Whose course a <see cref="BillingGrid"/> is: the visits' case ids, the study subject, the trial and the payers. Immutable.</summary>
public sealed record BillingGridHeader
{
    internal BillingGridHeader(IReadOnlyList<string> caseIds, string? subject, string? trialNumber, IReadOnlyList<PayerType> payers)
    {
        CaseIds = caseIds;
        Subject = subject;
        TrialNumber = trialNumber;
        Payers = payers;
    }

    /// <summary>Gets the case ids of the visits, in column order.</summary>
    public IReadOnlyList<string> CaseIds { get; }

    /// <summary>Gets the patient's study subject (participant) id, when the cases give it.</summary>
    public string? Subject { get; }

    /// <summary>Gets the trial's NCT number, when the visits are in a trial (whether or not it qualifies for the payer).</summary>
    public string? TrialNumber { get; internal init; }

    /// <summary>Gets the payers of the visits, in the order they first appear (one, unless the patient's coverage changed).</summary>
    public IReadOnlyList<PayerType> Payers { get; }

    /// <summary>Gets the header as one line, e.g. <c>subject 001 | trial NCT04329494 | payer medicare | cases a, b</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Subject is { } subject)
        {
            parts.Add("subject " + subject);
        }

        parts.Add(TrialNumber is { } nct ? "trial " + nct : "no trial");
        parts.Add((Payers.Count == 1 ? "payer " : "payers ") + string.Join(", ", Payers.Select(p => WireNames.Of(p))));
        parts.Add((CaseIds.Count == 1 ? "case " : "cases ") + string.Join(", ", CaseIds));
        return string.Join(" | ", parts);
    }
}
