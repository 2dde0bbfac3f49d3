using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.RoundingWithoutMidpointModeAnalyzer,
    QualityGates.CodeFixes.Rules.RoundingWithoutMidpointModeCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1002RoundingWithoutMidpointModeTests
    {
        [Fact]
        public async Task MathRoundWithDigits_ReportedWithArguments()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => {|#0:Math.Round(premium, 2)|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.RoundingWithoutMidpointMode).WithLocation(0)
                    .WithArguments("Math.Round", "the default MidpointRounding.ToEven (banker's rounding)", "state the midpoint mode the tariff requires (half-up is MidpointRounding.AwayFromZero)"));
        }

        [Fact]
        public async Task WholeNumbers_HaveNoMidpoint_NotReported()
        {
            const string source = """
                using System;
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal PerPersonAmount { get; set; }

                    public void Set(string text, int persons, decimal premium)
                    {
                        decimal perPerson = Convert.ToInt32(text, CultureInfo.InvariantCulture);
                        PerPersonAmount = Math.Round(perPerson, 2);
                        PerPersonAmount += Math.Round((decimal)persons, 2);
                        decimal share = premium / persons;
                        PerPersonAmount += {|#0:Math.Round(share, 2)|};
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.RoundingWithoutMidpointMode).WithLocation(0)
                    .WithArguments("Math.Round", "the default MidpointRounding.ToEven (banker's rounding)", "state the midpoint mode the tariff requires (half-up is MidpointRounding.AwayFromZero)"));
        }

        [Fact]
        public async Task MissingMode_FixAddsAwayFromZero()
        {
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    public decimal Annual(decimal premium, double fee, float tax)
                    {
                        var rounded = {|QG1002:Math.Round(premium, 2)|} + {|QG1002:decimal.Round(premium)|};
                        var other = {|QG1002:Math.Round(fee)|} + {|QG1002:MathF.Round(tax, 1)|};
                        return rounded + (decimal)other;
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public class PremiumCalculator
                {
                    public decimal Annual(decimal premium, double fee, float tax)
                    {
                        var rounded = Math.Round(premium, 2, MidpointRounding.AwayFromZero) + decimal.Round(premium, MidpointRounding.AwayFromZero);
                        var other = Math.Round(fee, MidpointRounding.AwayFromZero) + MathF.Round(tax, 1, MidpointRounding.AwayFromZero);
                        return rounded + (decimal)other;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NestedMultiLineAndCommentedCalls_FixAllKeepsLayout()

        {
            const string source = """
                using System;
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(decimal premium, decimal factor) => {|QG1002:Math.Round({|QG1002:Math.Round(premium, 4)|} * factor, 2)|};
                    public decimal B(decimal premium) => {|QG1002:Math.Round(
                        premium,
                        2)|};
                    public decimal C(decimal premium) => {|QG1002:decimal.Round(premium /* pence */)|};
                    public float F(float premiumRate) => {|QG1002:MathF.Round(premiumRate, 3)|};
                }
                """;
            const string fixedSource = """
                using System;
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(decimal premium, decimal factor) => Math.Round(Math.Round(premium, 4, MidpointRounding.AwayFromZero) * factor, 2, MidpointRounding.AwayFromZero);
                    public decimal B(decimal premium) => Math.Round(
                        premium,
                        2,
                        MidpointRounding.AwayFromZero);
                    public decimal C(decimal premium) => decimal.Round(premium /* pence */, MidpointRounding.AwayFromZero);
                    public float F(float premiumRate) => MathF.Round(premiumRate, 3, MidpointRounding.AwayFromZero);
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NoUsingSystem_FixKeepsTheNameResolvable()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => {|QG1002:System.Math.Round(premium, 2)|};
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => System.Math.Round(premium, 2, System.MidpointRounding.AwayFromZero);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task MeasurementInDoubleInPricingCode_NotReported_MoneyOrCentsReported()
        {
            // A double that is neither money nor a rate is a measurement or statistic, unless rounded to the minor unit.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class MotorPremiumCalculator
                {
                    public string Describe(double engineLitres, double weightKg, double heightM, double total, double premium, decimal x)
                    {
                        var litres = Math.Round(engineLitres, 1);
                        var bmi = Math.Round(weightKg / (heightM * heightM), 1);
                        var score = Math.Round(engineLitres * 10);
                        var owed = {|QG1002:Math.Round(total, 2)|};
                        var quoted = {|QG1002:Math.Round(premium, 1)|};
                        var exact = {|QG1002:Math.Round(x, 1)|} + {|QG1002:decimal.Round(x)|};
                        var converted = {|QG1002:Math.Round((double)x, 1)|};
                        return $"{litres} {bmi} {score} {owed} {quoted} {exact} {converted}";
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ExplicitToEvenWithoutPolicy_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, MidpointRounding mode) =>
                        Math.Round(premium, 2, MidpointRounding.ToEven) + Math.Round(premium, mode) + decimal.Round(premium, 2, MidpointRounding.AwayFromZero);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PolicyDiffersFromExplicitMode_ReportedAndReplaced()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => {|#0:Math.Round(premium, 2, MidpointRounding.ToEven)|} + Math.Round(premium, 2, MidpointRounding.AwayFromZero);
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => Math.Round(premium, 2, MidpointRounding.AwayFromZero) + Math.Round(premium, 2, MidpointRounding.AwayFromZero);
                }
                """;

            await Verify.VerifyCodeFixAsync(
                source,
                fixedSource,
                "qualitygates_rounding_mode = AwayFromZero",
                null,
                Verify.Diagnostic(DiagnosticIds.RoundingWithoutMidpointMode).WithLocation(0).WithArguments("Math.Round", "MidpointRounding.ToEven", "the tariff requires MidpointRounding.AwayFromZero"));
        }

        [Fact]
        public async Task PerRulePolicyToEven_FixInsertsToEven()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => {|QG1002:Math.Round(premium, 2)|} + {|QG1002:Math.Round(premium, 2, MidpointRounding.AwayFromZero)|};
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => Math.Round(premium, 2, MidpointRounding.ToEven) + Math.Round(premium, 2, MidpointRounding.ToEven);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource, "qualitygates_rounding_mode = AwayFromZero\ndotnet_code_quality.QG1002.rounding_mode = ToEven");
        }

        [Fact]
        public async Task UnderwritingScope_OnlyMoneyAndRatesReported()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class Referrals
                {
                    public bool Check(double riskScore, decimal sumInsured) =>
                        Math.Round(riskScore) > 3 && {|QG1002:Math.Round(sumInsured)|} > 100000m;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                using System;

                public class Statistics
                {
                    public double Mean(double total, int n) => Math.Round(total / n, 2);
                    public decimal Amount(decimal amount) => Math.Round(amount, 2);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OtherMathMethods_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium) => Math.Max(Math.Abs(premium), decimal.Floor(premium));
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task MoneyValueObjectOutsideAnyPricingName_Reported()
        {
            // The shared kernel's Money type is where DDD code rounds: a type named for money is pricing code.
            const string source = """
                using System;

                namespace Homestead.Kernel
                {
                    public readonly record struct Money
                    {
                        public Money(decimal amount, string currency) { Amount = {|#0:Math.Round(amount, 2)|}; Currency = currency; }
                        public decimal Amount { get; }
                        public string Currency { get; }
                    }

                    public static class TextHelpers
                    {
                        public static decimal Round(decimal score) => Math.Round(score, 2);
                    }
                }
                """;

            await QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.RoundingWithoutMidpointModeAnalyzer>.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.RoundingWithoutMidpointMode).WithLocation(0).WithArguments(
                    "Math.Round", "the default MidpointRounding.ToEven (banker's rounding)", "state the midpoint mode the tariff requires (half-up is MidpointRounding.AwayFromZero)"));
        }
    }
}
