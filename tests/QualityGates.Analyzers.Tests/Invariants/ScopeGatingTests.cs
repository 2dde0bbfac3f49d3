using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;
using QualityGates.Analyzers.Tests.Verifiers;
using Rounding = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.RoundingWithoutMidpointModeAnalyzer>;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// Body actions of every rule run only in types that hold pricing or underwriting code, whatever kind of action the
    /// rule registers: out-of-scope code then costs one cached scope test per callback. Each probe rule reports every
    /// body (at the member's name) or every multiplication it is shown.
    /// </summary>
    public class ScopeGatingTests
    {
        // [N:x] is where a probe of whole bodies reports, [E:x] where a probe of operations or syntax nodes reports.
        private const string Source = """
            public class PremiumCalculator
            {
                public decimal [N:Premium](decimal rate) => [E:rate * 2m];
                private sealed class Helper { public int [N:Twice](int x) => [E:x * 2]; }
            }

            public class BatchProcessor
            {
                public int Process(int x) => x * 2;
                private int _count = 3 * 2;
            }

            public class Utilities
            {
                // The gate is per type: a neutral member next to a scoped one is shown, and each rule's own scope check drops it.
                public int [N:Unrelated](int x) => [E:x * 3];

                [QualityGates.PremiumCalculation]
                public decimal [N:Loading](decimal x) => [E:x * 1.1m];
            }
            """;

        [Fact]
        public Task OperationBlockActions_OnlyInScopedTypes() => VerifyAsync<BodyProbeAnalyzer>(atNames: true);

        [Fact]
        public Task OperationBlockStartActions_OnlyInScopedTypes() => VerifyAsync<BlockStartProbeAnalyzer>(atNames: true);

        [Fact]
        public Task CodeBlockActions_OnlyInScopedTypes() => VerifyAsync<CodeBlockProbeAnalyzer>(atNames: true);

        [Fact]
        public Task CodeBlockStartActions_OnlyInScopedTypes() => VerifyAsync<CodeBlockStartProbeAnalyzer>(atNames: true);

        [Fact]
        public Task OperationActions_OnlyInScopedTypes() => VerifyAsync<OperationProbeAnalyzer>(atNames: false);

        [Fact]
        public Task SyntaxNodeActions_OnlyInScopedTypes() => VerifyAsync<SyntaxProbeAnalyzer>(atNames: false);

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

        private static Task VerifyAsync<TProbe>(bool atNames)
            where TProbe : DiagnosticAnalyzer, new()
        {
            var expected = Regex.Replace(Source, @"\[([NE]):([^\]]+)\]", m => (m.Groups[1].Value == "N") == atNames ? "{|PROBE:" + m.Groups[2].Value + "|}" : m.Groups[2].Value);
            return CSharpAnalyzerVerifier<TProbe>.VerifyAsync(expected);
        }
    }

    /// <summary>Reports every operation block it is given, at the owning member. A test double, never loaded by a compiler.</summary>
#pragma warning disable RS1013, RS1036, RS1038, RS1041, RS2008 // packaging rules do not apply to test doubles, and the start probes test the start path itself
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BodyProbeAnalyzer : InsuranceAnalyzer
    {
        internal static readonly DiagnosticDescriptor Shown = new("PROBE", "Body shown", "Body of {0} shown", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationBlockAction(block => Report(block.OwningSymbol, block.ReportDiagnostic));

        internal static void Report(ISymbol owner, Action<Diagnostic> report)
        {
            if (owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                report(Diagnostic.Create(Shown, method.Locations[0], method.Name));
            }
        }
    }
    /// <summary>Reports every member body at its name from the end of an operation block. A test double.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockStartProbeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BodyProbeAnalyzer.Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationBlockStartAction(start => start.RegisterOperationBlockEndAction(end => BodyProbeAnalyzer.Report(end.OwningSymbol, end.ReportDiagnostic)));
    }

    /// <summary>Reports every member body at its name from a code-block action. A test double.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CodeBlockProbeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BodyProbeAnalyzer.Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterCodeBlockAction(block => BodyProbeAnalyzer.Report(block.OwningSymbol, block.ReportDiagnostic));
    }

    /// <summary>Reports every member body at its name from the end of a code block. A test double.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CodeBlockStartProbeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BodyProbeAnalyzer.Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterCodeBlockStartAction<SyntaxKind>(start => start.RegisterCodeBlockEndAction(end => BodyProbeAnalyzer.Report(end.OwningSymbol, end.ReportDiagnostic)));
    }

    /// <summary>Reports every multiplication from an operation action. A test double.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OperationProbeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BodyProbeAnalyzer.Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationAction(c => c.ReportDiagnostic(Diagnostic.Create(BodyProbeAnalyzer.Shown, c.Operation.Syntax.GetLocation(), c.ContainingSymbol.Name)), OperationKind.Binary);
    }

    /// <summary>Reports every multiplication from a syntax-node action. A test double.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SyntaxProbeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BodyProbeAnalyzer.Shown);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterSyntaxNodeAction(c => c.ReportDiagnostic(Diagnostic.Create(BodyProbeAnalyzer.Shown, c.Node.GetLocation(), c.ContainingSymbol?.Name)), SyntaxKind.MultiplyExpression);
    }
#pragma warning restore RS1013, RS1036, RS1038, RS1041, RS2008
}
