using System;
using System.Linq;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Output;
using IntraperitonealCoding.Rules;
using static IntraperitonealCoding.Tests.Infrastructure.Cases;

namespace IntraperitonealCoding.Tests;

/// <summary>The X12 and CSV renderings of results: delimiters, refusals, element rules, RFC 4180 and formula neutralising.</summary>
public sealed class ClaimOutputTests
{
    private static CodingResult CodeWithId(string caseId, ClaimType claim = ClaimType.Professional, PayerType payer = PayerType.Commercial)
    {
        var c = Case(Hipec(), claim: claim, payer: payer, diagnoses: new[] { "C18.1", "C78.6" });
        return RuleSet.Default.Code(new CodingCase(caseId, c.DateOfService, c.Claim, c.Payer, c.BodySurfaceArea, c.Diagnoses, c.Procedure, c.Trial, claim == ClaimType.Professional ? "21" : null));
    }

    [Fact]
    public void X12_ProfessionalClaim_HasTheClaimAndServiceLineSegments()
    {
        X12Rendering x12 = ResultX12.Render(CodeWithId("case-7"));
        Assert.True(x12.Succeeded);
        X12Claim claim = Assert.Single(x12.Claims);
        Assert.Equal(PayerType.Commercial, claim.BillTo);
        Assert.Equal(
            new[]
            {
                "CLM*case-7*0***21:B:1*Y*A*Y*Y", "HI*ABK:C181*ABF:C786",
                "LX*1", "SV1*HC:49188*0*UN*1***1:2", "DTP*472*D8*20260314",
                "LX*2", "SV1*HC:96547*0*UN*1***1:2", "DTP*472*D8*20260314",
                "LX*3", "SV1*HC:96548*0*UN*1***1:2", "DTP*472*D8*20260314",
            },
            claim.Segments);
        Assert.Equal(string.Concat(claim.Segments.Select(s => s + "~\n")), claim.Text);
    }

    [Fact]
    public void X12_RenderingAndClaim_PrintAsTheirSegments_AndANotReadyRenderingAsWhyNot()
    {
        X12Rendering x12 = ResultX12.Render(CodeWithId("case-7"));
        Assert.Equal((x12.Text, x12.Claims[0].Text), (x12.ToString(), x12.Claims[0].ToString()));
        Assert.StartsWith("CLM*case-7*", x12.ToString(), StringComparison.Ordinal);
        X12Rendering notReady = ResultX12.Render(RuleSet.Default.Code(Case(Hipec(primaries: Array.Empty<string>()))));
        Assert.StartsWith("Not written as X12: ", notReady.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not ready (HIPEC002)", notReady.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void X12_InstitutionalClaim_CarriesTypeOfBillStatementDatesAndRevenueCodes()
    {
        X12Claim claim = Assert.Single(ResultX12.Render(CodeWithId("case-8", ClaimType.FacilityOutpatient)).Claims);
        Assert.Equal("CLM*case-8*0***13:A:1**A*Y*Y", claim.Segments[0]);
        Assert.Equal("DTP*434*RD8*20260314-20260314", claim.Segments[1]);
        Assert.Contains("SV2*0360*HC:49188*0*UN*1", claim.Segments);
        Assert.Contains("SV2*0360*HC:96547*0*UN*1", claim.Segments);
    }

    [Fact]
    public void X12_NotReadyResult_IsNeverWritten()
    {
        var result = RuleSet.Default.Code(Case(Hipec(primaries: Array.Empty<string>())));
        Assert.False(result.Ready);
        X12Rendering x12 = ResultX12.Render(result);
        Assert.False(x12.Succeeded);
        Assert.Empty(x12.Claims);
        Assert.Equal(string.Empty, x12.Text);
        Assert.Contains("is not ready (HIPEC002)", Assert.Single(x12.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("case*7", '*')]
    [InlineData("case~7", '~')]
    [InlineData("case:7", ':')]
    [InlineData("case^7", '^')]
    public void X12_ValueHoldingADelimiter_IsRefusedNamingTheElement(string caseId, char delimiter)
    {
        X12Rendering x12 = ResultX12.Render(CodeWithId(caseId));
        Assert.False(x12.Succeeded);
        Assert.Empty(x12.Claims);
        Assert.Contains($"CLM01 '{caseId}' holds the delimiter '{delimiter}'", Assert.Single(x12.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void X12_OtherDelimiters_CarryTheSameValue()
    {
        var delimiters = new X12Delimiters('|', '>', '!', '\'');
        X12Rendering x12 = ResultX12.Render(CodeWithId("case*7"), new X12Options(delimiters, lineBreaks: false));
        Assert.True(x12.Succeeded, string.Join("; ", x12.Problems));
        Assert.StartsWith("CLM|case*7|0|||21>B>1|Y|A|Y|Y'HI|ABK>C181|ABF>C786'", x12.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", x12.Text, StringComparison.Ordinal);
        var segments = X12Reader.Read(x12.Text, delimiters);
        Assert.Equal("case*7", segments[0][1]);
        Assert.Equal(new[] { "21", "B", "1" }, segments[0].Components(5));
    }

    [Theory]
    [InlineData("caseé7")]
    [InlineData("case\u00007")]
    public void X12_CharacterOutsideTheExtendedSet_IsRefused(string caseId)
        => Assert.Contains("outside the X12 extended character set", Assert.Single(ResultX12.Render(CodeWithId(caseId)).Problems), StringComparison.Ordinal);

    [Fact]
    public void X12_ACaseIdOverTwentyCharacters_WithoutAPatientControlNumber_IsRefusedSayingWhatToGive()
        => Assert.Contains("is 21 characters, and payers need return only 20 (clearinghouses refuse longer): give the case a patient_control_number", Assert.Single(ResultX12.Render(CodeWithId(new string('a', 21))).Problems), StringComparison.Ordinal);

    [Fact]
    public void X12_ACaseIdOfTwentyCharacters_IsWrittenAsClm01()
    {
        X12Rendering x12 = ResultX12.Render(CodeWithId(new string('a', 20)));
        Assert.True(x12.Succeeded, string.Join("; ", x12.Problems));
        Assert.Equal(new string('a', 20), x12.Claims[0].PatientControlNumber);
    }

    [Fact]
    public void X12_SelfPayCase_HasNoClaim()
    {
        X12Rendering x12 = ResultX12.Render(CodeWithId("case-9", payer: PayerType.SelfPay));
        Assert.True(x12.Succeeded);
        Assert.Empty(x12.Claims);
    }

    [Fact]
    public void X12_NdcOfAMilligramDrug_UsesTheX12MilligramCode()
    {
        var ndc = new DrugNdc(NationalDrugCode.Parse("9999-1234-01"), NdcUnit.Milligram);
        var result = RuleSet.Default.Code(Case(Hipec(drugs: new DrugAdministration("oxaliplatin", Dose.FromMilligrams(828), 850, ndc: ndc)), claim: ClaimType.FacilityOutpatient, payer: PayerType.Commercial));
        var segments = Assert.Single(ResultX12.Render(result).Claims).Segments;
        Assert.Equal(new[] { "LIN**N4*09999123401" }, segments.Where(s => s.StartsWith("LIN", StringComparison.Ordinal)));
        Assert.Equal(new[] { "CTP****828*ME" }, segments.Where(s => s.StartsWith("CTP", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData('*', '*', '^', '~')]
    [InlineData('A', ':', '^', '~')]
    [InlineData('*', ' ', '^', '~')]
    [InlineData('*', ':', '^', '\n')]
    [InlineData('*', ':', '5', '~')]
    public void X12Delimiters_ThatCouldNotBeTold_FromValuesOrEachOther_AreRefused(char element, char component, char repetition, char segment)
        => Assert.Throws<ArgumentException>(() => new X12Delimiters(element, component, repetition, segment));

    [Fact]
    public void Csv_UsesCrlfAndQuotesFieldsThatNeedIt()
    {
        string csv = ResultCsv.Serialize(new[] { CodeWithId("a,b") });
        Assert.StartsWith(string.Join(",", ResultCsv.Columns) + "\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n\"a,b\",2026-03-14,professional,837P,commercial,true,,21,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    public void Csv_CellThatASpreadsheetWouldRun_IsNeutralised(string caseId)
    {
        string csv = ResultCsv.Serialize(new[] { CodeWithId(caseId) });
        string firstCell = csv.Split("\r\n")[1];
        Assert.True(firstCell.StartsWith('\'') || firstCell.StartsWith("\"'", StringComparison.Ordinal), firstCell);
    }

    [Fact]
    public void Csv_ResultWithoutLines_StillHasItsRow()
    {
        var noLines = RuleSet.Default.Code(Case(Hipec(), date: new DateTime(2019, 12, 31)));
        Assert.Empty(noLines.Lines);
        string[] rows = ResultCsv.Serialize(new[] { noLines }).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Equal(ResultCsv.Columns.Count, rows[1].Split(',').Length);
        Assert.StartsWith("test-case,2019-12-31,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ListsPointersAndDiagnosesSpaceSeparated()
    {
        string row = ResultCsv.Serialize(new[] { CodeWithId("case-1") }).Split("\r\n")[1];
        string[] cells = row.Split(',');
        Assert.Equal("C18.1 C78.6", cells[ResultCsv.Columns.ToList().IndexOf("diagnoses")]);
        // The label before it may hold a quoted comma; the columns after the pointers never do.
        Assert.Equal("1 2", cells[cells.Length - (ResultCsv.Columns.Count - ResultCsv.Columns.ToList().IndexOf("diagnosis_pointers"))]);
    }
}
