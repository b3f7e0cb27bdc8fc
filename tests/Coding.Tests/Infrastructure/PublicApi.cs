using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// Writes an assembly's public surface (types and their public and protected members, with nullability) as sorted text,
/// in the spirit of PublicApiGenerator (not restorable here), so any change to the surface is a visible snapshot diff.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var group in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).GroupBy(t => t.Namespace))
        {
            text.Append("namespace ").Append(group.Key).Append('\n');
            foreach (Type type in group)
            {
                text.Append("  ").Append(TypeHeader(type)).Append('\n');
                foreach (string member in Members(type).OrderBy(m => m, StringComparer.Ordinal))
                {
                    text.Append("    ").Append(member).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.GetMethod("<Clone>$") is not null ? "record"
            : "class";
        string modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsSealed && !type.IsValueType ? "sealed " : type.IsAbstract && !type.IsInterface ? "abstract " : string.Empty;
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        }
        return $"public {modifiers}{kind} {Name(type)}" + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases));
    }

    private static IEnumerable<string> Members(Type type)
    {
        var nullability = new NullabilityInfoContext();
        if (type.IsEnum)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (MemberInfo member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo ctor when Visible(ctor):
                    yield return $"{Access(ctor)}{Name(type)}({Parameters(ctor, nullability)})";
                    break;
                case MethodInfo method when Visible(method) && !method.IsSpecialName && !method.Name.StartsWith('<'):
                    yield return $"{Access(method)}{(method.IsStatic ? "static " : string.Empty)}{Nullable(nullability.Create(method.ReturnParameter))} {method.Name}{Generic(method)}({Parameters(method, nullability)})";
                    break;
                case MethodInfo op when Visible(op) && op.IsSpecialName && op.Name.StartsWith("op_", StringComparison.Ordinal):
                    yield return $"{Access(op)}static {Name(op.ReturnType)} {op.Name}({Parameters(op, nullability)})";
                    break;
                case PropertyInfo property when Accessors(property).Any(Visible):
                    var accessors = Accessors(property).Where(Visible).Select(a => (a.ReturnType == typeof(void) ? (IsInit(a) ? "init" : "set") : "get") + ";");
                    MethodInfo first = Accessors(property).First(Visible);
                    yield return $"{Access(first)}{(first.IsStatic ? "static " : string.Empty)}{Nullable(nullability.Create(property))} {property.Name} {{ {string.Join(" ", accessors)} }}";
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily:
                    yield return $"{(field.IsPublic ? "public " : "protected ")}{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{Nullable(nullability.Create(field))} {field.Name}" + (field.IsLiteral ? " = " + (field.GetRawConstantValue() is string text ? $"\"{text}\"" : Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)) : string.Empty);
                    break;
            }
        }
    }

    private static IEnumerable<MethodInfo> Accessors(PropertyInfo property) => new[] { property.GetMethod, property.SetMethod }.Where(m => m is not null)!;

    private static bool IsInit(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Generic(MethodInfo method) => method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
        => string.Join(", ", method.GetParameters().Select(p => $"{Nullable(nullability.Create(p))} {p.Name}" + (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty)));

    private static string Nullable(NullabilityInfo info)
        => Name(info.Type) + (info.ReadState == NullabilityState.Nullable && !info.Type.IsValueType ? "?" : string.Empty);

    private static string Name(Type type)
    {
        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        string name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        string full = (type.IsNested ? Name(type.DeclaringType!) + "." : type.Namespace + ".") + name;
        return type.IsGenericType ? full + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">" : full;
    }
}
