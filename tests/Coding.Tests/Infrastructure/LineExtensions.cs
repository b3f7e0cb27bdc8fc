using System.Collections.Generic;
using System.Linq;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>Test shorthands over coded lines.</summary>
internal static class LineExtensions
{
    /// <summary>The line's modifiers as the claim writes them, for comparing with literal codes.</summary>
    public static IReadOnlyList<string> ModifierCodes(this CodeLine line) => line.Modifiers.Select(m => m.Code).ToList();
}
