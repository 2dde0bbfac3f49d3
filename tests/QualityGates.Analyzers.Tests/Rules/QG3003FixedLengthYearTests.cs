using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.FixedLengthYearAnalyzer, QualityGates.CodeFixes.Rules.FixedLengthYearCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG3003FixedLengthYearTests
    {
        [Fact]
        public async Task AddDays365_ReportedWithArguments()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class TermCalculator
                {
                    public DateTime Expiry(DateTime effective) => effective.AddDays(365);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG3003").WithSpan(6, 51, 6, 73).WithArguments("'effective.AddDays(365)'", "365"));
        }

        [Fact]
        public async Task AddDays365_FixedToAddYears()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class RenewalRules
                {
                    public DateOnly Expiry(DateOnly effective) => {|QG3003:effective.AddDays(365)|};

                    public DateTimeOffset End(DateTimeOffset start) => {|QG3003:start.AddDays(365)|}.AddTicks(-1);
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.UnderwritingRule]
                public class RenewalRules
                {
                    public DateOnly Expiry(DateOnly effective) => effective.AddYears(1);

                    public DateTimeOffset End(DateTimeOffset start) => start.AddYears(1).AddTicks(-1);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FromDaysAndAddDays366_ReportedWithoutFix()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class TermCalculator
                {
                    public static readonly TimeSpan Term = {|QG3003:TimeSpan.FromDays(365)|};

                    public DateTime Leap(DateTime effective) => {|QG3003:effective.AddDays(366)|};

                    public DateTime Expiry(DateTime effective) => effective + {|QG3003:TimeSpan.FromDays(365)|};
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task DayCountHeldInAnUnnamedLocalOrASingularDay_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class AnnualMultiTripQuote
                {
                    public decimal Upgrade(decimal annualDifference, DateTime expiry, DateTime upgrade)
                    {
                        var remaining = (expiry - upgrade).Days;
                        return {|QG3003:annualDifference * remaining / 365|};
                    }

                    public double Fraction(int day) => {|QG3003:(double)day / 365|};

                    // An age, QG3002's finding.
                    public int AgeAt(DateTime asOf, DateTime birthDate)
                    {
                        TimeSpan span = asOf - birthDate;
                        return (int)(span.Days / 365.25m);
                    }

                    public decimal NotADayCount(decimal sumInsured, int count)
                    {
                        var remaining = count * 2;
                        return remaining / 365m;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ProrationByFixedYear_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class ProRata
                {
                    public decimal Refund(decimal annualPremium, DateTime cancelled, DateTime expiry)
                    {
                        var daysLeft = (expiry - cancelled).Days;
                        return {|QG3003:annualPremium * daysLeft / 365m|};
                    }

                    public decimal Daily(decimal annualPremium) => {|QG3003:annualPremium / 360|};

                    public double Fraction(DateTime from, DateTime to) => {|QG3003:(to - from).TotalDays / 365.25|};

                    public decimal ByDayNumber(decimal premium, DateOnly from, DateOnly to) => {|QG3003:premium * (to.DayNumber - from.DayNumber) / 365m|};

                    public decimal Reciprocal(decimal premium, int termDays) => {|QG3003:premium * (1m / 365m)|} * termDays;

                    public decimal CompoundDaily(decimal premium)
                    {
                        {|QG3003:premium /= 365m|};
                        return premium;
                    }

                    public decimal CompoundReciprocal(decimal premium, int termDays)
                    {
                        {|QG3003:premium *= 1m / 365m|};
                        premium /= termDays;
                        return premium * termDays;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task YearLengthHeldInALocal_Reported_ALocalWrittenAgainNot()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class EndorsementProcessing
                {
                    public decimal Refund(decimal premium, DateTime cancelled, DateTime expiry)
                    {
                        var totalDays = 365;
                        var remainingDays = (expiry - cancelled).Days;
                        return {|QG3003:premium * remainingDays / totalDays|};
                    }

                    public decimal Term(decimal premium, DateTime cancelled, DateTime effective, DateTime expiry)
                    {
                        var termDays = 365;
                        if (expiry > effective) termDays = (expiry - effective).Days;
                        return premium * (expiry - cancelled).Days / termDays;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ActualTermDenominatorAndNonDates_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class ProRata
                {
                    public decimal Refund(decimal annualPremium, DateTime effective, DateTime cancelled, DateTime expiry)
                    {
                        decimal termDays = (expiry - effective).Days;
                        return annualPremium * (expiry - cancelled).Days / termDays;
                    }

                    public int Chunks(int vehicles) => vehicles / 365;

                    public DateTime Grace(DateTime expiry) => expiry.AddDays(30);

                    public int AgeDays(DateTime dob, DateTime asOf) => (asOf - dob).Days / 365;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task DivisionInUnderwritingOnlyOrOutsideScope_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class ClaimsRules
                {
                    public double ClaimsPerYear(int claims, DateTime from, DateTime to) => claims / ((to - from).TotalDays / 365);
                }

                public class InvoiceScheduler
                {
                    public DateTime Next(DateTime last) => last.AddDays(365);

                    public decimal DailyAmount(decimal amount) => amount / 365;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task FiledBasisConfigured_DivisionNotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class ProRata
                {
                    public decimal Refund(decimal annualPremium, int daysLeft) => annualPremium * daysLeft / 365m;

                    public decimal Banking(decimal annualPremium, int daysLeft) => {|QG3003:annualPremium * daysLeft / 360m|};

                    public DateTime Expiry(DateTime effective) => {|QG3003:effective.AddDays(365)|};
                }
                """;

            await Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.FixedLengthYearAnalyzer>.VerifyAsync(source, "qualitygates_allowed_daycount_basis = 365");
        }
    }
}
