using System;
using System.CommandLine;
using System.Linq;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// Options and arguments whose value is one member of an enum, shown and typed in lower case
/// (<c>--format &lt;table|json|csv|x12&gt;</c>, <c>[default: table]</c>) rather than as the C# member name. Any case is
/// accepted; anything else is refused with the closest name.
/// </summary>
internal static class ChoiceOption
{
    /// <summary>An option taking one of <typeparamref name="T"/>'s names, in declaration order; when it is not given, its value is the enum's zero member, the default.</summary>
    public static Option<T> Create<T>(string name, string description)
        where T : struct, Enum
    {
        string[] names = Names<T>();

        // No DefaultValueFactory: help would show the default as the member name ("Table"); an option that is not
        // given has the zero member, and help says so in the option's own spelling.
        return new Option<T>(name)
        {
            Description = $"{description} [default: {Name(default(T))}]",
            HelpName = string.Join("|", names),
            CustomParser = result => Parse<T>(result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value, "a value of " + name, names, result.AddError),
        };
    }

    /// <summary>An argument taking one of <typeparamref name="T"/>'s names.</summary>
    public static Argument<T> Argument<T>(string name, string description)
        where T : struct, Enum
    {
        string[] names = Names<T>();
        return new Argument<T>(name)
        {
            Description = description,
            HelpName = string.Join("|", names),
            CustomParser = result => Parse<T>(result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value, "a valid choice", names, result.AddError),
        };
    }

    /// <summary>An option taking a date as YYYY-MM-DD; anything else is refused saying so (not with the .NET type's name).</summary>
    public static Option<DateTime?> Date(string name, string description)
        => new(name)
        {
            Description = description,
            HelpName = "YYYY-MM-DD",
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (DateTime.TryParseExact(token, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime date))
                {
                    return date;
                }

                result.AddError($"'{token}' is not a date for {name}: write it as YYYY-MM-DD (e.g. 2026-11-03).");
                return null;
            },
        };

    private static string[] Names<T>()
        where T : struct, Enum
        => Enum.GetValues(typeof(T)).Cast<T>().Select(v => Name(v)).ToArray();

    private static string Name<T>(T value)
        where T : struct, Enum
        => value.ToString().ToLowerInvariant();

    private static T Parse<T>(string token, string what, string[] names, Action<string> error)
        where T : struct, Enum
    {
        foreach (T value in Enum.GetValues(typeof(T)).Cast<T>())
        {
            if (string.Equals(Name(value), token, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        string? closest = CommandLineChecks.Closest(token.ToLowerInvariant(), names);
        error($"'{token}' is not {what}: use {string.Join(", ", names)}." + (closest is null ? string.Empty : $" Did you mean '{closest}'?"));
        return default;
    }
}
