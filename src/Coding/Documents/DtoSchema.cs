using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using IntraperitonealCoding.Maintenance;

namespace IntraperitonealCoding.Documents;

/// <summary>
/// JSON Schema (draft 2020-12) of a DTO the strict mapper fills, generated from the DTO itself so the schema can never
/// drift from what the reader accepts: snake_case keys, <c>additionalProperties: false</c> everywhere, required keys
/// from <see cref="RequiredKeyAttribute"/>, and <c>null</c> allowed on the keys that may be left out (an explicit null
/// is read as the key left out).
/// </summary>
internal static class DtoSchema
{
    public static string Generate(Type dto, string title, string description)
    {
        var schema = new JObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
            ["description"] = description,
        };
        foreach (var property in ObjectSchema(dto).Properties())
        {
            schema[property.Name] = property.Value;
        }

        return schema.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
    }

    private static JObject ObjectSchema(Type type)
    {
        var properties = new JObject();
        var required = new JArray();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.DeclaringType != typeof(LocatedDto)))
        {
            string key = WireNames.ToSnakeCase(property.Name);
            bool isRequired = property.IsDefined(typeof(RequiredKeyAttribute));
            properties[key] = isRequired ? ValueSchema(property.PropertyType) : OrNull(ValueSchema(property.PropertyType));
            if (isRequired)
            {
                required.Add(key);
            }
        }

        var schema = new JObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static JObject OrNull(JObject schema)
    {
        if (schema["enum"] is JArray values)
        {
            values.Add(JValue.CreateNull());
            return schema;
        }

        if (schema["type"] is JValue { Type: JTokenType.String } type && schema["properties"] is null)
        {
            schema["type"] = new JArray((string)type!, "null");
            return schema;
        }

        return new JObject { ["anyOf"] = new JArray(schema, new JObject { ["type"] = "null" }) };
    }

    private static JObject ValueSchema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(LocatedDto).IsAssignableFrom(type))
        {
            // A DTO with a scalar shorthand takes a plain string for its one string property, or the whole mapping.
            return type.GetCustomAttributes(typeof(ScalarShorthandAttribute), false).Length > 0
                ? new JObject { ["anyOf"] = new JArray(new JObject { ["type"] = "string" }, ObjectSchema(type)) }
                : ObjectSchema(type);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            // A list of nullable values (one POA indicator per diagnosis) takes null items; other lists never do.
            Type element = type.GetGenericArguments()[0];
            JObject items = ValueSchema(element);
            return new JObject { ["type"] = "array", ["items"] = Nullable.GetUnderlyingType(element) is null ? items : new JObject { ["anyOf"] = new JArray(items, new JObject { ["type"] = "null" }) } };
        }

        if (type.IsEnum)
        {
            return new JObject { ["enum"] = new JArray(Enum.GetNames(type).Select(n => WireNames.Of(type, n))) };
        }

        if (type == typeof(DateTime))
        {
            return new JObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
        }

        string json = type == typeof(string) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(int) ? "integer"
            : "number";
        return new JObject { ["type"] = json };
    }
}
