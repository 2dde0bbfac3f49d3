using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.IntegerDivisionInMonetaryArithmeticAnalyzer,
    QualityGates.CodeFixes.Rules.IntegerDivisionInMonetaryArithmeticCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1005IntegerDivisionInMonetaryArithmeticTests
    {
        [Fact]
        public async Task WholeConstantsThatDoNotDivide_InArithmeticMadeFractional_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class LifeTable
                {
                    public decimal Cx(int x, decimal deaths, double discount) => deaths * (decimal)Math.Pow(discount, x + {|#0:1 / 2|});

                    public double Monthly(double annualRate) => Math.Pow(1 + annualRate, {|#1:1 / 12|}) - 1;

                    public double Even(double v, int x) => Math.Pow(v, x + 4 / 2);

                    public int Half(int x) => x + 1 / 2;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("1 / 2"),
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(1).WithArguments("1 / 12"));
        }

        [Fact]
        public async Task ProRataByLiteral_ReportedAndDivisorMadeDecimal()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Endorsement
                {
                    public decimal ProRata(decimal annualPremium, int daysRemaining) => annualPremium * ({|#0:daysRemaining / 365|});
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Endorsement
                {
                    public decimal ProRata(decimal annualPremium, int daysRemaining) => annualPremium * (daysRemaining / 365m);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource, null, null, Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("daysRemaining / 365"));
        }

        [Fact]
        public async Task CastToWholeCentsThenDivided_Reported()
        {
            // (long)(premium * 100m) / 12 divides whole cents: 100005 / 12 keeps 8333 and loses the rest, whatever the cast
            // was made from. Months into years in an int stays legal.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Instalments
                {
                    public long Monthly(decimal premium, int termMonths)
                    {
                        var monthlyCents = {|#0:(long)(premium * 100m) / 12|};
                        long roundedCents = {|#1:(long)decimal.Round(premium * 100m) / termMonths|};
                        int years = (int)(termMonths * 1.0) / 12;
                        return monthlyCents * termMonths + roundedCents + years;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("(long)(premium * 100m) / 12"),
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(1).WithArguments("(long)decimal.Round(premium * 100m) / termMonths"));
        }

        [Fact]
        public async Task QuotientStoredAsAFraction_Reported()
        {
            // A fraction or proportion is a rate: the truncated quotient stored in one is 0 for every part term.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class TripCancellationPremium
                {
                    public decimal Refund(decimal premium, int unusedDays, int totalDays)
                    {
                        var unusedFraction = {|#0:unusedDays / totalDays|};
                        int earnedProportion = {|#1:(totalDays - unusedDays) / totalDays|};
                        return premium * unusedFraction + earnedProportion;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("unusedDays / totalDays"),
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(1).WithArguments("(totalDays - unusedDays) / totalDays"));
        }

        [Fact]
        public async Task QuotientInABranchOfAGuard_GoesWhereTheChoiceGoes()
        {
            // 5.9 complaints per 1,000 truncates to 5 and escapes a "> 5" check; the zero guard does not change that.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class FairValue
                {
                    public bool Breaches(int complaints, int policies, int months)
                    {
                        var complaintRate = policies == 0 ? 0 : {|#0:complaints * 1000 / policies|};
                        var years = months == 0 ? 0 : months / 12;
                        return complaintRate > 5 || years > 3;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("complaints * 1000 / policies"));
        }

        [Fact]
        public async Task NonLiteralDivisor_DividendCast()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Refund(decimal premium, int daysUnused, int termDays, int a, int b)
                    {
                        decimal share = {|QG1005:daysUnused / termDays|};
                        double ratio = {|QG1005:(a + b) / termDays|};
                        return premium * share * (decimal)ratio;
                    }
                }
                """;
            const string fixedSource = """
                public class PremiumCalculator
                {
                    public decimal Refund(decimal premium, int daysUnused, int termDays, int a, int b)
                    {
                        decimal share = (decimal)daysUnused / termDays;
                        double ratio = (double)(a + b) / termDays;
                        return premium * share * (decimal)ratio;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task PercentToDoubleRate_DivisorMadeDouble()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double DiscountRate(int discountPct) => {|QG1005:discountPct / 100|};
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double DiscountRate(int discountPct) => discountPct / 100.0;
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task IntegralMoneyArithmetic_ReportedWithoutFix()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int PremiumCents(int annualPremiumCents, int days)
                    {
                        int refundAmount = {|QG1005:annualPremiumCents / 12|};
                        return annualPremiumCents * ({|QG1005:days / 365|}) + refundAmount;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task WholeUnitsKeptInInt_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, int months, int count)
                    {
                        int years = months / 12;
                        int half = count / 2;
                        return premium * years + half + premium / 12 + months / 12m;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                public class Statistics
                {
                    public double Share(int part, int total) => part / total;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task MinorUnitsSplitWithRemainder_NotReported()
        {
            // pence / n with pence % n allocated: the whole-pence split is the intent, nothing is lost.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Instalments
                {
                    private long _premiumPence;

                    public long[] Split(long premiumPence, int instalmentCount)
                    {
                        var instalmentAmountPence = premiumPence / instalmentCount;
                        var remainderPence = premiumPence % instalmentCount;
                        return new[] { instalmentAmountPence + remainderPence, instalmentAmountPence };
                    }

                    public long Monthly()
                    {
                        long monthlyAmountPence = _premiumPence / 12;
                        long leftoverPence = this._premiumPence % 12;
                        return monthlyAmountPence + leftoverPence;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task RemainderOfAnotherDividendOrDivisor_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Instalments
                {
                    public long Split(Quote a, Quote b, long premiumPence, int instalmentCount, int months)
                    {
                        var instalmentAmountPence = {|#0:premiumPence / instalmentCount|};
                        var remainderPence = premiumPence % months;
                        var feeAmountPence = {|#1:a.FeePence / instalmentCount|};
                        var feeRemainder = b.FeePence % instalmentCount;
                        var taxAmountPence = {|#2:premiumPence / 12|};
                        var taxRemainder = premiumPence % 4;
                        return instalmentAmountPence + remainderPence + feeAmountPence + feeRemainder + taxAmountPence + taxRemainder;
                    }
                }

                public class Quote
                {
                    public long FeePence { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(0).WithArguments("premiumPence / instalmentCount"),
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(1).WithArguments("a.FeePence / instalmentCount"),
                Verify.Diagnostic(DiagnosticIds.IntegerDivisionInMonetaryArithmetic).WithLocation(2).WithArguments("premiumPence / 12"));
        }

        [Fact]
        public async Task ScopeConfiguredByNamespace_Reported()
        {
            const string source = """
                namespace Contoso.Billing
                {
                    public class Instalments
                    {
                        public decimal Monthly(decimal amount, int instalments) => amount * ({|QG1005:1 / instalments|});
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source.Replace("{|QG1005:1 / instalments|}", "1 / instalments"));
            await Verify.VerifyCodeFixAsync(
                source,
                source.Replace("{|QG1005:1 / instalments|}", "1m / instalments"),
                "qualitygates_pricing_scope = Contoso.Billing.*");
        }
    }
}
