using System;

namespace IntraperitonealCoding.Maintenance;

/// <summary>
/// The old home of <see cref="IntraperitonealCoding.WireNames"/>, kept internal for the library files that still
/// name it in full (src/Coding/Engine/HipecCoder.cs, SurgeonRoles.cs, src/Coding/Rules/RuleSetBuilder.Tables.cs);
/// remove it when they next change. Not public: consumers use <see cref="IntraperitonealCoding.WireNames"/>.
/// </summary>
internal static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => IntraperitonealCoding.WireNames.Of(value);

    public static string ToSnakeCase(string name) => IntraperitonealCoding.WireNames.ToSnakeCase(name);
}
