using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace IntraperitonealCoding;

/// <summary>
/// The names enumeration values have in case files, rule files and JSON results: the <see cref="EnumMemberAttribute"/>
/// value where one is given (e.g. <c>ICD-10-PCS</c>), otherwise the snake_case form of the member (e.g. <c>facility_outpatient</c>).
/// </summary>
public static class WireNames
{
    /// <summary>Gives the wire name of an enumeration value.</summary>
    /// <typeparam name="TEnum">The enumeration type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The name as written in files and JSON.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.ByValue.TryGetValue(value, out string? name) ? name : Of(typeof(TEnum), value.ToString());

    /// <summary>Converts a PascalCase identifier to snake_case (<c>DoseMgPerM2</c> → <c>dose_mg_per_m2</c>).</summary>
    /// <param name="name">The identifier.</param>
    /// <returns>The snake_case form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string ToSnakeCase(string name)
    {
        IntraperitonealCoding.Infrastructure.Preconditions.CheckNotNull(name, nameof(name));
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Each enumeration's wire names, looked up by reflection once per type (thread-safe static initialisation).</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly Dictionary<TEnum, string> ByValue = Build();

        private static Dictionary<TEnum, string> Build()
        {
            var names = new Dictionary<TEnum, string>();
            foreach (string member in Enum.GetNames(typeof(TEnum)))
            {
                names[(TEnum)Enum.Parse(typeof(TEnum), member)] = Of(typeof(TEnum), member);
            }

            return names;
        }
    }

    internal static string Of(Type enumType, string memberName)
    {
        var attribute = enumType.GetField(memberName)?.GetCustomAttribute<EnumMemberAttribute>();
        return attribute?.Value ?? ToSnakeCase(memberName);
    }
}
