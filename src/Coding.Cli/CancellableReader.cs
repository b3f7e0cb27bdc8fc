using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// A reader whose reads end (as end of input) when a token is cancelled, even while the underlying read is blocked
/// on a pipe or terminal: a background thread pumps the input into a small bounded queue. On SIGINT/SIGTERM the batch
/// therefore stops reading at once instead of hanging on standard input.
/// </summary>
/// <remarks>
/// The pump decodes what each read of the stream returns and hands it on at once. (A <see cref="StreamReader"/>
/// would not do here: after a read that fills its buffer it blocks for more before returning the lines it holds, so
/// lines already received would be lost to an interruption.)
/// </remarks>
internal sealed class CancellableReader : TextReader
{
    private readonly BlockingCollection<Block> blocks = new(boundedCapacity: 8);
    private readonly CancellationToken cancellation;
    private Block current = new(Array.Empty<char>(), 0, null);
    private int position;
    private bool ended;

    public CancellableReader(Stream source, System.Text.Encoding encoding, CancellationToken cancellation)
    {
        this.cancellation = cancellation;
        var pump = new Thread(() => Pump(source, encoding.GetDecoder())) { IsBackground = true, Name = "coding input" };
        pump.Start();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        while (position == current.Count)
        {
            if (ended || !TryNext())
            {
                ended = true;
                return 0;
            }
        }

        int n = Math.Min(count, current.Count - position);
        Array.Copy(current.Chars, position, buffer, index, n);
        position += n;
        return n;
    }

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 1 ? one[0] : -1;
    }

    private bool TryNext()
    {
        try
        {
            if (!blocks.TryTake(out Block next, Timeout.Infinite, cancellation))
            {
                return false;
            }

            if (next.Error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }

            if (next.Count == 0)
            {
                return false;
            }

            current = next;
            position = 0;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Pump(Stream source, System.Text.Decoder decoder)
    {
        try
        {
            var bytes = new byte[1 << 14];
            while (true)
            {
                int read = source.Read(bytes, 0, bytes.Length);
                var chars = new char[decoder.GetCharCount(bytes, 0, read, flush: read == 0) + 1];
                int n = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                if (n > 0)
                {
                    blocks.Add(new Block(chars, n, null), cancellation);
                }

                if (read == 0)
                {
                    blocks.Add(new Block(Array.Empty<char>(), 0, null), cancellation);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Interrupted: nobody reads any more.
        }
#pragma warning disable CA1031 // Handed to the reading thread, which rethrows it where the batch can report it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                blocks.Add(new Block(Array.Empty<char>(), 0, ex), cancellation);
            }
            catch (OperationCanceledException)
            {
                // Interrupted as well.
            }
        }
    }

    private readonly record struct Block(char[] Chars, int Count, Exception? Error);
}
