using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>Compact views of a result for assertions: lines as "code×units modifiers", findings by id.</summary>
internal static class ResultAssert
{
    public static IReadOnlyList<string> Lines(this CodingResult result)
        => result.Lines.Select(l => $"{l.Code}x{l.Units}" + (l.Modifiers.Count == 0 ? string.Empty : " " + string.Join(" ", l.Modifiers))).ToList();

    public static IReadOnlyList<string> FindingIds(this CodingResult result) => result.Findings.Select(f => f.Id).ToList();

    public static Finding Single(this CodingResult result, string findingId)
    {
        var matches = result.Findings.Where(f => f.Id == findingId).ToList();
        Assert.True(matches.Count == 1, $"Expected one {findingId}, found: {string.Join(", ", result.FindingIds())}");
        return matches[0];
    }

    public static void HasNo(this CodingResult result, string findingId)
        => Assert.DoesNotContain(findingId, result.FindingIds());
}
