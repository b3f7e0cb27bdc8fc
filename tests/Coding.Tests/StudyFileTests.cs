using System;
using System.IO;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Research;

namespace IntraperitonealCoding.Tests;

/// <summary>Study files: strict reading with every problem at once, the bundled studies, the catalogue and the schema.</summary>
public sealed class StudyFileTests
{
    public static TheoryData<string> BrokenStudies()
        => new(Directory.GetFiles(Path.Combine(Paths.Fixtures, "studies")).Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(BrokenStudies))]
    public void BrokenStudyFile_ReportsEveryErrorWithItsPosition(string name)
    {
        StudyReadResult read = StudyFile.Read(Path.Combine(Paths.Fixtures, "studies", name + ".yaml"));
        Assert.False(read.Succeeded);
        Assert.Null(read.Study);
        Snapshot.Match(string.Join("\n", read.Errors.Select(e => e.ToString().Replace(Paths.Fixtures + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))), name, "txt");
    }

    [Theory]
    [InlineData("unknown-item", DataErrorIds.InvalidValue)]
    [InlineData("duplicate-item", DataErrorIds.StudyDuplicateItem)]
    [InlineData("visit-item-without-designation", DataErrorIds.StudyUndesignatedVisitItem)]
    [InlineData("visit-item-without-designation", DataErrorIds.StudyDuplicateVisit)]
    [InlineData("visit-item-without-designation", DataErrorIds.DuplicateItem)]
    [InlineData("unknown-payer", DataErrorIds.UnknownKey)]
    [InlineData("unknown-key", DataErrorIds.UnknownKey)]
    [InlineData("truncated", DataErrorIds.Syntax)]
    public void BrokenStudyFile_HasTheErrorOfItsDefect_AtALineAndColumn(string name, string id)
    {
        var errors = StudyFile.Read(Path.Combine(Paths.Fixtures, "studies", name + ".yaml")).Errors;
        Assert.Contains(errors, e => e.Id == id && e.Line > 0 && e.Column > 0);
    }

    [Fact]
    public void UnknownPayer_IsNamedWithThePayersThatExist()
    {
        var errors = StudyFile.Read(Path.Combine(Paths.Fixtures, "studies", "unknown-payer.yaml")).Errors;
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("Allowed here: medicare, medicare_advantage, medicaid, commercial.", e.Message, StringComparison.Ordinal));
        Assert.Equal((5, 3), (errors[0].Line, errors[0].Column));
    }

    [Fact]
    public void BundledPipacStudy_ReadsItsQualificationDesignationsAndSchedule()
    {
        Study study = BundledStudies.Pipac;
        Assert.Equal("NCT04329494", study.Nct);
        Assert.Null(study.Ide);
        Assert.Equal(new[] { PayerType.Medicare, PayerType.Medicaid, PayerType.Commercial }, study.Qualifying.Keys.Order());
        Assert.Equal("approved trial, PHSA 2709", study.QualificationFor(PayerType.Commercial)!.Basis);
        Assert.Equal(new[] { "laparoscopy", "aerosol_chemotherapy", "biopsies", "cisplatin" }, study.Items.Select(i => i.Name));
        Assert.Equal(TrialDesignation.NotBillable, study.Item("CISPLATIN")!.Designation);
        Assert.Equal("cisplatin", study.Item("cisplatin")!.Drug);
        Assert.Equal(TrialDesignation.Sponsor, study.ItemFor(LineCategory.Biopsies)!.Designation);
        Assert.Null(study.ItemFor(LineCategory.Drug));
        Assert.Equal(new[] { 1, 2, 3 }, study.Visits.Select(v => v.Cycle));
        Assert.True(study.Visit(2)!.Plans("Biopsies"));
        Assert.False(study.Visit(3)!.Plans("biopsies"));
        Assert.Null(study.Visit(4));
        Assert.Null(study.Visit(0));
    }

    [Fact]
    public void MedicareAdvantage_WithoutAnEntryOfItsOwn_TakesMedicaresQualification()
    {
        Assert.Same(BundledStudies.Pipac.QualificationFor(PayerType.Medicare), BundledStudies.Pipac.QualificationFor(PayerType.MedicareAdvantage));
        Assert.True(BundledStudies.Pipac.QualifiesFor(PayerType.MedicareAdvantage));
        Assert.Equal("example: IDE study, so the Medicare Advantage plan pays", BundledStudies.HipecIde.QualificationFor(PayerType.MedicareAdvantage)!.Basis);
    }

    [Fact]
    public void SelfPayAndAPayerTheStudyDoesNotList_DoNotQualify()
    {
        Assert.Null(BundledStudies.Pipac.QualificationFor(PayerType.SelfPay));
        Assert.False(BundledStudies.Pipac.QualifiesFor(PayerType.SelfPay));
        Assert.False(BundledStudies.HipecIde.QualifiesFor(PayerType.Medicaid));
        Assert.NotNull(BundledStudies.HipecIde.QualificationFor(PayerType.Medicaid));
    }

    [Fact]
    public void HipecStudy_CarriesItsIde()
        => Assert.Equal("G250456", BundledStudies.HipecIde.Ide);

    [Fact]
    public void Catalogue_OfTheStudiesFolder_HoldsEachStudyOnceByNct()
    {
        Assert.Equal(new[] { "NCT04329494", "NCT09000001" }, BundledStudies.Catalogue.Studies.Select(s => s.Nct));
        Assert.Same(BundledStudies.Pipac, BundledStudies.Catalogue.Find("nct04329494 "));
        Assert.Null(BundledStudies.Catalogue.Find("NCT00000000"));
        Assert.Equal(Paths.Studies, BundledStudies.Catalogue.Origin);
    }

    [Fact]
    public void Catalogue_TwoFilesHoldingOneStudy_IsAnError()
    {
        using var temp = new TempDirectory();
        string text = File.ReadAllText(Path.Combine(Paths.Studies, "NCT04329494.yaml"));
        File.WriteAllText(temp.File("a.yaml"), text);
        File.WriteAllText(temp.File("b.yml"), text);
        var read = StudyCatalogue.Read(temp.Path);
        Assert.Null(read.Catalogue);
        Assert.Equal(DataErrorIds.StudyDuplicateStudy, Assert.Single(read.Errors).Id);
    }

    [Fact]
    public void Catalogue_ReportsTheErrorsOfEveryBrokenFile()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(Paths.Fixtures, "studies", "truncated.yaml"), temp.File("one.yaml"));
        File.Copy(Path.Combine(Paths.Fixtures, "studies", "unknown-key.yaml"), temp.File("two.yaml"));
        File.WriteAllText(temp.File("notes.txt"), "not a study");
        var read = StudyCatalogue.Read(temp.Path);
        Assert.False(read.Succeeded);
        Assert.Contains(read.Errors, e => e.File.EndsWith("one.yaml", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.File.EndsWith("two.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Errors, e => e.File.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalogue_MissingDirectory_IsAnUnreadableError()
    {
        var read = StudyCatalogue.Read(Path.Combine(Paths.Root, "no-such-studies"));
        Assert.Equal(DataErrorIds.Unreadable, Assert.Single(read.Errors).Id);
        Assert.Contains("no such directory", read.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogueOf_TheSameStudyTwice_Throws()
        => Assert.Throws<ArgumentException>(() => StudyCatalogue.Of(new[] { BundledStudies.Pipac, BundledStudies.Pipac }));

    [Fact]
    public void CatalogueOf_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StudyCatalogue.Of(null!));
        Assert.Throws<ArgumentException>(() => StudyCatalogue.Of(new Study[] { null! }));
    }

    [Fact]
    public void Empty_HoldsNoStudy()
    {
        Assert.Empty(StudyCatalogue.Empty.Studies);
        Assert.Null(StudyCatalogue.Empty.Find("NCT04329494"));
    }

    [Fact]
    public void Schema_IsTheCommittedOne()
        => Assert.True(
            StudyFile.Schema() == File.ReadAllText(Path.Combine(Paths.Studies, "schema", "study.schema.json")).Replace("\r\n", "\n", StringComparison.Ordinal),
            "studies/schema/study.schema.json is out of date: run 'dotnet run --project src/Coding.Cli -- rules schema data/schema --study-schema-dir studies/schema' and commit it.");

    [Fact]
    public void StudyFiles_NameTheirSchema()
    {
        foreach (string file in Directory.GetFiles(Paths.Studies, "*.yaml"))
        {
            Assert.StartsWith("# yaml-language-server: $schema=schema/study.schema.json\n", File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_Json_ReadsTheSameStudy()
    {
        const string json = "{\"nct\": \"nct04329494\", \"title\": \"t\", \"qualifying\": {}, \"items\": [{\"item\": \"laparoscopy\", \"designation\": \"routine\", \"reason\": \"r\"}], \"visits\": [{\"cycle\": 1, \"items\": [\"laparoscopy\"]}]}";
        var read = StudyFile.Parse(json, "s.json", DocumentFormat.Json, ReadLimits.Default);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal("NCT04329494", read.Study!.Nct);
        Assert.Empty(read.Study.Qualifying);
        Assert.False(read.Study.QualifiesFor(PayerType.Medicare));
        Assert.Equal("s.json", read.Study.Source);
    }

    [Fact]
    public void ReasonBlankOrOverlong_IsAnError()
    {
        string Study(string reason) => $"nct: NCT04329494\ntitle: t\nqualifying: {{}}\nitems:\n  - {{ item: laparoscopy, designation: routine, reason: \"{reason}\" }}\nvisits:\n  - {{ cycle: 1, items: [laparoscopy] }}\n";
        Assert.Equal(DataErrorIds.InvalidValue, Assert.Single(StudyFile.Parse(Study(" "), "s").Errors).Id);
        Assert.Equal(DataErrorIds.ImplausibleValue, Assert.Single(StudyFile.Parse(Study(new string('x', 201)), "s").Errors).Id);
        Assert.True(StudyFile.Parse(Study(new string('x', 200)), "s").Succeeded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Cycles_AreNumberedFromOneToAHundred(int cycle, bool valid)
    {
        string text = $"nct: NCT04329494\ntitle: t\nqualifying: {{}}\nitems:\n  - {{ item: laparoscopy, designation: routine, reason: r }}\nvisits:\n  - {{ cycle: {cycle}, items: [laparoscopy] }}\n";
        Assert.Equal(valid, StudyFile.Parse(text, "s").Succeeded);
    }

    [Fact]
    public void MissingFile_IsAnUnreadableError()
        => Assert.Equal(DataErrorIds.Unreadable, Assert.Single(StudyFile.Read(Path.Combine(Paths.Studies, "NCT00000000.yaml")).Errors).Id);
}
