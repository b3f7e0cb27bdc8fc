using System.Linq;

namespace IntraperitonealCoding.Research;

/// <summary>
/// Which designations a way of billing carries out: the one computation behind the billing grid's "paid differently"
/// flag and the reconciliation's "billed otherwise than designated" deviation (STUDY006), so the two reports cannot
/// disagree. The sponsor bears the cost of an item designated <c>sponsor</c> whether it invoices it or supplies it
/// free, so a sponsor invoice and "not billable" both carry out a sponsor designation (a sponsor-designated drug the
/// sponsor supplied free at one visit is as planned, not a change); a routine item that is suddenly not billable, or
/// an insurer line whose trial modifier changes, is a change.
/// </summary>
internal static class BilledDesignation
{
    private static readonly TrialDesignation[] All = { TrialDesignation.Routine, TrialDesignation.Investigational, TrialDesignation.Sponsor, TrialDesignation.NotBillable };

    /// <summary>Whether a line billed this way carries out <paramref name="designation"/>.</summary>
    /// <param name="designation">The designation.</param>
    /// <param name="responsibility">Who pays the line.</param>
    /// <param name="nonCoveredCharges">Whether the line stays on an inpatient claim with non-covered charges (billed to no insurer).</param>
    /// <param name="selfPay">Whether the patient has no insurer (a routine cost is then the patient's).</param>
    public static bool CarriesOut(TrialDesignation designation, Responsibility responsibility, bool nonCoveredCharges, bool selfPay) => designation switch
    {
        TrialDesignation.Sponsor => responsibility is Responsibility.Sponsor or Responsibility.NotBillable || nonCoveredCharges,
        TrialDesignation.NotBillable => responsibility == Responsibility.NotBillable || nonCoveredCharges,
        _ => responsibility == (selfPay ? Responsibility.Patient : Responsibility.Insurer) && !nonCoveredCharges,
    };

    /// <summary>
    /// Whether two ways an item was paid (at two visits) can carry out one designation, units aside: on the insurer's
    /// claim, the same claim and trial modifiers (Q0 and Q1 are different designations); otherwise, one designation
    /// both carry out.
    /// </summary>
    public static bool Same(BillingGridPayment a, BillingGridPayment b)
    {
        if (a.Responsibility == Responsibility.Insurer || b.Responsibility == Responsibility.Insurer)
        {
            return a.Responsibility == b.Responsibility && a.BillTo == b.BillTo && a.TrialModifiers.SequenceEqual(b.TrialModifiers);
        }

        return a.Responsibility == b.Responsibility
            || All.Any(d => CarriesOut(d, a.Responsibility, false, a.Responsibility == Responsibility.Patient) && CarriesOut(d, b.Responsibility, false, b.Responsibility == Responsibility.Patient));
    }
}
