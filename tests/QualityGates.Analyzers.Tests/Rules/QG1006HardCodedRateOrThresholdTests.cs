using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.HardCodedRateOrThresholdAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.HardCodedRateOrThresholdAnalyzer,
    QualityGates.CodeFixes.Rules.HardCodedRateOrThresholdCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1006HardCodedRateOrThresholdTests
    {
        [Fact]
        public async Task DataRowMoneyAndRateColumns_Reported()
        {
            const string source = """
                using System.Data;

                namespace Company.Rating.Engine
                {
                    public class PremiumEngine
                    {
                        public decimal Rate(DataRow drQuote, string strColumn)
                        {
                            decimal a = (decimal)drQuote["Premium"] * {|#0:1.1m|};
                            decimal b = drQuote.Field<decimal>("BASE_RATE") * {|#1:1.25m|};
                            decimal c = (decimal)drQuote[strColumn] * 1.3m;
                            int d = drQuote.Field<int>("Storeys") * 3;
                            decimal e = (decimal)drQuote["VehicleValue"] * 0.02m;
                            return a + b + c + d + e;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.1m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("1.25m", "rate or factor"));
        }

        [Fact]
        public async Task StepOfARoundingToAGridOrByHand_NotReported_AFactorBesideItStill()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class AnnuityRater
                {
                    public decimal Nearest5Cents(decimal premium) => Math.Round(premium / 0.05m, MidpointRounding.AwayFromZero) * 0.05m;

                    public double AdjustedPayoutRate(double payout, double factor) =>
                        Math.Round(payout / factor * 5.0, MidpointRounding.AwayFromZero) / 5.0;

                    public decimal NotAGrid(decimal premium) => Math.Round(premium * {|#0:1.15m|}, 2, MidpointRounding.AwayFromZero) / 2;

                    // Rounding by hand: half up to whole dollars, up to the next thousand, half up with Floor.
                    public int Whole(decimal collisionRate) => (int)(collisionRate + .5M);

                    public int Units(decimal cost) => (int)(cost / 1000 + .999M);

                    public decimal Floored(decimal premium) => Math.Floor(premium + 0.5m);

                    public decimal Loaded(decimal premium) => premium + {|#1:0.5m|};
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("0.5m", "amount"));
        }

        [Fact]
        public async Task ValidatorComparisonRules_AreThresholds()
        {
            // FluentValidation's spelling of a.Age <= 65, stubbed the way the library declares it (extension methods).
            const string source = """
                using System;
                using System.Linq.Expressions;

                namespace FluentValidation
                {
                    public interface IRuleBuilder<T, TProperty> { }
                    public abstract class AbstractValidator<T>
                    {
                        protected IRuleBuilder<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => null!;
                    }

                    public static class DefaultValidatorExtensions
                    {
                        public static IRuleBuilder<T, TProperty> NotEmpty<T, TProperty>(this IRuleBuilder<T, TProperty> rule) => rule;
                        public static IRuleBuilder<T, TProperty> LessThanOrEqualTo<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty value) => rule;
                        public static IRuleBuilder<T, TProperty> InclusiveBetween<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty from, TProperty to) => rule;
                        public static IRuleBuilder<T, string> MaximumLength<T>(this IRuleBuilder<T, string> rule, int max) => rule;
                    }
                }

                namespace Claims
                {
                    using FluentValidation;

                    public record Application(int Age, decimal DamageCost, string Name, int Drivers);

                    [QualityGates.UnderwritingRule]
                    public class EligibilityValidator : AbstractValidator<Application>
                    {
                        public EligibilityValidator()
                        {
                            RuleFor(a => a.Age).NotEmpty().LessThanOrEqualTo({|#0:65|});
                            RuleFor(a => a.DamageCost).InclusiveBetween(0m, {|#1:100_000m|});
                            RuleFor(a => a.Name).MaximumLength(50);
                            RuleFor(a => a.Drivers).LessThanOrEqualTo(1);
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("65", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("100_000m", "threshold"));
        }

        [Fact]
        public async Task PercentConversionAndSamplingRate_NotReported_LiteralThroughConvertReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                [QualityGates.UnderwritingRule]
                public class RefundRater
                {
                    private static readonly Random Sampler = new Random(7);

                    public decimal Refund(decimal premium, decimal refundPct) => premium * refundPct * 0.01m;

                    public decimal Commission(decimal premium) => premium * {|#0:0.01m|};

                    public decimal Loaded(decimal premium) => premium * {|#1:Convert.ToDecimal(0.2)|};

                    public bool SelectForQualityReview(int age) => Sampler.NextDouble() < 0.02 || age > {|#2:80|};

                    public bool InTestCohort()
                    {
                        var cohort = Sampler.Next(100);
                        return cohort < 50;
                    }

                    public bool InGuidCohort()
                    {
                        var cohort = Math.Abs(Guid.NewGuid().GetHashCode()) % 100;
                        return cohort < 50;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("0.01m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("Convert.ToDecimal(0.2)", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("80", "threshold"));
        }

        [Fact]
        public async Task LoadingLiteralOnPremium_ReportedWithArguments()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium) => basePremium * {|#0:1.15m|} + {|#1:25m|};
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("25m", "amount"));
        }

        [Fact]
        public async Task CompoundAssignmentLiterals_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Loaded(decimal premium, int claims)
                    {
                        premium *= {|#0:1.15m|};
                        premium += {|#1:25m|};
                        premium -= 1m;
                        claims += 2;
                        return premium;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("25m", "amount"));
        }

        [Fact]
        public async Task CompoundAssignmentFactor_ExtractedToNamedConstant()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium)
                    {
                        basePremium *= {|QG1006:1.15m|};
                        return basePremium;
                    }
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal BasePremiumFactor = 1.15m;
                    public decimal Premium(decimal basePremium)
                    {
                        basePremium *= BasePremiumFactor;
                        return basePremium;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LiteralWithRateOperand_Reported()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Loaded(decimal loadingFactor, decimal discount) => loadingFactor * {|QG1006:0.95m|} - discount / {|QG1006:3|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task UnderwritingThresholds_Reported()
        {
            const string source = """
                [QualityGates.UnderwritingRule]
                public class Eligibility
                {
                    public bool IsEligible(int age, int claims) => age > {|#0:30|} && {|#1:3|} > claims;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("30", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("3", "threshold"));
        }

        [Fact]
        public async Task RelationalPatternThresholdsInUnderwriting_Reported()
        {
            const string source = """
                public sealed record Application(int Age, int Claims, decimal Revenue, int? Score);

                [QualityGates.UnderwritingRule]
                public class Appetite
                {
                    private const int MaxClaims = 4;

                    public string Decide(Application a) => a switch
                    {
                        { Claims: > {|#0:3|} } => "Refer",
                        { Revenue: > {|#1:250_000_000m|} } => "Refer",
                        { Age: < {|#2:18|} or >= {|#3:75|} } => "Decline",
                        { Score: not >= {|#4:600|} } => "Refer",
                        { Claims: > MaxClaims or >= 0 or < 1 or > 2 } => "Refer",
                        _ => "Accept",
                    };

                    public bool Senior(int age) => age is >= {|#5:65|};

                    public int Band(int age) => age switch { < {|#6:30|} => 1, _ => 2 };

                    public int Tier(int claims)
                    {
                        switch (claims)
                        {
                            case > {|#7:5|}:
                                return 3;
                            default:
                                return 1;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("3", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("250_000_000m", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("18", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(3).WithArguments("75", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(4).WithArguments("600", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(5).WithArguments("65", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(6).WithArguments("30", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(7).WithArguments("5", "threshold"));
        }

        [Fact]
        public async Task RelationalPatternsInPricingOnlyCode_NotReported()
        {
            // Pricing code reports literals in arithmetic with money, not comparisons: an age band table is not a threshold there.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal AgeFactor(int age) => age switch { < 25 => 1.5m, >= 70 => 1.2m, _ => 1m };
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task RelationalPatternThreshold_ExtractedToNamedConstant()
        {
            const string source = """
                public sealed record Application(int Claims);

                [QualityGates.UnderwritingRule]
                public class Appetite
                {
                    public bool Refer(Application a) => a is { Claims: > {|QG1006:3|} };
                }
                """;
            const string fixedSource = """
                public sealed record Application(int Claims);

                [QualityGates.UnderwritingRule]
                public class Appetite
                {
                    private const int ClaimsThreshold = 3;
                    public bool Refer(Application a) => a is { Claims: > ClaimsThreshold };
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LiteralBranchOfConditionalOperand_Reported()
        {
            // Each branch is the operand in its case; the neutral branch (1m, 0m, an allowed literal) is not a rate.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, int driverAge, bool commercial) =>
                        basePremium * (driverAge < 25 ? {|#0:1.6m|} : 1m) +
                        (commercial ? {|#1:25m|} : 0m) +
                        basePremium * (driverAge < 21 ? {|#2:1.8m|} : driverAge < 25 ? {|#3:1.3m|} : 1m);
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.6m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("25m", "amount"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("1.8m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(3).WithArguments("1.3m", "rate or factor"));
        }

        [Fact]
        public async Task NeutralOrNamedBranchesAndNonMoneyConditionals_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal YoungDriverLoading = 1.6m;

                    public decimal Premium(decimal basePremium, decimal ageFactor, int driverAge, int vehicles) =>
                        basePremium * (driverAge < 25 ? YoungDriverLoading : 1m) +
                        basePremium * (driverAge < 25 ? ageFactor : 1m) +
                        basePremium * (driverAge < 25 ? 0m : 1m) +
                        basePremium / (driverAge < 25 ? 12 : 1);

                    public int Drivers(int driverAge, int vehicles) => vehicles * (driverAge < 25 ? 3 : 1);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ConditionalBranchLiteral_ExtractedToNamedConstant()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, int driverAge) => basePremium * (driverAge < 25 ? {|QG1006:1.6m|} : 1m);
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal BasePremiumFactor = 1.6m;
                    public decimal Premium(decimal basePremium, int driverAge) => basePremium * (driverAge < 25 ? BasePremiumFactor : 1m);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task ExpressionOfLiterals_ReportedOnceAsOneNumber()
        {
            // The compiler folds these to one number: the rate is as hard-coded as 1.15m.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, decimal sumInsured) =>
                        basePremium * ({|#0:1 + 0.15m|}) + sumInsured * {|#1:-(2.5m / 1000)|} + basePremium * (1m + 0m);
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1 + 0.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("-(2.5m / 1000)", "rate or factor"));
        }

        [Fact]
        public async Task LiteralThroughLocalNeverWrittenAgain_ReportedOnceAtTheNumber()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, decimal fee)
                    {
                        var loading = {|#0:1.15m|};
                        decimal adminFee = {|#1:25m|};
                        var loaded = basePremium * loading;
                        return loaded * loading + fee + adminFee;
                    }
                }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Accept(int claims, int driverAge)
                    {
                        int maxClaims = {|#2:3|};
                        var minimumAge = {|#3:17 + 1|};
                        return claims < maxClaims && driverAge >= minimumAge;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("25m", "amount"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("3", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(3).WithArguments("17 + 1", "threshold"));
        }

        [Fact]
        public async Task ChoiceOfLiteralsThroughLocal_ReportedAtEachNumber()
        {
            // A local that picks one of two numbers is the conditional operand written a line earlier; a year length chosen by
            // leap year is the year's actual length (no rate, and no fixed basis for QG3003 either).
            const string source = """
                [QualityGates.PremiumCalculation]
                public class PropertyRating
                {
                    public decimal Rate(decimal baseRate, bool sprinklered, bool alarmed, int storeys, decimal priorMod)
                    {
                        var sprinkler = sprinklered ? {|#0:0.60m|} : 1.00m;
                        var alarm = alarmed ? {|#1:0.95m|} : storeys > 3 ? {|#2:1.10m|} : 1m;
                        var reassigned = sprinklered ? 0.70m : 1m;
                        if (storeys > 10) { reassigned = 0.5m; }
                        return baseRate * sprinkler * alarm * reassigned + priorMod * {|#3:1.25m|};
                    }

                    public decimal ProRate(decimal annualPremium, int days, bool leap)
                    {
                        var daysInYear = leap ? 366m : 365m;
                        return annualPremium * days / daysInYear;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("0.60m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("0.95m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("1.10m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(3).WithArguments("1.25m", "rate or factor"));
        }

        [Fact]
        public async Task ChoiceThroughLocal_ExtractedToConstantNamedAfterTheLocal()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Rate(decimal baseRate, bool sprinklered)
                    {
                        var sprinkler = sprinklered ? {|QG1006:0.60m|} : 1.00m;
                        return baseRate * sprinkler;
                    }
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal SprinklerFactor = 0.60m;
                    public decimal Rate(decimal baseRate, bool sprinklered)
                    {
                        var sprinkler = sprinklered ? SprinklerFactor : 1.00m;
                        return baseRate * sprinkler;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LoopBoundsRetryFiltersAndSplitRecords_AreNoThresholds_TheRiskTestsBesideThemAre()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class ReferralRules
                {
                    public int Screen(string line, int[] claims, int attempts)
                    {
                        var cells = line.Split(',');
                        if (cells.Length < 4) return -1;
                        var refer = 0;
                        for (var i = 0; i < 200; i++)
                        {
                            if (claims.Length > {|#0:3|}) refer++;
                        }

                        for (var j = 0; refer < {|#1:5|}; j++) refer++;
                        try { return refer; }
                        catch (InvalidOperationException) when (attempts < 3) { return -1; }
                    }

                    public int ValidRows(System.Collections.Generic.IEnumerable<string> lines) =>
                        System.Linq.Enumerable.Count(System.Linq.Enumerable.Where(System.Linq.Enumerable.Select(lines, line => line.Split(',')), cells => cells.Length >= 4));

                    public int Referrals(System.Collections.Generic.IEnumerable<int[]> claimSets) =>
                        System.Linq.Enumerable.Count(System.Linq.Enumerable.Where(claimSets, claims => claims.Length > {|#2:3|}));
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("3", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("5", "threshold"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("3", "threshold"));
        }

        [Fact]
        public async Task ElementOfARateTable_IsARate_TextLengthIsNoThreshold()
        {
            // An element is what its table is named for (factors, factorsByZip); a string's length checks a format.
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class MedicareSupplementPricer
                {
                    private readonly Dictionary<int, double> _attainedAgeFactors = new();
                    private readonly Dictionary<string, decimal> _factorsByZip = new();
                    private readonly decimal[] _loadings = new decimal[3];
                    private readonly Dictionary<int, int> _bandsByAge = new();

                    public double Factor(int age) => _attainedAgeFactors[65] * {|#0:1.25|};

                    public decimal Zip(string zip) => _factorsByZip[zip] * {|#1:1.1m|} + _loadings[1] * {|#2:1.2m|} + _bandsByAge[40] * 3m;
                }

                [QualityGates.UnderwritingRule]
                public class ZipRules
                {
                    public bool Valid(string zipCode, string[] codes) => zipCode.Length > 5 && codes.Length > 3;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.25", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("1.1m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("1.2m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithSpan(19, 95, 19, 96).WithArguments("3", "threshold"));
        }

        [Fact]
        public async Task LocalsThatAreNotFixedLiterals_NotReported()
        {
            // Written again, passed by ref, a running total, a named constant, a neutral value, or never used in a formula.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal Loading = 1.15m;

                    public decimal Premium(decimal basePremium, bool young, decimal[] extras)
                    {
                        var factor = 1.15m;
                        if (young) { factor = 1.6m; }
                        var bumped = 1.2m;
                        bumped++;
                        var adjusted = 1.3m;
                        Adjust(ref adjusted);
                        var total = 0m;
                        foreach (var extra in extras) { total += extra; }
                        const decimal named = 1.4m;
                        var copied = Loading;
                        var neutral = 1m;
                        var unused = 1.5m;
                        System.Console.WriteLine(unused);
                        return basePremium * factor * bumped * adjusted * named * copied * neutral + total;
                    }

                    private static void Adjust(ref decimal value) => value += 0m;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task LiteralThroughLocal_ExtractedToConstantNamedAfterTheLocal()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium)
                    {
                        var loading = {|QG1006:1.15m|};
                        return basePremium * loading;
                    }
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal LoadingFactor = 1.15m;
                    public decimal Premium(decimal basePremium)
                    {
                        var loading = LoadingFactor;
                        return basePremium * loading;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FixedYearDayCountBasis_LeftToQG3003()
        {
            // QG3003 reports premium * days / 365 as a fixed-length year; the same 365 is not also a hard-coded rate. A
            // 365 that is no day-count basis (a rate divided by it, or a multiplier) is still QG1006's.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Refunds
                {
                    public decimal Earned(decimal annualPremium, DateTime inception, DateTime asOf, decimal dailyRate)
                    {
                        var daysUsed = (asOf - inception).Days;
                        var earned = annualPremium * daysUsed / 365;
                        var perDay = annualPremium / 365m;
                        earned *= 1m / 365;
                        return earned + perDay + dailyRate / {|#0:365|} + dailyRate * {|#1:365|};
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("365", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("365", "rate or factor"));
        }

        [Fact]
        public async Task RatePerUnitOfExposure_AProductAddedToOrStoredAsMoney_Reported()
        {
            // milesPerMonth * 0.045 is an amount once it is added to a premium: 0.045 is a rate per mile.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class PayPerMile
                {
                    public double Price(double premium, double milesPerMonth, int vehicles, int weeks)
                    {
                        premium += milesPerMonth * {|#0:0.045|};
                        double mileageCharge = milesPerMonth * {|#1:0.03|};
                        var days = weeks * 7;
                        return premium + mileageCharge + vehicles * {|#2:3.5|} + days;
                    }

                    // One plus a per-claim loading, scaling the premium; one plus a count scales nothing.
                    public double ClaimsLoaded(double basePremium, int chargeableClaims, int drivers) =>
                        basePremium * (1.0 + {|#3:0.1|} * chargeableClaims) + drivers * (1 + 2 * drivers);

                    // The product is what a premium member returns.
                    public double CalculatePremium(double insuranceValue) => insuranceValue * {|#5:0.04|};

                    public double CalculateScore(double insuranceValue) => insuranceValue * 0.04;

                    // A product split into months lands where the quotient lands: a monthly benefit amount.
                    public double MonthlyBenefitAmount(double annualEarnings) => annualEarnings * {|#6:0.6|} / 12;

                    public double MonthlyScore(double annualEarnings) => annualEarnings * 0.6 / 12;

                    public double ClaimsFactorFirst(double basePremium, int chargeableClaims)
                    {
                        var claimsFactor = 1.0 + {|#4:0.1|} * chargeableClaims;
                        var claimsCount = 1 + 2 * chargeableClaims;
                        return basePremium * claimsFactor + claimsCount;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("0.045", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("0.03", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("3.5", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(3).WithArguments("0.1", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(4).WithArguments("0.1", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(5).WithArguments("0.04", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(6).WithArguments("0.6", "rate or factor"));
        }

        [Fact]
        public async Task TrivialAndAllowedLiterals_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, decimal discountRate) =>
                        Math.Round(premium * (1 - discountRate) / 12, 2, MidpointRounding.AwayFromZero) + premium * 0 + premium / 100 + premium / 1000 * 2;

                    public int Days(int weeks) => weeks * 7;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NamedConstantsAndConstInitializers_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal YoungDriverLoading = 1.25m;
                    private static readonly decimal PolicyFee = 20m + 5m;
                    private static readonly decimal MaximumPremium = PolicyFee * 400m;

                    public decimal Premium(decimal basePremium) => basePremium * YoungDriverLoading + PolicyFee;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ComparisonInPricingOnly_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public bool IsLarge(decimal premium, int age) => premium > 5000m || age > 30;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                public class Invoice
                {
                    public decimal Total(decimal amount, int age) => amount * 1.2m + (age > 30 ? 5m : 0m);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task AllowedLiteralsConfigured_ChangesOutcome()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal PerMille(decimal sumInsured, decimal premium) => sumInsured / 1000 * 3 + premium * {|QG1006:100|};
                }
                """;

            await Verify.VerifyAsync(source, "dotnet_code_quality.QG1006.allowed_literals = 3, 1000");
            await Verify.VerifyAsync(source.Replace("{|QG1006:100|}", "100").Replace("* 3", "* {|QG1006:3|}"));
        }

        [Theory]
        [InlineData("Acme.Finance.Money, Acme.Finance.Amount")]
        [InlineData("Acme.Finance.Money`1, Acme.Finance.Amount")]
        public async Task ConfiguredGenericMoneyType_OperandIsMoney(string moneyTypes)
        {
            // A generic money type is configured by its definition's name; Money<Usd> must match it, and a type of the
            // same simple name in another namespace must not.
            const string source = """
                namespace Acme.Finance
                {
                    public readonly record struct Usd;

                    public readonly record struct Money<TCurrency>(decimal Value)
                    {
                        public static Money<TCurrency> operator *(Money<TCurrency> a, decimal f) => new(a.Value * f);
                    }

                    public readonly record struct Amount(decimal Value)
                    {
                        public static Amount operator *(Amount a, decimal f) => new(a.Value * f);
                    }
                }

                namespace Other
                {
                    public readonly record struct Money<T>(decimal Value)
                    {
                        public static Money<T> operator *(Money<T> a, decimal f) => new(a.Value * f);
                    }
                }

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public Acme.Finance.Money<Acme.Finance.Usd> Generic(Acme.Finance.Money<Acme.Finance.Usd> basis) => basis * {|#0:1.15m|};

                    public Acme.Finance.Money<Acme.Finance.Usd>? Nullable(Acme.Finance.Money<Acme.Finance.Usd>? basis) => basis * {|#1:1.2m|};

                    public Acme.Finance.Amount NonGeneric(Acme.Finance.Amount basis) => basis * {|#2:1.3m|};

                    public Other.Money<int> SameNameElsewhere(Other.Money<int> basis) => basis * 1.4m;
                }
                """;

            await Verify.VerifyAsync(
                source,
                "qualitygates_money_types = " + moneyTypes,
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(0).WithArguments("1.15m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(1).WithArguments("1.2m", "rate or factor"),
                Verify.Diagnostic(DiagnosticIds.HardCodedRateOrThreshold).WithLocation(2).WithArguments("1.3m", "rate or factor"));
        }

        [Fact]
        public async Task Factor_ExtractedToNamedConstant()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium) => basePremium * {|QG1006:1.15m|};
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal BasePremiumFactor = 1.15m;
                    public decimal Premium(decimal basePremium) => basePremium * BasePremiumFactor;
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task TwoLiteralsOneType_FixAllExtractsDistinctConstants()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Young(decimal basePremium) => basePremium * {|QG1006:1.35m|};
                    public decimal Senior(decimal basePremium) => basePremium * {|QG1006:1.15m|};
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const decimal BasePremiumFactor2 = 1.15m;
                    private const decimal BasePremiumFactor = 1.35m;
                    public decimal Young(decimal basePremium) => basePremium * BasePremiumFactor;
                    public decimal Senior(decimal basePremium) => basePremium * BasePremiumFactor2;
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LiteralThroughAConvertCall_NoFixOffered()
        {
            // Convert.ToDecimal(0.2) cannot initialize a const: the finding stands, the code stays as written.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Loaded(decimal premium) => premium * {|QG1006:System.Convert.ToDecimal(0.2)|};
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Threshold_ExtractedWithUniqueName()
        {
            const string source = """
                [QualityGates.UnderwritingRule]
                public class Eligibility
                {
                    private const int AgeThreshold = 18;

                    public bool IsEligible(int age) => age >= AgeThreshold && age < {|QG1006:75|};
                }
                """;
            const string fixedSource = """
                [QualityGates.UnderwritingRule]
                public class Eligibility
                {
                    private const int AgeThreshold2 = 75;
                    private const int AgeThreshold = 18;

                    public bool IsEligible(int age) => age >= AgeThreshold && age < AgeThreshold2;
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }
    }
}
