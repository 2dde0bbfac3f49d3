using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using QualityGates.Analyzers.Rules;
using QualityGates.Analyzers.Tests.Verifiers;

namespace QualityGates.Analyzers.Tests.Rules
{
    /// <summary>The underwriting analyzers on incomplete code, error types and top-level statements: no AD0001 (analyzer crash).</summary>
    public class QG2000UnderwritingRobustnessTests
    {
        private const string Broken = """
            using System;
            using System.Collections.Generic;
            Console.WriteLine(new Random().Next());
            public enum Decision { Approve, Refer, Decline }
            public enum RiskClass { Low, High }
            [QualityGates.UnderwritingRule]
            public class Rules
            {
                public Decision Decide(Unknown applicant, RiskClass riskClass, Dictionary<string, Decision> map)
                {
                    try { return applicant.Gender == 1 ? Decision. : Decision.Approve; }
                    catch (MissingException) { return Decision.Approve }
                    switch (riskClass) { case : return; default: return Decision.Approve; }
                    switch (undefinedThing) { case RiskClass.Low: break; }
                    var x = riskClass switch { RiskClass.Low => Decision.Approve, _ => };
                    Enum.TryParse(applicant.Code, out RiskClass parsed)
                    if (applicant.CreditScore < ) return Decision.Decline;
                    map.TryGetValue(, out var d);
                    new Result(Decision.Decline, null, );
                    return string.Compare(applicant.ClassCode, ) ?? Decision.Approve;
                }

                public bool IsEligible( => true;
                public decimal Premium(decimal basePremium) => basePremium * Random.Shared.;
            }
            """;

        [Theory]
        [InlineData(typeof(FailOpenExceptionHandlerAnalyzer))]
        [InlineData(typeof(ExceptionSwallowedInRuleEvaluationAnalyzer))]
        [InlineData(typeof(FavourableOutcomeAsFallbackAnalyzer))]
        [InlineData(typeof(IgnoredTryPatternResultAnalyzer))]
        [InlineData(typeof(DecisionEnumDefaultIsFavourableAnalyzer))]
        [InlineData(typeof(NonExhaustiveDecisionSwitchAnalyzer))]
        [InlineData(typeof(ProtectedCharacteristicInfluencesOutcomeAnalyzer))]
        [InlineData(typeof(AdverseDecisionSolelyOnCreditAnalyzer))]
        [InlineData(typeof(NonDeterministicRandomnessAnalyzer))]
        [InlineData(typeof(AdverseDecisionWithoutReasonAnalyzer))]
        [InlineData(typeof(CultureSensitiveRatingCodeAnalyzer))]
        [InlineData(typeof(ProxyForProtectedCharacteristicAnalyzer))]
        public async Task BrokenSource_NoAnalyzerException(System.Type analyzerType)
        {
            var diagnostics = await RunAsync((DiagnosticAnalyzer)System.Activator.CreateInstance(analyzerType)!);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        /// <summary>Keeps the test above honest: a crashing analyzer does surface as AD0001 in this harness.</summary>
        [Fact]
        public async Task ThrowingAnalyzer_ReportedAsAD0001()
        {
            var diagnostics = await RunAsync(new ThrowingAnalyzer());
            Assert.Contains(diagnostics, d => d.Id == "AD0001");
        }

        private static async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer)
        {
            var parse = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Broken, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));
            var annotations = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(TestSetup.Annotations);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Robustness",
                new[] { parse, annotations },
                Basic.Reference.Assemblies.Net80.References.All,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer), options);
            return await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        }

#pragma warning disable RS1001, RS1036, RS1025, RS1026, RS2008 // A deliberately broken test analyzer.
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context) =>
                context.RegisterOperationAction(_ => throw new System.InvalidOperationException("boom"), OperationKind.Invocation);
        }
#pragma warning restore RS1001, RS1036, RS1025, RS1026, RS2008
    }
}
