using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>
/// The floor a batch is measured against: read each line, parse it with Newtonsoft.Json into a token tree, write it
/// back, one line out per line in. It codes nothing; it is the cost of reading and writing JSON Lines with the JSON
/// library the project already uses.
/// </summary>
internal static class Floor
{
    /// <summary>Runs the floor from one reader to one writer; returns the number of lines.</summary>
    public static long Run(TextReader input, TextWriter output)
    {
        long lines = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            using (var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
            {
                JToken token = JToken.ReadFrom(reader);
                output.Write(token.ToString(Formatting.None));
            }

            output.Write('\n');
            lines++;
        }

        output.Flush();
        return lines;
    }

    /// <summary>The floor file to file, as <c>coding batch</c> reads and writes (UTF-8, 64 KiB buffers).</summary>
    public static string File(string input, string output)
    {
        var clock = Stopwatch.StartNew();
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        long lines = Run(reader, writer);
        return string.Format(CultureInfo.InvariantCulture, "floor: {0} lines, {1:0} lines/s ({2:0.00} s)", lines, lines / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);
    }
}
