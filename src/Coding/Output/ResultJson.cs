using System.Collections.Generic;
using System.IO;
using Coding.Infrastructure;
using Coding.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Coding.Output;

/// <summary>
/// Writes coding results as JSON: snake_case keys, enumerations as their snake_case (or code-system) names, dates as
/// <c>YYYY-MM-DD</c>. This is the machine contract billing software reads.
/// </summary>
/// <remarks>Thread-safe: the serializer settings are built once and never changed.</remarks>
public static class ResultJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new SnakeCaseNamingStrategy()) },
        DateFormatString = "yyyy-MM-dd",
        NullValueHandling = NullValueHandling.Include,
        Culture = System.Globalization.CultureInfo.InvariantCulture,
    });

    /// <summary>Serialises one result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent (for people) or write one line (for JSON Lines).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Serialize(CodingResult result, bool indented = true)
    {
        Preconditions.CheckNotNull(result, nameof(result));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, result, indented);
        return writer.ToString();
    }

    /// <summary>Serialises several results as one JSON array.</summary>
    /// <param name="results">The results.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static string Serialize(IEnumerable<CodingResult> results, bool indented = true)
    {
        Preconditions.CheckNotNull(results, nameof(results));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var json = new JsonTextWriter(writer) { Formatting = indented ? Formatting.Indented : Formatting.None };
        Serializer.Serialize(json, results);
        json.Flush();
        return writer.ToString();
    }

    /// <summary>Writes one result to a text writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="writer"/> or <paramref name="result"/> is null.</exception>
    public static void Write(TextWriter writer, CodingResult result, bool indented = false)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        Preconditions.CheckNotNull(result, nameof(result));
        using var json = new JsonTextWriter(writer) { Formatting = indented ? Formatting.Indented : Formatting.None, CloseOutput = false };
        Serializer.Serialize(json, result);
        json.Flush();
    }
}
