using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// Maps a located <see cref="DataNode"/> tree onto internal DTOs, strictly: keys are the snake_case form of the
/// property names, an unknown key, a missing required key or a value of the wrong type is an error with its position,
/// and mapping goes on after an error so that every problem in a document is reported in one pass.
/// </summary>
/// <remarks>Thread-safe: the per-type metadata cache is a concurrent dictionary of immutable shapes.</remarks>
internal static class StrictMapper
{
    private static readonly ConcurrentDictionary<Type, DtoShape> Shapes = new();
    private static readonly ConcurrentDictionary<Type, EnumShape> EnumShapes = new();
    private static readonly ConcurrentDictionary<Type, ValueShape> ValueShapes = new();

    private enum ValueKind
    {
        Scalar,
        Object,
        List,
    }

    public static T? Map<T>(DataNode node, DataErrorSink errors)
        where T : LocatedDto, new()
        => (T?)MapValue(typeof(T), node, errors);

    private static object? MapValue(Type type, DataNode node, DataErrorSink errors)
        => MapValue(ValueShapes.GetOrAdd(type, t => new ValueShape(t)), node, errors);

    private static object? MapValue(ValueShape shape, DataNode node, DataErrorSink errors)
    {
        if (node is ScalarNode { Value: null })
        {
            if (!shape.AcceptsNull)
            {
                errors.Add(DataErrorIds.InvalidValue, $"A value is required here ({Describe(shape.Type)}), not null.", node.Start);
            }

            return null;
        }

        switch (shape.Kind)
        {
            case ValueKind.Object:
                return MapObject(shape.Type, node, errors);
            case ValueKind.List:
                return MapList(shape, node, errors);
            default:
                if (node is not ScalarNode scalar)
                {
                    errors.Add(DataErrorIds.InvalidValue, $"Expected {Describe(shape.Type)}, found {node.Kind}.", node.Start);
                    return null;
                }

                return MapScalar(shape.Type, scalar, errors);
        }
    }

    private static object? MapObject(Type type, DataNode node, DataErrorSink errors)
    {
        DtoShape shape = Shapes.GetOrAdd(type, t => new DtoShape(t));
        if (node is ScalarNode scalar && shape.Shorthand is { } shorthand)
        {
            // A plain scalar stands for the mapping's one string property (a diagnosis code for { code: ... }).
            LocatedDto shortDto = shape.Create();
            shortDto.SetStart(scalar.Start);
            shortDto.UseIndex(shape.Index);
            shortDto.SetValueMark(shorthand.Slot, scalar.Start);
            shorthand.Set(shortDto, scalar.Value!);
            return shortDto;
        }

        if (node is not MappingNode mapping)
        {
            errors.Add(
                DataErrorIds.InvalidValue,
                shape.Form is { } form && node is ScalarNode
                    ? $"Expected a mapping (key: value pairs), found a single value: write it as {form}."
                    : $"Expected a mapping (key: value pairs), found {node.Kind}.",
                node.Start);
            return null;
        }

        LocatedDto dto = shape.Create();
        dto.SetStart(mapping.Start);
        dto.UseIndex(shape.Index);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            string key = entry.Key.Value!;
            if (!shape.Properties.TryGetValue(key, out DtoProperty? property))
            {
                string? suggestion = Closest(key, shape.Keys);
                string hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                errors.Add(DataErrorIds.UnknownKey, $"Unknown key '{Shown.Text(key)}'.{hint} Allowed here: {string.Join(", ", shape.Keys)}.", entry.Key.Start);
                continue;
            }

            given.Add(key);

            // An explicit null is the key left out: a builder that requires the key then reports it missing.
            if (entry.Value is not ScalarNode { Value: null })
            {
                dto.SetValueMark(property.Slot, entry.Value.Start);
            }

            object? value = MapValue(property.Shape, entry.Value, errors);
            if (value is not null)
            {
                property.Set(dto, value);
            }
            else if (entry.Value is ScalarNode { Value: null } && shape.Required.Contains(key))
            {
                errors.Add(DataErrorIds.MissingKey, $"'{key}' needs a value.", entry.Value.Start);
            }
        }

        foreach (string key in shape.Required)
        {
            if (!given.Contains(key))
            {
                errors.Add(DataErrorIds.MissingKey, $"Missing required key '{key}'.", mapping.Start);
            }
        }

        return dto;
    }

    private static object? MapList(ValueShape shape, DataNode node, DataErrorSink errors)
    {
        if (node is not SequenceNode sequence)
        {
            errors.Add(DataErrorIds.InvalidValue, $"Expected a list, found {node.Kind}.", node.Start);
            return null;
        }

        var list = shape.CreateList!();
        foreach (DataNode item in sequence.Items)
        {
            if (item is ScalarNode { Value: null } && shape.Element!.NullableValue)
            {
                // A list of optional values (one POA indicator per diagnosis, null where there is none) keeps its nulls.
                list.Add(null);
                continue;
            }

            if (item is ScalarNode { Value: null })
            {
                // A null item would be dropped silently; it is a mistake (an empty "- " or a stray comma).
                errors.Add(DataErrorIds.InvalidValue, $"A list item cannot be null here ({Describe(shape.Element!.Type)} expected).", item.Start);
                continue;
            }

            object? value = MapValue(shape.Element!, item, errors);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static object? MapScalar(Type type, ScalarNode scalar, DataErrorSink errors)
    {
        string text = scalar.Value!;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(DateTime))
        {
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            return Fail($"Expected a date as YYYY-MM-DD, found '{Shown.Text(text)}'.");
        }

        if (type.IsEnum)
        {
            EnumShape shape = EnumShapes.GetOrAdd(type, t => new EnumShape(t));
            return shape.Values.TryGetValue(text, out object? value) ? value : Fail($"'{Shown.Text(text)}' is not one of: {shape.Choices}.");
        }

        if (scalar.IsText)
        {
            return Fail($"Expected {Describe(type)}, found the text \"{Shown.Text(text)}\" (remove the quotes if a number or true/false is meant).");
        }

        if (type == typeof(bool))
        {
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : Fail($"Expected true or false, found '{Shown.Text(text)}'.");
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? i : Fail($"Expected a whole number, found '{Shown.Text(text)}'.");
        }

        if (type == typeof(decimal))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m) ? m : Fail($"Expected a number, found '{Shown.Text(text)}'.");
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsNaN(d) && !double.IsInfinity(d)
                ? d
                : Fail($"Expected a finite number, found '{Shown.Text(text)}'.");
        }

        throw new NotSupportedException($"The strict mapper cannot map {type}.");

        object? Fail(string message)
        {
            errors.Add(DataErrorIds.InvalidValue, message, scalar.Start);
            return null;
        }
    }

    /// <summary>The allowed key nearest to a misspelt one (edit distance at most 2), if any.</summary>
    private static string? Closest(string key, IReadOnlyList<string> allowed)
    {
        if (key.Length > 64)
        {
            return null; // No key is that long; spare the quadratic edit distance.
        }

        string? best = null;
        int bestDistance = 3;
        foreach (string candidate in allowed)
        {
            int distance = EditDistance(key, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int))
        {
            return "a whole number";
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateTime))
        {
            return "a date (YYYY-MM-DD)";
        }

        return type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(n => WireNames.Of(type, n))) : "text";
    }

    /// <summary>
    /// A DTO type's keys, required keys, factory and setters, built once per type. No expression is compiled: every
    /// rule file's DTOs are shaped at start-up, and compiling a lambda per property cost the console a sixth of its
    /// cold start (docs/performance.md). Setters are delegates bound straight to the property setters instead.
    /// </summary>
    private sealed class DtoShape
    {
        public DtoShape(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.DeclaringType != typeof(LocatedDto))
                .ToList();
            Properties = properties.Select((p, slot) => new DtoProperty(p, slot)).ToDictionary(p => WireNames.ToSnakeCase(p.Name), StringComparer.Ordinal);
            Index = properties.Select((p, slot) => (p.Name, slot)).ToDictionary(x => x.Name, x => x.slot, StringComparer.Ordinal);
            Keys = properties.Select(p => WireNames.ToSnakeCase(p.Name)).ToArray();
            Required = properties.Where(p => p.IsDefined(typeof(RequiredKeyAttribute))).Select(p => WireNames.ToSnakeCase(p.Name)).ToArray();
            Create = () => (LocatedDto)Activator.CreateInstance(type)!;
            Form = type.GetCustomAttribute<MappingFormAttribute>()?.Form;
            if (type.GetCustomAttribute<ScalarShorthandAttribute>() is { } shorthand)
            {
                Shorthand = Properties.Values.Single(p => p.Name == shorthand.Property);
            }
        }

        /// <summary>Gets how the mapping is written, shown when a plain value stands where it belongs (<see cref="MappingFormAttribute"/>).</summary>
        public string? Form { get; }

        /// <summary>Gets the string property a plain scalar fills, when the DTO takes one (<see cref="ScalarShorthandAttribute"/>).</summary>
        public DtoProperty? Shorthand { get; }

        public Dictionary<string, DtoProperty> Properties { get; }

        /// <summary>Each property's slot for value positions, by C# property name.</summary>
        public Dictionary<string, int> Index { get; }

        public IReadOnlyList<string> Keys { get; }

        public IReadOnlyList<string> Required { get; }

        public Func<LocatedDto> Create { get; }
    }

    private sealed class DtoProperty
    {
        public DtoProperty(PropertyInfo property, int slot)
        {
            Name = property.Name;
            Slot = slot;
            Shape = ValueShapes.GetOrAdd(property.PropertyType, t => new ValueShape(t));
            var setter = (Setter)Activator.CreateInstance(typeof(Setter<,>).MakeGenericType(property.DeclaringType!, property.PropertyType), property.SetMethod!)!;
            Set = setter.Set;
        }

        public string Name { get; }

        public int Slot { get; }

        public ValueShape Shape { get; }

        public Action<LocatedDto, object> Set { get; }
    }

    /// <summary>What kind of value a declared type takes (worked out once per type, not per value).</summary>
    private sealed class ValueShape
    {
        public ValueShape(Type declared)
        {
            Type? underlying = Nullable.GetUnderlyingType(declared);
            AcceptsNull = underlying is not null || !declared.IsValueType;
            NullableValue = underlying is not null;
            Type = underlying ?? declared;
            if (typeof(LocatedDto).IsAssignableFrom(Type))
            {
                Kind = ValueKind.Object;
            }
            else if (Type.IsGenericType && Type.GetGenericTypeDefinition() == typeof(List<>))
            {
                Kind = ValueKind.List;
                Element = ValueShapes.GetOrAdd(Type.GetGenericArguments()[0], t => new ValueShape(t));
                Type list = Type;
                CreateList = () => (IList)Activator.CreateInstance(list)!;
            }
        }

        public Type Type { get; }

        public bool AcceptsNull { get; }

        /// <summary>Gets a value indicating whether the declared type is a nullable value type (a list of them keeps null items).</summary>
        public bool NullableValue { get; }

        public ValueKind Kind { get; }

        public ValueShape? Element { get; }

        public Func<IList>? CreateList { get; }
    }

    /// <summary>An enumeration's wire names and boxed values, built once per type.</summary>
    private sealed class EnumShape
    {
        public EnumShape(Type type)
        {
            Values = Enum.GetNames(type).ToDictionary(n => WireNames.Of(type, n), n => Enum.Parse(type, n), StringComparer.Ordinal);
            Choices = string.Join(", ", Values.Keys);
        }

        public Dictionary<string, object> Values { get; }

        public string Choices { get; }
    }
    /// <summary>Sets one property from a boxed value.</summary>
    private abstract class Setter
    {
        public abstract void Set(LocatedDto dto, object value);
    }

    /// <summary>A property setter as a typed delegate: one unboxing, no reflection per value, nothing compiled.</summary>
    private sealed class Setter<TDto, TValue> : Setter
        where TDto : LocatedDto
    {
        private readonly Action<TDto, TValue> set;

        public Setter(MethodInfo setMethod) => set = (Action<TDto, TValue>)Delegate.CreateDelegate(typeof(Action<TDto, TValue>), setMethod);

        public override void Set(LocatedDto dto, object value) => set((TDto)dto, (TValue)value);
    }
}
