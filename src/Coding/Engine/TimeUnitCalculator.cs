
namespace IntraperitonealCoding.Engine;

/// <summary>
/// The CPT mid-point rule for timed add-on codes: a unit of time is reported once more than half of it has passed.
/// </summary>
internal static class TimeUnitCalculator
{
    /// <summary>Counts the first unit (0 or 1) and the additional units for a duration.</summary>
    /// <param name="duration">The documented time.</param>
    /// <param name="firstMinutes">The length of the first unit in minutes (e.g. 60).</param>
    /// <param name="additionalMinutes">The length of each additional unit in minutes (e.g. 30).</param>
    /// <returns>The first unit count (0 when its mid-point is not passed) and the additional unit count.</returns>
    public static (int First, int Additional) Count(Duration duration, int firstMinutes, int additionalMinutes)
    {
        // Whole ticks, no floating point: a unit length in minutes is an even number of ticks, so halves are exact.
        long time = duration.TimeSpan.Ticks;
        long first = firstMinutes * System.TimeSpan.TicksPerMinute;
        long additional = additionalMinutes * System.TimeSpan.TicksPerMinute;
        if (time <= first / 2)
        {
            return (0, 0);
        }

        // Additional unit k counts once the time beyond the first unit passes (k - 1) units and a half.
        long beyondHalf = time - first - (additional / 2);
        if (beyondHalf <= 0)
        {
            return (1, 0);
        }

        long count = ((beyondHalf - 1) / additional) + 1;
        return (1, count > int.MaxValue ? int.MaxValue : (int)count);
    }
}
