using IntraperitonealCoding.Tool;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>When a finding says what a note says, so the table prints it once.</summary>
public sealed class RepeatedNotesTests
{
    private static Finding Finding(string message) => new("X001", Severity.Warning, message, string.Empty, null);

    private static CodingNote Note(string text, string id = "note") => new(id, text, "A source");

    [Theory]
    [InlineData("Drugs are billed by the facility.", "Drugs are billed by the facility.")]
    [InlineData("Drugs are billed by the facility", "Drugs are billed by the facility")]
    [InlineData("Drugs are  billed\nby the facility.", "Drugs are billed by the facility. ")]
    [InlineData("Drugs are billed by the facility. None are given: add them.", "Drugs are billed by the facility.")]
    [InlineData("44950 is part of 49188. An appendectomy is reported with 44955. [NCCI PTP edits]", "An appendectomy is reported with 44955.")]
    [InlineData("Medicare may deny it; obtain an ABN. (POLICY004: seed documents)", "obtain an ABN.")]
    public void Says_TheSameTextOrWholeSentencesOfIt_IsARepeat(string message, string note)
        => Assert.True(RepeatedNotes.Says(RepeatedNotes.Normalise(message), RepeatedNotes.Normalise(note)));

    [Theory]
    [InlineData("This is not a multi-dose vial. Use JW.", "multi-dose vial.")]
    [InlineData("Drugs are billed by the facility.", "drugs are billed by the facility.")]
    [InlineData("Drugs are billed by the facility, not the surgeon.", "Drugs are billed by the facility")]
    [InlineData("Drugs are billed by the facility.", "Drugs are billed by the facility. Always.")]
    [InlineData("Drugs are billed by the facility.x", "Drugs are billed by the facility.")]
    [InlineData("Anything at all.", "")]
    public void Says_ALikeButDifferentText_IsNotARepeat(string message, string note)
        => Assert.False(RepeatedNotes.Says(RepeatedNotes.Normalise(message), RepeatedNotes.Normalise(note)));

    [Fact]
    public void Of_ANoteTwoFindingsSay_IsLeftOutOfTheNotesOnce_AndGoesWithBoth()
    {
        CodingNote said = Note("Check the record.", "check");
        CodingNote other = Note("Something else.", "other");
        Finding first = Finding("The dose is high. Check the record.");
        Finding second = Finding("Check the record.");
        RepeatedNotes repeats = RepeatedNotes.Of(new[] { first, second }, new[] { said, other });
        Assert.Equal(new[] { other }, repeats.Remaining);
        Assert.Equal(new[] { said }, repeats.SaidBy(first));
        Assert.Equal(new[] { said }, repeats.SaidBy(second));
    }

    [Fact]
    public void Of_NoFindings_KeepsEveryNote()
    {
        var notes = new[] { Note("One.", "one"), Note("Two.", "two") };
        Assert.Equal(notes, RepeatedNotes.Of(System.Array.Empty<Finding>(), notes).Remaining);
    }
}
