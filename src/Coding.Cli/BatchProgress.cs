using System;
using System.Globalization;
using System.IO;
using System.Threading;
using IntraperitonealCoding.Batch;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The one-line progress display of <c>coding batch</c> on a terminal, redrawn in place after each chunk. When the
/// input's size is known (a file, not a pipe) it shows how much of the input has been read and the time left at the
/// rate so far.
/// </summary>
internal sealed class BatchProgress : IProgress<BatchSummary>
{
    private readonly TextWriter stderr;
    private readonly CountingStream? input;
    private readonly long totalBytes;
    private int widest;

    /// <summary>Creates a display; with <paramref name="input"/>, progress is measured in its bytes read out of <paramref name="totalBytes"/>.</summary>
    public BatchProgress(TextWriter stderr, CountingStream? input = null, long totalBytes = 0)
    {
        this.stderr = stderr;
        this.input = input;
        this.totalBytes = totalBytes;
    }

    public void Report(BatchSummary value)
    {
        string line = Format(value, input is null ? null : input.BytesRead, input is null ? null : totalBytes);
        // Padded to the longest line so far: a shorter line (an ETA from 1:00:00 to 59:59) leaves nothing behind.
        widest = Math.Max(widest, line.Length);
        stderr.Write("\r" + line.PadRight(widest));
    }

    /// <summary>Blanks the line, so the summary that follows starts clean.</summary>
    public void Clear() => stderr.Write("\r" + new string(' ', Math.Max(widest, 1)) + "\r");

    /// <summary>
    /// The progress line (without the carriage return). With the input's size: the share read, the cases, the rate,
    /// the time left (<c>ETA --:--</c> until a first estimate can be made) and the counts; within 80 columns up to
    /// 9,999,999 cases at 99,999 a second, fewer than 100 with errors or unreadable, and under 10 hours left.
    /// </summary>
    /// <param name="value">The counts so far.</param>
    /// <param name="bytesRead">The input bytes read so far, or <see langword="null"/> when the size is not known.</param>
    /// <param name="totalBytes">The input's size in bytes, or <see langword="null"/> when it is not known.</param>
    internal static string Format(BatchSummary value, long? bytesRead, long? totalBytes)
    {
        if (bytesRead is not { } read || totalBytes is not { } total || total <= 0)
        {
            return string.Format(CultureInfo.InvariantCulture, "coding: {0,10} cases  {1,8:0} cases/s  {2} with errors  {3} unreadable ", value.Records, value.CasesPerSecond, value.WithErrors, value.Unreadable);
        }

        double share = Math.Clamp((double)read / total, 0, 1);
        return string.Format(
            CultureInfo.InvariantCulture,
            "coding: {0,3:0}% {1,8} cases, {2:0}/s, ETA {3}, {4} with errors, {5} unreadable",
            Math.Floor(share * 100),
            value.Records,
            value.CasesPerSecond,
            TimeLeft(value.Elapsed, share),
            value.WithErrors,
            value.Unreadable);
    }

    /// <summary>The time left at the rate so far, as m:ss (h:mm:ss from an hour), or <c>--:--</c> before there is a rate to go by.</summary>
    internal static string TimeLeft(TimeSpan elapsed, double share)
    {
        if (share >= 1)
        {
            return "0:00";
        }

        if (share <= 0 || elapsed < TimeSpan.FromSeconds(1))
        {
            return "--:--";
        }

        double seconds = elapsed.TotalSeconds * (1 - share) / share;
        if (seconds >= 100 * 3600)
        {
            return ">99 h";
        }

        var left = TimeSpan.FromSeconds(Math.Ceiling(seconds));
        return left.TotalHours >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", (int)left.TotalHours, left.Minutes, left.Seconds)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", left.Minutes, left.Seconds);
    }
}

/// <summary>A read-only stream that counts the bytes read through it; the count may be read from any thread.</summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream inner;
    private long bytesRead;

    public CountingStream(Stream inner) => this.inner = inner;

    /// <summary>Gets the bytes read so far.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        Interlocked.Add(ref bytesRead, read);
        return read;
    }
}
