using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.PremiumMayBecomeNegativeAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1009PremiumMayBecomeNegativeTests
    {
        private const string Enable = "dotnet_diagnostic.QG1009.severity = suggestion";

        [Fact]
        public async Task DiscountSubtracted_ReportedWithArguments()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Net(decimal premium, decimal loyaltyDiscount) => {|#0:premium - loyaltyDiscount|};
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.PremiumMayBecomeNegative).WithLocation(0).WithArguments("premium - loyaltyDiscount"));
        }

        [Fact]
        public async Task CreditsAndOneMinus_Reported()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Net(decimal premium, decimal noClaimsRate, decimal fleetCredit, decimal multiPolicyCredit)
                    {
                        var amount = {|QG1009:premium * (1 - noClaimsRate)|};
                        {|QG1009:amount -= fleetCredit + multiPolicyCredit|};
                        return amount;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public async Task ClampedOrCompared_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal MinimumPremium = 50m;

                    public decimal A(decimal premium, decimal discount) => Math.Max(MinimumPremium, premium - discount);

                    public decimal B(decimal premium, decimal discount)
                    {
                        var net = premium - discount;
                        return net < MinimumPremium ? MinimumPremium : net;
                    }

                    public decimal C(decimal premium, decimal discountRate)
                    {
                        var net = premium * (1 - discountRate);
                        if (net < 0) throw new InvalidOperationException();
                        return net;
                    }

                    public decimal D(decimal premium, decimal fee) => premium - fee;
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public void Descriptor_IsOptIn()
        {
            // The test harness enables every supported diagnostic, so the opt-in default is asserted on the descriptor.
            Assert.False(DiagnosticDescriptors.PremiumMayBecomeNegative.IsEnabledByDefault);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.PremiumMayBecomeNegative.DefaultSeverity);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                public class Invoice
                {
                    public decimal Net(decimal amount, decimal discount) => amount - discount;
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }
    }
}
