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
                        [MethodImpl(HotPath.Optimize)] (op) => RandomSource(op, types),
                        [MethodImpl(HotPath.Optimize)] (source, name, sink) => c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonDeterministicRandomness, source.Syntax.GetLocation(), name, sink)));
                }
            });
        }

        /// <summary>A call that yields a random value: any method of Random (or a subclass) or RandomNumberGenerator, or Guid.NewGuid.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? RandomSource(IOperation op, WellKnownTypes types)
        {
            if (!(op is IInvocationOperation invocation))
            {
                return null;
            }

            var method = invocation.TargetMethod;
            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                if (WellKnownTypes.Is(type, types.Random) || WellKnownTypes.Is(type, types.RandomNumberGenerator))
                {
                    return type.Name + "." + method.Name;
                }
            }

            return WellKnownTypes.Is(method.ContainingType, types.GuidType) && method.Name == "NewGuid" ? "Guid.NewGuid" : null;
        }
    }
}
