using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.CultureSensitiveMonetaryConversionAnalyzer,
    QualityGates.CodeFixes.Rules.CultureSensitiveMonetaryConversionCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1007CultureSensitiveMonetaryConversionTests
    {
        [Fact]
        public async Task DecimalParse_ReportedWithMethodName()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class RateImport
                {
                    public decimal Read(string text) => {|#0:decimal.Parse(text)|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(0).WithArguments("decimal.Parse"));
        }

        [Fact]
        public async Task ParseConvertAndToString_FixedWithInvariantCulture()
        {
            const string source = """
                using System;
                using System.Globalization;

                public class PremiumCalculator
                {
                    public string Run(string text, object cell, decimal premium, double fee)
                    {
                        var a = {|QG1007:decimal.Parse(text)|} + {|QG1007:decimal.Parse(text, NumberStyles.Currency)|};
                        var b = {|QG1007:Convert.ToDecimal(cell)|} + (decimal){|QG1007:double.Parse(text)|};
                        return {|QG1007:premium.ToString("N2")|} + {|QG1007:fee.ToString()|} + a + b;
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Globalization;

                public class PremiumCalculator
                {
                    public string Run(string text, object cell, decimal premium, double fee)
                    {
                        var a = decimal.Parse(text, CultureInfo.InvariantCulture) + decimal.Parse(text, NumberStyles.Currency, CultureInfo.InvariantCulture);
                        var b = Convert.ToDecimal(cell, CultureInfo.InvariantCulture) + (decimal)double.Parse(text, CultureInfo.InvariantCulture);
                        return premium.ToString("N2", CultureInfo.InvariantCulture) + fee.ToString(CultureInfo.InvariantCulture) + a + b;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task TryParse_FixedWithStylesAndCulture()
        {
            const string source = """
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text, string other)
                    {
                        {|QG1007:decimal.TryParse(text, out var premium)|};
                        {|QG1007:double.TryParse(other, out var fee)|};
                        return premium + (decimal)fee;
                    }
                }
                """;
            const string fixedSource = """
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text, string other)
                    {
                        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var premium);
                        double.TryParse(other, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var fee);
                        return premium + (decimal)fee;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task InterpolatedMoney_WrappedInInvariant()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Line(decimal premium, string code) => {|#0:$"{code}:{premium:F2}"|};
                }
                """;
            const string fixedSource = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Line(decimal premium, string code) => FormattableString.Invariant($"{code}:{premium:F2}");
                }
                """;

            await Verify.VerifyCodeFixAsync(
                source,
                fixedSource,
                null,
                null,
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(0).WithArguments("The interpolation of 'premium'"));
        }

        [Fact]
        public async Task ConditionalAccessAndHandlerAppend_ReportedAndFixed()
        {
            const string source = """
                using System;
                using System.Globalization;
                using System.Text;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Show(decimal? premium, decimal fee, StringBuilder sb)
                    {
                        var a = premium?{|#0:.ToString()|};
                        sb.Append({|#2:$"Fee {fee:F2}"|});
                        sb.Append(CultureInfo.InvariantCulture, $"Fee {fee:F2}");
                        return a + sb;
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Globalization;
                using System.Text;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Show(decimal? premium, decimal fee, StringBuilder sb)
                    {
                        var a = premium?.ToString(CultureInfo.InvariantCulture);
                        sb.Append(FormattableString.Invariant($"Fee {fee:F2}"));
                        sb.Append(CultureInfo.InvariantCulture, $"Fee {fee:F2}");
                        return a + sb;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(
                source,
                fixedSource,
                null,
                null,
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(0).WithArguments("premium.ToString"),
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(2).WithArguments("The interpolation of 'fee'"));
        }

        [Fact]
        public async Task InterpolatedMoneyThroughConditionalAccess_Reported()
        {
            // A nullable value object's amount (quote.AnnualPremium?.Amount) is formatted with the current culture too.
            const string source = """
                public readonly record struct Money(decimal Amount, string Currency);

                public sealed class Quote
                {
                    public Money? AnnualPremium { get; set; }
                    public Money Premium { get; set; }
                    public string A() => {|#0:$"{AnnualPremium?.Amount}"|};
                    public string B() => {|#1:$"{Premium.Amount}"|};
                    public string C() => $"{AnnualPremium?.Currency}";
                }
                """;

            await QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CultureSensitiveMonetaryConversionAnalyzer>.VerifyAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(0).WithArguments("The interpolation of 'AnnualPremium?.Amount'"),
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(1).WithArguments("The interpolation of 'Premium.Amount'"));
        }

        [Fact]
        public async Task OneArgumentPerLine_FixKeepsTheLayout()
        {
            const string source = """
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text)
                    {
                        {|QG1007:decimal.TryParse(
                            text, // from the bordereau
                            out var premium)|};
                        return premium;
                    }
                }
                """;
            const string fixedSource = """
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text)
                    {
                        decimal.TryParse(
                            text, // from the bordereau
                            NumberStyles.Number,
                            CultureInfo.InvariantCulture,
                            out var premium);
                        return premium;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NullableToString_ReportedWithoutFix()
        {
            // Nullable<decimal>.ToString() has no IFormatProvider overload: appending one would not compile.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Show(decimal? premium) => {|QG1007:premium.ToString()|};
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task NoUsingGlobalization_FixAddsItOnce()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text) => {|QG1007:decimal.Parse(text)|};
                    public string Show(decimal premium) => {|QG1007:premium.ToString()|};
                }
                """;
            const string fixedSource = """
                using System;
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Read(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
                    public string Show(decimal premium) => premium.ToString(CultureInfo.InvariantCulture);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task ProviderGiven_NotReported()
        {
            const string source = """
                using System;
                using System.Globalization;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public string Run(string text, decimal premium, int count, decimal loadingFactor)
                    {
                        var a = decimal.Parse(text, CultureInfo.InvariantCulture) + decimal.Parse(text, NumberStyles.Number, NumberFormatInfo.InvariantInfo);
                        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var b);
                        var s = premium.ToString(CultureInfo.InvariantCulture) + FormattableString.Invariant($"{premium}") + string.Create(CultureInfo.InvariantCulture, $"{premium}");
                        return s + count.ToString() + loadingFactor.ToString() + $"{count}" + int.Parse(text) + a + b;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ConvertOfABoxedNumber_NotReported_OfTextOrAnObjectStill()
        {
            // Convert.ToDecimal(int?) binds to the object overload only to box the number: no text, no culture.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class PremiumService
                {
                    public decimal Run(int? sumInsured, long? limit, string text, object cell) =>
                        Convert.ToDecimal(sumInsured) + Convert.ToDecimal(limit) + {|QG1007:Convert.ToDecimal(text)|} + {|QG1007:Convert.ToDecimal(cell)|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ToStringOverride_IsDisplayCode()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Quote
                {
                    public decimal Premium { get; set; }

                    public override string ToString() => Premium.ToString("C") + $" ({Premium})";
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                public class CsvReader
                {
                    public decimal Amount(string text) => decimal.Parse(text);
                    public string Show(decimal amount) => amount.ToString() + $"{amount}";
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ScopeHeuristicDisabled_NotReported()
        {
            const string source = """
                public class PremiumCsvReader
                {
                    public decimal Read(string text) => decimal.Parse(text);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source, "qualitygates_scope_name_heuristic = false");
        }
    
        [Fact]
        public async Task CompositeFormatAndConcatenation_OfMoney_ReportedWithoutFix()
        {
            const string source = """
                using System;
                using System.Text;

                namespace Company.Rating.Engine
                {
                    public static class RatingUtil
                    {
                        public static string Line(string strCoverage, decimal decPremium, double dblFee, StringBuilder sb)
                        {
                            {|#1:sb.AppendFormat("{0}: {1:N2}", strCoverage, dblFee)|};
                            string s = {|#0:String.Format("{0}: {1:C}", strCoverage, decPremium)|};
                            s += {|#2:decPremium|};
                            return s + "Premium " + {|#3:decPremium|} + " / " + {|#4:dblFee|};
                        }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                    Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(1).WithArguments("StringBuilder.AppendFormat of 'dblFee'"),
                    Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(0).WithArguments("string.Format of 'decPremium'"),
                    Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(2).WithArguments("The concatenation of 'decPremium'"),
                    Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(3).WithArguments("The concatenation of 'decPremium'"),
                    Verify.Diagnostic(DiagnosticIds.CultureSensitiveMonetaryConversion).WithLocation(4).WithArguments("The concatenation of 'dblFee'"));
        }

        [Fact]
        public async Task CompositeFormatAndConcatenation_WithProviderOrNotMoney_NotReported()
        {
            const string source = """
                using System;
                using System.Globalization;
                using System.Text;

                namespace Company.Rating.Engine
                {
                    public class RatingUtil
                    {
                        private decimal m_decPremium;

                        public string Line(string strCoverage, decimal decPremium, decimal decRate, int intCount, decimal decValue, StringBuilder sb)
                        {
                            sb.AppendFormat(CultureInfo.InvariantCulture, "{0}: {1:N2}", strCoverage, decPremium);
                            string s = String.Format(CultureInfo.InvariantCulture, "{0}: {1:C}", strCoverage, decPremium);
                            s = String.Format("{0} x {1} at {2} of {3}", intCount, decRate, decValue, strCoverage);
                            s += decRate;
                            return s + "Premium " + decPremium.ToString("N2", CultureInfo.InvariantCulture) + " / " + intCount + decValue;
                        }

                        public override string ToString() => "Premium " + m_decPremium;
                    }
                }

                public class Report
                {
                    public string Line(decimal decPremium) => "Premium " + decPremium + string.Format("{0}", decPremium);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }
    }
}
