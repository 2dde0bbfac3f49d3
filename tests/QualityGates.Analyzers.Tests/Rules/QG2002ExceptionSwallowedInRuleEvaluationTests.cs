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
        public async Task PassRecordedInCatch_Reported_FailureRecorded_NotReported()
        {
            // passed = true in the catch swallows the error as a pass; failed = true records it.
            await Verify.VerifyAsync(Types + """
                public enum Decision { Approve, Refer, Decline }

                [QualityGates.UnderwritingRule]
                public class EligibilityChecks
                {
                    public bool PassesAll(IEnumerable<Predicate<string>> checks, string application)
                    {
                        foreach (var check in checks)
                        {
                            bool passed;
                            try { passed = check(application); }
                            {|#0:catch (NullReferenceException)|} { passed = true; }
                            if (!passed) return false;
                        }
                        return true;
                    }

                    public Decision Evaluate(IUnderwritingRule rule, string application)
                    {
                        try { return rule.Passes(application) ? Decision.Approve : Decision.Refer; }
                        {|#1:catch (Exception)|} { return Decision.Approve; }
                    }

                    public bool AnyFailed(IEnumerable<IUnderwritingRule> rules, string application)
                    {
                        var failed = false;
                        foreach (var rule in rules)
                        {
                            try { failed |= !rule.Passes(application); }
                            catch (Exception) { failed = true; }
                        }
                        return failed;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithLocation(0).WithArguments("PassesAll"),
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithLocation(1).WithArguments("Evaluate"));
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
        public async Task LambdaReturnsNothingForTheFailedRule_Reported_ReturnsAnOutcome_NoDiagnostic()
        {
            // A failed rule that yields null (or default) is dropped by the query, as if it had never run.
            await Verify.VerifyAsync("using System.Linq;\n" + Types + """
                public enum UwOutcome { Unknown, Accept, Refer, Decline }
                public interface IUwRule { UwOutcome Evaluate(string risk); }

                [QualityGates.UnderwritingRule]
                public sealed class UnderwritingRuleBatch
                {
                    private readonly ILogger _logger;
                    public UnderwritingRuleBatch(ILogger logger) { _logger = logger; }

                    public IReadOnlyList<UwOutcome> EvaluateAll(IEnumerable<IUwRule> rules, string risk) =>
                        rules.Select(rule =>
                        {
                            try { return rule.Evaluate(risk); }
                            {|#0:catch (InvalidOperationException ex)|} { _logger.LogError(ex, "rule failed"); return (UwOutcome?)null; }
                        }).OfType<UwOutcome>().ToList();

                    public IReadOnlyList<UwOutcome?> EvaluateDefault(IEnumerable<IUwRule> rules, string risk) =>
                        rules.Select(rule =>
                        {
                            try { return (UwOutcome?)rule.Evaluate(risk); }
                            {|#1:catch (InvalidOperationException)|} { return default; }
                        }).ToList();

                    public IReadOnlyList<UwOutcome> EvaluateReferring(IEnumerable<IUwRule> rules, string risk) =>
                        rules.Select(rule =>
                        {
                            try { return rule.Evaluate(risk); }
                            catch (InvalidOperationException ex) { _logger.LogError(ex, "rule failed"); return UwOutcome.Refer; }
                        }).ToList();
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithLocation(0).WithArguments("EvaluateAll"),
                Verify.Diagnostic(DiagnosticIds.ExceptionSwallowedInRuleEvaluation).WithLocation(1).WithArguments("EvaluateDefault"));
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
