using System;
using System.IO;
using IntraperitonealCoding.Documents;

namespace IntraperitonealCoding;

/// <summary>The syntax of a data document.</summary>
public enum DocumentFormat
{
    /// <summary>YAML 1.2 (block or flow style).</summary>
    Yaml = 0,

    /// <summary>JSON.</summary>
    Json = 1,
}

/// <summary>Reads a document of either format into a located tree.</summary>
internal static class DocumentReader
{
    public static DocumentFormat FormatOf(string path)
        => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Json : DocumentFormat.Yaml;

    /// <summary>Reads a document; text no data file may hold (invalid UTF-8, NUL) is refused before parsing.</summary>
    public static DataNode? Read(string text, DocumentFormat format, DataErrorSink errors)
    {
        if (!TextCheck.Check(text, errors))
        {
            return null;
        }

        return format == DocumentFormat.Json ? JsonDocumentReader.Read(text, errors) : YamlDocumentReader.Read(text, errors);
    }
}
