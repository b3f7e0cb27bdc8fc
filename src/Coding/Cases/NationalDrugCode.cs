using System;
using System.Runtime.Serialization;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding;

/// <summary>
/// A National Drug Code in the 11-digit 5-4-2 form claims carry (labeler, product, package). Immutable value.
/// </summary>
/// <remarks>
/// Labels print NDCs in three 10-digit layouts (4-4-2, 5-3-2, 5-4-1); a claim needs the 11-digit form, made by adding a
/// leading zero to the short segment. A 10-digit code without hyphens is ambiguous (which segment is short?) and is
/// refused rather than guessed.
/// </remarks>
public readonly record struct NationalDrugCode
{
    private readonly string? digits;

    private NationalDrugCode(string digits) => this.digits = digits;

    /// <summary>Gets the 11 digits, without hyphens (as 837 LIN03 carries them); empty for the default value.</summary>
    public string Digits => digits ?? string.Empty;

    /// <summary>Gets the 5-4-2 hyphenated form (e.g. <c>00703-5075-01</c>); empty for the default value.</summary>
    public string Hyphenated => digits is null ? string.Empty : digits.Substring(0, 5) + "-" + digits.Substring(5, 4) + "-" + digits.Substring(9, 2);

    /// <summary>Reads an NDC: 11 digits, or hyphenated 5-4-2, 4-4-2, 5-3-2 or 5-4-1 (normalised to 5-4-2).</summary>
    /// <param name="text">The NDC as written.</param>
    /// <param name="code">The normalised NDC when the text is one.</param>
    /// <param name="problem">Why the text is not an NDC, when it is not.</param>
    /// <returns>Whether the text is an NDC.</returns>
    public static bool TryParse(string? text, out NationalDrugCode code, out string? problem)
    {
        code = default;
        string value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            problem = "The NDC is empty: it has 11 digits (5-4-2), or 10 with hyphens as printed on the package.";
            return false;
        }

        string shown = IntraperitonealCoding.Documents.Shown.Text(value);
        string[] parts = value.Split('-');
        foreach (string part in parts)
        {
            if (part.Length == 0 || !AllDigits(part))
            {
                problem = $"'{shown}' is not an NDC: it has characters other than digits and hyphens between them.";
                return false;
            }
        }

        if (parts.Length == 1)
        {
            if (value.Length == 11)
            {
                code = new NationalDrugCode(value);
                problem = null;
                return true;
            }

            problem = value.Length == 10
                ? $"'{shown}' has 10 digits without hyphens, so it is unclear which segment needs the leading zero: write it as printed on the package (4-4-2, 5-3-2 or 5-4-1) or in the 11-digit form."
                : $"'{shown}' is not an NDC: it has {value.Length} digits, not 11 (or 10 with hyphens).";
            return false;
        }

        if (parts.Length != 3)
        {
            problem = $"'{shown}' is not an NDC: it has {parts.Length} segments, not three (labeler-product-package).";
            return false;
        }

        string layout = parts[0].Length + "-" + parts[1].Length + "-" + parts[2].Length;
        string? digits = layout switch
        {
            "5-4-2" => parts[0] + parts[1] + parts[2],
            "4-4-2" => "0" + parts[0] + parts[1] + parts[2],
            "5-3-2" => parts[0] + "0" + parts[1] + parts[2],
            "5-4-1" => parts[0] + parts[1] + "0" + parts[2],
            _ => null,
        };
        if (digits is null)
        {
            problem = $"'{shown}' is not an NDC: its segments are {layout} digits long, not 5-4-2 (or the 10-digit 4-4-2, 5-3-2, 5-4-1).";
            return false;
        }

        code = new NationalDrugCode(digits);
        problem = null;
        return true;
    }

    /// <summary>Reads an NDC that is known to be well formed.</summary>
    /// <param name="text">The NDC.</param>
    /// <returns>The normalised NDC.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not an NDC.</exception>
    public static NationalDrugCode Parse(string text)
    {
        Preconditions.CheckArgument(TryParse(text, out NationalDrugCode code, out string? problem), nameof(text), problem ?? "Not an NDC.");
        return code;
    }

    /// <inheritdoc />
    public override string ToString() => Hyphenated;

    private static bool AllDigits(string text)
    {
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The unit of measure of an NDC quantity (837 CTP05, CMS-1500 item 24 shaded area).</summary>
public enum NdcUnit
{
    /// <summary>Units (vials, each).</summary>
    [EnumMember(Value = "UN")]
    Unit = 0,

    /// <summary>Millilitres.</summary>
    [EnumMember(Value = "ML")]
    Millilitre = 1,

    /// <summary>Milligrams (the X12 code is <c>ME</c>).</summary>
    [EnumMember(Value = "MG")]
    Milligram = 2,

    /// <summary>Grams.</summary>
    [EnumMember(Value = "GR")]
    Gram = 3,

    /// <summary>International units.</summary>
    [EnumMember(Value = "F2")]
    InternationalUnit = 4,
}

/// <summary>The NDC of the product a drug was drawn from, with its unit of measure and the quantities given and discarded. Immutable.</summary>
public sealed record DrugNdc
{
    /// <summary>Creates an NDC record.</summary>
    /// <param name="code">The NDC.</param>
    /// <param name="unit">The unit the quantities are in.</param>
    /// <param name="quantity">The quantity given, in <paramref name="unit"/>; <see langword="null"/> to use the dose when the unit is mg.</param>
    /// <param name="discardedQuantity">The quantity discarded (a JW line's NDC quantity); <see langword="null"/> to use the discarded mg when the unit is mg.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value, or a quantity is not greater than
    /// zero or has more than three decimal places.</exception>
    public DrugNdc(NationalDrugCode code, NdcUnit unit, decimal? quantity = null, decimal? discardedQuantity = null)
    {
        Preconditions.CheckArgument(code.Digits.Length == 11, nameof(code), "An NDC record needs a code.");
        Preconditions.CheckArgument(quantity is null || QuantityProblem(quantity.Value) is null, nameof(quantity), "An NDC quantity must be greater than zero, with at most three decimal places.");
        Preconditions.CheckArgument(discardedQuantity is null || QuantityProblem(discardedQuantity.Value) is null, nameof(discardedQuantity), "An NDC quantity must be greater than zero, with at most three decimal places.");
        Code = code;
        Unit = unit;
        Quantity = quantity;
        DiscardedQuantity = discardedQuantity;
    }

    /// <summary>Gets the NDC.</summary>
    public NationalDrugCode Code { get; }

    /// <summary>Gets the unit of measure.</summary>
    public NdcUnit Unit { get; }

    /// <summary>Gets the quantity given, or <see langword="null"/> (then the dose in mg, when the unit is mg).</summary>
    public decimal? Quantity { get; }

    /// <summary>Gets the quantity discarded, or <see langword="null"/> (then the discarded mg, when the unit is mg).</summary>
    public decimal? DiscardedQuantity { get; }

    /// <summary>The record as a coder reads it: the hyphenated code, the unit's code and the quantities given (<c>16729-0288-11 MG 80, discarded 20</c>).</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public override string ToString()
        => Code.Hyphenated + " " + WireNames.Of(Unit)
            + (Quantity is { } given ? " " + ResultX12.QuantityText(given) : string.Empty)
            + (DiscardedQuantity is { } discarded ? ", discarded " + ResultX12.QuantityText(discarded) : string.Empty);

    /// <summary>
    /// Why a quantity cannot be given for an NDC, or <see langword="null"/> when it can: above zero, with at most three
    /// decimal places. A finer quantity (<c>0.0001</c>) is not a claim quantity: an output that rounded it would differ
    /// from one that did not. The one check the case reader and the constructor share.
    /// </summary>
    internal static string? QuantityProblem(decimal quantity)
        => quantity <= 0 ? "An NDC quantity must be greater than zero."
            : decimal.Round(quantity, 3) != quantity ? "An NDC quantity has at most three decimal places (0.001); a claim's NDC quantity is not finer."
            : null;
}
