using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ExceptionSwallowedInRuleEvaluationAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2002ExceptionSwallowedInRuleEvaluationTests
    {
        private const string Types = """
            using System;
            using System.Collections.Generic;
            public interface IUnderwritingRule { bool Passes(string application); }
            public interface ILogger { void LogError(Exception ex, string message); }

            """;

        [Fact]
        public async Task LoggedOnlyInRuleLoop_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class RuleEngine
                {
                    private readonly ILogger _logger;
                    public RuleEngine(ILogger logger) { _logger = logger; }

                    public List<string> Failures(IEnumerable<IUnderwritingRule> rules, string application)
                    {
                        var failures = new List<string>();
                        foreach (var rule in rules)
                        {
                            try { if (!rule.Passes(application)) failures.Add(rule.ToString()!); }
                            catch (Exception ex) { _logger.LogError(ex, "rule failed"); }
                        }
                        return failures;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithSpan(17, 13, 17, 33).WithArguments("Failures"));
        }

        [Fact]
        public async Task LoggedOnlyInLambdaPerRule_ReportedWithMethodName()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class RuleEngine
                {
                    private readonly ILogger _logger;
                    public RuleEngine(ILogger logger) { _logger = logger; }

                    public void Run(List<IUnderwritingRule> rules, string application)
                    {
                        rules.ForEach(rule =>
                        {
                            try { rule.Passes(application); }
                            catch (Exception ex) { _logger.LogError(ex, "rule failed"); }
                        });
                        System.Threading.Tasks.Parallel.ForEach(rules, r =>
                        {
                            try { r.Passes(application); }
                            catch (Exception ex) { _logger.LogError(ex, "rule failed"); }
                        });
                        rules.ForEach(r => { try { r.Passes(application); } catch (Exception) { throw; } });
                        Action<string> log = message =>
                        {
                            try { Console.WriteLine(message); }
                            catch (Exception) { }
                        };
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithSpan(16, 13, 16, 33).WithArguments("Run"),
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithSpan(21, 13, 21, 33).WithArguments("Run"));
        }

        [Fact]
        public async Task EmptyCatchInEvaluateMethod_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public int EvaluateClaims(string application)
                    {
                        int points = 0;
                        try { points += int.Parse(application, System.Globalization.CultureInfo.InvariantCulture); }
                        {|QG2002:catch (FormatException)|} { }
                        return points;
                    }
                }
                """);
        }

        [Fact]
        public async Task RecordedOrRethrown_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class RuleEngine
                {
                    public List<string> Referrals(IEnumerable<IUnderwritingRule> rules, string application)
                    {
                        var referrals = new List<string>();
                        foreach (var rule in rules)
                        {
                            try { rule.Passes(application); }
                            catch (InvalidOperationException) { referrals.Add("RuleError"); }
                            catch (ArgumentException) { throw; }
                            catch (Exception ex) { throw new InvalidOperationException("rule failed", ex); }
                        }
                        return referrals;
                    }

                    public bool CheckAll(IEnumerable<IUnderwritingRule> rules, string application)
                    {
                        bool failed = false;
                        foreach (var rule in rules)
                        {
                            try { rule.Passes(application); }
                            catch (Exception) { failed = true; }
                        }
                        return !failed;
                    }
                }
                """);
        }

        [Fact]
        public async Task CatchOutsideRuleEvaluation_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public void Notify(IEnumerable<string> emails)
                    {
                        foreach (var email in emails)
                        {
                            try { Console.WriteLine(email); }
                            catch (Exception) { }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class LintRunner
                {
                    public void EvaluateAll(IEnumerable<IUnderwritingRule> rules)
                    {
                        foreach (var rule in rules)
                        {
                            try { rule.Passes(""); }
                            catch (Exception) { }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task ScopeConfiguredByPattern_Reported()
        {
            await Verify.VerifyAsync(Types + """
                namespace Contoso.Motor
                {
                    public class Engine
                    {
                        public void Run(IEnumerable<IUnderwritingRule> rules)
                        {
                            foreach (var rule in rules)
                            {
                                try { rule.Passes(""); }
                                {|QG2002:catch|} { }
                            }
                        }
                    }
                }
                """, "qualitygates_underwriting_scope = Contoso.Motor.*");
        }
    }
}
