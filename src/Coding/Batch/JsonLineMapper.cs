using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Batch;

/// <summary>
/// The JSON Lines fast path: parses one line straight into the strict DTOs, without the located node tree, and gives
/// exactly the DTO <see cref="StrictMapper"/> would give from <see cref="JsonDocumentReader"/>'s tree: the same values,
/// the same mapping and value positions (the column just after each token, as the Newtonsoft reader counts them).
/// </summary>
/// <remarks>
/// It takes only the plain, error-free form of a line: the JSON it accepts is a subset (no comments, no escapes in
/// strings, no exponents, no leading zeros, no negative zero, at most 15 digits, only space and tab between tokens),
/// every key known and given once, every value of its declared JSON type, every required key present and the read
/// limits kept. Anything else returns <see langword="null"/>, and the caller reads the line through the document
/// reader, which then reports the located errors (or reads the rarer forms). So the fast path never decides an
/// error: it can only fail to take a line. The DTO it returns still goes through the same case builder, which checks
/// the values. Equivalence is a property test (<c>JsonLineFastPathTests</c>). Thread-safe: the per-type shapes are
/// immutable and built once.
/// </remarks>
internal static class JsonLineMapper
{
    private const int MaxDigits = 15;
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    private enum Kind
    {
        Text,
        Date,
        Enum,
        Bool,
        Int,
        Decimal,
        Double,
        Object,
        List,
    }

    /// <summary>The DTO of <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>], or null when the line is not in the fast path's form.</summary>
    public static T? TryMap<T>(char[] text, int start, int length, ReadLimits limits)
        where T : LocatedDto
    {
        var parser = new Parser(text, start, start + length, limits);
        return parser.Root(ShapeOf(typeof(T))) as T;
    }

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, t => new Shape(t));

    /// <summary>Whether <paramref name="text"/>[<paramref name="start"/>..] begins with <paramref name="word"/> (the caller checked the room).</summary>
    private static bool Same(string word, char[] text, int start)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (text[start + i] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One DTO type: its properties in the strict mapper's order (the slot order of value positions).</summary>
    private sealed class Shape
    {
        public Shape(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.DeclaringType != typeof(LocatedDto))
                .ToList();
            Properties = properties.Select((p, slot) => new Property(p, slot)).ToArray();
            Index = properties.Select((p, slot) => (p.Name, slot)).ToDictionary(x => x.Name, x => x.slot, StringComparer.Ordinal);
            Required = Properties.Where(p => p.Required).Aggregate(0UL, (bits, p) => bits | p.Bit);
            Create = Expression.Lambda<Func<LocatedDto>>(Expression.New(type)).Compile();
            if (type.GetCustomAttribute<ScalarShorthandAttribute>() is { } shorthand)
            {
                Shorthand = Properties.Single(p => p.Key == WireNames.ToSnakeCase(shorthand.Property));
            }

            if (Properties.Length > 64)
            {
                throw new NotSupportedException($"{type.Name} has more than 64 properties.");
            }
        }

        public Property[] Properties { get; }

        public Dictionary<string, int> Index { get; }

        public ulong Required { get; }

        public Func<LocatedDto> Create { get; }

        /// <summary>Gets the string property a plain JSON string fills, when the DTO takes one (<see cref="ScalarShorthandAttribute"/>).</summary>
        public Property? Shorthand { get; }

        public Property? Find(char[] text, int start, int length)
        {
            foreach (Property property in Properties)
            {
                string key = property.Key;
                if (key.Length == length && Same(key, text, start))
                {
                    return property;
                }
            }

            return null;
        }
    }

    /// <summary>A value type: its kind, whether it takes null, and for enums, objects and lists what they hold.</summary>
    private sealed class ValueType
    {
        public ValueType(Type declared)
        {
            Type? underlying = Nullable.GetUnderlyingType(declared);
            AcceptsNull = underlying is not null || !declared.IsValueType;
            Type type = underlying ?? declared;
            if (typeof(LocatedDto).IsAssignableFrom(type))
            {
                Kind = Kind.Object;
                Object = ShapeOf(type);
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                Kind = Kind.List;
                Element = new ValueType(type.GetGenericArguments()[0]);
                CreateList = Expression.Lambda<Func<IList>>(Expression.New(type)).Compile();
            }
            else if (type.IsEnum)
            {
                Kind = Kind.Enum;
                EnumValues = Enum.GetNames(type).Select(n => new KeyValuePair<string, object>(WireNames.Of(type, n), Enum.Parse(type, n))).ToArray();
            }
            else
            {
                Kind = type == typeof(string) ? Kind.Text
                    : type == typeof(DateTime) ? Kind.Date
                    : type == typeof(bool) ? Kind.Bool
                    : type == typeof(int) ? Kind.Int
                    : type == typeof(decimal) ? Kind.Decimal
                    : type == typeof(double) ? Kind.Double
                    : throw new NotSupportedException($"The fast path cannot map {type}.");
            }
        }

        public Kind Kind { get; }

        public bool AcceptsNull { get; }

        public Shape? Object { get; }

        public ValueType? Element { get; }

        public Func<IList>? CreateList { get; }

        public KeyValuePair<string, object>[]? EnumValues { get; }
    }

    /// <summary>One DTO property: its key, slot and a setter per kind (value types set without boxing).</summary>
    private sealed class Property
    {
        public Property(PropertyInfo property, int slot)
        {
            Key = WireNames.ToSnakeCase(property.Name);
            Slot = slot;
            Bit = 1UL << slot;
            Required = property.IsDefined(typeof(RequiredKeyAttribute));
            Value = new ValueType(property.PropertyType);
            switch (Value.Kind)
            {
                case Kind.Date: SetDate = Setter<DateTime>(property); break;
                case Kind.Bool: SetBool = Setter<bool>(property); break;
                case Kind.Int: SetInt = Setter<int>(property); break;
                case Kind.Decimal: SetDecimal = Setter<decimal>(property); break;
                case Kind.Double: SetDouble = Setter<double>(property); break;
                default: SetObject = Setter<object>(property); break;
            }
        }

        public string Key { get; }

        public int Slot { get; }

        public ulong Bit { get; }

        public bool Required { get; }

        public ValueType Value { get; }

        public Action<LocatedDto, object>? SetObject { get; }

        public Action<LocatedDto, DateTime>? SetDate { get; }

        public Action<LocatedDto, bool>? SetBool { get; }

        public Action<LocatedDto, int>? SetInt { get; }

        public Action<LocatedDto, decimal>? SetDecimal { get; }

        public Action<LocatedDto, double>? SetDouble { get; }

        private static Action<LocatedDto, T> Setter<T>(PropertyInfo property)
        {
            var target = Expression.Parameter(typeof(LocatedDto));
            var value = Expression.Parameter(typeof(T));
            var assign = Expression.Assign(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<LocatedDto, T>>(assign, target, value).Compile();
        }
    }

    /// <summary>A recursive-descent parser over one line; every method returns false (or null) to give the line up.</summary>
    private sealed class Parser
    {
        private readonly char[] s;
        private readonly int origin;
        private readonly int end;
        private readonly ReadLimits limits;
        private int pos;

        public Parser(char[] text, int start, int end, ReadLimits limits)
        {
            s = text;
            origin = start;
            pos = start;
            this.end = end;
            this.limits = limits;
        }

        public LocatedDto? Root(Shape shape)
        {
            SkipSpace();
            if (pos >= end || s[pos] != '{')
            {
                return null;
            }

            LocatedDto? dto = Object(shape, 1);
            SkipSpace();
            return pos == end ? dto : null;
        }

        /// <summary>The column the Newtonsoft reader gives a token that ends just before <see cref="pos"/>.</summary>
        private SourceMark Mark => new(1, pos - origin);

        private LocatedDto? Object(Shape shape, int depth)
        {
            if (depth > limits.MaxDepth)
            {
                return null;
            }

            pos++; // '{'
            LocatedDto dto = shape.Create();
            dto.SetStart(Mark);
            dto.UseIndex(shape.Index);
            ulong given = 0;
            int count = 0;
            SkipSpace();
            if (pos < end && s[pos] == '}')
            {
                pos++;
                return (shape.Required & ~given) == 0 ? dto : null;
            }

            while (true)
            {
                if (count++ >= limits.MaxListItems || !String(out int keyStart, out int keyLength))
                {
                    return null;
                }

                Property? property = shape.Find(s, keyStart, keyLength);
                SkipSpace();
                if (property is null || (given & property.Bit) != 0 || pos >= end || s[pos] != ':')
                {
                    return null;
                }

                given |= property.Bit;
                pos++;
                SkipSpace();
                if (!Member(dto, property, depth + 1))
                {
                    return null;
                }

                SkipSpace();
                if (pos >= end)
                {
                    return null;
                }

                char c = s[pos++];
                if (c == '}')
                {
                    return (shape.Required & ~given) == 0 ? dto : null;
                }

                if (c != ',')
                {
                    return null;
                }

                SkipSpace();
            }
        }

        /// <summary>Reads a property's value into the DTO and marks where it ended; an explicit null leaves it out.</summary>
        private bool Member(LocatedDto dto, Property property, int depth)
        {
            ValueType type = property.Value;
            if (Literal("null"))
            {
                // The strict mapper reads an explicit null as the key left out; one that must have a value is an error.
                return type.AcceptsNull && !property.Required;
            }

            switch (type.Kind)
            {
                case Kind.Date:
                    if (!Date(out DateTime date))
                    {
                        return false;
                    }

                    property.SetDate!(dto, date);
                    break;
                case Kind.Bool:
                    if (!Bool(out bool flag))
                    {
                        return false;
                    }

                    property.SetBool!(dto, flag);
                    break;
                case Kind.Int:
                    if (!Number(out int numberStart, out int numberLength) || !TryInt(numberStart, numberLength, out int i))
                    {
                        return false;
                    }

                    property.SetInt!(dto, i);
                    break;
                case Kind.Decimal:
                    if (!Number(out numberStart, out numberLength) || !TryDecimal(numberStart, numberLength, out decimal m))
                    {
                        return false;
                    }

                    property.SetDecimal!(dto, m);
                    break;
                case Kind.Double:
                    if (!Number(out numberStart, out numberLength) || !TryDouble(numberStart, numberLength, out double d))
                    {
                        return false;
                    }

                    property.SetDouble!(dto, d);
                    break;
                default:
                    // Objects and lists are marked where they start (the Newtonsoft reader's position after '{' or '[').
                    SourceMark start = new(1, pos + 1 - origin);
                    object? value = Value(type, depth);
                    if (value is null)
                    {
                        return false;
                    }

                    property.SetObject!(dto, value);
                    if (type.Kind is Kind.Object or Kind.List)
                    {
                        dto.SetValueMark(property.Slot, start);
                        return true;
                    }

                    break;
            }

            dto.SetValueMark(property.Slot, Mark);
            return true;
        }

        /// <summary>A value of a reference kind (text, enum, object, list): the value, or null to give the line up.</summary>
        private object? Value(ValueType type, int depth)
        {
            if (pos >= end)
            {
                return null;
            }

            switch (type.Kind)
            {
                case Kind.Text:
                    return String(out int start, out int length) ? new string(s, start, length) : null;
                case Kind.Enum:
                    return String(out start, out length) ? EnumValue(type.EnumValues!, start, length) : null;
                case Kind.Object:
                    return s[pos] == '{' ? Object(type.Object!, depth) : s[pos] == '"' && type.Object!.Shorthand is { } shorthand ? Shorthand(type.Object, shorthand) : null;
                case Kind.List:
                    return s[pos] == '[' ? List(type, depth) : null;
                default:
                    return ListScalar(type);
            }
        }

        /// <summary>A plain string standing for a DTO's one string property, marked as the strict mapper marks a scalar.</summary>
        private LocatedDto? Shorthand(Shape shape, Property property)
        {
            if (!String(out int start, out int length))
            {
                return null;
            }

            LocatedDto dto = shape.Create();
            dto.SetStart(Mark);
            dto.UseIndex(shape.Index);
            property.SetObject!(dto, new string(s, start, length));
            dto.SetValueMark(property.Slot, Mark);
            return dto;
        }

        /// <summary>A value-type list item (none of the case lists holds one today; boxed like the strict mapper's list.Add).</summary>
        private object? ListScalar(ValueType type)
        {
            switch (type.Kind)
            {
                case Kind.Date:
                    return Date(out DateTime date) ? date : null;
                case Kind.Bool:
                    return Bool(out bool flag) ? flag : null;
                case Kind.Int:
                    return Number(out int start, out int length) && TryInt(start, length, out int i) ? i : null;
                case Kind.Decimal:
                    return Number(out start, out length) && TryDecimal(start, length, out decimal m) ? m : null;
                default:
                    return Number(out start, out length) && TryDouble(start, length, out double d) ? d : null;
            }
        }

        private IList? List(ValueType type, int depth)
        {
            if (depth > limits.MaxDepth)
            {
                return null;
            }

            pos++; // '['
            IList list = type.CreateList!();
            SkipSpace();
            if (pos < end && s[pos] == ']')
            {
                pos++;
                return list;
            }

            while (true)
            {
                if (list.Count >= limits.MaxListItems || Literal("null"))
                {
                    return null; // Over the limit, or a null item (an error for the strict mapper).
                }

                object? item = Value(type.Element!, depth + 1);
                if (item is null)
                {
                    return null;
                }

                list.Add(item);
                SkipSpace();
                if (pos >= end)
                {
                    return null;
                }

                char c = s[pos++];
                if (c == ']')
                {
                    return list;
                }

                if (c != ',')
                {
                    return null;
                }

                SkipSpace();
            }
        }

        private object? EnumValue(KeyValuePair<string, object>[] values, int start, int length)
        {
            foreach (var value in values)
            {
                if (value.Key.Length == length && JsonLineMapper.Same(value.Key, s, start))
                {
                    return value.Value;
                }
            }

            return null;
        }

        /// <summary>A string with no escape and no control character (nor U+FFFF, which marks invalid UTF-8).</summary>
        private bool String(out int start, out int length)
        {
            start = length = 0;
            if (pos >= end || s[pos] != '"')
            {
                return false;
            }

            int i = pos + 1;
            while (i < end)
            {
                char c = s[i];
                if (c == '"')
                {
                    start = pos + 1;
                    length = i - start;
                    pos = i + 1;
                    return true;
                }

                if (c == '\\' || c < 0x20 || c == '\uFFFF')
                {
                    return false;
                }

                i++;
            }

            return false;
        }

        private bool Date(out DateTime date)
        {
            date = default;
            if (!String(out int start, out int length) || length != 10)
            {
                return false;
            }

            // The strict mapper's own parse, so the dates it takes and refuses are the same.
#if NETSTANDARD2_0
            return DateTime.TryParseExact(new string(s, start, length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
#else
            return DateTime.TryParseExact(s.AsSpan(start, length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
#endif
        }

        private bool Bool(out bool value)
        {
            value = Literal("true");
            return value || Literal("false");
        }

        /// <summary>A literal (null, true, false) followed by the end, space or punctuation.</summary>
        private bool Literal(string word)
        {
            if (end - pos < word.Length || !JsonLineMapper.Same(word, s, pos))
            {
                return false;
            }

            int after = pos + word.Length;
            if (after < end && s[after] is not (' ' or '\t' or ',' or '}' or ']'))
            {
                return false;
            }

            pos = after;
            return true;
        }

        /// <summary>
        /// A number of the form <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c>, at most 15 digits, not a negative zero: the forms
        /// whose text the Newtonsoft reader hands on unchanged (as a long or a decimal turned back into text).
        /// </summary>
        private bool Number(out int start, out int length)
        {
            start = pos;
            length = 0;
            int i = pos;
            bool negative = i < end && s[i] == '-';
            if (negative)
            {
                i++;
            }

            int firstDigit = i;
            bool nonZero = false;
            while (i < end && s[i] is >= '0' and <= '9')
            {
                nonZero |= s[i] != '0';
                i++;
            }

            int integerDigits = i - firstDigit;
            if (integerDigits == 0 || (integerDigits > 1 && s[firstDigit] == '0'))
            {
                return false;
            }

            int digits = integerDigits;
            if (i < end && s[i] == '.')
            {
                int fraction = ++i;
                while (i < end && s[i] is >= '0' and <= '9')
                {
                    nonZero |= s[i] != '0';
                    i++;
                }

                if (i == fraction)
                {
                    return false;
                }

                digits += i - fraction;
            }

            if (digits > MaxDigits || (negative && !nonZero) || (i < end && s[i] is not (' ' or '\t' or ',' or '}' or ']')))
            {
                return false;
            }

            length = i - start;
            pos = i;
            return true;
        }

        private bool TryInt(int start, int length, out int value)
#if NETSTANDARD2_0
            => int.TryParse(new string(s, start, length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
#else
            => int.TryParse(s.AsSpan(start, length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
#endif

        private bool TryDecimal(int start, int length, out decimal value)
#if NETSTANDARD2_0
            => decimal.TryParse(new string(s, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#else
            => decimal.TryParse(s.AsSpan(start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#endif

        private bool TryDouble(int start, int length, out double value)
#if NETSTANDARD2_0
            => double.TryParse(new string(s, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#else
            => double.TryParse(s.AsSpan(start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#endif

        private void SkipSpace()
        {
            while (pos < end && s[pos] is ' ' or '\t')
            {
                pos++;
            }
        }
    }
}
