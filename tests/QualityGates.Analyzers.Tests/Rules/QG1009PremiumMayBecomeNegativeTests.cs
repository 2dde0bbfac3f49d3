using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.PremiumMayBecomeNegativeAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.PremiumMayBecomeNegativeAnalyzer,
    QualityGates.CodeFixes.Rules.PremiumMayBecomeNegativeCodeFixProvider>;

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
        public async Task ComplementaryWeightsOfABlend_NotReported_ADiscountBesideThemStillIs()
        {
            // z and 1 - z weigh two estimates (credibility, an experience mod): a blend, not a discount off the premium.
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Blend(decimal actualPremium, decimal expectedPremium, decimal z, decimal ballast) =>
                        (actualPremium + z * actualPremium + (1m - z) * expectedPremium + ballast) / (expectedPremium + ballast);

                    public decimal Credibility(decimal observedPremium, decimal manualPremium, decimal credibility) =>
                        credibility * observedPremium + manualPremium * (1 - credibility);

                    public decimal Mixed(decimal premium, decimal basePremium, decimal z, decimal discountRate) =>
                        z * premium + {|#0:basePremium * (1 - discountRate)|};

                    // Bornhuetter-Ferguson: 1 - 1/cdf is the share of losses not yet reported, not a discount.
                    public double BfReserve(double earnedPremium, double elr, double cdf) => earnedPremium * elr * (1.0 - 1.0 / cdf);

                    // Capped below one beforehand: 1 - share stays positive.
                    public decimal ActualCashValue(decimal replacementCost, decimal depreciation)
                    {
                        var depreciationShare = System.Math.Min(0.8m, depreciation);
                        return replacementCost * (1 - depreciationShare);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.PremiumMayBecomeNegative).WithLocation(0).WithArguments("basePremium * (1 - discountRate)"));
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
        public async Task ComparisonOfSomethingElseWithZero_BoundsNothing_TheAmountsComparisonStillDoes()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Renewal(decimal loadedPremium, decimal loyaltyDiscount, List<string> notes)
                    {
                        var renewalPremium = {|#0:loadedPremium - loyaltyDiscount|};
                        if (notes.Count > 0) notes.Add("RENEWAL");
                        return renewalPremium;
                    }

                    public decimal Checked(decimal loadedPremium, decimal loyaltyDiscount)
                    {
                        var renewal = loadedPremium - loyaltyDiscount;
                        return renewal > 0 ? renewal : 0m;
                    }

                    // A discount tested before it is subtracted bounds nothing below the premium.
                    public decimal DiscountChecked(decimal loadedPremium, decimal loyaltyDiscount) =>
                        loyaltyDiscount <= 0 ? loadedPremium : {|#1:loadedPremium - loyaltyDiscount|};

                    public decimal NoteAfterTheCheck(decimal loadedPremium, decimal loyaltyDiscount, List<string> notes)
                    {
                        var net = loadedPremium - loyaltyDiscount;
                        if (net < 0) notes.Add("NEGATIVE");
                        return net;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Enable,
                Verify.Diagnostic(DiagnosticIds.PremiumMayBecomeNegative).WithLocation(0).WithArguments("loadedPremium - loyaltyDiscount"),
                Verify.Diagnostic(DiagnosticIds.PremiumMayBecomeNegative).WithLocation(1).WithArguments("loadedPremium - loyaltyDiscount"));
        }

        [Fact]
        public async Task MoneyTypesOwnMaxOrMin_IsABound()
        {
            const string source = """
                public readonly record struct Money(decimal Amount)
                {
                    public static Money operator *(Money m, decimal f) => new(m.Amount * f);
                    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
                    public Money Max(Money other) => Amount >= other.Amount ? this : other;
                    public static Money Larger(Money a, Money b) => a.Amount >= b.Amount ? a : b;
                }

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private static readonly Money MinimumPremium = new(50m);

                    public Money Net(Money premium, decimal promoDiscount)
                    {
                        var net = premium * (1m - promoDiscount);
                        return net.Max(MinimumPremium);
                    }

                    public Money Unbounded(Money premium, decimal promoDiscount)
                    {
                        var net = {|#0:premium * (1m - promoDiscount)|};
                        return Money.Larger(net, net);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable + "\nqualitygates_money_types = Money", Verify.Diagnostic(DiagnosticIds.PremiumMayBecomeNegative).WithLocation(0).WithArguments("premium * (1m - promoDiscount)"));
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

        [Fact]
        public async Task MinimumPremiumMember_FixClampsTheReturnedAndAssignedValues()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal MinimumPremium = 50m;

                    public decimal Net(decimal premium, decimal loyaltyDiscount) => {|QG1009:premium - loyaltyDiscount|};

                    public decimal Adjusted(decimal premium, decimal noClaimsRate, decimal fleetCredit, decimal fee)
                    {
                        var amount = {|QG1009:premium * (1 - noClaimsRate)|} + fee;
                        {|QG1009:amount -= fleetCredit + fee|};
                        return amount;
                    }
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal MinimumPremium = 50m;

                    public decimal Net(decimal premium, decimal loyaltyDiscount) => Math.Max(MinimumPremium, premium - loyaltyDiscount);

                    public decimal Adjusted(decimal premium, decimal noClaimsRate, decimal fleetCredit, decimal fee)
                    {
                        var amount = Math.Max(MinimumPremium, premium * (1 - noClaimsRate) + fee);
                        amount = Math.Max(MinimumPremium, amount - (fleetCredit + fee));
                        return amount;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource, Enable);
        }

        [Fact]
        public async Task ParameterOrLocalMinimum_FixUsesIt()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Net(decimal premium, decimal discount, decimal minPremium) => {|QG1009:premium - discount|};

                    public double NetOfCredit(double premium, double credit)
                    {
                        const double premiumFloor = 25;
                        return ({|QG1009:premium - credit|});
                    }
                }
                """;
            const string fixedSource = """
                public class PremiumCalculator
                {
                    public decimal Net(decimal premium, decimal discount, decimal minPremium) => System.Math.Max(minPremium, premium - discount);

                    public double NetOfCredit(double premium, double credit)
                    {
                        const double premiumFloor = 25;
                        return System.Math.Max(premiumFloor, premium - credit);
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource, Enable);
        }

        [Fact]
        public async Task NoUsableMinimumOrNotAReturnedValue_NoFixOffered()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private decimal minimumPremium = 50m;
                    private decimal minimumAge = 18m;

                    // Instance minimum, static method.
                    public static decimal Net(decimal premium, decimal discount) => {|QG1009:premium - discount|};

                    // A decimal minimum does not convert to double.
                    public double NetOfCredit(double premium, double credit) => {|QG1009:premium - credit|};

                    // An argument, not the returned or assigned value.
                    public void Record(decimal premium, decimal discount) => Log({|QG1009:premium - discount|});

                    private static void Log(decimal value) { }
                }

                [QualityGates.PremiumCalculation]
                public class Quote
                {
                    // A minimum that is not money (age) is no premium floor.
                    private decimal minimumAge = 18m;

                    public decimal Net(decimal premium, decimal discount) => {|QG1009:premium - discount|};
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source, Enable);
        }
    }
}
