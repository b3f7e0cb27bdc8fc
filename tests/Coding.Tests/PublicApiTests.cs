using PublicApiGenerator;
using Xunit;
using IntraperitonealCoding.Tests.Infrastructure;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Tests;

public sealed class PublicApiTests
{
    /// <summary>
    /// Every change to the library's public surface shows up here as a reviewable diff: the surface as C# declarations
    /// (PublicApiGenerator, from the compiled assembly), without the assembly's attributes, whose version metadata
    /// changes with every release.
    /// </summary>
    [Fact]
    public void PublicApi_IsUnchanged()
        => Snapshot.Match(
            typeof(RuleSet).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n", System.StringComparison.Ordinal),
            extension: "txt");

    [Fact]
    public void PublicTypes_AreSealedStaticOrAbstract()
    {
        foreach (var type in typeof(RuleSet).Assembly.GetExportedTypes())
        {
            Assert.True(type.IsSealed || type.IsAbstract || type.IsInterface, $"{type} is public and unsealed");
        }
    }

    [Fact]
    public void PublicApi_LeaksNoDtosAndHasNoPublicSetters()
    {
        foreach (var type in typeof(RuleSet).Assembly.GetExportedTypes())
        {
            Assert.DoesNotContain("Dto", type.Name, System.StringComparison.Ordinal);
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            {
                Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{type}.{property.Name} has a public setter");
            }
        }
    }
}
