using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>The study catalogue of the repository's studies/ folder, read once, and example cases read with it.</summary>
internal static class BundledStudies
{
    private static readonly System.Lazy<StudyCatalogue> Lazy = new(() =>
    {
        StudyCatalogueReadResult read = StudyCatalogue.Read(Paths.Studies);
        return read.Catalogue ?? throw new System.InvalidOperationException(string.Join("\n", read.Errors));
    });

    public static StudyCatalogue Catalogue => Lazy.Value;

    public static Study Pipac => Catalogue.Find("NCT04329494")!;

    public static Study HipecIde => Catalogue.Find("NCT09000001")!;

    /// <summary>Reads a case file with the bundled studies, as the console does from the repository root.</summary>
    public static CaseReadResult Read(string path) => CaseFile.Read(path, ReadLimits.Default, Catalogue);
}
