using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Rules;
using QualityGates.Analyzers.Tests.Verifiers;

namespace QualityGates.Analyzers.Tests.Rules
{
    /// <summary>The date/time and configuration rules must not throw on incomplete code, top-level statements or empty files.</summary>
    public class QG3000QG4000RobustnessTests
    {
        private const string Broken = """
            using System;
            using System.Collections.Generic;

            var top = DateTime.UtcNow.AddDays(365) - DateTime.Now;

            [QualityGates.PremiumCalculation]
            public class PremiumCalculator
            {
                static decimal Rate;
                public decimal Calc(DateTime dob, Dictionary<string, decimal> rates, decimal? x)
                {
                    var a = DateTime.Parse();
                    var b = dob.Year - .Year;
                    var c = new DateTime(, dob.Month, dob.Day);
                    var d = rates.GetValueOrDefault(;
                    var e = x ?? ;
                    var f = (DateTime.Today - dob).Days / ;
                    var g = Missing.Rate ?? 1m;
                    var h = new Dictionary<string, decimal> { ["a"] = 1.1m, ["b"] = , ["c"] = 1.3m };
                    Rate = ;
                    return band switch { 1 => 1.1m, 2 => 1.2m, _ => };
                }
            #pragma warning disable
            #pragma warning disable QG
                [System.Diagnostics.CodeAnalysis.SuppressMessage()]
                [System.Diagnostics.CodeAnalysis.SuppressMessage("x", null)]
                void M() { }
            """;

        [Fact]
        public async Task IncompleteCode_NoAnalyzerException()
        {
            // The analyzers do run on this code: the clock reads in pricing scope are still found.
            Assert.Contains(await RunAsync<AmbientClockAnalyzer>(), d => d.Id == "QG3001");
            await RunAsync<UnsafeAgeCalculationAnalyzer>();
            await RunAsync<FixedLengthYearAnalyzer>();
            await RunAsync<MixedDateTimeKindsAnalyzer>();
            await RunAsync<CultureSensitivePolicyDateAnalyzer>();
            await RunAsync<EmbeddedRateTableAnalyzer>();
            await RunAsync<SilentFallbackForMissingRateAnalyzer>();
            await RunAsync<MutableStaticPricingStateAnalyzer>();
            await RunAsync<SuppressionWithoutJustificationAnalyzer>();
        }

        private static async Task<ImmutableArray<Diagnostic>> RunAsync<TAnalyzer>()
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            // Driven directly: the test harness would skip an analyzer whose rules are all disabled, and would assert rule output.
            var analyzer = new TAnalyzer();
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(Broken, parse, "Broken.cs"),
                CSharpSyntaxTree.ParseText(TestSetup.Annotations, parse, "Annotations.cs"),
                CSharpSyntaxTree.ParseText(string.Empty, parse, "Empty.cs"),
            };
            var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
                .WithSpecificDiagnosticOptions(analyzer.SupportedDiagnostics.ToDictionary(d => d.Id, _ => ReportDiagnostic.Warn));
            var compilation = CSharpCompilation.Create("Robustness", trees, Basic.Reference.Assemblies.Net80.References.All, options);

            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, a, d) => exceptions.Add(a.GetType().Name + ": " + ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }
    }
}
