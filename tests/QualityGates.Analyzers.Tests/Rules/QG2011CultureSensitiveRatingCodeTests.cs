using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CultureSensitiveRatingCodeAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.CultureSensitiveRatingCodeAnalyzer,
    QualityGates.CodeFixes.Rules.CultureSensitiveRatingCodeCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2011CultureSensitiveRatingCodeTests
    {
        private const string Types = """
            using System;
            using System.Globalization;
            public class Risk { public string ClassCode { get; set; } = ""; public string Status { get; set; } = ""; public string Description { get; set; } = ""; }

            """;

        [Fact]
        public async Task ToUpperOnClassCode_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public bool IsHazardous(Risk risk) => risk.ClassCode.Trim().ToUpper() == "HAZ";
                }
                """,
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveRatingCode).WithSpan(6, 43, 6, 74).WithArguments("ToUpper()", "ClassCode"));
        }

        [Fact]
        public async Task PostcodesAndBreedsAreRatingKeys_Reported()
        {
            // Under tr-TR "ip1".ToUpper() is "İP1": an Ipswich postcode no longer matches its area.
            await Verify.VerifyAsync("""
                public class PremiumCalculator
                {
                    public bool Channel(string postcode, string breed, string description) =>
                        {|#0:postcode.StartsWith("GY")|} || {|#1:breed.ToLower()|} == "pug" || description.ToLower() == "x";
                }
                """,
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveRatingCode).WithLocation(0).WithArguments("StartsWith()", "postcode"),
                Verify.Diagnostic(DiagnosticIds.CultureSensitiveRatingCode).WithLocation(1).WithArguments("ToLower()", "breed"));
        }

        [Fact]
        public async Task SlicedClassCode_ReportedAndSlicedDescription_NotReported()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public bool IsHazardous(Risk risk) => {|QG2011:risk.ClassCode[..3].ToUpper()|} == "HAZ";

                    public bool IsMining(Risk risk) => risk.Description[0..6].ToUpper() == "MINING";
                }
                """);
        }

        [Fact]
        public async Task CultureComparisons_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Check(Risk risk, string tier)
                    {
                        var a = {|QG2011:string.Compare(risk.Status, "ACTIVE", true)|} == 0;
                        var b = {|QG2011:risk.ClassCode.StartsWith("H")|};
                        var c = {|QG2011:string.Equals(tier, "GOLD", StringComparison.CurrentCultureIgnoreCase)|};
                        var d = {|QG2011:tier.ToLower()|} == "gold";
                        return a && b && c && d;
                    }
                }
                """);
        }

        [Fact]
        public async Task OrdinalInvariantAndDisplayText_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Check(Risk risk, string tier, string planDisplayName, string productDescription)
                    {
                        var title = planDisplayName.ToUpper() + productDescription.ToLower();
                        var a = string.Equals(risk.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
                        var b = risk.ClassCode.StartsWith('H');
                        var c = risk.ClassCode.ToUpperInvariant() == "HAZ";
                        var d = tier == "GOLD";
                        var e = risk.Description.ToUpper().Length > 0;
                        var f = risk.ClassCode.ToUpper(CultureInfo.InvariantCulture) == "HAZ";
                        var g = risk.ClassCode.StartsWith("H", StringComparison.Ordinal);
                        return a && b && c && d && e && f && g && title.Length > 0;
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class Printer
                {
                    public string Header(Risk risk) => risk.ClassCode.ToUpper();
                }
                """);
        }

        [Fact]
        public async Task ScopeConfiguredByPattern_Reported()
        {
            await Verify.VerifyAsync(Types + """
                namespace Contoso.Motor
                {
                    public class Classifier
                    {
                        public string Normalise(Risk risk) => {|QG2011:risk.ClassCode.ToUpper()|};
                    }
                }
                """, "qualitygates_pricing_scope = Contoso.Motor.*");
        }

        [Fact]
        public async Task CultureComparisons_FixMakesThemOrdinal()
        {
            var source = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Check(Risk risk, string tier, string planCode)
                    {
                        var a = {|QG2011:string.Compare(risk.Status, "ACTIVE", true)|} == 0;
                        var b = {|QG2011:risk.ClassCode.StartsWith("H")|};
                        var c = {|QG2011:string.Equals(tier, "GOLD", StringComparison.CurrentCultureIgnoreCase)|};
                        var d = {|QG2011:tier.ToLower()|} == "gold";
                        var e = {|QG2011:risk.ClassCode.CompareTo(planCode)|} < 0;
                        var f = {|QG2011:risk.Status.IndexOf("LAPSED", 2)|} >= 0;
                        var g = {|QG2011:string.Compare(risk.ClassCode, planCode)|} == 0 && {|QG2011:planCode.EndsWith("X", StringComparison.CurrentCulture)|};
                        return a && b && c && d && e && f && g;
                    }
                }
                """;
            var fixedSource = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Check(Risk risk, string tier, string planCode)
                    {
                        var a = string.Compare(risk.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase) == 0;
                        var b = risk.ClassCode.StartsWith("H", StringComparison.Ordinal);
                        var c = string.Equals(tier, "GOLD", StringComparison.OrdinalIgnoreCase);
                        var d = tier.ToLowerInvariant() == "gold";
                        var e = string.Compare(risk.ClassCode, planCode, StringComparison.Ordinal) < 0;
                        var f = risk.Status.IndexOf("LAPSED", 2, StringComparison.Ordinal) >= 0;
                        var g = string.Compare(risk.ClassCode, planCode, StringComparison.Ordinal) == 0 && planCode.EndsWith("X", StringComparison.Ordinal);
                        return a && b && c && d && e && f && g;
                    }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task BothSidesCaseMapped_FixUsesOrdinalIgnoreCase()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public bool SamePlan(string planCode, string productCode) =>
                        {|QG2011:{|QG2011:planCode.ToUpper()|}.EndsWith({|QG2011:productCode.ToUpper()|})|};
                }
                """;
            const string fixedSource = """
                public class PremiumCalculator
                {
                    public bool SamePlan(string planCode, string productCode) =>
                        planCode.ToUpperInvariant().EndsWith(productCode.ToUpperInvariant(), System.StringComparison.OrdinalIgnoreCase);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task NonConstantIgnoreCaseOrConditionalCompareTo_NoFixOffered()
        {
            var source = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool Check(Risk risk, string planCode, bool ignore) =>
                        {|QG2011:string.Compare(risk.Status, "ACTIVE", ignore)|} == 0 && risk.Description?{|QG2011:.CompareTo(planCode)|} == 0;
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }
    }
}
