using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.DivisorMayBeZeroAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1008DivisorMayBeZeroTests
    {
        [Fact]
        public async Task DoubleDivisionByExposure_WarningWithArguments()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double LossCost(double losses, double exposure) => {|#0:losses / exposure|};
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                    .WithArguments("exposure", "; with double the result silently becomes Infinity or NaN"));
        }

        [Fact]
        public async Task DecimalAndIntegerDivision_Info()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal PerVehicle(decimal premium, int vehicleCount, Policy policy) =>
                        {|#0:premium / vehicleCount|} + {|#1:premium % policy.TermDays|};
                }

                public class Policy { public int TermDays { get; set; } }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("vehicleCount", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("policy.TermDays", "; decimal division throws DivideByZeroException"));
        }

        [Fact]
        public async Task CompoundDivisionByMoney_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double Ratio(double claims, double premium)
                    {
                        {|#0:claims /= premium|};
                        return claims;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("premium", "; with double the result silently becomes Infinity or NaN"));
        }

        [Fact]
        public async Task GuardedDivisions_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double A(double losses, double exposure)
                    {
                        if (exposure <= 0) throw new ArgumentOutOfRangeException(nameof(exposure));
                        return losses / exposure;
                    }

                    public double B(double losses, double exposure) => exposure == 0 ? 0 : losses / exposure;

                    public bool C(double losses, double exposure) => exposure > 0 && losses / exposure > 0.7;

                    public decimal D(decimal premium, int termDays)
                    {
                        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(termDays);
                        return premium / termDays;
                    }

                    public decimal E(decimal premium, int vehicleCount)
                    {
                        if (vehicleCount != 0)
                        {
                            return premium / vehicleCount;
                        }

                        return premium;
                    }

                    public decimal F(decimal premium, int vehicleCount)
                    {
                        if (vehicleCount is 0)
                        {
                            return 0;
                        }

                        return premium / vehicleCount;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task GuardAfterDivision_StillReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double A(double losses, double exposure)
                    {
                        var ratio = {|#0:losses / exposure|};
                        if (exposure == 0) return 0;
                        return ratio;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("exposure", "; with double the result silently becomes Infinity or NaN"));
        }

        [Fact]
        public async Task ConstantsRatesAndOtherNames_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private const int DaysInYear = 365;

                    public decimal A(decimal premium, decimal loadingFactor, int band) => premium / DaysInYear + premium / loadingFactor + premium / band + premium / 12;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NonZeroAttributeAndTrustedMembers_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(decimal premium, [QualityGates.NonZero] int termDays, int vehicleCount) => premium / termDays + premium / vehicleCount;
                }
                """;

            await Verify.VerifyAsync(source, "qualitygates_trusted_nonzero_members = vehicleCount");
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                public class Statistics
                {
                    public double Mean(double amount, int count) => amount / count;
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
