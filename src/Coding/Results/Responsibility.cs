namespace IntraperitonealCoding;

/// <summary>Who pays for a line.</summary>
public enum Responsibility
{
    /// <summary>The insurer: the line goes on the claim to <see cref="CodeLine.BillTo"/>.</summary>
    Insurer = 0,

    /// <summary>The trial sponsor: the line goes on the sponsor's invoice, never on the insurer claim.</summary>
    Sponsor = 1,

    /// <summary>The patient (no insurer on file).</summary>
    Patient = 2,

    /// <summary>Nobody: supplied free (e.g. a drug the sponsor gave at no charge). Listed for the record; never billed.</summary>
    NotBillable = 3,
}
