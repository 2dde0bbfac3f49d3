using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ImplicitRoundingByTruncationAnalyzer>;

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
    }
}
