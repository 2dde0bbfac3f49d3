using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.MutableStaticPricingStateAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG4003MutableStaticPricingStateTests
    {
        [Fact]
        public async Task StaticMutableRate_ReportedWithName()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    public static decimal BaseRate = 1.2m;
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("QG4003").WithSpan(4, 27, 4, 35).WithArguments("Tariff.BaseRate"));
        }

        [Fact]
        public async Task PropertiesCollectionsAndWrites_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                public static class PremiumTables
                {
                    public static decimal {|QG4003:MinimumPremium|} { get; set; } = 50m;
                    public static decimal {|QG4003:Loading|} { get; private set; }
                    internal static Dictionary<string, decimal> {|QG4003:TerritoryFactors|} = new();
                    private static double {|QG4003:_discount|};

                    public static void Apply(decimal loading) { {|QG4003:Loading = loading|}; {|QG4003:_discount += 0.1|}; }
                }

                public class RateLoader
                {
                    public void Load() { {|QG4003:PremiumTables.MinimumPremium = 75m|}; {|QG4003:PremiumTables.TerritoryFactors = new Dictionary<string, decimal>()|}; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ReadonlyConstInstanceAndStaticConstructor_NotReported()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Tariff
                {
                    public const decimal Fee = 25m;
                    public static readonly decimal BaseRate;
                    public static decimal Commission => 0.1m;
                    public static IReadOnlyDictionary<string, decimal> Factors { get; } = new Dictionary<string, decimal>();
                    public static int CallCount;
                    public static string Name = "Motor";
                    public decimal InstanceRate { get; set; }

                    static Tariff() { BaseRate = 1.1m; }

                    public void Touch() { CallCount++; InstanceRate = 2m; Name = "Home"; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                public static class Metrics
                {
                    public static decimal AverageAmount;

                    public static void Record(decimal amount) { AverageAmount = amount; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ScopeConfiguredByPattern_Reported()
        {
            const string source = """
                namespace Contoso.Motor
                {
                    public static class Tables
                    {
                        public static decimal {|QG4003:NoClaimsDiscount|};
                    }
                }
                """;

            await Verify.VerifyAsync(source, "qualitygates_pricing_scope = Contoso.Motor.*");
        }
    }
}
