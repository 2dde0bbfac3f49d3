using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ImplicitRoundingByTruncationAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.ImplicitRoundingByTruncationAnalyzer,
    QualityGates.CodeFixes.Rules.ImplicitRoundingByTruncationCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1003ImplicitRoundingByTruncationTests
    {
        [Fact]
        public async Task CastOfPremiumToInt_ReportedWithArguments()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int WholeDollars(decimal premium) => {|#0:(int)premium|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(0).WithArguments("The cast to int", "premium", "zero"));
        }

        [Fact]
        public async Task CastThatPicksASwitchRow_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class CollisionRater
                {
                    public decimal DeductibleFactor(decimal collisionDeductible)
                    {
                        switch ((int)collisionDeductible)
                        {
                            case 250: return 0.75m;
                            case 500: return 0.54m;
                            default: throw new System.ArgumentOutOfRangeException(nameof(collisionDeductible));
                        }
                    }

                    public decimal Band(decimal sumInsured) => (int)sumInsured switch { < 100_000 => 1.0m, _ => 1.2m };

                    public int Whole(decimal premium) => {|#0:(int)premium|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(0).WithArguments("The cast to int", "premium", "zero"));
        }

        [Fact]
        public async Task CentsWithoutRounding_Reported()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public long Cents(double amount, decimal fee) => {|QG1003:(long)(amount * 100)|} + {|QG1003:(long)fee|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task FloorCeilingTruncate_ReportedWithDirection()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, double fee) =>
                        {|#0:Math.Floor(premium)|} + {|#1:decimal.Ceiling(premium)|} + (decimal){|#2:Math.Truncate(fee)|};
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(0).WithArguments("Math.Floor", "premium", "negative infinity"),
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(1).WithArguments("decimal.Ceiling", "premium", "positive infinity"),
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(2).WithArguments("Math.Truncate", "fee", "zero"));
        }

        [Fact]
        public async Task CastAfterExplicitRounding_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public long Cents(decimal premium) => (long)Math.Round(premium * 100, MidpointRounding.AwayFromZero);
                    public int Years(double termDays) => (int)(termDays / 365.25);
                    public int Band(decimal loadingFactor) => (int)loadingFactor;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task DocumentedRoundingRule_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    [QualityGates.RoundingRule]
                    public decimal RoundUpToTen(decimal premium) => Math.Ceiling(premium / 10) * 10;

                    [QualityGates.RoundingRule]
                    public int WholeDollarsDown(decimal premium) => (int)premium;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task UnderwritingScope_CastReportedButFloorNot()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class Referral
                {
                    public bool Refer(decimal sumInsured) => {|QG1003:(int)sumInsured|} > 100000 || Math.Floor(sumInsured) > 100000m;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task RatioOfMoneyToMoney_NotReported()
        {
            // Money divided by money is a dimensionless ratio (how many limits the sum insured spans), not money.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int LimitMultiples(decimal sumInsured, decimal limit) => (int)(sumInsured / limit);

                    public int PerInstalment(decimal sumInsured, int instalments) => {|QG1003:(int)(sumInsured / instalments)|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ResultNamedBandIndexOrCount_NotReported()
        {
            // The destination's last word says the whole number is a band, index or count: dropping the fraction is the intent.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int SumInsuredBand(decimal sumInsured, decimal bandWidth) => (int)(sumInsured / bandWidth);

                    public int BandIndex { get; private set; }

                    public int Bands(decimal sumInsured, decimal bandWidth, int[] table)
                    {
                        int bandIndex = (int)(sumInsured / bandWidth);
                        BandIndex = (int)(sumInsured / bandWidth);
                        int LocalBand() => (int)(sumInsured / bandWidth);
                        return table[Lookup(bandCount: (int)(sumInsured / bandWidth))] + bandIndex + LocalBand();
                    }

                    private static int Lookup(int bandCount) => bandCount;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ResultNamedMoneyOrNothing_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int WholePremium(decimal premium) => {|QG1003:(int)premium|};

                    public int Units(decimal sumInsured, decimal bandWidth)
                    {
                        long premiumPence = {|QG1003:(long)(sumInsured * 100)|};
                        int whole = {|QG1003:(int)(sumInsured / bandWidth)|};
                        Func<int> band = () => {|QG1003:(int)(sumInsured / bandWidth)|};
                        return (int)premiumPence + whole + band();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                using System;

                public class Ledger
                {
                    public int Dollars(decimal amount) => (int)amount + (int)Math.Floor(amount);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task MoneyNamesConfigured_ChangesWhatIsMoney()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public int Whole(decimal indemnity, decimal premium) => {|QG1003:(int)indemnity|} + {|QG1003:(int)premium|};
                }
                """;

            await Verify.VerifyAsync(source, "qualitygates_money_names = premium, indemnity");
            await Verify.VerifyAsync(source.Replace("{|QG1003:(int)indemnity|}", "(int)indemnity"));
        }

        [Fact]
        public async Task Casts_FixRoundsWithAwayFromZeroBeforeTheCast()
        {
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    public long Cents(double amount, decimal fee, float tax) =>
                        {|QG1003:(long)(amount * 100)|} + {|QG1003:(long)fee|} + {|QG1003:(long)tax|};
                }
                """;
            const string fixedSource = """
                using System;

                public class PremiumCalculator
                {
                    public long Cents(double amount, decimal fee, float tax) =>
                        (long)Math.Round(amount * 100, MidpointRounding.AwayFromZero) + (long)Math.Round(fee, MidpointRounding.AwayFromZero) + (long)Math.Round(tax, MidpointRounding.AwayFromZero);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FloorCeilingTruncate_FixUsesRoundOfTheSameTypeWithThePolicyMode()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, double fee, float tax) =>
                        {|QG1003:Math.Floor(premium)|} + {|QG1003:decimal.Ceiling(premium)|} + (decimal){|QG1003:Math.Truncate(fee)|} + (decimal){|QG1003:MathF.Floor(tax)|};
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal premium, double fee, float tax) =>
                        Math.Round(premium, MidpointRounding.ToEven) + decimal.Round(premium, MidpointRounding.ToEven) + (decimal)Math.Round(fee, MidpointRounding.ToEven) + (decimal)MathF.Round(tax, MidpointRounding.ToEven);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource, "qualitygates_rounding_mode = ToEven");
        }

        [Fact]
        public async Task NoUsingSystem_RoundFixKeepsTheNamesResolvable()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int WholeDollars(decimal premium) => {|QG1003:(int)premium|};
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int WholeDollars(decimal premium) => (int)System.Math.Round(premium, System.MidpointRounding.AwayFromZero);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task SecondAction_TruncatesExplicitlyAndMarksEachMethodOnce()
        {
            const string source = """
                using System;
                using QualityGates;

                [PremiumCalculation]
                public class Rater
                {
                    public int WholeDollars(decimal premium) => {|QG1003:(int)premium|};

                    /// <summary>Whole dollars of the fee, down.</summary>
                    public long Fee(double fee, decimal levy)
                    {
                        return {|QG1003:(long)(fee * 2)|} + {|QG1003:(long)levy|};
                    }
                }
                """;
            const string batchFixedSource = """
                using System;
                using QualityGates;

                [PremiumCalculation]
                public class Rater
                {
                    [RoundingRule]
                    public int WholeDollars(decimal premium) => (int)decimal.Truncate(premium);

                    /// <summary>Whole dollars of the fee, down.</summary>
                    [RoundingRule]
                    public long Fee(double fee, decimal levy)
                    {
                        return (long)Math.Truncate(fee * 2) + (long)decimal.Truncate(levy);
                    }
                }
                """;

            // One at a time, the attribute added for the first cast exempts the second cast of the same method.
            var fixedSource = batchFixedSource.Replace("(long)decimal.Truncate(levy)", "(long)levy");
            await VerifyFix.VerifyFixAndFixAllAsync(source, fixedSource, batchFixedSource, codeActionIndex: 1);
        }

        [Fact]
        public async Task SecondActionOnFloor_OnlyMarksTheMethod()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal RoundUpToTen(decimal premium) => {|QG1003:Math.Ceiling(premium / 10)|} * 10;
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    [QualityGates.RoundingRule]
                    public decimal RoundUpToTen(decimal premium) => Math.Ceiling(premium / 10) * 10;
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource, null, 1);
        }

        [Fact]
        public async Task NullableOperand_NoFixOffered()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public int WholeDollars(decimal? premium) => {|QG1003:(int)premium|};
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task FloorOfAnAllocatedShare_NotReported_FloorWithoutRemainder_Reported()
        {
            // Whole pence per part, the remainder pence to the first parts: the floor is how nothing is lost.
            const string source = """
                using System;

                public sealed class Money
                {
                    private readonly decimal _amount;
                    public Money(decimal amount) => _amount = amount;

                    public decimal[] Allocate(int parts)
                    {
                        decimal totalPence = Math.Round(_amount * 100m, 0, MidpointRounding.AwayFromZero);
                        decimal basePence = decimal.Floor(totalPence / parts);
                        decimal remainder = totalPence - (basePence * parts);
                        var result = new decimal[parts];
                        for (var i = 0; i < parts; i++)
                        {
                            result[i] = (basePence + (i < remainder ? 1m : 0m)) / 100m;
                        }

                        return result;
                    }

                    public int RemainderCents(int parts)
                    {
                        var share = decimal.Round(_amount / parts, 2, MidpointRounding.ToZero);
                        return (int)((_amount - share * parts) * 100m);
                    }

                    public int UnroundedCents(decimal rate, int parts) => {|#1:(int)((_amount - rate * parts) * 100m)|};

                    public decimal PerPart(int parts) => {|#0:decimal.Floor(_amount / parts)|};

                    public decimal FirstShare(int parts)
                    {
                        var share = decimal.Floor(_amount * 100m / parts) / 100m;
                        var remainder = _amount - share * parts;
                        return share + remainder;
                    }

                    public decimal ShareInPounds(int parts)
                    {
                        var share = {|#2:decimal.Floor(_amount * 100m / parts)|} / 100m;
                        return share;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(1).WithArguments("The cast to int", "(_amount - rate * parts) * 100m", "zero"),
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(0).WithArguments("decimal.Floor", "_amount / parts", "negative infinity"),
                Verify.Diagnostic(DiagnosticIds.ImplicitRoundingByTruncation).WithLocation(2).WithArguments("decimal.Floor", "_amount * 100m / parts", "negative infinity"));
        }
    }
}
