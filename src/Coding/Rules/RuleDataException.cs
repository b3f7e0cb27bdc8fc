using System;
using System.Collections.Generic;
using System.Linq;
using IntraperitonealCoding.Cases;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding;

/// <summary>
/// Thrown when a rule set cannot be loaded. Lists every problem found, each with its file, line, column and stable id;
/// a broken rule set is never loaded half-way.
/// </summary>
#pragma warning disable CA1032 // The only meaningful way to build one is with its errors.
public sealed class RuleDataException : Exception
#pragma warning restore CA1032
{
    internal RuleDataException(string source, IEnumerable<DataError> errors)
        : this(source, InFileOrder(errors))
    {
    }

    private RuleDataException(string source, IReadOnlyList<DataError> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Gets every problem found, in file order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Files in the rule set's own order (unknown files last, by name); within a file, by position.</summary>
    private static IReadOnlyList<DataError> InFileOrder(IEnumerable<DataError> errors)
    {
        int Rank(DataError e)
        {
            int index = RuleSet.FileNames.ToList().IndexOf(System.IO.Path.GetFileName(e.File));
            return index < 0 ? int.MaxValue : index;
        }

        return ReadOnly.Copy(errors.OrderBy(Rank).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column));
    }

    private static string BuildMessage(string source, IReadOnlyList<DataError> errors)
        => $"The rule set in {source} has {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}:"
           + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
