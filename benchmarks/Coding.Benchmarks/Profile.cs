using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using IntraperitonealCoding.Batch;
using IntraperitonealCoding.Cases.Reading;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Benchmarks;

/// <summary>
/// Where a sequential batch's time goes, stage by stage, on a real file: each line's stages are timed with the
/// high-resolution clock and summed (the clock costs ~25 ns a reading, far below a stage). Allocation per case and
/// the garbage collector's pauses are given too. The file is read twice: the first pass warms the JIT up.
/// </summary>
internal static class Profile
{
    private static readonly string[] Stages = { "read line", "fast path (JSON → DTO)", "document reader (fallback)", "build case", "code", "write record", "encode UTF-8" };

    public static string Run(string path)
    {
        Pass(path, out _);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan paused = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        long[] ticks = Pass(path, out long lines);
        double total = clock.Elapsed.TotalSeconds;
        var report = new StringBuilder();
        report.AppendFormat(CultureInfo.InvariantCulture, "{0} lines, {1:0.00} s, {2:0} lines/s, one thread, warm\n", lines, total, lines / total);
        for (int i = 0; i < Stages.Length; i++)
        {
            double us = ticks[i] * 1e6 / Stopwatch.Frequency / lines;
            report.AppendFormat(CultureInfo.InvariantCulture, "  {0,-28} {1,6:0.00} µs/line  {2,5:0.0} %\n", Stages[i], us, 100.0 * ticks[i] / Stopwatch.Frequency / total);
        }

        report.AppendFormat(CultureInfo.InvariantCulture, "  allocated {0:0.0} KB/line; GC paused {1:0.00} s ({2:0.0} %); collections gen0 {3}, gen1 {4}, gen2 {5}\n",
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / lines,
            (GC.GetTotalPauseDuration() - paused).TotalSeconds,
            100 * (GC.GetTotalPauseDuration() - paused).TotalSeconds / total,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2);
        return report.ToString();
    }

    private static long[] Pass(string path, out long lines)
    {
        var ticks = new long[Stages.Length];
        var rules = RuleSet.Default;
        var encoder = new UTF8Encoding(false);
        var bytes = new byte[1 << 16];
        using var input = new StreamReader(path, SourceText.MarkedUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var reader = new JsonLinesReader(input, ReadLimits.DefaultMaxLineBytes);
        var buffer = new LineBuffer();
        var record = new RecordWriter();
        lines = 0;
        while (true)
        {
            long t0 = Stopwatch.GetTimestamp();
            buffer.Length = 0;
            if (!reader.Next(buffer, out LineSpan line))
            {
                break;
            }

            lines++;
            long t1 = Stopwatch.GetTimestamp();
            ticks[0] += t1 - t0;
            CaseDto? dto = JsonLineMapper.TryMap<CaseDto>(buffer.Chars, line.Start, line.Length, ReadLimits.Default);
            long t2 = Stopwatch.GetTimestamp();
            ticks[1] += t2 - t1;
            string name = "profile:" + lines.ToString(CultureInfo.InvariantCulture);
            CaseReadResult read;
            if (dto is null)
            {
                read = CaseFile.Parse(new string(buffer.Chars, line.Start, line.Length), name, DocumentFormat.Json);
                long t3 = Stopwatch.GetTimestamp();
                ticks[2] += t3 - t2;
                t2 = t3;
            }
            else
            {
                read = CaseFile.Build(dto, new DataErrorSink(name), name);
            }

            long t4 = Stopwatch.GetTimestamp();
            ticks[3] += t4 - t2;
            if (read.Case is null)
            {
                continue;
            }

            CodingResult result = rules.Code(read.Case);
            long t5 = Stopwatch.GetTimestamp();
            ticks[4] += t5 - t4;
            record.Clear();
            record.Result(result, rules.Notes, compactForm: Environment.GetEnvironmentVariable("PROFILE_COMPACT") == "1");
            record.EndLine();
            long t6 = Stopwatch.GetTimestamp();
            ticks[5] += t6 - t5;
            encoder.GetBytes(record.Buffer, 0, record.Length, bytes.Length >= record.Length * 3 ? bytes : bytes = new byte[record.Length * 3], 0);
            ticks[6] += Stopwatch.GetTimestamp() - t6;
        }

        return ticks;
    }
}
