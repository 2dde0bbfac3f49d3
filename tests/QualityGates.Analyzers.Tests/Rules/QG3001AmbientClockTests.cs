using System.Threading.Tasks;
using QualityGates.Analyzers.Rules;
using QualityGates.CodeFixes.Rules;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.AmbientClockAnalyzer, QualityGates.CodeFixes.Rules.AmbientClockCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG3001AmbientClockTests
    {
        [Fact]
        public async Task PrivateHelperOfAPricingMember_Reported_OtherHelpersNot()
        {
            // CalculateLifeQuote prices, and so does the private age helper it calls, whatever the class is called.
            const string source = """
                using System;

                public class Calculator
                {
                    public decimal CalculateLifeQuote(DateTime dateOfBirth) => AgeFrom(dateOfBirth) * 12.5m;

                    public void Archive() => Stamp();

                    private int AgeFrom(DateTime dateOfBirth) => {|#0:DateTime.Today|}.Year - dateOfBirth.Year;

                    private void Stamp() => Console.WriteLine(DateTime.Now);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG3001").WithLocation(0).WithArguments("DateTime.Today", "Calculator.AgeFrom"));
        }

        [Fact]
        public async Task UtcNowInPricing_ReportedWithClockAndMember()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public decimal Calculate(DateTime expiry, decimal annual)
                    {
                        var days = (expiry - DateTime.UtcNow).Days;
                        return annual * days / 366m;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG3001").WithSpan(8, 30, 8, 45).WithArguments("DateTime.UtcNow", "Calculator.Calculate"));
        }

        [Fact]
        public async Task EveryClockSource_Reported()
        {
            const string source = """
                using System;

                public class UnderwritingRules
                {
                    public bool IsEligible(DateTime dob, DateOnly effective)
                    {
                        if ({|QG3001:DateTime.Today|}.Year - dob.Year > 80) return false;
                        if ({|QG3001:DateTimeOffset.Now|}.Year > 2030) return false;
                        if ({|QG3001:DateTime.Now|} > dob) return true;
                        if ({|QG3001:DateTimeOffset.UtcNow|} > DateTimeOffset.MinValue) return true;
                        if ({|QG3001:TimeProvider.System.GetUtcNow()|}.Year > 2030) return false;
                        return {|QG3001:Environment.TickCount64|} % 2 == 0;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ClockInLambdaInsidePricing_Reported()
        {
            const string source = """
                using System;
                using System.Linq;

                public class PremiumRater
                {
                    public int Count(DateTime[] expiries) => expiries.Count(e => e > DateTime.UtcNow);
                }
                """;

            // The member named is the one that owns the lambda, not the lambda.
            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG3001").WithSpan(6, 70, 6, 85).WithArguments("DateTime.UtcNow", "PremiumRater.Count"));
        }

        [Fact]
        public async Task AuditMembersAndLogging_NotReported()
        {
            const string source = """
                using System;

                public class Quote { public DateTime CreatedAt { get; set; } public DateTime Price { get; set; } }

                public static class Log { public static void Info(string message, params object[] args) { } }

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    private DateTime _lastModified;

                    public Quote Calculate()
                    {
                        var quote = new Quote { CreatedAt = DateTime.UtcNow };
                        _lastModified = DateTime.UtcNow;
                        var timestamp = DateTimeOffset.UtcNow;
                        Log.Info($"Priced at {DateTime.UtcNow:O}");
                        Log.Info("Priced at {0}", DateTime.Now.ToString("O"));
                        Stamp(DateTime.UtcNow);
                        return quote;
                    }

                    private static void Stamp(DateTime auditedOn) { }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AuditTrailRecorderAndNamedTupleStamp_NotReported_TupleIntoAPriceOrAReturningAuditMethodReported()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public sealed class AuditTrail
                {
                    private readonly List<(DateTime At, string User)> _entries = new();

                    public void Record(string user) => _entries.Add((DateTime.Now, user));

                    public decimal AgeInDays(DateTime since) => (decimal)({|#0:DateTime.Now|} - since).TotalDays;
                }

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public (DateTime Timestamp, decimal Premium) Stamped(decimal premium) => (DateTime.UtcNow, premium);

                    public (DateTime PricedOn, decimal Premium) Priced(decimal premium) => ({|#1:DateTime.UtcNow|}, premium);

                    public void Keep(List<(DateTime, decimal)> history, decimal premium) => history.Add(({|#2:DateTime.Now|}, premium));
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(0).WithArguments("DateTime.Now", "AuditTrail.AgeInDays"),
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(1).WithArguments("DateTime.UtcNow", "Calculator.Priced"),
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(2).WithArguments("DateTime.Now", "Calculator.Keep"));
        }

        [Fact]
        public async Task InjectedClockImplementation_NotReported_StaticWrapperReported()
        {
            const string source = """
                using System;

                public interface IClock { DateTimeOffset UtcNow { get; } }
                public interface IDateTimeProvider { DateTime Today(); }

                namespace Company.Pricing
                {
                    public sealed class SystemClock : IClock { public DateTimeOffset UtcNow => DateTimeOffset.UtcNow; }

                    public sealed class PricingDates : IDateTimeProvider { public DateTime Today() => DateTime.Today; }

                    public sealed class PricingTime : TimeProvider { public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow; }

                    public static class PricingClockWrapper { public static DateTime Now => {|#0:DateTime.Now|}; }
                }
                """;

            await Verifiers.CSharpAnalyzerVerifier<AmbientClockAnalyzer>.VerifyAsync(source, "qualitygates_pricing_scope = Company.Pricing.*",
                Verify.Diagnostic("QG3001").WithLocation(0).WithArguments("DateTime.Now", "PricingClockWrapper.Now"));
        }

        [Fact]
        public async Task ConcatenationAndStringFormat_IntoLogging_NotReported_ElsewhereReported()
        {
            const string source = """
                using System;
                using System.Diagnostics;

                namespace Company.Rating.Engine
                {
                    public class CommercialRater
                    {
                        private string m_strAuditText;

                        public string Quote(string strMessage)
                        {
                            Console.WriteLine(DateTime.Now + " " + strMessage);
                            Trace.WriteLine("Rated at " + DateTime.Now.ToString("s") + ": " + strMessage);
                            Console.WriteLine(string.Format("{0} {1}", DateTime.Now, strMessage));
                            LogInfo(string.Concat("Rated ", DateTime.UtcNow));
                            m_strAuditText = "Rated at " + DateTime.Now;
                            string strLine = "Quoted " + {|#0:DateTime.Now|};
                            return strLine + string.Format("{0:d}", {|#1:DateTime.Today|});
                        }

                        private static void LogInfo(string strText) { }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(0).WithArguments("DateTime.Now", "CommercialRater.Quote"),
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(1).WithArguments("DateTime.Today", "CommercialRater.Quote"));
        }

        [Fact]
        public async Task ClockIntoLoggingThroughStringCreateOrALocal_NotReported_LocalIntoPriceReported()
        {
            // string.Create(InvariantCulture, ...) is how CA1305-clean code formats a log line; an elapsed time kept in a
            // local first still only reaches the log. A local that also feeds the price is the price's clock.
            const string source = """
                using System;
                using System.Globalization;

                public interface IAppLogger { void Info(string message); }

                public sealed class RenewalPricingJob
                {
                    private readonly IAppLogger _logger;
                    public RenewalPricingJob(IAppLogger logger) => _logger = logger;

                    public decimal Run(decimal basePremium)
                    {
                        var startedTicks = Environment.TickCount64;
                        var startedUtc = DateTime.UtcNow;
                        _logger.Info(string.Create(CultureInfo.InvariantCulture, $"Run started {startedUtc:O}"));
                        _logger.Info(FormattableString.Invariant($"Run at {DateTime.UtcNow:O}"));
                        var today = {|#0:DateTime.Today|};
                        _logger.Info($"Pricing as of {today:d}");
                        var premium = basePremium * (today.Month == 12 ? 1.1m : 1m);
                        _logger.Info(string.Create(CultureInfo.InvariantCulture, $"Renewal run took {Environment.TickCount64 - startedTicks} ms"));
                        return premium;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(0).WithArguments("DateTime.Today", "RenewalPricingJob.Run"));
        }

        [Fact]
        public async Task LogLineBuiltWithAppendsOrAnUnreadLocal_NotReported_AppendedIntoAPriceReported()
        {
            const string source = """
                using System;

                public sealed record ReserveChange(string ClaimNumber, decimal NewReserve, DateTime ChangedUtc, DateTime RecordedAt);
                public sealed class DecisionRecord { public DateTime DecisionDate { get; set; } public double ProcessingTimeMs { get; set; } }

                [QualityGates.PremiumCalculation]
                public sealed class PricingLogger
                {
                    public void Log(string message, params object[] args)
                    {
                        var line = $"{DateTime.UtcNow:O} {message}";
                        if (args.Length > 0) line += " | " + string.Join(", ", args);
                        Console.WriteLine(line);
                    }

                    public void Trace(string message)
                    {
                        var line = message;
                        line += DateTime.UtcNow.ToString("O");
                        Console.WriteLine(line);
                    }

                    public ReserveChange Change(string claim, decimal newReserve) => new ReserveChange(claim, newReserve, DateTime.UtcNow, DateTime.UtcNow);

                    public DecisionRecord Record(DateTime submittedUtc) =>
                        new DecisionRecord { DecisionDate = DateTime.UtcNow, ProcessingTimeMs = (DateTime.UtcNow - submittedUtc).TotalMilliseconds };

                    private readonly Action<string> _log = Console.WriteLine;
                    private readonly Action<DateTime> _expire = d => { };

                    public bool Evaluate(string applicantId)
                    {
                        _log($"appetite evaluated at {DateTime.UtcNow:O} for {applicantId}");
                        _expire({|#1:DateTime.UtcNow|});
                        return applicantId.Length > 0;
                    }

                    public decimal Unused(decimal basePremium)
                    {
                        DateTime currentDate = DateTime.Now;
                        return basePremium;
                    }

                    public decimal Premium(decimal basePremium)
                    {
                        var text = "";
                        text += {|#0:DateTime.Now|}.Month;
                        return basePremium * text.Length;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(0).WithArguments("DateTime.Now", "PricingLogger.Premium"),
                Verify.Diagnostic(DiagnosticIds.AmbientClock).WithLocation(1).WithArguments("DateTime.UtcNow", "PricingLogger.Evaluate"));
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                using System;

                public class ReportScheduler
                {
                    public bool IsDue(DateTime next) => DateTime.UtcNow > next;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AllowedMembersConfigured_ChangesOutcome()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public DateTime PricedOn { get; private set; }

                    public void Calculate() { PricedOn = DateTime.UtcNow; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source.Replace("PricedOn = DateTime.UtcNow", "PricedOn = {|QG3001:DateTime.UtcNow|}"));
            await Verifiers.CSharpAnalyzerVerifier<AmbientClockAnalyzer>.VerifyAsync(source, "dotnet_code_quality.QG3001.clock_allowed_members = (?i)priced");
        }

        [Fact]
        public async Task EmptyAllowedMembers_DefaultStaysInForce()
        {
            // An empty pattern would match every name and silence the rule; QG0001 reports it and the default applies.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public DateTime PricedOn { get; private set; }

                    public void Calculate() { PricedOn = {|QG3001:DateTime.UtcNow|}; }
                }
                """;

            await Verifiers.CSharpAnalyzerVerifier<AmbientClockAnalyzer>.VerifyAsync(source, "qualitygates_clock_allowed_members =");
        }

        [Fact]
        public async Task InjectedTimeProviderField_FixReadsIt()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    private readonly TimeProvider _timeProvider;

                    public Calculator(TimeProvider timeProvider) { _timeProvider = timeProvider; }

                    public bool InForce(DateTime effective, DateTime expiry, DateTimeOffset bound)
                    {
                        var now = {|QG3001:DateTime.UtcNow|};
                        var today = {|QG3001:DateTime.Today|};
                        var local = {|QG3001:DateTime.Now|};
                        var instant = {|QG3001:DateTimeOffset.UtcNow|};
                        var there = {|QG3001:DateTimeOffset.Now|};
                        var system = {|QG3001:TimeProvider.System.GetUtcNow()|};
                        return effective <= now && today < expiry && local < expiry && instant > bound && there > bound && system > bound;
                    }
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    private readonly TimeProvider _timeProvider;

                    public Calculator(TimeProvider timeProvider) { _timeProvider = timeProvider; }

                    public bool InForce(DateTime effective, DateTime expiry, DateTimeOffset bound)
                    {
                        var now = _timeProvider.GetUtcNow().UtcDateTime;
                        var today = _timeProvider.GetLocalNow().Date;
                        var local = _timeProvider.GetLocalNow().DateTime;
                        var instant = _timeProvider.GetUtcNow();
                        var there = _timeProvider.GetLocalNow();
                        var system = _timeProvider.GetUtcNow();
                        return effective <= now && today < expiry && local < expiry && instant > bound && there > bound && system > bound;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task TimeProviderPropertyOrParameter_FixUsesIt()
        {
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    public TimeProvider Clock { get; } = TimeProvider.System;

                    public bool Expired(DateTime expiry) => expiry < {|QG3001:DateTime.UtcNow|};

                    public static bool ExpiredAt(DateTime expiry, TimeProvider time) => expiry < {|QG3001:DateTime.UtcNow|};
                }
                """;
            const string fixedSource = """
                using System;

                public class PremiumCalculator
                {
                    public TimeProvider Clock { get; } = TimeProvider.System;

                    public bool Expired(DateTime expiry) => expiry < this.Clock.GetUtcNow().UtcDateTime;

                    public static bool ExpiredAt(DateTime expiry, TimeProvider time) => expiry < time.GetUtcNow().UtcDateTime;
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NoTimeProviderInReach_NoFixOffered()
        {
            const string source = """
                using System;

                public class PremiumCalculator
                {
                    private readonly TimeProvider _clock = TimeProvider.System;

                    public static bool Expired(DateTime expiry) => expiry < {|QG3001:DateTime.UtcNow|};

                    public bool Ticking() => {|QG3001:Environment.TickCount|} > 0;
                }
                """;

            // The fixed state equals the source: the instance field is out of reach of the static method, and TickCount has no twin.
            await Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
