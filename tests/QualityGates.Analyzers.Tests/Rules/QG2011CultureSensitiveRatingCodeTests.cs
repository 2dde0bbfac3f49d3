using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CultureSensitiveRatingCodeAnalyzer>;

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
                    public bool Check(Risk risk, string tier)
                    {
                        var a = string.Equals(risk.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
                        var b = risk.ClassCode.StartsWith('H');
                        var c = risk.ClassCode.ToUpperInvariant() == "HAZ";
                        var d = tier == "GOLD";
                        var e = risk.Description.ToUpper().Length > 0;
                        var f = risk.ClassCode.ToUpper(CultureInfo.InvariantCulture) == "HAZ";
                        var g = risk.ClassCode.StartsWith("H", StringComparison.Ordinal);
                        return a && b && c && d && e && f && g;
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
    }
}
