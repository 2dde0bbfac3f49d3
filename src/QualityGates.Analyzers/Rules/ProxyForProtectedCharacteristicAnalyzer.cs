using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG2012 (opt-in): a proxy for a protected characteristic (ZIP code, first name, language) flows into a price, rate or
    /// decision; in insurance-score computations, so do the NCOIL-prohibited inputs (income, gender, address, marital status...).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProxyForProtectedCharacteristicAnalyzer : InsuranceAnalyzer
    {
        private const string ScoreSink = "the insurance score";

        // NCOIL Model Act regarding use of credit information in personal insurance: inputs an insurance score must not use.
        private static readonly WordPatterns ScoreProhibitedInputs = new WordPatterns(new[] { "income", "gender", "sex", "address", "zip*", "postcode", "postal*", "ethnic*", "race", "religio*", "marital*", "nationality" });

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProxyForProtectedCharacteristic);

        protected override Func<INamedTypeSymbol, bool>? AlsoAnalyzed { get; } = [MethodImpl(HotPath.Optimize)] (type) => IsScoreComputation(type) || type.GetMembers().Any(IsScoreComputation);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (c.OperationBlocks.IsEmpty)
                {
                    return;
                }

                bool score = IsScoreComputation(c.OwningSymbol);
                if (!score && !insurance.IsInScope(c.OwningSymbol))
                {
                    return;
                }

                var settings = insurance.GetSettings(c.OperationBlocks[0].Syntax.SyntaxTree, DiagnosticIds.ProxyForProtectedCharacteristic);
                foreach (var block in c.OperationBlocks)
                {
                    InfluenceFlow.Analyze(
                        block,
                        c.OwningSymbol,
                        insurance,
                        [MethodImpl(HotPath.Optimize)] (op) => InfluenceFlow.NamedSource(op, settings.ProxyAttributes, byAttribute: false, insurance, exclude: settings.ProtectedAttributes.Matches)
                            ?? (score ? InfluenceFlow.NamedSource(op, ScoreProhibitedInputs, byAttribute: false, insurance) : null),
                        [MethodImpl(HotPath.Optimize)] (source, name, sink) =>
                        {
                            // A protected name reaching a price, rate or decision is QG2007's finding: one read, one diagnostic.
                            if (sink == ScoreSink || !settings.ProtectedAttributes.Matches(name))
                            {
                                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProxyForProtectedCharacteristic, source.Syntax.GetLocation(), name, sink));
                            }
                        },
                        [MethodImpl(HotPath.Optimize)] (function) => IsScoreComputation(function) ? ScoreSink : null);
                }
            });

        /// <summary>A member (or its type) named like a score computation: InsuranceScore, ComputeCreditScore, ScoreModel, _scorecard.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsScoreComputation(ISymbol? symbol)
        {
            for (var s = symbol; s != null && !(s is INamespaceSymbol); s = s.ContainingSymbol)
            {
                foreach (var word in NameWords.Split(s.Name))
                {
                    if (word == "score" || word == "scoring" || word == "scorecard" || word == "scorecards")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
