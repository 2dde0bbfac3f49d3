using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.MixedDateTimeKindsAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG3004MixedDateTimeKindsTests
    {
        [Fact]
        public async Task LocalComparedWithUtcThroughLocals_ReportedWithMessage()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class CoverRules
                {
                    public bool InForce(DateTime expiryUtc)
                    {
                        var today = DateTime.Today;
                        var expiry = DateTime.SpecifyKind(expiryUtc, DateTimeKind.Utc);
                        return today < expiry;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("QG3004").WithSpan(10, 16, 10, 30)
                    .WithArguments("'today < expiry' mixes a local-time DateTime with a UTC one; the result is off by the UTC offset"));
        }

        [Fact]
        public async Task DirectAndDerivedMixes_Reported()
        {
            const string source = """
                using System;

                public class PremiumRater
                {
                    public double HoursLeft(DateTime quoted) => ({|QG3004:DateTime.Now.AddDays(30) - quoted.ToUniversalTime()|}).TotalHours;

                    public bool Started(DateTimeOffset bound) => {|QG3004:bound.UtcDateTime >= DateTime.Now.Date|};

                    public bool Legacy() => {|QG3004:new DateTime(2026, 1, 1) <= DateTime.UtcNow|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ToUniversalTimeOnUnspecified_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class TermCalculator
                {
                    public DateTime Start(int year)
                    {
                        var effective = new DateTime(year, 1, 1);
                        return {|QG3004:effective.ToUniversalTime()|};
                    }

                    public DateTime Fine(int year) => new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Local).ToUniversalTime();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ToUniversalTimeOnDateOnlyOrOffsetClockTime_Reported()
        {
            // DateOnly.ToDateTime(time) and DateTimeOffset.DateTime carry no kind: ToUniversalTime() assumes server-local time.
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class TravelRules
                {
                    public DateTime DepartureUtc(DateOnly departure) => {|QG3004:departure.ToDateTime(TimeOnly.MinValue).ToUniversalTime()|};

                    public DateTime QuotedUtc(DateTimeOffset quoted) => {|QG3004:quoted.DateTime.ToUniversalTime()|};

                    public bool Expired(DateOnly expiry) => {|QG3004:expiry.ToDateTime(TimeOnly.MaxValue) < DateTime.UtcNow|};

                    public DateTime WithKind(DateOnly departure) => departure.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime();

                    public DateTime FromUtcKind(DateOnly departure) => departure.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToUniversalTime();

                    public DateTime OffsetUtc(DateTimeOffset quoted) => quoted.UtcDateTime.ToUniversalTime();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task MethodReadingBothClocks_ReportedOnTheSecond()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class QuoteService
                {
                    public (DateTime Valid, DateTime Stamp) Quote()
                    {
                        var valid = DateTime.Today.AddDays(30);
                        var stamp = {|QG3004:DateTime.UtcNow|};
                        return (valid, stamp);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task LocalsFollowedThroughNullableAndBoxing()
        {
            // Only locals that can hold a DateTime are tracked: nullable ones and boxed ones must still be followed, and a
            // nullable one reassigned must still count as reassigned.
            await Verify.VerifyAsync("""
                using System;

                [QualityGates.UnderwritingRule]
                public class CoverRules
                {
                    public bool Nullable()
                    {
                        DateTime? today = DateTime.Today;
                        return {|QG3004:today < DateTime.UtcNow|};
                    }

                    public bool Boxed()
                    {
                        object stamp = DateTime.Now;
                        return {|QG3004:((DateTime)stamp).Date < DateTime.UtcNow|};
                    }

                    public bool NullableReassigned()
                    {
                        DateTime? when = DateTime.Today;
                        when = DateTime.SpecifyKind(when.Value, DateTimeKind.Utc);
                        return when > new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    }
                }
                """);
        }

        [Fact]
        public async Task ConsistentKindsOrUnknownOrigins_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class CoverRules
                {
                    public bool AllUtc(DateTime expiry) => DateTime.UtcNow < expiry.ToUniversalTime();

                    public bool AllLocal(DateTime effective) => DateTime.Today >= effective && DateTime.Now.Date >= effective.Date;

                    public bool Unknowns(DateTime a, DateTime b) => a < b;

                    public bool LocalAndUnspecified(int year) => new DateTime(year, 1, 1) < DateTime.Today;

                    public DateTime Reassigned(bool utc)
                    {
                        var when = DateTime.Today;
                        when = DateTime.SpecifyKind(when, DateTimeKind.Utc);
                        return when;
                    }

                    public bool Parameter(DateTime when) => when.ToUniversalTime() > DateTime.UtcNow;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                using System;

                public class BatchScheduler
                {
                    public bool Due(DateTime next) => DateTime.Now > next.ToUniversalTime() && DateTime.UtcNow > next;
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
