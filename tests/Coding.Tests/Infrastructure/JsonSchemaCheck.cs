using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema (draft 2020-12) the project generates: type (one or a list),
/// properties, required, additionalProperties false, items, enum, pattern, anyOf. No validator package restores here.
/// </summary>
internal static class JsonSchemaCheck
{
    public static IReadOnlyList<string> Problems(JToken value, JObject schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    /// <summary>A YAML document as a JSON value: plain scalars typed as YAML's core schema reads them, quoted ones as text.</summary>
    public static JToken FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => JValue.CreateNull(),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        if (text is "" or "~" or "null")
        {
            return JValue.CreateNull();
        }

        if (text is "true" or "false")
        {
            return new JValue(text == "true");
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return new JValue(integer);
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) ? new JValue(number) : new JValue(text);
    }

    private static void Check(JToken value, JObject schema, string path, List<string> problems)
    {
        if (schema["anyOf"] is JArray options)
        {
            if (!options.OfType<JObject>().Any(o => Problems(value, o).Count == 0))
            {
                problems.Add($"{path}: matches none of anyOf");
            }

            return;
        }

        if (schema["enum"] is JArray allowed && !allowed.Any(a => JToken.DeepEquals(a, value)))
        {
            problems.Add($"{path}: {value.ToString(Newtonsoft.Json.Formatting.None)} is not one of {allowed.ToString(Newtonsoft.Json.Formatting.None)}");
            return;
        }

        if (schema["type"] is { } type)
        {
            var types = type is JArray list ? list.Select(t => (string)t!).ToList() : new List<string> { (string)type! };
            if (!types.Any(t => IsType(value, t)))
            {
                problems.Add($"{path}: {value.Type} is not {string.Join(" or ", types)}");
                return;
            }
        }

        if (schema["pattern"] is { } pattern && value.Type == JTokenType.String && !Regex.IsMatch((string)value!, (string)pattern!))
        {
            problems.Add($"{path}: '{value}' does not match {pattern}");
        }

        if (value is JObject obj && schema["properties"] is JObject properties)
        {
            foreach (JProperty property in obj.Properties())
            {
                if (properties[property.Name] is JObject propertySchema)
                {
                    Check(property.Value, propertySchema, path + "." + property.Name, problems);
                }
                else if (schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } additional && !(bool)additional)
                {
                    problems.Add($"{path}: unknown key '{property.Name}'");
                }
            }

            foreach (string required in (schema["required"] as JArray)?.Select(r => (string)r!) ?? Enumerable.Empty<string>())
            {
                if (obj[required] is null)
                {
                    problems.Add($"{path}: missing '{required}'");
                }
            }
        }

        if (value is JArray array && schema["items"] is JObject items)
        {
            for (int i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", problems);
            }
        }
    }

    private static bool IsType(JToken value, string type) => type switch
    {
        "object" => value.Type == JTokenType.Object,
        "array" => value.Type == JTokenType.Array,
        "string" => value.Type is JTokenType.String or JTokenType.Date,
        "boolean" => value.Type == JTokenType.Boolean,
        "integer" => value.Type == JTokenType.Integer,
        "number" => value.Type is JTokenType.Integer or JTokenType.Float,
        "null" => value.Type == JTokenType.Null,
        _ => false,
    };
}
