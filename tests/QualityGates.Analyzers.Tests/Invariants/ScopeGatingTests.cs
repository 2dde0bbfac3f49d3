using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;
using Probe = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Tests.Invariants.BodyProbeAnalyzer>;
using Rounding = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.RoundingWithoutMidpointModeAnalyzer>;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// Body actions of every rule run only in types that hold pricing or underwriting code (the reason out-of-scope code
    /// costs next to nothing: its method bodies are never bound for us). A probe rule reports each body it is shown.
    /// </summary>
    public class ScopeGatingTests
    {
        [Fact]
        public async Task BodiesOfOutOfScopeTypesAreNeverShown()
        {
            await Probe.VerifyAsync("""
                public class PremiumCalculator
                {
                    public decimal {|PROBE:Premium|}(decimal rate) => rate * 2m;
                    private sealed class Helper { public int {|PROBE:Twice|}(int x) => x * 2; }
                }

                public class BatchProcessor
                {
                    public int Process(int x) => x + 1;
                    private int _count = 3;
                }

                public class Utilities
                {
                    // The gate is per type: a neutral member next to a scoped one is shown, and each rule's own scope check drops it.
                    public int {|PROBE:Unrelated|}(int x) => x;

                    [QualityGates.PremiumCalculation]
                    public decimal {|PROBE:Loading|}(decimal x) => x * 1.1m;
                }
                """);
        }

        [Fact]
        public async Task ScopedMemberOfNeutralClassAndNestedTypeOfPricingClass_StillAnalyzed()
        {
            await Rounding.VerifyAsync("""
                using System;

                public class Utilities
                {
                    public decimal Neutral(decimal x) => Math.Round(x, 2);

                    [QualityGates.PremiumCalculation]
                    public decimal Loading(decimal x) => {|QG1002:Math.Round(x, 2)|};
                }

                public class PremiumCalculator
                {
                    private static class Steps { public static decimal Net(decimal x) => {|QG1002:Math.Round(x, 2)|}; }
                }
                """);
        }
    }

    /// <summary>Reports every operation block it is given, at the owning member. A test double, never loaded by a compiler.</summary>
#pragma warning disable RS1036, RS1038, RS1041, RS2008 // the packaging rules for shipped analyzers do not apply to a test double
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BodyProbeAnalyzer : InsuranceAnalyzer
    {
        private static readonly DiagnosticDescriptor Shown = new("PROBE", "Body shown", "Body of {0} shown", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationBlockAction(block =>
            {
                if (block.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    block.ReportDiagnostic(Diagnostic.Create(Shown, method.Locations[0], method.Name));
                }
            });
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
