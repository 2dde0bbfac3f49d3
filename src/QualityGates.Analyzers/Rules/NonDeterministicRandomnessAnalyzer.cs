using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2009: a random value (Random, RandomNumberGenerator, Guid.NewGuid) flows into a price, a rate or a decision.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonDeterministicRandomnessAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonDeterministicRandomness);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var types = insurance.Types;
                if ((types.Random == null && types.RandomNumberGenerator == null && types.GuidType == null) || !insurance.IsInScope(c.OwningSymbol))
                {
                    return;
                }

                foreach (var block in c.OperationBlocks)
                {
                    InfluenceFlow.Analyze(
                        block,
                        c.OwningSymbol,
                        insurance,
                        [MethodImpl(HotPath.Optimize)] (op) => RandomnessFacts.RandomSource(op, types),
                        [MethodImpl(HotPath.Optimize)] (source, name, sink) => c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonDeterministicRandomness, source.Syntax.GetLocation(), name, sink)));
                }
            });
        }
    }
}
