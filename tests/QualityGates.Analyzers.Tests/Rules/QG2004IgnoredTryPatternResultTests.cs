using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.IgnoredTryPatternResultAnalyzer, QualityGates.CodeFixes.Rules.IgnoredTryPatternResultCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2004IgnoredTryPatternResultTests
    {
        private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\npublic enum RiskClass { Low, Medium, High }\n";

        [Fact]
        public async Task IgnoredEnumTryParse_ReportedWithArguments()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool IsHigh(string code)
                    {
                        Enum.TryParse(code, out RiskClass riskClass);
                        return riskClass == RiskClass.High;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.IgnoredTryPatternResult).WithSpan(10, 9, 10, 53).WithArguments("Enum.TryParse", "riskClass"));
        }

        [Fact]
        public async Task IgnoredDecimalTryParse_FixedWithGuard()
        {
            const string source = Usings + """
                public class PremiumCalculator
                {
                    public decimal Premium(string input, decimal rate)
                    {
                        {|QG2004:decimal.TryParse(input, NumberStyles.Number, CultureInfo.InvariantCulture, out var sumInsured)|};
                        return sumInsured * rate;
                    }
                }
                """;
            const string fixedSource = Usings + """
                public class PremiumCalculator
                {
                    public decimal Premium(string input, decimal rate)
                    {
                        if (!decimal.TryParse(input, NumberStyles.Number, CultureInfo.InvariantCulture, out var sumInsured))
                            throw new FormatException("decimal.TryParse failed for 'sumInsured'.");
                        return sumInsured * rate;
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task DiscardedTryGetValue_FixedWithKeyNotFound()
        {
            const string source = Usings + """
                public class PremiumCalculator
                {
                    private readonly Dictionary<string, decimal> _rates = new Dictionary<string, decimal>();

                    public decimal Premium(string territory, decimal basePremium)
                    {
                        decimal factor;
                        _ = {|QG2004:_rates.TryGetValue(territory, out factor)|};
                        return basePremium * factor;
                    }
                }
                """;
            const string fixedSource = Usings + """
                public class PremiumCalculator
                {
                    private readonly Dictionary<string, decimal> _rates = new Dictionary<string, decimal>();

                    public decimal Premium(string territory, decimal basePremium)
                    {
                        decimal factor;
                        if (!_rates.TryGetValue(territory, out factor))
                            throw new KeyNotFoundException("Dictionary.TryGetValue failed for 'factor'.");
                        return basePremium * factor;
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task InsideLambdas_GuardOnlyForItsOwnStatement()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Total(List<string> lines)
                    {
                        decimal premium = 0m, total = 0m;
                        lines.ForEach(line =>
                        {
                            {|QG2004:decimal.TryParse(line, out premium)|};
                            total += premium;
                        });
                        return premium + total;
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Total(List<string> lines)
                    {
                        decimal premium = 0m, total = 0m;
                        lines.ForEach(line =>
                        {
                            if (!decimal.TryParse(line, out premium))
                                throw new FormatException("decimal.TryParse failed for 'premium'.");
                            total += premium;
                        });
                        return premium + total;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task ExpressionLambda_NoFixReplacesTheEnclosingStatement()
        {
            // The guard would replace the whole ForEach statement and lose the lambda's parameter.
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Last(List<string> lines)
                    {
                        decimal premium = 0m;
                        lines.ForEach(line => {|QG2004:decimal.TryParse(line, out premium)|});
                        return premium;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task CheckedResults_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool IsHigh(string code)
                    {
                        if (!Enum.TryParse(code, out RiskClass riskClass)) throw new FormatException(code);
                        var ok = int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var claims);
                        return ok && claims > 3 && riskClass == RiskClass.High;
                    }
                }
                """);
        }

        [Fact]
        public async Task OutValueNeverRead_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public void Warm(string code)
                    {
                        Enum.TryParse(code, out RiskClass riskClass);
                        int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public class ReportFormatter
                {
                    public int Width(string s)
                    {
                        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var width);
                        return width;
                    }
                }
                """);
        }

        [Fact]
        public async Task ScopeConfiguredByPattern_Reported()
        {
            await QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.IgnoredTryPatternResultAnalyzer>.VerifyAsync(Usings + """
                namespace Contoso.Motor
                {
                    public class Classifier
                    {
                        public int Band(string s)
                        {
                            {|QG2004:int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var band)|};
                            return band;
                        }
                    }
                }
                """, "qualitygates_underwriting_scope = Contoso.Motor.*");
        }
    }
}
