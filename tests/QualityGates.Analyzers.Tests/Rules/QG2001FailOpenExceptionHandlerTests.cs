using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.FailOpenExceptionHandlerAnalyzer, QualityGates.CodeFixes.Rules.FailOpenExceptionHandlerCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2001FailOpenExceptionHandlerTests
    {
        private const string Decision = "public enum Decision { Approve, Refer, Decline }\n";

        [Fact]
        public async Task CatchReturnsApprove_ReportedWithArguments()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(int claims)
                    {
                        try { return claims > Limit() ? Decision.Decline : Decision.Refer; }
                        catch (System.Exception) { return Decision.Approve; }
                    }
                    private static int Limit() => 3;
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithSpan(8, 43, 8, 59).WithArguments("Evaluate", "Decision.Approve"));
        }

        [Fact]
        public async Task AsyncBoolVerdict_CatchReturnsTrue_Reported()
        {
            // Task<bool> IsEligibleAsync is the bool verdict awaited: its catch that answers true fails open the same way.
            await Verify.VerifyAnalyzerAsync(Decision + """
                [QualityGates.UnderwritingRule]
                public class EligibilityService
                {
                    public async System.Threading.Tasks.Task<bool> IsEligibleAsync(int memberId)
                    {
                        try { return await Lookup(memberId); }
                        catch (System.Net.Http.HttpRequestException) { return {|#0:true|}; }
                    }

                    public async System.Threading.Tasks.Task<bool> HasOpenClaimAsync(int memberId)
                    {
                        try { return await Lookup(memberId); }
                        catch (System.Net.Http.HttpRequestException) { return true; }
                    }

                    private static System.Threading.Tasks.Task<bool> Lookup(int memberId) => System.Threading.Tasks.Task.FromResult(memberId > 0);
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithLocation(0).WithArguments("IsEligibleAsync", "true"));
        }

        [Theory]
        [InlineData("qualitygates_scope_decision_methods = true", true)]
        [InlineData("qualitygates_scope_decision_methods = false", false)]
        [InlineData(null, false)]
        public async Task DecisionMethodInUnrecognisedClass_InScopeOnlyWhenConfigured(string? config, bool inScope)
        {
            // A claims adjudicator and a rules engine's quick screen decide, but no name or attribute says so.
            var source = Decision + """
                public sealed record Verdict(Decision Outcome, string Reason);
                public class ClaimsAdjudicator
                {
                    public Decision Adjudicate(int claims)
                    {
                        try { return claims > Limit() ? Decision.Decline : Decision.Refer; }
                        catch (System.Exception) { return {|#0:Decision.Approve|}; }
                    }
                    public async System.Threading.Tasks.Task<Verdict> QuickScreen(int claims)
                    {
                        try { await System.Threading.Tasks.Task.Yield(); return new Verdict(claims > Limit() ? Decision.Decline : Decision.Refer, "screen"); }
                        catch (System.Exception) { return new Verdict({|#1:Decision.Approve|}, "error"); }
                    }
                    public string Describe(int claims)
                    {
                        try { return claims.ToString(System.Globalization.CultureInfo.InvariantCulture); }
                        catch (System.Exception) { return "Approved"; }
                    }
                    private static int Limit() => 3;
                }
                """;

            var expected = inScope
                ? new[]
                {
                    Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithLocation(0).WithArguments("Adjudicate", "Decision.Approve"),
                    Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithLocation(1).WithArguments("QuickScreen", "Decision.Approve"),
                }
                : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
            await QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.FailOpenExceptionHandlerAnalyzer>.VerifyAsync(
                inScope ? source : source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), config, expected);
        }

        [Fact]
        public async Task CatchAssignsFavourableStringStatus_Reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                public static class StatusCodes
                {
                    public const string APPROVED = "APP";
                    public const string REFERRED = "REF";
                }
                [QualityGates.UnderwritingRule]
                public class QuoteEngine
                {
                    private string m_strDecision = "";
                    public decimal QuickQuote(decimal premium, out string strStatus)
                    {
                        strStatus = StatusCodes.REFERRED;
                        try { return premium / Divisor(); }
                        catch (System.Exception) { strStatus = {|#0:StatusCodes.APPROVED|}; return premium; }
                    }
                    public void Decide(decimal premium)
                    {
                        try { m_strDecision = premium > 0 ? StatusCodes.REFERRED : "Declined"; }
                        catch (System.DivideByZeroException) { m_strDecision = {|#1:"Approved"|}; }
                    }
                    private static decimal Divisor() => 2m;
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithLocation(0).WithArguments("QuickQuote", "StatusCodes.APPROVED"),
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithLocation(1).WithArguments("Decide", "\"Approved\""));
        }

        [Fact]
        public async Task CatchAssignsSafeOrNonStatusString_NotReported()
        {
            await Verify.VerifyAnalyzerAsync("""
                public static class StatusCodes
                {
                    public const string APPROVED = "APP";
                    public const string REFERRED = "REF";
                }
                [QualityGates.UnderwritingRule]
                public class QuoteEngine
                {
                    public decimal QuickQuote(decimal premium, out string strStatus, out string strMessage)
                    {
                        strStatus = StatusCodes.APPROVED;
                        strMessage = "";
                        try { return premium / Divisor(); }
                        catch (System.Exception) { strStatus = StatusCodes.REFERRED; strMessage = StatusCodes.APPROVED + " withdrawn"; return 0m; }
                    }
                    public string Label(decimal premium)
                    {
                        string strText;
                        try { strText = premium.ToString(System.Globalization.CultureInfo.InvariantCulture); }
                        catch (System.FormatException) { strText = "Approved"; }
                        return strText;
                    }
                    private static decimal Divisor() => 2m;
                }
                """);
        }

        [Fact]
        public async Task RulesEngineVerdictPassInCatch_Reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                public enum Verdict { Pass, Refer, Deny }
                [QualityGates.UnderwritingRule]
                public class FloodRule
                {
                    public Verdict Evaluate(int zone)
                    {
                        try { return zone > 3 ? Verdict.Deny : Verdict.Pass; }
                        catch (System.Exception) { return {|QG2001:Verdict.Pass|}; }
                    }
                }
                """);
        }

        [Fact]
        public async Task CatchReturnsApprovingFactory_Reported()
        {
            await Verify.VerifyAnalyzerAsync("using System.Threading.Tasks;\n" + Decision + """
                public sealed class Result
                {
                    public Decision Decision { get; }
                    private Result(Decision decision) => Decision = decision;
                    public static Result Approved() => new Result(Decision.Approve);
                    public static Result Referred() => new Result(Decision.Refer);
                    public static Result Accepted { get; } = new Result(Decision.Approve);
                }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Result Factory(int claims)
                    {
                        try { return claims > 3 ? Result.Referred() : Result.Approved(); }
                        catch (System.Exception) { return Result.Approved(); }
                    }

                    public Result StaticMember(int claims)
                    {
                        try { return claims > 3 ? Result.Referred() : Result.Accepted; }
                        catch (System.Exception) { return Result.Accepted; }
                    }

                    public Task<Decision> Awaitable(int claims)
                    {
                        try { return Task.FromResult(claims > 3 ? Decision.Refer : Decision.Approve); }
                        catch (System.Exception) { return Task.FromResult(Decision.Approve); }
                    }

                    public Result Safe(int claims)
                    {
                        try { return claims > 3 ? Result.Referred() : Result.Approved(); }
                        catch (System.Exception) { return Result.Referred(); }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithSpan(17, 43, 17, 60).WithArguments("Factory", "Result.Approved()"),
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithSpan(23, 43, 23, 58).WithArguments("StaticMember", "Result.Accepted"),
                Verify.Diagnostic(DiagnosticIds.FailOpenExceptionHandler).WithSpan(29, 59, 29, 75).WithArguments("Awaitable", "Decision.Approve"));
        }

        [Fact]
        public async Task BoolDecisionMethodReturnsTrue_FixedToFalse()
        {
            const string source = """
                public class EligibilityRules
                {
                    public bool IsEligible(string code)
                    {
                        try { return int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) > 0; }
                        catch { return {|QG2001:true|}; }
                    }
                }
                """;
            const string fixedSource = """
                public class EligibilityRules
                {
                    public bool IsEligible(string code)
                    {
                        try { return int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) > 0; }
                        catch { return false; }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task CatchReturnsApprove_FixedToRefer()
        {
            const string source = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch (System.FormatException) { return {|QG2001:Decision.Approve|}; }
                        catch (System.Exception) { return {|QG2001:Decision.Approve|}; }
                    }
                }
                """;
            const string fixedSource = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch (System.FormatException) { return Decision.Refer; }
                        catch (System.Exception) { return Decision.Refer; }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task CatchReturnsApprove_FixedByRethrow()
        {
            const string source = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch (System.Exception)
                        {
                            return {|QG2001:Decision.Approve|};
                        }
                    }
                }
                """;
            const string fixedSource = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch (System.Exception)
                        {
                            throw;
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource, null, 1);
        }

        [Fact]
        public async Task CatchAssignsApprovedToResultMember_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                public class Result { public Decision Outcome { get; set; } }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Result Evaluate(string s)
                    {
                        var result = new Result();
                        try { result.Outcome = s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch (System.InvalidOperationException) { result.Outcome = {|QG2001:Decision.Approve|}; }
                        return result;
                    }
                }
                """);
        }

        [Fact]
        public async Task ResultObjectBuiltFromApprove_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                public record Result(Decision Outcome, string Reason);
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Result Evaluate(string s)
                    {
                        try { return new Result(s.Length > 3 ? Decision.Decline : Decision.Refer, "size"); }
                        catch (System.Exception) { return new Result({|QG2001:Decision.Approve|}, "error"); }
                    }
                }
                """);
        }

        [Fact]
        public async Task ResultWithGrantedBoolVerdictInCatch_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                public sealed record UnderwritingResult(bool IsApproved, string Reason);
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public UnderwritingResult Evaluate(string s)
                    {
                        try { return new UnderwritingResult(s.Length < 3, "size"); }
                        catch (System.FormatException) { return new UnderwritingResult(false, "unreadable"); }
                        catch (System.Exception) { return new UnderwritingResult({|QG2001:IsApproved: true|}, "error"); }
                    }
                }
                """);
        }

        [Fact]
        public async Task HandlerFallsThroughToApprove_FixedByRethrow()
        {
            const string source = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try
                        {
                            if (s.Length > 3) return Decision.Decline;
                        }
                        {|QG2001:catch (System.Exception ex)|}
                        {
                            System.Console.WriteLine(ex.Message);
                        }
                        return Decision.Approve;
                    }
                }
                """;
            const string fixedSource = Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try
                        {
                            if (s.Length > 3) return Decision.Decline;
                        }
                        catch (System.Exception ex)
                        {
                            System.Console.WriteLine(ex.Message);
                            throw;
                        }
                        return Decision.Approve;
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task HandlerFallsThroughToLocalInitialisedToApprove_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        var decision = Decision.Approve;
                        try { if (s.Length > 3) decision = Decision.Decline; }
                        {|QG2001:catch|} { System.Console.WriteLine("failed"); }
                        return decision;
                    }
                }
                """);
        }

        [Fact]
        public async Task HandlerEndingALoopBodyFallsThroughToApproveAfterTheLoop_Reported()
        {
            // A failed rule is skipped; once the loop is done the method approves.
            await Verify.VerifyAnalyzerAsync("using System.Collections.Generic;\n" + Decision + """
                public interface IRule { Decision Apply(string s); }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Each(string s, IEnumerable<IRule> rules)
                    {
                        foreach (var rule in rules)
                        {
                            try
                            {
                                if (rule.Apply(s) != Decision.Approve) return Decision.Refer;
                            }
                            {|QG2001:catch (System.Exception)|}
                            {
                                System.Console.WriteLine("rule failed");
                            }
                        }

                        return Decision.Approve;
                    }

                    public Decision Nested(string s, IRule[][] groups)
                    {
                        for (var i = 0; i < groups.Length; i++)
                            foreach (var rule in groups[i])
                                try { if (rule.Apply(s) == Decision.Decline) return Decision.Decline; }
                                {|QG2001:catch|} { }

                        return Decision.Approve;
                    }

                    public Decision MoreAfterTheTry(string s, IEnumerable<IRule> rules)
                    {
                        var seen = 0;
                        foreach (var rule in rules)
                        {
                            try { if (rule.Apply(s) == Decision.Decline) return Decision.Decline; }
                            catch { }
                            seen++;
                        }

                        return seen > 0 ? Decision.Approve : Decision.Refer;
                    }

                    public Decision ReferAfterTheLoop(string s, IEnumerable<IRule> rules)
                    {
                        foreach (var rule in rules)
                        {
                            try { if (rule.Apply(s) == Decision.Decline) return Decision.Decline; }
                            catch { }
                        }

                        return Decision.Refer;
                    }
                }
                """);
        }

        [Fact]
        public async Task HandlerFallsThroughToAResultBuiltFromALocalInitialisedToApprove_Reported()
        {
            await Verify.VerifyAnalyzerAsync("using System.Collections.Generic;\n" + Decision + """
                public sealed record Outcome(Decision Decision, IReadOnlyList<string> ReasonCodes);
                public interface IRule { Decision Evaluate(string risk); }

                [QualityGates.UnderwritingRule]
                public class Engine
                {
                    public Outcome Run(string risk, IReadOnlyList<IRule> rules)
                    {
                        var worst = Decision.Approve;
                        foreach (var rule in rules)
                        {
                            try { var v = rule.Evaluate(risk); if (v != Decision.Approve) worst = v; }
                            {|QG2001:catch (System.Exception)|} { System.Console.WriteLine("rule failed"); }
                        }

                        return new Outcome(worst, new[] { "RULES-RUN" });
                    }

                    public Outcome Marked(string risk, IReadOnlyList<IRule> rules)
                    {
                        var worst = Decision.Approve;
                        foreach (var rule in rules)
                        {
                            try { var v = rule.Evaluate(risk); if (v != Decision.Approve) worst = v; }
                            catch (System.Exception) { worst = Decision.Refer; }
                        }

                        return new Outcome(worst, new[] { "RULES-RUN" });
                    }
                }
                """);
        }

        [Fact]
        public async Task HandlerRecordingTheFailureWhereTheReturnLooks_NotReported_RecordingElsewhereStill()
        {
            // The handler adds a reason (or sets a flag) that the return tests: its path can only refer.
            await Verify.VerifyAnalyzerAsync("using System.Collections.Generic;\n" + Decision + """
                public interface ICheck { string Code { get; } bool Passes(); }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Screen(IReadOnlyList<ICheck> checks)
                    {
                        var reasons = new List<string>();
                        foreach (var check in checks)
                        {
                            try { if (!check.Passes()) reasons.Add(check.Code); }
                            catch (System.InvalidOperationException) { reasons.Add("CHECK_ERROR:" + check.Code); }
                        }

                        return reasons.Count == 0 ? Decision.Approve : Decision.Refer;
                    }

                    public Decision Flag(ICheck check)
                    {
                        var failed = false;
                        try { failed = !check.Passes(); }
                        catch { failed = true; }
                        return failed switch { false => Decision.Approve, true => Decision.Refer };
                    }

                    public Decision Logged(IReadOnlyList<ICheck> checks)
                    {
                        var reasons = new List<string>();
                        var log = new List<string>();
                        foreach (var check in checks)
                        {
                            try { if (!check.Passes()) reasons.Add(check.Code); }
                            {|QG2001:catch (System.InvalidOperationException)|} { log.Add(check.Code); }
                        }

                        return reasons.Count == 0 ? Decision.Approve : Decision.Refer;
                    }
                }
                """);
        }

        [Fact]
        public async Task HandlerReturnsReferOrRethrows_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Approve; }
                        catch (System.FormatException) { return Decision.Refer; }
                        catch (System.Exception) { throw; }
                    }

                    public Decision EvaluateWithLocal(string s)
                    {
                        var decision = Decision.Approve;
                        try { if (s.Length > 3) decision = Decision.Decline; }
                        catch { decision = Decision.Refer; }
                        return decision;
                    }

                    public int CountRules(string s)
                    {
                        try { return s.Length; }
                        catch { return 1; }
                    }
                }
                """);
        }

        [Fact]
        public async Task LambdaInsideHandler_OwnReturnNotReported()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Approve; }
                        catch (System.Exception)
                        {
                            System.Func<bool> probe = () => true;
                            return probe() ? Decision.Refer : Decision.Decline;
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Decision + """
                public class Importer
                {
                    public Decision Map(string s)
                    {
                        try { return s.Length > 3 ? Decision.Decline : Decision.Refer; }
                        catch { return Decision.Approve; }
                    }
                }
                """);
        }

        [Fact]
        public async Task FavourableOutcomesConfigured_ChangesOutcome()
        {
            const string source = """
                public enum Verdict { Pass, Hold, Stop }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Verdict Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Verdict.Stop : Verdict.Hold; }
                        catch { return {|QG2001:Verdict.Pass|}; }
                    }
                }
                """;
            const string fixedSource = """
                public enum Verdict { Pass, Hold, Stop }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Verdict Evaluate(string s)
                    {
                        try { return s.Length > 3 ? Verdict.Stop : Verdict.Hold; }
                        catch { return Verdict.Hold; }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource, "qualitygates_decision_enums = Verdict\nqualitygates_favourable_outcomes = Pass\ndotnet_code_quality.QG2001.fallback_outcome = Hold");
        }
    }
}
