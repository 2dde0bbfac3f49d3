using QualityGates.Core.Scope;
using QualityGates.Core.Sources;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Tests.Scope;

/// <summary>The same scope rules as the analyzers, on syntax, with options read from .editorconfig by Roslyn.</summary>
public sealed class DomainScopeResolverTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\" />";
    private readonly TempTree _tree = new();
    private readonly DomainScopeResolver _resolver;

    public DomainScopeResolverTests()
    {
        _tree
            .Write(".editorconfig", "root = true\n[src/App/**.cs]\nqualitygates_pricing_scope = Contoso.Billing.*\nqualitygates_underwriting_scope = Contoso.Intake.Checks*\n")
            .Write("src/App/App.csproj", Project)
            .Write("src/App/Billing/Invoice.cs", "namespace Contoso.Billing; public class Invoice { public int Total() => 1; }")
            .Write("src/App/Intake/Checks.cs", "namespace Contoso.Intake { public class Checks { } }")
            .Write("src/App/Misc/Helper.cs", "namespace Contoso.Misc; class Helper { void Run() { } }")
            .Write("src/App/Misc/PremiumCalculator.cs", "namespace Contoso.Misc; class PremiumCalculator { }")
            .Write("src/App/Misc/Eligibility.cs", "class Rules { bool EligibilityCheck() => true; }")
            .Write("src/App/Misc/Both.cs", "class RatingAndReferral { }")
            .Write("src/App/Misc/Attributed.cs", "class Foo { [PremiumCalculation] void M() { } }\n[QualityGates.UnderwritingRuleAttribute] class Bar { }")
            .Write("src/App/Misc/Excluded.cs", "[NotInRatingScope] class PremiumDisplay { int Premium => 1; }")
            .Write("src/App/Misc/OperatingCost.cs", "class OperatingCost { int Value; }")
            .Write("src/App/Quiet/.editorconfig", "[*.cs]\nqualitygates_scope_name_heuristic = false\n")
            .Write("src/App/Quiet/PremiumThing.cs", "class PremiumThing { }")
            .Write("tests/App.Tests/App.Tests.csproj", Project)
            .Write("tests/App.Tests/PremiumTests.cs", "class PremiumTests { }")
            .Write("tests/Inc.Tests/Inc.Tests.csproj", Project)
            .Write("tests/Inc.Tests/.editorconfig", "[*.cs]\nqualitygates_include_test_projects = true\n")
            .Write("tests/Inc.Tests/PremiumTests.cs", "class PremiumTests { }")
            .Write("tests/Spec/Spec.csproj", "<Project><ItemGroup><PackageReference Include=\"xunit\" /></ItemGroup></Project>")
            .Write("tests/Spec/PremiumSpec.cs", "class PremiumSpec { }")
            .Write("src/Rated/Rated.csproj", Project)
            .Write("src/Rated/Properties/AssemblyInfo.cs", "[assembly: QualityGates.UnderwritingRule]")
            .Write("src/Rated/Plain.cs", "class Plain { }")
            .Write("src/Off/Off.csproj", Project)
            .Write("src/Off/AssemblyInfo.cs", "[assembly: NotInRatingScope]")
            .Write("src/Off/PremiumOff.cs", "class PremiumOff { }")
            .Write("src/Glob/Glob.csproj", Project)
            .Write("src/Glob/.globalconfig", "is_global = true\nqualitygates_pricing_scope = Glob.*\n")
            .Write("src/Glob/X.cs", "namespace Glob; class X { }")
            .Write("src/Glob/Inner/.editorconfig", "[*.cs]\nqualitygates_pricing_scope = Other.*\n")
            .Write("src/Glob/Inner/Y.cs", "namespace Glob; class Y { }")
            .Write("src/Bad/.editorconfig", "[*.cs]\nqualitygates_scope_name_heuristic = maybe\n")
            .Write("src/Bad/Premium.cs", "class Premium { }");
        _resolver = new DomainScopeResolver(_tree.Root);
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("src/App/Billing/Invoice.cs", DomainScope.Pricing)]
    [InlineData("src/App/Intake/Checks.cs", DomainScope.Underwriting)]
    [InlineData("src/App/Misc/Helper.cs", DomainScope.None)]
    [InlineData("src/App/Misc/PremiumCalculator.cs", DomainScope.Pricing)]
    [InlineData("src/App/Misc/Eligibility.cs", DomainScope.Underwriting)]
    [InlineData("src/App/Misc/Both.cs", DomainScope.Any)]
    [InlineData("src/App/Misc/Attributed.cs", DomainScope.Any)]
    [InlineData("src/App/Misc/Excluded.cs", DomainScope.None)]
    [InlineData("src/App/Misc/OperatingCost.cs", DomainScope.None)]
    [InlineData("src/App/Quiet/PremiumThing.cs", DomainScope.None)]
    [InlineData("tests/App.Tests/PremiumTests.cs", DomainScope.None)]
    [InlineData("tests/Inc.Tests/PremiumTests.cs", DomainScope.Pricing)]
    [InlineData("tests/Spec/PremiumSpec.cs", DomainScope.None)]
    [InlineData("src/Rated/Plain.cs", DomainScope.Underwriting)]
    [InlineData("src/Off/PremiumOff.cs", DomainScope.None)]
    [InlineData("src/Glob/X.cs", DomainScope.Pricing)]
    [InlineData("src/Glob/Inner/Y.cs", DomainScope.None)] // .editorconfig wins over .globalconfig, as in the compiler
    [InlineData("src/Bad/Premium.cs", DomainScope.Pricing)]
    [InlineData("src/Missing.cs", DomainScope.None)]
    [InlineData("../outside/Premium.cs", DomainScope.None)]
    public void File_HasTheAnalyzersScope(string path, DomainScope expected)
    {
        Assert.Equal(expected, _resolver.GetScope(path));

        // The same answer through the run's source facts: uncached, cold cache, warm cache (nothing parsed).
        string cache = _tree.Root + "-cache";
        try
        {
            Assert.Equal(expected, SourceFacts.Open(_tree.Root, null).Scope(path));
            var cold = SourceFacts.Open(_tree.Root, cache);
            Assert.Equal(expected, cold.Scope(path));
            cold.Save();
            var warm = SourceFacts.Open(_tree.Root, cache);
            Assert.Equal(expected, warm.Scope(path));
            Assert.Equal(0, warm.Parsed);
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact]
    public void Settings_AreTheAnalyzersOwn_WithTheirErrors()
    {
        var bad = _resolver.GetSettings(Path.Combine(_tree.Root, "src/Bad/Premium.cs"));
        var error = Assert.Single(bad.Errors);
        Assert.Equal("qualitygates_scope_name_heuristic", error.Key);
        Assert.True(bad.ScopeNameHeuristic); // a bad value falls back to the default, as in the analyzers

        var app = _resolver.GetSettings(Path.Combine(_tree.Root, "src/App/Billing/Invoice.cs"));
        Assert.Equal("Contoso.Billing.*", Assert.Single(app.PricingScope).Text);
        Assert.Empty(app.Errors);
    }
}
