using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using QualityGates.Analyzers.Rules;
using QualityGates.Analyzers.Tests.Verifiers;

namespace QualityGates.Analyzers.Tests.Rules
{
    /// <summary>
    /// Every premium-calculation rule (QG1001-QG1010) over incomplete and odd code, with everything in scope: an analyzer
    /// exception would surface as AD0001 and fail the test.
    /// </summary>
    public class QG1000PricingRulesRobustnessTests
    {
        private const string EverythingInScope = """
            qualitygates_pricing_scope = *
            qualitygates_underwriting_scope = *
            dotnet_diagnostic.QG1004.severity = suggestion
            dotnet_diagnostic.QG1009.severity = suggestion
            dotnet_diagnostic.QG1010.severity = suggestion
            """;

        private const string BrokenSource = """
            using System;

            var premium = Math.Round(;
            decimal fee = decimal.Parse();
            double amount = premium / ;
            int days = 10;
            var x = Unknown.Round(amount) * 1.2m;
            var y = (int)missing / days;
            var z = new Money { Amount = 1 }.Amount - discount;
            Console.WriteLine($"{fee}{undefinedPremium}");

            class PremiumCalculator
            {
                public double Price(double premium, int count = 0) => premium / count
                public UnknownType Fee { get; set; }
                public decimal Round(decimal premium) => Math.Round(premium, (MidpointRounding)99) + decimal.Round(premium, 2, default);
                public decimal Loop(decimal[] premiums) { decimal totalPremium = 0; foreach (var p in premiums) totalPremium += Math.Round(p); return totalPremium * Math.Round(totalPremium); }
                public bool Compare(Quote a, Quote b) => a.Amount + b.Amount > a.Amount - b.Amount;
            }

            class Quote { public decimal Amount; public string Currency; }
            """;

        private const string OddSource = """
            using System;
            using System.Collections.Generic;

            [QualityGates.PremiumCalculation]
            public record PremiumLine(double Premium, decimal Fee)
            {
                public static decimal operator +(PremiumLine a, PremiumLine b) => a.Fee + b.Fee;
                public double this[int i] => Premium / i;
                public Func<decimal, decimal> Discounted => premium => premium - premium * 0.1m;
                public IEnumerable<decimal> Split(int count) { for (var i = 0; i < count; i++) yield return Fee / count; }
                public double Local() { double LocalPremium(double p) => p / 3; return LocalPremium(Premium); }
                public T Generic<T>(T amount) where T : System.Numerics.IFloatingPoint<T> => T.Round(amount);
            }
            """;

        [Theory]
        [InlineData(BrokenSource)]
        [InlineData(OddSource)]
        public async Task AllPricingRules_DoNotThrow(string source)
        {
            await RunAsync<MonetaryValueUsesFloatingPointAnalyzer>(source);
            await RunAsync<RoundingWithoutMidpointModeAnalyzer>(source);
            await RunAsync<ImplicitRoundingByTruncationAnalyzer>(source);
            await RunAsync<IntermediateRoundingAnalyzer>(source);
            await RunAsync<IntegerDivisionInMonetaryArithmeticAnalyzer>(source);
            await RunAsync<HardCodedRateOrThresholdAnalyzer>(source);
            await RunAsync<CultureSensitiveMonetaryConversionAnalyzer>(source);
            await RunAsync<DivisorMayBeZeroAnalyzer>(source);
            await RunAsync<PremiumMayBecomeNegativeAnalyzer>(source);
            await RunAsync<CurrencyUnawareArithmeticAnalyzer>(source);
        }

        private static async Task RunAsync<TAnalyzer>(string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test
            {
                TestCode = source,
                CompilerDiagnostics = CompilerDiagnostics.None,
                TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            TestSetup.Configure(test.TestState, EverythingInScope);

            // Only AD0001 (analyzer crash) matters here: accept whatever the rule reports.
            test.DiagnosticVerifier = (_, _, _) => { };
            test.TestState.MarkupHandling = MarkupMode.None;
            await AssertNoCrashAsync(test);
        }

        private static async Task AssertNoCrashAsync<TAnalyzer>(CSharpAnalyzerVerifier<TAnalyzer>.Test test)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            try
            {
                await test.RunAsync(CancellationToken.None);
            }
            catch (System.InvalidOperationException ex) when (!ex.Message.Contains("AD0001", System.StringComparison.Ordinal))
            {
                // Mismatched expectations are expected: the source is broken on purpose and reports are not asserted.
            }
        }
    }
}
