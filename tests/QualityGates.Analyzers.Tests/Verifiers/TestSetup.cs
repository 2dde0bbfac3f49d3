using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace QualityGates.Analyzers.Tests.Verifiers
{
    internal static class TestSetup
    {
        /// <summary>Every analyzer of the product, for the tests that run them all together.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>No package download: the .NET 8 reference assemblies come from Basic.Reference.Assemblies.</summary>
        public static ReferenceAssemblies Offline { get; } = new ReferenceAssemblies("custom");

        /// <summary>The attributes teams declare or take from QualityGates.Annotations, matched by name.</summary>
        public const string Annotations = """
            namespace QualityGates
            {
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class PremiumCalculationAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class UnderwritingRuleAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class MonetaryAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ProtectedCharacteristicAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class RoundingRuleAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class RoundingStepAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NonZeroAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class DecisionAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NotInRatingScopeAttribute : System.Attribute { }
            }
            """;

        public static void Configure(SolutionState state, string? editorConfig)
        {
            state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            state.Sources.Add(("Annotations.cs", Annotations));
            if (editorConfig != null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
            }
        }
    }
}
