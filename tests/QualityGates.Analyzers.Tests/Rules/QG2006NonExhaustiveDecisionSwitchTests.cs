using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.NonExhaustiveDecisionSwitchAnalyzer, QualityGates.CodeFixes.Rules.NonExhaustiveDecisionSwitchCodeFixProvider>;
using VerifyAnalyzer = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.NonExhaustiveDecisionSwitchAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2006NonExhaustiveDecisionSwitchTests
    {
        private const string Types = "using System;\npublic enum Decision { Approve, Refer, Decline }\npublic enum RiskClass { Low, Medium, High }\n";

        private const string MissingSource = Types + """
            [QualityGates.PremiumCalculation]
            public class Rater
            {
                public decimal Factor(RiskClass riskClass)
                {
                    {|QG2006:switch (riskClass)|}
                    {
                        case RiskClass.Low:
                            return 0.9m;
                    }

                    return 1m;
                }
            }
            """;

        [Fact]
        public async Task MissingMembersNoDefault_ReportedWithArguments()
        {
            await Verify.VerifyAnalyzerAsync(MissingSource.Replace("{|QG2006:switch (riskClass)|}", "switch (riskClass)"),
                Verify.Diagnostic(DiagnosticIds.NonExhaustiveDecisionSwitch).WithSpan(9, 9, 9, 27).WithArguments("RiskClass", "misses Medium, High and has no default"));
        }

        [Fact]
        public async Task LifecycleEnumWithoutAdverseMember_NotADecision()
        {
            await Verify.VerifyAnalyzerAsync("""
                public enum QuoteLifecycle { Quoted, Expired, Bound, Withdrawn }
                public enum QuoteOutcome { Quoted, Bound, Declined }
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Factor(QuoteLifecycle state)
                    {
                        switch (state)
                        {
                            case QuoteLifecycle.Bound: return 1m;
                        }

                        return 0m;
                    }

                    public decimal Factor(QuoteOutcome outcome)
                    {
                        {|QG2006:switch (outcome)|}
                        {
                            case QuoteOutcome.Bound: return 1m;
                        }

                        return 0m;
                    }
                }
                """);
        }

        [Fact]
        public async Task MissingMembers_FixedByAddingCases()
        {
            await Verify.VerifyCodeFixAsync(MissingSource, Types + """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Factor(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low:
                                return 0.9m;
                            case RiskClass.Medium:
                                throw new NotImplementedException();
                            case RiskClass.High:
                                throw new NotImplementedException();
                        }

                        return 1m;
                    }
                }
                """);
        }

        [Fact]
        public async Task MissingMembers_FixedByThrowingDefault()
        {
            await Verify.VerifyCodeFixAsync(MissingSource, Types + """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Factor(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low:
                                return 0.9m;
                            default:
                                throw new ArgumentOutOfRangeException(nameof(riskClass), riskClass, null);
                        }

                        return 1m;
                    }
                }
                """, null, 1);
        }

        [Fact]
        public async Task SilentDefaultOverDecision_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public string Letter(Decision decision)
                    {
                        switch (decision)
                        {
                            case Decision.Approve: return "welcome";
                            default: return "sorry";
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.NonExhaustiveDecisionSwitch).WithSpan(9, 9, 9, 26).WithArguments("Decision", "has a default that does not throw, so Refer, Decline and future members are handled silently"));
        }

        [Fact]
        public async Task ExhaustiveOrSafe_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [Flags] public enum RiskFlags { None = 0, Flood = 1, Fire = 2 }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public decimal All(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return 0.9m;
                            case RiskClass.Medium or RiskClass.High: return 1.2m;
                        }
                        return 1m;
                    }

                    public decimal Throwing(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return 0.9m;
                            default: throw new ArgumentOutOfRangeException(nameof(riskClass));
                        }
                    }

                    public Decision FailSafe(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return Decision.Approve;
                            default: return Decision.Refer;
                        }
                    }

                    public int Flags(RiskFlags flags)
                    {
                        switch (flags)
                        {
                            case RiskFlags.Flood: return 1;
                        }
                        return 0;
                    }

                    public int Other(DayOfWeek day)
                    {
                        switch (day)
                        {
                            case DayOfWeek.Monday: return 1;
                        }
                        return 0;
                    }
                }
                """);
        }

        [Fact]
        public async Task DefaultReferringThroughResultObjects_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync("using System.Threading.Tasks;\n" + Types + """
                public sealed record Result(Decision Decision, string? Reason)
                {
                    public static Result Referred(string reason) => new Result(Decision.Refer, reason);
                    public static Result ReferToUnderwriter { get; } = new Result(Decision.Refer, "manual");
                }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Result Created(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return new Result(Decision.Approve, null);
                            default: return new Result(Decision.Refer, "new class");
                        }
                    }

                    public Result Initialized(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return new Result(Decision.Approve, null);
                            default: return new Result(Decision.Approve, null) with { Decision = Decision.Refer };
                        }
                    }

                    public Result Factory(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return new Result(Decision.Approve, null);
                            default: return Result.Referred("new class");
                        }
                    }

                    public Result StaticMember(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return new Result(Decision.Approve, null);
                            default: return Result.ReferToUnderwriter;
                        }
                    }

                    public Task<Decision> Awaitable(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return Task.FromResult(Decision.Approve);
                            default: return Task.FromResult(Decision.Refer);
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task DefaultReferringThroughStringStatus_NoDiagnosticUnlessOnlyASentence()
        {
            // A legacy string status valued or named after the fallback refers the case; a sentence that merely starts with it does not.
            await Verify.VerifyAnalyzerAsync(Types + """
                public static class StatusCodes { public const string REFERRED = "REF"; }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public string Status(Decision decision)
                    {
                        switch (decision)
                        {
                            case Decision.Approve: return "APP";
                            default: return StatusCodes.REFERRED;
                        }
                    }

                    public string Code(Decision decision)
                    {
                        const string referred = "R";
                        switch (decision)
                        {
                            case Decision.Approve: return "APP";
                            default: return referred;
                        }
                    }

                    public string Text(Decision decision)
                    {
                        switch (decision)
                        {
                            case Decision.Approve: return "Approved";
                            default: return "Referred";
                        }
                    }

                    public string Letter(Decision decision)
                    {
                        {|#0:switch (decision)|}
                        {
                            case Decision.Approve: return "welcome";
                            default: return "Reference letter";
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.NonExhaustiveDecisionSwitch).WithLocation(0).WithArguments("Decision", "has a default that does not throw, so Refer, Decline and future members are handled silently"));
        }

        [Fact]
        public async Task DefaultApprovingThroughResultObject_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                public sealed record Result(Decision Decision, string? Reason);
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Result Created(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return new Result(Decision.Refer, "high");
                            default: return new Result(Decision.Approve, null);
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.NonExhaustiveDecisionSwitch).WithSpan(10, 9, 10, 27).WithArguments("RiskClass", "has a default that does not throw, so Low, Medium and future members are handled silently"));
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                public class Dashboard
                {
                    public string Colour(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return "red";
                        }
                        return "green";
                    }
                }
                """);
        }

        [Fact]
        public async Task ExhaustiveEnumsConfigured_Reported()
        {
            await VerifyAnalyzer.VerifyAsync("""
                public enum VehicleGroup { A, B, C }
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Factor(VehicleGroup group)
                    {
                        {|QG2006:switch (group)|}
                        {
                            case VehicleGroup.A: return 0.9m;
                        }
                        return 1m;
                    }
                }
                """, "qualitygates_exhaustive_enums = VehicleGroup");
        }
    }
}
