using System;

namespace IntraperitonealCoding.Documents;

/// <summary>Thrown inside a reader when a limit is exceeded, to stop reading at once; never escapes the reader.</summary>
#pragma warning disable CA1032, CA1064 // Private control flow of the readers, caught where the read starts.
internal sealed class LimitExceededException : Exception
#pragma warning restore CA1032, CA1064
{
    public LimitExceededException(string message, SourceMark at)
        : base(message) => At = at;

    public SourceMark At { get; }
}
