using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2007: a protected characteristic (sex, race, religion...) flows into a price, a rate or a decision.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProtectedCharacteristicInfluencesOutcomeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProtectedCharacteristicInfluencesOutcome);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (c.OperationBlocks.IsEmpty || !insurance.IsInScope(c.OwningSymbol))
                {
                    return;
                }

                var settings = insurance.GetSettings(c.OperationBlocks[0].Syntax.SyntaxTree, DiagnosticIds.ProtectedCharacteristicInfluencesOutcome);
                var severities = insurance.GetProtectedSeverities(c.OperationBlocks[0].Syntax.SyntaxTree);
                foreach (var block in c.OperationBlocks)
                {
                    InfluenceFlow.Analyze(
                        block,
                        c.OwningSymbol,
                        insurance,
                        [MethodImpl(HotPath.Optimize)] (op) => InfluenceFlow.NamedSource(op, settings.ProtectedAttributes, byAttribute: true, insurance),
                        [MethodImpl(HotPath.Optimize)] (source, name, sink) =>
                        {
                            var severity = severities.For(name, DiagnosticDescriptors.ProtectedCharacteristicInfluencesOutcome.DefaultSeverity);
                            if (severity != null)
                            {
                                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProtectedCharacteristicInfluencesOutcome, source.Syntax.GetLocation(), severity.Value, null, null, name, sink));
                            }
                        });
                }
            });
    }
}
