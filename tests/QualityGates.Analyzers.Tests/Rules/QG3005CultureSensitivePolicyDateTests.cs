using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CultureSensitivePolicyDateAnalyzer>;

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
    }
}
