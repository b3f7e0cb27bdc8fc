using System;
using System.IO;
using System.Text;
using IntraperitonealCoding.Tests.Infrastructure;
using Xunit;

namespace IntraperitonealCoding.Tests;

/// <summary>A case read from a stream or a text reader is the case the file gives; its errors carry the given name.</summary>
public sealed class CaseStreamReadingTests
{
    private static string Example(string name) => Path.Combine(Paths.Root, "examples", name);

    [Fact]
    public void YamlStream_GivesTheSameCaseAsTheFile()
    {
        string path = Example("hipec-crs-appendix-professional.yaml");
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        CaseReadResult fromStream = CaseFile.Read(stream, "request 7", DocumentFormat.Yaml);
        Assert.True(fromStream.Succeeded);
        Assert.Equal(CaseFile.Read(path).Case, fromStream.Case);
        Assert.Equal("request 7", fromStream.Source);
    }

    [Fact]
    public void JsonStreamWithAByteOrderMark_IsRead_AndLeftOpen()
    {
        string path = Example("hipec-2023-before-codes.json");
        using var stream = new MemoryStream(Concat(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(path)));
        CaseReadResult read = CaseFile.Read(stream, "body.json", DocumentFormat.Json);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(CaseFile.Read(path).Case, read.Case);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void TextReader_GivesTheSameCaseAsTheFile()
    {
        string path = Example("trial-pipac-commercial-professional.yaml");
        using var reader = new StringReader(File.ReadAllText(path));
        CaseReadResult read = CaseFile.Read(reader, "-", DocumentFormat.Yaml);
        Assert.Equal(CaseFile.Read(path).Case, read.Case);
    }

    [Fact]
    public void StreamErrors_AreLocatedUnderTheGivenName()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("case_id: x\nsurprise: 1\n"));
        CaseReadResult read = CaseFile.Read(stream, "request 9", DocumentFormat.Yaml);
        DataError unknown = Assert.Single(read.Errors, e => e.Id == DataErrorIds.UnknownKey);
        Assert.Equal(("request 9", 2, 1), (unknown.File, unknown.Line, unknown.Column));
    }

    [Fact]
    public void InvalidUtf8InAStream_IsALocatedError()
    {
        using var stream = new MemoryStream(new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, (byte)'\n' });
        DataError error = Assert.Single(CaseFile.Read(stream, "s", DocumentFormat.Yaml).Errors);
        Assert.Equal((DataErrorIds.InvalidText, 1, 4), (error.Id, error.Line, error.Column));
    }

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(101, 100, false)]
    public void StreamLongerThanTheLimit_IsRefused_EvenWhenItCannotSeek(int length, int limit, bool withinLimit)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(("case_id: x" + new string(' ', length)).Substring(0, length));
        using var stream = new UnseekableStream(bytes);
        CaseReadResult read = CaseFile.Read(stream, "s", DocumentFormat.Yaml, ReadLimits.Default.WithMaxFileBytes(limit));
        Assert.Equal(withinLimit, !System.Linq.Enumerable.Any(read.Errors, e => e.Id == DataErrorIds.LimitExceeded));
    }

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(101, 100, false)]
    public void TextLongerThanTheLimit_IsRefused(int length, int limit, bool withinLimit)
    {
        using var reader = new StringReader(("case_id: x" + new string(' ', length)).Substring(0, length));
        CaseReadResult read = CaseFile.Read(reader, "s", DocumentFormat.Yaml, ReadLimits.Default.WithMaxFileBytes(limit));
        Assert.Equal(withinLimit, !System.Linq.Enumerable.Any(read.Errors, e => e.Id == DataErrorIds.LimitExceeded));
    }

    [Fact]
    public void FailingStreamOrReader_IsAnUnreadableError_NotAnException()
    {
        DataError fromStream = Assert.Single(CaseFile.Read(new FailingStream(), "s", DocumentFormat.Yaml).Errors);
        Assert.Equal(DataErrorIds.Unreadable, fromStream.Id);
        var disposed = new StringReader("x");
        disposed.Dispose();
        DataError fromReader = Assert.Single(CaseFile.Read(disposed, "r", DocumentFormat.Yaml).Errors);
        Assert.Equal(DataErrorIds.Unreadable, fromReader.Id);
    }

    [Fact]
    public void NullArguments_AreProgrammerErrors()
    {
        Assert.Throws<ArgumentNullException>(() => CaseFile.Read((Stream)null!, "s", DocumentFormat.Yaml));
        Assert.Throws<ArgumentNullException>(() => CaseFile.Read(new MemoryStream(), null!, DocumentFormat.Yaml));
        Assert.Throws<ArgumentNullException>(() => CaseFile.Read((TextReader)null!, "s", DocumentFormat.Yaml));
        Assert.Throws<ArgumentNullException>(() => CaseFile.Read(new StringReader(string.Empty), null!, DocumentFormat.Yaml));
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public UnseekableStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the connection was reset");
    }
}
