using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.DivisorMayBeZeroAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.DivisorMayBeZeroAnalyzer,
    QualityGates.CodeFixes.Rules.DivisorMayBeZeroCodeFixProvider>;

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
        public async Task QueryFilteredByTheDivisor_NotReported_OtherFiltersStillReported()
        {
            const string source = """
                using System.Linq;

                public record Row(decimal SettledAmount, decimal InitialCaseReserve, string Status);

                [QualityGates.PremiumCalculation]
                public class ReserveRater
                {
                    public decimal[] Ratios(Row[] rows) =>
                        rows.Where(r => r.InitialCaseReserve != 0m).OrderBy(r => r.Status).Select(r => r.SettledAmount / r.InitialCaseReserve).ToArray();

                    public decimal Total(Row[] rows) =>
                        (from r in rows where r.InitialCaseReserve > 0m select r.SettledAmount / r.InitialCaseReserve).Sum();

                    public System.Collections.Generic.Dictionary<string, decimal> ByStatus(Row[] rows) =>
                        rows.Where(r => r.Status != "Open" && r.InitialCaseReserve != 0m)
                            .GroupBy(r => r.Status)
                            .ToDictionary(g => g.Key, g => g.Average(r => r.SettledAmount / r.InitialCaseReserve));

                    // A group is never empty; a filtered list may be.
                    public System.Collections.Generic.Dictionary<string, double> ApprovalRateByStatus(Row[] rows) =>
                        rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count(r => r.SettledAmount > 0) / (double)g.Count());

                    public double OpenShare(Row[] rows) => {|#2:rows.Count(r => r.SettledAmount > 0) / (double)rows.Where(r => r.Status == "Open").Count()|};

                    public decimal[] Open(Row[] rows) =>
                        rows.Where(r => r.Status == "Open").Select(r => {|#0:r.SettledAmount / r.InitialCaseReserve|}).ToArray();

                    public decimal[] Projected(Row[] rows) =>
                        rows.Where(r => r.InitialCaseReserve != 0m).Select(r => r with { InitialCaseReserve = 0m }).Select(r => {|#1:r.SettledAmount / r.InitialCaseReserve|}).ToArray();
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("r.InitialCaseReserve", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("r.InitialCaseReserve", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Warning).WithArguments("(double)rows.Where(r => r.Status == \"Open\").Count()", "; with double the result silently becomes Infinity or NaN"));
        }

        [Fact]
        public async Task LocalHoldingOnlyNonZeroConstants_NotReported()
        {
            // The year's length chosen by leap year cannot be zero; a choice that can, or a local written again, still can.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double ProRate(double annualPremium, int days, bool leap, int plan)
                    {
                        var daysInYear = leap ? 366.0 : 365.0;
                        var instalments = plan switch { 1 => 12.0, 2 => 4.0, _ => throw new System.ArgumentOutOfRangeException(nameof(plan)) };
                        var exposureDays = leap ? 0.0 : 365.0;
                        var termDays = 365.0;
                        if (plan > 3) { termDays = plan; }
                        return annualPremium * days / daysInYear + annualPremium / instalments
                            + {|#0:annualPremium / exposureDays|} + {|#1:annualPremium / termDays|};
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                    .WithArguments("exposureDays", "; with double the result silently becomes Infinity or NaN"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
                    .WithArguments("termDays", "; with double the result silently becomes Infinity or NaN"));
        }

        [Fact]
        public async Task DivisionByNumberOfInstalments_Info_InstalmentAmountNotChecked()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class InstalmentCalculator
                {
                    public decimal Instalment(decimal decTotal, int intInstalments, int numberOfInstallments, int intInstalmentDay) =>
                        {|#0:decTotal / intInstalments|} + {|#1:decTotal / numberOfInstallments|} + decTotal / intInstalmentDay;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("intInstalments", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("numberOfInstallments", "; decimal division throws DivideByZeroException"));
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
        public async Task DivisionByName_ReportedAndGuarded()
        {
            // decimal.Divide and Math.DivRem are the division operators written as calls.
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    public decimal Refund(decimal premium, int daysNotUsed, int originalDaysCovered, int instalmentCount)
                    {
                        var share = {|#0:decimal.Divide(daysNotUsed, originalDaysCovered)|};
                        var each = {|#1:Math.DivRem((int)premium, instalmentCount, out var left)|};
                        return premium * share + each + left + decimal.Divide(premium, 12m);
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public class PremiumCalculator
                {
                    public decimal Refund(decimal premium, int daysNotUsed, int originalDaysCovered, int instalmentCount)
                    {
                        if (originalDaysCovered == 0) throw new ArgumentOutOfRangeException(nameof(originalDaysCovered));
                        if (instalmentCount == 0) throw new ArgumentOutOfRangeException(nameof(instalmentCount));
                        var share = decimal.Divide(daysNotUsed, originalDaysCovered);
                        var each = Math.DivRem((int)premium, instalmentCount, out var left);
                        return premium * share + each + left + decimal.Divide(premium, 12m);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("originalDaysCovered", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("instalmentCount", "; int division throws DivideByZeroException"));
            await VerifyFix.VerifyCodeFixAsync(source.Replace("{|#0:", "{|QG1008:").Replace("{|#1:", "{|QG1008:"), fixedSource);
        }

        [Fact]
        public async Task MoneyTypeOperatorDividedByCount_ReportedInTheOperatorsNumericType()
        {
            // Money's own operator divides the amount by the count it receives: decimal throws, double gives Infinity.
            const string source = """
                using System;

                public readonly record struct Money(decimal Value)
                {
                    public static Money operator /(Money a, decimal divisor) => new(a.Value / divisor);
                    public static Money operator /(Money a, double divisor) => new(a.Value / (decimal)divisor);
                    public static decimal operator /(Money a, Money b) => a.Value / b.Value;
                }

                public readonly record struct Duration(double Days)
                {
                    public static Duration operator /(Duration a, int parts) => new(a.Days / parts);
                }

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public Money PerMember(Money groupPremium, decimal memberCount) => {|#0:groupPremium / memberCount|};

                    public Money PerUnit(Money groupPremium, double exposure) => {|#1:groupPremium / exposure|};

                    public Money Shrink(Money groupPremium, decimal vehicleCount)
                    {
                        groupPremium /= vehicleCount;
                        return groupPremium;
                    }

                    public decimal Ratio(Money groupPremium, Money annualPremium) => groupPremium / annualPremium;

                    public Money Guarded(Money groupPremium, decimal memberCount) => memberCount > 0 ? groupPremium / memberCount : groupPremium;

                    public Duration Split(Duration term, int termCount) => term / termCount;
                }
                """;

            await Verify.VerifyAsync(
                source.Replace("groupPremium /= vehicleCount;", "{|#2:groupPremium /= vehicleCount|};"),
                "qualitygates_money_types = Money",
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("memberCount", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
                    .WithArguments("exposure", "; with double the result silently becomes Infinity or NaN"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("vehicleCount", "; decimal division throws DivideByZeroException"));
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
        public async Task ThrowHelpersWithABound_GuardOnlyWhenZeroThrows()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class InstalmentPlanner
                {
                    public decimal A(decimal annualPremium, int instalmentCount)
                    {
                        ArgumentOutOfRangeException.ThrowIfLessThan(instalmentCount, 1);
                        return annualPremium / instalmentCount;
                    }

                    public decimal B(decimal annualPremium, int instalmentCount)
                    {
                        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(instalmentCount, 0);
                        return annualPremium / instalmentCount;
                    }

                    public decimal C(decimal annualPremium, int instalmentCount)
                    {
                        ArgumentOutOfRangeException.ThrowIfEqual(instalmentCount, 0);
                        return annualPremium / instalmentCount;
                    }

                    public decimal D(decimal annualPremium, int instalmentCount)
                    {
                        ArgumentOutOfRangeException.ThrowIfLessThan(instalmentCount, 0);
                        return {|#0:annualPremium / instalmentCount|};
                    }

                    public decimal E(decimal annualPremium, int instalmentCount)
                    {
                        ArgumentOutOfRangeException.ThrowIfGreaterThan(instalmentCount, 12);
                        return {|#1:annualPremium / instalmentCount|};
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithArguments("instalmentCount", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithArguments("instalmentCount", "; decimal division throws DivideByZeroException"));
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

                    public decimal G(decimal annualPremium, int termDays) => termDays switch
                    {
                        0 => 0m,
                        _ => annualPremium / termDays,
                    };

                    public decimal H(decimal premium, int vehicleCount)
                    {
                        while (vehicleCount > 0)
                        {
                            premium -= premium / vehicleCount;
                            vehicleCount--;
                        }

                        return premium;
                    }

                    public decimal I(decimal premium, int vehicleCount)
                    {
                        switch (vehicleCount)
                        {
                            case 0:
                                return premium;
                            default:
                                return premium / vehicleCount;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task SwitchLabelsThatMayTakeZero_Reported_ThoseThatCannot_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Sections(decimal premium, int vehicleCount)
                    {
                        switch (vehicleCount)
                        {
                            case 0:
                                return {|#0:premium / vehicleCount|};
                            case 12:
                                return premium / vehicleCount;
                            default:
                                return premium;
                        }
                    }

                    public decimal NoZeroLabel(decimal premium, int vehicleCount)
                    {
                        switch (vehicleCount)
                        {
                            case 1:
                                return premium;
                            default:
                                return {|#1:premium / vehicleCount|};
                        }
                    }

                    public decimal Arms(decimal premium, int termDays) => termDays switch
                    {
                        > 0 => premium / termDays,
                        _ => 0m,
                    };

                    public decimal OrAndNot(decimal premium, int termDays) => termDays switch
                    {
                        1 or 2 => premium / termDays,
                        not 0 => premium / termDays,
                        _ => 0m,
                    };

                    public decimal BelowTen(decimal premium, int termDays) => termDays switch
                    {
                        < 10 => {|#2:premium / termDays|},
                        _ => premium,
                    };

                    public decimal GuardedZeroArm(decimal premium, int termDays, bool annual) => termDays switch
                    {
                        0 when annual => premium,
                        _ => {|#3:premium / termDays|},
                    };
                }
                """;

            const string Message = "; decimal division throws DivideByZeroException";
            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("vehicleCount", Message),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("vehicleCount", Message),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("termDays", Message),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(3).WithSeverity(DiagnosticSeverity.Info).WithArguments("termDays", Message));
        }

        [Fact]
        public async Task TestsThatLetZeroThrough_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double A(double losses, double exposure)
                    {
                        if (exposure > 1000) throw new ArgumentOutOfRangeException(nameof(exposure));
                        return {|#0:losses / exposure|};
                    }

                    public double B(double losses, double exposure) => exposure > 0 ? 0 : {|#1:losses / exposure|};

                    public bool C(double losses, double exposure) => exposure == 0 && {|#2:losses / exposure|} > 0.7;

                    public bool D(double losses, double exposure) => exposure != 0 || {|#3:losses / exposure|} > 0.7;

                    public decimal E(decimal premium, int termDays)
                    {
                        if (termDays is > 366) return 0m;
                        return {|#4:premium / termDays|};
                    }

                    public decimal F(decimal premium, int vehicleCount)
                    {
                        if (!(vehicleCount > 10))
                        {
                            return {|#5:premium / vehicleCount|};
                        }

                        return premium;
                    }

                    public decimal G(decimal premium, int vehicleCount)
                    {
                        while (vehicleCount < 5)
                        {
                            premium -= {|#6:premium / vehicleCount|};
                            vehicleCount++;
                        }

                        return premium;
                    }
                }
                """;

            const string doubles = "; with double the result silently becomes Infinity or NaN";
            const string decimals = "; decimal division throws DivideByZeroException";
            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("exposure", doubles),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning).WithArguments("exposure", doubles),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Warning).WithArguments("exposure", doubles),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(3).WithSeverity(DiagnosticSeverity.Warning).WithArguments("exposure", doubles),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(4).WithSeverity(DiagnosticSeverity.Info).WithArguments("termDays", decimals),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(5).WithSeverity(DiagnosticSeverity.Info).WithArguments("vehicleCount", decimals),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(6).WithSeverity(DiagnosticSeverity.Info).WithArguments("vehicleCount", decimals));
        }

        [Fact]
        public async Task TestsThatKeepZeroOut_OrCannotBeEvaluated_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(decimal premium, int termDays)
                    {
                        if (termDays < 1 || termDays > 366) throw new ArgumentOutOfRangeException(nameof(termDays));
                        return premium / termDays;
                    }

                    public double B(double losses, double exposure) => exposure > 0 ? losses / exposure : 0;

                    public double C(double losses, double exposure) => !(exposure > 0) ? 0 : losses / exposure;

                    public decimal D(decimal premium, int termDays, int minimumTerm)
                    {
                        // Not evaluable here: a test against another value is still trusted.
                        if (termDays < minimumTerm) throw new ArgumentOutOfRangeException(nameof(termDays));
                        return premium / termDays;
                    }

                    public bool E(decimal premium, int termDays) => termDays >= 30 && premium / termDays > 1m;

                    public decimal F(decimal premium, int vehicleCount) => vehicleCount is 0 or > 12 ? 0m : premium / vehicleCount;

                    public bool G(double losses, double exposure) => exposure == 0 || losses / exposure > 0.7;

                    public decimal H(decimal premium, int termDays)
                    {
                        if (0 >= termDays) return 0m;
                        return premium / termDays;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task PropertyAndListPatternsOnTheDivisorsOwner_GuardWhenTheyKeepZeroOut()
        {
            const string source = """
                using System.Collections.Generic;

                public sealed record WeatherPolicy(decimal Premium, int TermDays);

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(WeatherPolicy policy) => policy is { TermDays: > 0 } ? policy.Premium / policy.TermDays : 0m;

                    public decimal B(WeatherPolicy policy) => policy is { Premium: > 0m, TermDays: not 0 } ? policy.Premium / policy.TermDays : 0m;

                    public decimal C(decimal total, List<string> devices) => devices is [] ? 0m : total / devices.Count;

                    public decimal D(decimal total, string[] devices) => devices is [_, ..] ? total / devices.Length : 0m;

                    public decimal E(WeatherPolicy policy) => policy is { TermDays: > 366 } ? 0m : {|#0:policy.Premium / policy.TermDays|};

                    public decimal F(decimal total, List<string> devices) => devices is [] ? {|#1:total / devices.Count|} : 0m;

                    public decimal G(decimal total, List<string> devices) => devices is [..] ? {|#2:total / devices.Count|} : 0m;
                }
                """;

            const string decimals = "; decimal division throws DivideByZeroException";
            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("policy.TermDays", decimals),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("devices.Count", decimals),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("devices.Count", decimals));
        }

        [Fact]
        public async Task SwitchWithoutTestOrBottomTestedLoop_StillReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(decimal premium, int termDays) => termDays switch
                    {
                        var days => {|#0:premium / days|} + {|#1:premium / termDays|},
                    };

                    public decimal B(decimal premium, int vehicleCount)
                    {
                        do
                        {
                            premium = {|#2:premium / vehicleCount|};
                        }
                        while (vehicleCount > 0);

                        return premium;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("days", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("termDays", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("vehicleCount", "; decimal division throws DivideByZeroException"));
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
        public async Task ParameterlessMethodDivisors_ReportedLikeProperties()
        {
            // trip.TripDays() and items.Count() read a count of their object like a property; methods with arguments do not.
            const string source = """
                using System.Collections.Generic;
                using System.Linq;

                public sealed record Trip(System.DateOnly Departure, System.DateOnly Return)
                {
                    public int TermDays() => Return.DayNumber - Departure.DayNumber;
                }

                public static class TripExtensions
                {
                    public static int TripDays(this Trip trip) => trip.Return.DayNumber - trip.Departure.DayNumber + 1;
                }

                [QualityGates.PremiumCalculation]
                public class TravelRater
                {
                    public decimal Daily(decimal premium, Trip trip) => {|#0:premium / trip.TripDays()|};

                    public decimal Term(decimal premium, Trip trip) => {|#1:premium / trip.TermDays()|};

                    public decimal Average(decimal totalPremium, IEnumerable<decimal> premiums) => {|#2:totalPremium / premiums.Count()|};

                    public decimal Guarded(decimal premium, Trip trip) => trip.TripDays() > 0 ? premium / trip.TripDays() : premium;

                    public decimal WithArguments(decimal premium, Trip trip) => premium / DaysBetween(trip.Departure, trip.Return);

                    private static int DaysBetween(System.DateOnly from, System.DateOnly to) => to.DayNumber - from.DayNumber;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("trip.TripDays()", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("trip.TermDays()", "; decimal division throws DivideByZeroException"),
                Verify.Diagnostic(DiagnosticIds.DivisorMayBeZero).WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("premiums.Count()", "; decimal division throws DivideByZeroException"));
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

        [Fact]
        public async Task ParameterDivisors_FixInsertsOneGuardPerParameterAtTheStart()
        {
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    public decimal PerVehicle(decimal premium, int vehicleCount, int termDays)
                    {
                        // Spread over the fleet, then per day.
                        var perVehicle = {|QG1008:premium / vehicleCount|};
                        return {|QG1008:perVehicle / termDays|} + {|QG1008:premium % vehicleCount|};
                    }

                    public double LossCost(double losses, double exposure) => {|QG1008:losses / exposure|};
                }
                """;
            const string fixedSource = """
                using System;

                public class PremiumCalculator
                {
                    public decimal PerVehicle(decimal premium, int vehicleCount, int termDays)
                    {
                        if (vehicleCount == 0) throw new ArgumentOutOfRangeException(nameof(vehicleCount));
                        if (termDays == 0) throw new ArgumentOutOfRangeException(nameof(termDays));
                        // Spread over the fleet, then per day.
                        var perVehicle = premium / vehicleCount;
                        return perVehicle / termDays + premium % vehicleCount;
                    }

                    public double LossCost(double losses, double exposure)
                    {
                        if (exposure == 0) throw new ArgumentOutOfRangeException(nameof(exposure));
                        return losses / exposure;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task VoidExpressionBodyAndCompoundDivision_FixMakesABlock()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private double ratio;

                    public void Update(double claims, double premium) => ratio = {|QG1008:claims / premium|};

                    public double Ratio(double claims, double earnedPremium)
                    {
                        {|QG1008:claims /= earnedPremium|};
                        return claims;
                    }
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private double ratio;

                    public void Update(double claims, double premium)
                    {
                        if (premium == 0) throw new System.ArgumentOutOfRangeException(nameof(premium));
                        ratio = claims / premium;
                    }

                    public double Ratio(double claims, double earnedPremium)
                    {
                        if (earnedPremium == 0) throw new System.ArgumentOutOfRangeException(nameof(earnedPremium));
                        claims /= earnedPremium;
                        return claims;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task DivisorNotAParameterOrReassigned_NoFixOffered()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private decimal exposure = 1m;

                    public decimal A(decimal premium, Policy policy) => {|QG1008:premium / policy.TermDays|} + {|QG1008:premium / exposure|};

                    public decimal B(decimal premium, int termDays)
                    {
                        termDays = termDays - 1;
                        var vehicleCount = termDays;
                        return {|QG1008:premium / termDays|} + {|QG1008:premium / vehicleCount|};
                    }
                }

                public class Policy { public int TermDays { get; set; } }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }
    }
}
