using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Research;

/// <summary>
/// Turns a mapped study DTO into a <see cref="Study"/>, reporting every problem with its position: a malformed NCT
/// number, an item entry that names both or neither an item and a drug, an item designated twice, a visit that names
/// an item the study does not designate, a cycle scheduled twice.
/// </summary>
internal sealed class StudyBuilder
{
    private static readonly Regex NctNumber = new("^NCT[0-9]{8}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    private readonly DataErrorSink errors;

    public StudyBuilder(DataErrorSink errors) => this.errors = errors;

    public Study? Build(StudyDto dto, string source)
    {
        string nct = dto.Nct.Trim().ToUpperInvariant();
        if (dto.Has(nameof(StudyDto.Nct)) && !NctNumber.IsMatch(nct))
        {
            errors.Add(DataErrorIds.InvalidValue, $"'{Shown.Text(dto.Nct)}' is not a ClinicalTrials.gov number (NCT followed by 8 digits).", dto.At(nameof(StudyDto.Nct)));
        }

        Text(dto.Title, dto, nameof(StudyDto.Title));
        string? ide = string.IsNullOrWhiteSpace(dto.Ide) ? null : dto.Ide!.Trim();
        Text(dto.Ide, dto, nameof(StudyDto.Ide), blankAllowed: true);
        var qualifying = Qualifying(dto.Qualifying);
        var items = Items(dto.Items);
        var visits = Visits(dto.Visits, items);
        return errors.HasErrors ? null : new Study(nct, dto.Title.Trim(), ide, qualifying, items.Values, visits, source);
    }

    private Dictionary<PayerType, StudyQualification> Qualifying(QualifyingDto? dto)
    {
        var qualifying = new Dictionary<PayerType, StudyQualification>();
        if (dto is null)
        {
            return qualifying;
        }

        Add(PayerType.Medicare, dto.Medicare);
        Add(PayerType.MedicareAdvantage, dto.MedicareAdvantage);
        Add(PayerType.Medicaid, dto.Medicaid);
        Add(PayerType.Commercial, dto.Commercial);
        return qualifying;

        void Add(PayerType payer, QualificationDto? entry)
        {
            if (entry is not null && Text(entry.Basis, entry, nameof(QualificationDto.Basis)))
            {
                qualifying.Add(payer, new StudyQualification(entry.Qualifies, entry.Basis.Trim()));
            }
        }
    }

    private OrderedItems Items(List<StudyItemDto> dtos)
    {
        var items = new OrderedItems();
        foreach (StudyItemDto dto in dtos)
        {
            string? drug = dto.Drug?.Trim();
            if (dto.Item is not null && dto.Drug is not null)
            {
                errors.Add(DataErrorIds.ConflictingKeys, "An item entry designates a line category (item) or a drug (drug), not both.", dto.At(nameof(StudyItemDto.Drug)));
                continue;
            }

            if (dto.Item is null && string.IsNullOrEmpty(drug))
            {
                if (!dto.Has(nameof(StudyItemDto.Item)))
                {
                    errors.Add(DataErrorIds.MissingKey, "An item entry needs 'item' (a line category) or 'drug' (a drug's name).", dto.Start);
                }

                continue;
            }

            if (drug is not null && !Text(drug, dto, nameof(StudyItemDto.Drug)))
            {
                continue;
            }

            if (dto.Item == LineCategory.Biopsies && dto.Designation == TrialDesignation.Investigational)
            {
                errors.Add(DataErrorIds.InvalidValue, "biopsies are routine (reported with the laparoscopy), sponsor or not_billable (taken for the study only: kept off the insurer claim); they are not the investigational item.", dto.At(nameof(StudyItemDto.Designation)));
                continue;
            }

            // An item with a bad reason still has its name, so the visits that plan it report nothing more.
            Text(dto.Reason, dto, nameof(StudyItemDto.Reason));
            var item = new StudyItem(dto.Item, drug, dto.Designation, dto.Reason.Trim());
            if (!items.TryAdd(item))
            {
                errors.Add(DataErrorIds.StudyDuplicateItem, $"'{Shown.Text(item.Name)}' is designated twice; one protocol item has one designation for the whole study.", dto.At(dto.Item is null ? nameof(StudyItemDto.Drug) : nameof(StudyItemDto.Item)));
            }
        }

        return items;
    }

    private List<StudyVisit> Visits(List<StudyVisitDto> dtos, OrderedItems items)
    {
        var visits = new List<StudyVisit>();
        var cycles = new HashSet<int>();
        foreach (StudyVisitDto dto in dtos)
        {
            bool ok = true;
            if (dto.Cycle < 1 || dto.Cycle > CaseValueLimits.MaxCount)
            {
                errors.Add(DataErrorIds.ImpossibleValue, string.Format(CultureInfo.InvariantCulture, "Cycles are numbered from 1 to {0}; {1} is not a cycle.", CaseValueLimits.MaxCount, dto.Cycle), dto.At(nameof(StudyVisitDto.Cycle)));
                ok = false;
            }
            else if (!cycles.Add(dto.Cycle))
            {
                errors.Add(DataErrorIds.StudyDuplicateVisit, string.Format(CultureInfo.InvariantCulture, "Cycle {0} is scheduled twice; list each visit once with all its items.", dto.Cycle), dto.At(nameof(StudyVisitDto.Cycle)));
                ok = false;
            }

            if (dto.Items.Count == 0 && dto.Has(nameof(StudyVisitDto.Items)))
            {
                errors.Add(DataErrorIds.InvalidValue, "A visit plans at least one item.", dto.At(nameof(StudyVisitDto.Items)));
                ok = false;
            }

            var names = new List<string>();
            foreach (string name in dto.Items)
            {
                if (items.Find(name) is not { } item)
                {
                    errors.Add(DataErrorIds.StudyUndesignatedVisitItem, $"Cycle {dto.Cycle.ToString(CultureInfo.InvariantCulture)} plans '{Shown.Text(name)}', which the study does not designate; add it to items with its designation and reason.", dto.At(nameof(StudyVisitDto.Items)));
                    ok = false;
                }
                else if (names.Contains(item.Name))
                {
                    errors.Add(DataErrorIds.DuplicateItem, $"Cycle {dto.Cycle.ToString(CultureInfo.InvariantCulture)} lists '{Shown.Text(name)}' twice.", dto.At(nameof(StudyVisitDto.Items)));
                    ok = false;
                }
                else
                {
                    names.Add(item.Name);
                }
            }

            if (ok)
            {
                visits.Add(new StudyVisit(dto.Cycle, names));
            }
        }

        return visits;
    }

    private bool Text(string? text, LocatedDto dto, string property, bool blankAllowed = false)
    {
        if (text is null)
        {
            return true;
        }

        if (!blankAllowed && text.Trim().Length == 0 && dto.Has(property))
        {
            errors.Add(DataErrorIds.InvalidValue, $"{WireNames.ToSnakeCase(property)} cannot be blank.", dto.At(property));
            return false;
        }

        if (text.Length > CaseValueLimits.MaxTextLength)
        {
            errors.Add(DataErrorIds.ImplausibleValue, string.Format(CultureInfo.InvariantCulture, "{0} is {1} characters long, beyond the {2} the reader accepts.", WireNames.ToSnakeCase(property), text.Length, CaseValueLimits.MaxTextLength), dto.At(property));
            return false;
        }

        return true;
    }

    /// <summary>The designated items in file order, looked up by name case-insensitively.</summary>
    private sealed class OrderedItems
    {
        private readonly Dictionary<string, StudyItem> byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<StudyItem> inOrder = new();

        public IEnumerable<StudyItem> Values => inOrder;

        public bool TryAdd(StudyItem item)
        {
            if (byName.ContainsKey(item.Name))
            {
                return false;
            }

            byName.Add(item.Name, item);
            inOrder.Add(item);
            return true;
        }

        public StudyItem? Find(string name) => byName.TryGetValue(name.Trim(), out StudyItem? item) ? item : null;
    }
}
