using System;
using System.Globalization;
using System.Text;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Research;

/// <summary>
/// Which of a study's items designates a claim line, and the note that says so on the line. One rule for coding and
/// for reconciliation: a drug the study names has its own item; any other drug follows the study's <c>drug</c> item
/// when there is one, else the treatment it is given as (the PIPAC aerosol, the HIPEC perfusion); every other line
/// follows the item of its category. A line no item designates is billed as a routine cost, and is a deviation.
/// </summary>
internal static class StudyDesignations
{
    /// <summary>The item that designates a line, or <see langword="null"/> when the study designates none.</summary>
    /// <param name="study">The study.</param>
    /// <param name="category">The line's category.</param>
    /// <param name="drugName">The drug rule's name for a drug line, else null.</param>
    /// <param name="procedure">The case's procedure, which decides the treatment a drug is given as.</param>
    /// <param name="sameDrug">Whether a name the study uses means the drug rule's name (its aliases included).</param>
    public static StudyItem? Designating(Study study, LineCategory category, string? drugName, ProcedureKind procedure, Func<string, string, bool> sameDrug)
    {
        if (drugName is not null)
        {
            foreach (StudyItem item in study.Items)
            {
                if (item.Drug is { } drug && sameDrug(drug, drugName))
                {
                    return item;
                }
            }
        }

        if (category == LineCategory.Drug)
        {
            return study.ItemFor(LineCategory.Drug) ?? study.ItemFor(TreatmentOf(procedure));
        }

        return study.ItemFor(category);
    }

    /// <summary>The treatment a drug is given as: the PIPAC aerosol or the HIPEC perfusion.</summary>
    public static LineCategory TreatmentOf(ProcedureKind procedure) => procedure == ProcedureKind.Pipac ? LineCategory.AerosolChemotherapy : LineCategory.Hipec;

    /// <summary>The visit a case is: its PIPAC cycle; a HIPEC, given once, is cycle 1.</summary>
    public static int CycleOf(CodingCase codingCase) => (codingCase.Procedure as PipacProcedure)?.Cycle ?? 1;

    /// <summary>The id of the note an item puts on the lines it designates (e.g. <c>study-nct04329494-biopsies</c>).</summary>
    public static string NoteId(Study study, StudyItem? item) => "study-" + Slug(study.Nct) + "-" + (item is null ? "undesignated" : (item.Drug is null ? string.Empty : "drug-") + Slug(item.Name));

    /// <summary>The note an item puts on the lines it designates: the item, its designation and the reason, in the study's words.</summary>
    public static CodingNote Note(Study study, StudyItem? item)
    {
        string text = item is null
            ? string.Format(CultureInfo.InvariantCulture, "The {0} coverage analysis designates no item for this line: it is billed as a routine cost until the analysis gives it a designation of its own.", study.Nct)
            : string.Format(CultureInfo.InvariantCulture, "Designated {0} by the {1} coverage analysis, item '{2}': {3}.", WireNames.Of(item.Designation), study.Nct, item.Name, item.Reason.TrimEnd('.'));
        return new CodingNote(NoteId(study, item), text, string.Format(CultureInfo.InvariantCulture, "Coverage analysis of {0} ({1}), study file {2}", study.Nct, study.Title, System.IO.Path.GetFileName(study.Source)));
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            slug.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        return slug.ToString();
    }
}
