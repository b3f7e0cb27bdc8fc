using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// Codes the chemotherapy drugs: HCPCS code and units (dose ÷ billing unit, rounded up), and for single-dose vials the
/// discarded amount (JW line) or the no-discard attestation (JZ). Drug lines go on facility claims only.
/// </summary>
internal static class DrugCoder
{
    public static void Code(CodingContext context)
    {
        var drugs = context.Case.Procedure.Drugs;
        if (drugs.Count == 0)
        {
            return;
        }

        DrugRules rules = context.Rules.Drugs;
        bool professional = context.Case.Claim == ClaimType.Professional;
        bool noLines = professional || (context.IsInpatient && !rules.InpatientHcpcsLinesFor.Contains(context.Case.Payer));
        if (professional)
        {
            context.AddNoteFinding(FindingIds.DrugNotOnThisClaim, Severity.Info, rules.ProfessionalClaimNote, "procedure.drugs", null);
        }
        else if (noLines)
        {
            // A DRG claim carries drug charges under revenue codes, without HCPCS drug lines, unless the payer asks for them.
            context.AddNoteFinding(FindingIds.DrugNotOnThisClaim, Severity.Info, rules.InpatientNoLinesNote, "procedure.drugs", null);
        }

        for (int i = 0; i < drugs.Count; i++)
        {
            CodeDrug(context, rules, drugs[i], i, noLines);
        }
    }

    private static void CodeDrug(CodingContext context, DrugRules rules, DrugAdministration drug, int index, bool noLines)
    {
        // The path is needed only when a finding is raised.
        string Path() => string.Format(CultureInfo.InvariantCulture, "procedure.drugs[{0}]", index);
        var date = context.Case.DateOfService;
        DrugRule? rule = rules.Find(drug.Name, date);
        if (rule is null)
        {
            string known = string.Join(", ", rules.Drugs.Where(d => d.Period.Contains(date)).Select(d => d.Name));
            context.AddFinding(FindingIds.DrugUnknown, Severity.Error, $"Unknown drug '{drug.Name}' on {date:yyyy-MM-dd}. Known drugs: {known}. Check the spelling, or add the drug to drugs.yaml.", Path() + ".name", null);
            return;
        }

        decimal? milligrams = drug.Dose.ToMilligrams(context.Case.BodySurfaceArea);
        if (milligrams is not { } mg)
        {
            context.AddFinding(FindingIds.BodySurfaceAreaMissing, Severity.Error, $"The {drug.Name} dose is {drug.Dose} but the case has no body surface area, so the amount given (and the units) cannot be worked out.", Path() + ".dose_mg_per_m2", rule.Id);
            return;
        }

        if (mg == 0)
        {
            context.AddFinding(FindingIds.DrugZeroDose, Severity.Error, $"The {drug.Name} dose is zero; remove the drug or correct the dose.", Path(), rule.Id);
            return;
        }

        if (noLines)
        {
            return;
        }

        int units = Units(mg, rule.BillingUnitMg);
        string detail = string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} ÷ {2} mg per unit = {3} → {4} unit{5}",
            drug.Name,
            DoseText(drug, mg, context.Case),
            Number(rule.BillingUnitMg),
            Number(Math.Round(mg / rule.BillingUnitMg, 4)),
            units,
            units == 1 ? string.Empty : "s");
        var notes = new List<string>(rules.UnitsNotes);
        if (drug.SuppliedBySponsor)
        {
            notes.AddRange(rules.SponsorSuppliedNotes);
            context.AddLine(rule.Code, units, null, LineCategory.Drug, rule.Id, notes, detail, suppliedBySponsor: true, drugName: rule.Name, supply: Given(drug, mg, rule));
            return;
        }

        WastageRules wastage = rules.Wastage;
        VialType vial = drug.Vial ?? rule.Vial;
        if (drug.Vial is null && rule.VialVaries)
        {
            notes.AddRange(wastage.VialDefaultNotes);
        }

        if (context.IsInpatient)
        {
            notes.AddRange(wastage.InpatientNotes);
        }
        else if (vial == VialType.MultiDose)
        {
            notes.AddRange(wastage.MultiDoseNotes);
        }
        else if (wastage.Claims.Contains(context.Case.Claim))
        {
            // JW/JZ are the payer's requirement: Medicare's on separately payable drugs only.
            if (!wastage.Payers.Contains(context.Case.Payer))
            {
                notes.AddRange(wastage.PayerNotRequiredNotes);
            }
            else if (!rule.SeparatelyPayable)
            {
                notes.AddRange(wastage.PackagedNotes);
            }
            else
            {
                CodeSingleDoseVial(context, rule, drug, mg, units, notes, detail, Path);
                return;
            }
        }

        context.AddLine(rule.Code, units, null, LineCategory.Drug, rule.Id, notes, detail, suppliedBySponsor: false, drugName: rule.Name, supply: Given(drug, mg, rule));
    }

    private static DrugSupply Given(DrugAdministration drug, decimal mg, DrugRule rule) => new(drug, mg, Discarded: false, rule.SeparatelyPayable);

    private static void CodeSingleDoseVial(CodingContext context, DrugRule rule, DrugAdministration drug, decimal mg, int units, List<string> notes, string detail, Func<string> path)
    {
        WastageRules wastage = context.Rules.Drugs.Wastage;
        if (drug.OpenedMilligrams is not { } opened)
        {
            context.AddFinding(FindingIds.DrugOpenedMissing, Severity.Error, $"{drug.Name} comes in single-dose vials: document the amount opened (opened_mg) so the discarded amount (JW) or no discard (JZ) can be reported.", path() + ".opened_mg", rule.Id);
            context.AddLine(rule.Code, units, null, LineCategory.Drug, rule.Id, notes, detail, suppliedBySponsor: false, drugName: rule.Name, supply: Given(drug, mg, rule));
            return;
        }

        if (opened < mg)
        {
            context.AddFinding(FindingIds.DrugOpenedLessThanGiven, Severity.Error, $"{Number(opened)} mg of {drug.Name} was opened but {Number(mg)} mg was given; one of the two is wrong.", path() + ".opened_mg", rule.Id);
            context.AddLine(rule.Code, units, null, LineCategory.Drug, rule.Id, notes, detail, suppliedBySponsor: false, drugName: rule.Name, supply: Given(drug, mg, rule));
            return;
        }

        int discarded = Units(opened, rule.BillingUnitMg) - units;
        if (discarded > 0)
        {
            context.AddLine(rule.Code, units, null, LineCategory.Drug, rule.Id, notes, detail, suppliedBySponsor: false, drugName: rule.Name, supply: Given(drug, mg, rule));
            string discardDetail = string.Format(CultureInfo.InvariantCulture, "{0} mg opened = {1} units, {2} given: {3} units discarded", Number(opened), units + discarded, units, discarded);
            context.AddLine(rule.Code, discarded, new[] { wastage.DiscardedModifier }, LineCategory.Drug, rule.Id, wastage.DiscardedNotes, discardDetail, suppliedBySponsor: false, drugName: rule.Name, supply: new DrugSupply(drug, opened - mg, Discarded: true, rule.SeparatelyPayable));
            return;
        }

        bool jzRequired = context.Case.DateOfService >= wastage.NoDiscardFrom;
        context.AddLine(rule.Code, units, jzRequired ? new[] { wastage.NoDiscardModifier } : null, LineCategory.Drug, rule.Id, jzRequired ? notes.Concat(wastage.NoDiscardNotes).ToList() : notes, detail, suppliedBySponsor: false, drugName: rule.Name, supply: Given(drug, mg, rule));
    }

    /// <summary>Billing units: the amount divided by the billing unit, rounded up (exact decimal arithmetic).</summary>
    /// <remarks>Saturates at <see cref="int.MaxValue"/> rather than overflow (the comparison below cannot overflow either).</remarks>
    internal static int Units(decimal milligrams, decimal billingUnitMg)
        => (billingUnitMg < 1m ? milligrams > int.MaxValue * billingUnitMg : milligrams / billingUnitMg > int.MaxValue)
            ? int.MaxValue
            : (int)Math.Ceiling(milligrams / billingUnitMg);

    private static string DoseText(DrugAdministration drug, decimal mg, CodingCase codingCase)
        => drug.Dose.Unit == DoseUnit.MilligramPerSquareMetre
            ? string.Format(CultureInfo.InvariantCulture, "{0} mg ({1} × {2})", Number(mg), drug.Dose, codingCase.BodySurfaceArea)
            : Number(mg) + " mg";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
