using System;
using System.IO;

namespace IntraperitonealCoding.Tests.Infrastructure;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
internal static class Paths
{
    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coding.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Coding.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RepositoryRoot.Value;

    public static string Data => Path.Combine(Root, "data");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Studies => Path.Combine(Root, "studies");

    public static string Fixtures => Path.Combine(Root, "tests", "Coding.Tests", "Fixtures");
}
