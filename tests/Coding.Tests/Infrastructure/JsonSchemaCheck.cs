using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>
/// Checks a JSON value against a JSON Schema (draft 2020-12) with JsonSchema.Net, a validator that passes the official
/// JSON Schema test suite; each problem is "instance location: keyword: message" (keyword "false" for the false
/// schema, which is what additionalProperties: false gives an unknown key).
/// </summary>
internal static class JsonSchemaCheck
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Compiled = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Problems(JToken value, JObject schema)
    {
        // Each schema text is built once, in a registry of its own (the global one refuses a second schema with one $id).
        string text = schema.ToString(Formatting.None);
        JsonSchema compiled = Compiled.GetOrAdd(text, t => JsonSchema.FromText(t, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        using JsonDocument document = JsonDocument.Parse(value.ToString(Formatting.None));
        EvaluationResults results = compiled.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? Array.Empty<string>()
            : (results.Details ?? new List<EvaluationResults> { results })
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{Location(d.InstanceLocation.ToString())}: {(e.Key.Length == 0 ? "false" : e.Key)}: {e.Value}"))
                .Distinct(StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>A JSON Pointer as the path the messages use: "" is "$", "/a/0" is "$.a[0]".</summary>
    private static string Location(string pointer)
        => "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{p}]" : "." + p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));

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
}
