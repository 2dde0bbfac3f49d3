using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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

        /// <summary>
        /// Fails when a rule reports a finding outside the member whose analysis found it. The IDE re-analyzes only the
        /// member being edited and keeps only such local findings; the testing library checks this for code fixes alone.
        /// QG0001 (configuration errors) is reported once per compilation, so it is not local by design.
        /// </summary>
        public static async Task AssertFindingsAreLocalAsync(IEnumerable<CompilationWithAnalyzers> analyses)
        {
            foreach (var analysis in analyses)
            {
                // The analysis has run already: the result comes from its cache.
                var result = await analysis.GetAnalysisResultAsync(CancellationToken.None);
                var nonLocal = result.CompilationDiagnostics.Values.SelectMany(d => d).Where(d => d.Id != DiagnosticIds.InvalidConfiguration).ToList();
                if (nonLocal.Count > 0)
                {
                    throw new InvalidOperationException("Findings reported outside the member that was analyzed (the IDE would drop them): " + string.Join("; ", nonLocal));
                }
            }
        }
    }
}
