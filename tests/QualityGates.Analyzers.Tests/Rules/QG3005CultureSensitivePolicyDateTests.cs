using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CultureSensitivePolicyDateAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.CultureSensitivePolicyDateAnalyzer,
    QualityGates.CodeFixes.Rules.CultureSensitivePolicyDateCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG3005CultureSensitivePolicyDateTests
    {
        [Fact]
        public async Task ParseWithoutProvider_ReportedWithName()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class PolicyImport
                {
                    public DateTime Effective(string text) => DateTime.Parse(text);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("QG3005").WithSpan(6, 47, 6, 67).WithArguments("DateTime.Parse"));
        }

        [Fact]
        public async Task EveryParsingShape_Reported()
        {
            const string source = """
                using System;
                using System.Globalization;

                public class PremiumRater
                {
                    public void Read(string s)
                    {
                        var a = {|QG3005:DateOnly.Parse(s)|};
                        {|QG3005:DateTimeOffset.TryParse(s, out var b)|};
                        var c = {|QG3005:DateTime.ParseExact(s, "dd/MM/yyyy", null)|};
                        var d = {|QG3005:DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.CurrentCulture)|};
                        var e = {|QG3005:Convert.ToDateTime(s)|};
                        {|QG3005:DateTime.TryParse(s, null, DateTimeStyles.None, out var f)|};
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task CurrentCultureHeldInAReadonlyField_Reported_InvariantFieldNot()
        {
            const string source = """
                using System;
                using System.Globalization;

                [QualityGates.UnderwritingRule]
                public static class PolicyDates
                {
                    private static readonly CultureInfo Provider = CultureInfo.CurrentCulture;
                    private static readonly IFormatProvider Fixed = CultureInfo.InvariantCulture;
                    private static CultureInfo Mutable = CultureInfo.InvariantCulture;

                    public static bool ViaField(string s, out DateTime d) =>
                        {|#0:DateTime.TryParseExact(s, "dd/MM/yyyy", Provider, DateTimeStyles.AssumeLocal, out d)|};

                    public static DateTime ViaInvariantField(string s) => DateTime.ParseExact(s, "dd/MM/yyyy", Fixed);

                    public static DateTime ViaMutableField(string s) => DateTime.ParseExact(s, "dd/MM/yyyy", Mutable);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("QG3005").WithLocation(0).WithArguments("DateTime.TryParseExact"));
        }

        [Fact]
        public async Task FormattingWithoutProvider_Reported()
        {
            const string source = """
                using System;

                public class Policy { public DateOnly EffectiveDate { get; set; } public DateTime ExpiryDate { get; set; } }

                [QualityGates.PremiumCalculation]
                public class RatingKey
                {
                    public string Key(Policy policy) =>
                        {|QG3005:policy.EffectiveDate.ToString()|} + "|" + {|QG3005:policy.ExpiryDate.ToString("yyyy-MM-dd")|} + "|" + {|QG3005:policy.ExpiryDate.ToShortDateString()|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task DisplayFormatsWithMonthOrDayNames_NotReported_NumericOnesStill()
        {
            // A customer notice in the reader's language: month and day names are never parsed back. Quoted or escaped
            // letters are literal text, so "'MMM' dd/MM/yyyy" is numeric.
            const string source = """
                using System;

                public class Invoice { public DateOnly DueDate { get; set; } public DateTime GraceEndDate { get; set; } }

                [QualityGates.PremiumCalculation]
                public class PremiumNotice
                {
                    public string Text(Invoice invoice) =>
                        invoice.DueDate.ToString("MMMM d, yyyy") + invoice.GraceEndDate.ToLongDateString() + invoice.GraceEndDate.ToString("dddd dd") +
                        invoice.DueDate.ToString("D") + invoice.GraceEndDate.ToString("m") + invoice.DueDate.ToString("dd MMM yyyy") +
                        {|QG3005:invoice.DueDate.ToString("'MMM' dd/MM/yyyy")|} + {|QG3005:invoice.DueDate.ToString(@"\ddd dd.MM.yyyy")|} +
                        {|QG3005:invoice.GraceEndDate.ToString("d")|} + {|QG3005:invoice.GraceEndDate.ToString("g")|} + {|QG3005:invoice.DueDate.ToString("dd/MM")|};
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task InvariantParsingAndFormatting_NotReported()
        {
            const string source = """
                using System;
                using System.Globalization;

                public class Policy { public DateOnly EffectiveDate { get; set; } public DateTime ExpiryDate { get; set; } }

                [QualityGates.PremiumCalculation]
                public class RatingKey
                {
                    public string Key(Policy policy, string s)
                    {
                        var parsed = DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var utc);
                        var converted = Convert.ToDateTime(s, CultureInfo.InvariantCulture);
                        return policy.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + policy.ExpiryDate.ToString("O") +
                               policy.ExpiryDate.ToString("s") + parsed.ToString(CultureInfo.InvariantCulture) + 42.ToString() + converted.Ticks + utc.Ticks;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                using System;

                public class CustomerScreen
                {
                    public string Show(DateTime expiry) => expiry.ToShortDateString() + DateTime.Parse("2026-01-01").ToString();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NameHeuristicTurnedOff_OnlyAttributedCodeReported()
        {
            const string source = """
                using System;

                public class QuoteService
                {
                    public DateTime Read(string s) => DateTime.Parse(s);
                }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public DateTime Read(string s) => {|QG3005:DateTime.Parse(s)|};
                }
                """;

            await Verify.VerifyAsync(source, "qualitygates_scope_name_heuristic = false");
        }

        [Fact]
        public async Task Parsing_FixPassesInvariantCultureAndAddsTheUsing()
        {
            const string source = """
                using System;

                public class PremiumRater
                {
                    public void Read(string s)
                    {
                        var a = {|QG3005:DateOnly.Parse(s)|};
                        {|QG3005:DateTimeOffset.TryParse(s, out var b)|};
                        var c = {|QG3005:DateTime.ParseExact(s, "dd/MM/yyyy", null)|};
                        var e = {|QG3005:Convert.ToDateTime(s)|};
                        {|QG3005:DateOnly.TryParseExact(s, "yyyy-MM-dd", out var g)|};
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Globalization;

                public class PremiumRater
                {
                    public void Read(string s)
                    {
                        var a = DateOnly.Parse(s, CultureInfo.InvariantCulture);
                        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var b);
                        var c = DateTime.ParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture);
                        var e = Convert.ToDateTime(s, CultureInfo.InvariantCulture);
                        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var g);
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task Formatting_FixUsesCalendarDateOrRoundTripFormat()
        {
            const string source = """
                using System;
                using System.Globalization;

                public class Policy { public DateOnly EffectiveDate { get; set; } public DateTime ExpiryDate { get; set; } public DateTimeOffset QuotedAt { get; set; } }

                [QualityGates.PremiumCalculation]
                public class RatingKey
                {
                    public string Key(Policy policy, DateTime dob) =>
                        {|QG3005:policy.EffectiveDate.ToString()|} + {|QG3005:policy.ExpiryDate.ToString("dd/MM/yyyy")|} + {|QG3005:policy.ExpiryDate.ToShortDateString()|} +
                        {|QG3005:dob.ToString()|} + {|QG3005:policy.QuotedAt.ToString(CultureInfo.CurrentCulture)|} + {|QG3005:policy.QuotedAt.ToString("d", null)|};
                }
                """;
            const string fixedSource = """
                using System;
                using System.Globalization;

                public class Policy { public DateOnly EffectiveDate { get; set; } public DateTime ExpiryDate { get; set; } public DateTimeOffset QuotedAt { get; set; } }

                [QualityGates.PremiumCalculation]
                public class RatingKey
                {
                    public string Key(Policy policy, DateTime dob) =>
                        policy.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + policy.ExpiryDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + policy.ExpiryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) +
                        dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + policy.QuotedAt.ToString("O", CultureInfo.InvariantCulture) + policy.QuotedAt.ToString("d", CultureInfo.InvariantCulture);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FileWithoutUsings_FixAddsTheUsingBelowTheHeader()
        {
            const string source = """
                // Rating rules.
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public System.DateTime Read(string s) => {|QG3005:System.DateTime.Parse(s)|};
                }
                """;
            const string fixedSource = """
                // Rating rules.
                using System.Globalization;

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public System.DateTime Read(string s) => System.DateTime.Parse(s, CultureInfo.InvariantCulture);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NamedArguments_NoFixOffered()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public string Read(string text, DateTime expiryDate) =>
                        expiryDate.ToLongDateString() + {|QG3005:DateTime.Parse(s: text)|};
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }
    }
}
