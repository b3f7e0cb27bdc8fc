using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules.Dto;

namespace IntraperitonealCoding.Rules;

/// <summary>claim-fields.yaml: type of bill, revenue codes, assumed places of service, pointer and NDC rules.</summary>
internal sealed partial class RuleSetBuilder
{
    /// <summary>X12 SV107 has four pointer slots; 837P HI twelve diagnoses; 837I HI a principal and 24 others.</summary>
    private const int MaxPointerSlots = 4;
    private const int MaxProfessionalDiagnoses = 12;
    private const int MaxInstitutionalDiagnoses = 25;

    private static readonly Regex FourDigits = new("^[0-9]{4}$", RegexOptions.CultureInvariant);

    private ClaimFieldRules BuildClaimFields(ClaimFieldsFileDto file, DataErrorSink sink)
    {
        var bills = new List<(TypeOfBillRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (TypeOfBillDto dto in file.TypesOfBill)
        {
            if (dto.Claim == ClaimType.Professional)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, "A type of bill belongs to a facility claim; a professional claim has none.", dto.At(nameof(dto.Claim)));
            }

            if (!FourDigits.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Type of bill '{dto.Code}' is not four digits (e.g. 0131).", dto.At(nameof(dto.Code)));
            }

            var period = Period(dto, sink);
            bills.Add((new TypeOfBillRule(dto.Claim, dto.Code, dto.Label.Trim(), period), period, dto.Start));
        }

        CheckNoOverlap(bills, r => WireNames.Of(r.Claim), "Type of bill for", sink);
        foreach (ClaimType claim in new[] { ClaimType.FacilityOutpatient, ClaimType.FacilityInpatient })
        {
            CheckContinuous(bills.Where(b => b.Item.Claim == claim).Select(b => b.Period), $"Type of bill for {WireNames.Of(claim)}", fromStart: true, sink, file.At(nameof(file.TypesOfBill)));
        }

        var places = new List<(AssumedPlaceRule Item, EffectivePeriod Period, SourceMark At)>();
        foreach (AssumedPlaceDto dto in file.PlacesOfService)
        {
            if (!IntraperitonealCoding.Rules.Tables.TableBuilder.PlaceOfService.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Place of service '{dto.Code}' is not two digits (e.g. 22).", dto.At(nameof(dto.Code)));
            }

            var period = Period(dto, sink);
            places.Add((new AssumedPlaceRule(dto.Procedure, dto.Code, dto.Label.Trim(), period), period, dto.Start));
        }

        CheckNoOverlap(places, r => WireNames.Of(r.Procedure), "Assumed place of service for", sink);
        foreach (ProcedureKind procedure in new[] { ProcedureKind.Hipec, ProcedureKind.Pipac })
        {
            CheckContinuous(places.Where(p => p.Item.Procedure == procedure).Select(p => p.Period), $"Assumed place of service for {WireNames.Of(procedure)}", fromStart: true, sink, file.At(nameof(file.PlacesOfService)));
        }

        var revenue = new List<RevenueCodeRule>();
        var slots = new List<(string Slot, EffectivePeriod Period, SourceMark At)>();
        var provenance = Provenance("claim-fields.yaml", file.Sources);
        foreach (RevenueCodeDto dto in file.RevenueCodes)
        {
            ClaimRuleId(dto.Id, sink, dto.At(nameof(dto.Id)));
            provenance.Cite("Revenue codes", dto.Code + " " + dto.Id, dto.Source, dto.At(nameof(dto.Source)));
            if (!FourDigits.IsMatch(dto.Code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Revenue code '{dto.Code}' is not four digits (e.g. 0360).", dto.At(nameof(dto.Code)));
            }

            if (dto.Categories.Count == 0)
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Revenue code rule {dto.Id} names no line category.", dto.At(nameof(dto.Categories)));
            }

            if (dto.Drugs is not null && dto.Categories.Any(c => c != LineCategory.Drug))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"Revenue code rule {dto.Id} gives 'drugs' (how a drug is paid) but names categories other than drug.", dto.At(nameof(dto.Drugs)));
            }

            var period = Period(dto, sink);
            revenue.Add(new RevenueCodeRule(dto.Id, dto.Code, dto.Label.Trim(), Freeze(dto.Categories.Distinct()), dto.Drugs, period));
            foreach (LineCategory category in dto.Categories.Distinct())
            {
                foreach (DrugPayment payment in category == LineCategory.Drug && dto.Drugs is { } only ? new[] { only } : AllPayments(category))
                {
                    slots.Add((Slot(category, payment), period, dto.Start));
                }
            }
        }

        CheckNoOverlap(slots, s => s, "Revenue code for", sink);
        foreach (LineCategory category in Enum.GetValues(typeof(LineCategory)).Cast<LineCategory>())
        {
            foreach (DrugPayment payment in AllPayments(category))
            {
                string slot = Slot(category, payment);
                CheckContinuous(slots.Where(s => s.Slot == slot).Select(s => s.Period), $"Revenue code for {slot}", fromStart: true, sink, file.At(nameof(file.RevenueCodes)));
            }
        }

        DiagnosisPointersDto pointers = file.DiagnosisPointers;
        CheckRange(pointers.PerLine, MaxPointerSlots, "per_line", "pointers a line carries (837P SV107 has four slots)", pointers, nameof(pointers.PerLine), sink);
        CheckRange(pointers.ProfessionalClaimMax, MaxProfessionalDiagnoses, "professional_claim_max", "diagnoses on a professional claim (837P HI holds twelve)", pointers, nameof(pointers.ProfessionalClaimMax), sink);
        CheckRange(pointers.InstitutionalClaimMax, MaxInstitutionalDiagnoses, "institutional_claim_max", "diagnoses on an institutional claim (837I: a principal and 24 others)", pointers, nameof(pointers.InstitutionalClaimMax), sink);

        NdcRulesDto ndc = file.Ndc;
        foreach (PayerType payer in ndc.WarnedFor.Intersect(ndc.RequiredFor))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"{WireNames.Of(payer)} is both required_for and warned_for; name it once.", ndc.At(nameof(ndc.WarnedFor)));
        }

        PoaRules poa = BuildPoa(file.PresentOnAdmission, provenance, sink);
        CheckNotes(new[] { file.PcsListedOnceNote }, sink, file.At(nameof(file.PcsListedOnceNote)));
        return new ClaimFieldRules(
            Freeze(bills.Select(b => b.Item)),
            Freeze(places.Select(p => p.Item)),
            Freeze(revenue),
            pointers.PerLine,
            pointers.ProfessionalClaimMax,
            pointers.InstitutionalClaimMax,
            Freeze(ndc.RequiredFor.Distinct()),
            Freeze(ndc.WarnedFor.Distinct()),
            ndc.Source.Trim())
        {
            Poa = poa,
            PcsListedOnceNote = file.PcsListedOnceNote,
        };
    }

    /// <summary>POA reporting: payers named once, each exempt code a well-formed ICD-10-CM code with its source and period.</summary>
    private static PoaRules BuildPoa(PoaRulesDto dto, ProvenanceBuilder provenance, DataErrorSink sink)
    {
        foreach (PayerType payer in dto.WarnedFor.Intersect(dto.RequiredFor))
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"{WireNames.Of(payer)} is both required_for and warned_for; name it once.", dto.At(nameof(dto.WarnedFor)));
        }

        var source = provenance.Cite("POA reporting", "present on admission", dto.Source, dto.At(nameof(dto.Source)));
        var exempt = new List<(PoaExemptCode Item, EffectivePeriod Period, SourceMark At)>();
        foreach (PoaExemptDto row in dto.Exempt)
        {
            string code = row.Code.Trim().ToUpperInvariant();
            if (!CodeFormats.Icd10Cm.IsMatch(code))
            {
                sink.Add(DataErrorIds.InvalidRuleValue, $"'{row.Code}' is not a well-formed ICD-10-CM code.", row.At(nameof(row.Code)));
            }

            provenance.Cite("POA-exempt codes", code, row.Source, row.At(nameof(row.Source)));
            var period = Period(row, sink);
            exempt.Add((new PoaExemptCode(code, period), period, row.Start));
        }

        CheckNoOverlap(exempt, e => e.Code, "POA-exempt code", sink);
        return new PoaRules(Freeze(dto.RequiredFor.Distinct()), Freeze(dto.WarnedFor.Distinct()), source.Document, Freeze(exempt.Select(e => e.Item)));
    }

    private static IEnumerable<DrugPayment> AllPayments(LineCategory category)
        => category == LineCategory.Drug ? new[] { DrugPayment.SeparatelyPayable, DrugPayment.Packaged } : new[] { DrugPayment.SeparatelyPayable };

    private static string Slot(LineCategory category, DrugPayment payment)
        => category == LineCategory.Drug ? WireNames.Of(category) + " (" + WireNames.Of(payment) + ")" : WireNames.Of(category);

    private static void CheckRange(int value, int max, string key, string what, LocatedDto dto, string property, DataErrorSink sink)
    {
        if (value < 1 || value > max)
        {
            sink.Add(DataErrorIds.InvalidRuleValue, $"{key} is {value}: the number of {what} must be from 1 to {max}.", dto.At(property));
        }
    }
}
