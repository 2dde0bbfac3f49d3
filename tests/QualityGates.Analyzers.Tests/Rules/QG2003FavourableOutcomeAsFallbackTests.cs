using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.FavourableOutcomeAsFallbackAnalyzer, QualityGates.CodeFixes.Rules.FavourableOutcomeAsFallbackCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2003FavourableOutcomeAsFallbackTests
    {
        private const string Types = "using System;\nusing System.Collections.Generic;\npublic enum Decision { Approve, Refer, Decline }\npublic enum RiskClass { Low, Medium, High }\n";

        [Fact]
        public async Task SwitchDefaultReturnsApprove_ReportedWithArguments()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return Decision.Decline;
                            default: return Decision.Approve;
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithSpan(13, 29, 13, 45).WithArguments("switch default", "Decision.Approve"));
        }

        [Fact]
        public async Task TupleSwitchOverClassCode_DiscardArmReported()
        {
            // A tuple is classified by any of its elements: an unlisted class code is approved. A tuple of values that
            // classify nothing is not.
            await Verify.VerifyAnalyzerAsync(Types + """
                public record Insured(int YearsInBusiness, string State);

                [QualityGates.UnderwritingRule]
                public class QuickAppetite
                {
                    public Decision Screen(Insured insured, string classCode) => (insured, classCode) switch
                    {
                        ({ YearsInBusiness: < 1 }, _) => Decision.Decline,
                        (_, "5403" or "5645") => Decision.Decline,
                        _ => {|#0:Decision.Approve|},
                    };

                    public Decision ByRisk(RiskClass risk, int claims) => (risk, claims) switch
                    {
                        (RiskClass.High, > 2) => Decision.Decline,
                        _ => {|#1:Decision.Approve|},
                    };

                    public Decision Plain(int years, string state) => (years, state) switch
                    {
                        (< 1, _) => Decision.Decline,
                        _ => Decision.Approve,
                    };
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("switch expression's discard arm", "Decision.Approve"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(1).WithArguments("switch expression's discard arm", "Decision.Approve"));
        }

        [Fact]
        public async Task AsyncBoolVerdict_CoalesceToTrue_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class EligibilityService
                {
                    public async System.Threading.Tasks.Task<bool> IsEligibleAsync(int memberId)
                    {
                        bool? external = await System.Threading.Tasks.Task.FromResult<bool?>(null);
                        return external ?? {|#0:true|};
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("?? fallback", "true"));
        }

        [Fact]
        public async Task SwitchDefault_FavourableStringStatus_Reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                namespace Company.Underwriting
                {
                    public class ReferralEngine
                    {
                        private string m_strStatus;

                        internal string GetStatusText(string strStatusCode)
                        {
                            switch (strStatusCode)
                            {
                                case "D": return "Declined";
                                default: return {|#0:"Quoted"|};
                            }
                        }

                        internal void SetStatus(string strRiskCode)
                        {
                            switch (strRiskCode)
                            {
                                case "D": m_strStatus = "Declined"; break;
                                default: m_strStatus = {|#1:"Approved"|}; break;
                            }
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("switch default", "\"Quoted\""),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(1).WithArguments("switch default", "\"Approved\""));
        }

        [Fact]
        public async Task SwitchDefault_FavourableStatusConstant_Reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                namespace Company.Underwriting
                {
                    public static class StatusCodes
                    {
                        public const string APPROVED = "APP";
                        public const string REFERRED = "REF";
                        public const string Issued = "Quoted";
                    }

                    public class ReferralEngine
                    {
                        internal string Decide(string strRiskCode)
                        {
                            string strDecision;
                            switch (strRiskCode)
                            {
                                case "H": strDecision = StatusCodes.REFERRED; break;
                                default: strDecision = {|#0:StatusCodes.APPROVED|}; break;
                            }

                            return strDecision;
                        }

                        internal string GetStatusText(string strStatusCode)
                        {
                            const string issued = "Quoted";
                            switch (strStatusCode)
                            {
                                case "R": return StatusCodes.REFERRED;
                                default: return {|#1:issued|};
                            }
                        }

                        internal string GetIssuedText(string strStatusCode)
                        {
                            switch (strStatusCode)
                            {
                                case "R": return StatusCodes.REFERRED;
                                default: return {|#2:StatusCodes.Issued|};
                            }
                        }
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("switch default", "StatusCodes.APPROVED"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(1).WithArguments("switch default", "issued"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(2).WithArguments("switch default", "StatusCodes.Issued"));
        }

        [Fact]
        public async Task SwitchDefault_SafeOrNonOutcomeConstant_NotReported()
        {
            await Verify.VerifyAnalyzerAsync("""
                namespace Company.Underwriting
                {
                    public static class StatusCodes
                    {
                        public const string APPROVED = "APP";
                        public const string REFERRED = "REF";
                        public const string AWAITING_DOCS = "Awaiting documents";
                    }

                    public class ReferralEngine
                    {
                        private string m_strDescription;

                        internal string Decide(string strRiskCode)
                        {
                            string strDecision;
                            switch (strRiskCode)
                            {
                                case "L": strDecision = StatusCodes.APPROVED; break;
                                default: strDecision = StatusCodes.REFERRED; break;
                            }

                            return strDecision;
                        }

                        internal string GetStatusText(string strStatusCode)
                        {
                            const string waiting = "Awaiting documents";
                            switch (strStatusCode)
                            {
                                case "A": return StatusCodes.AWAITING_DOCS;
                                default: return waiting;
                            }
                        }

                        internal void SetDescription(string strRiskCode)
                        {
                            switch (strRiskCode)
                            {
                                default: m_strDescription = StatusCodes.APPROVED; break;
                            }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task SwitchDefault_SafeOrNonOutcomeString_NotReported()
        {
            await Verify.VerifyAnalyzerAsync("""
                namespace Company.Underwriting
                {
                    public class ReferralEngine
                    {
                        private string m_strDescription;

                        internal string GetStatusText(string strStatusCode)
                        {
                            switch (strStatusCode)
                            {
                                case "Q": return "Quoted";
                                default: return "Referred";
                            }
                        }

                        internal string Describe(string strStatusCode)
                        {
                            switch (strStatusCode)
                            {
                                case "Q": return "Quote issued";
                                default: return "Unknown status";
                            }
                        }

                        internal void SetDescription(string strRiskCode)
                        {
                            switch (strRiskCode)
                            {
                                default: m_strDescription = "Approved"; break;
                            }
                        }

                        internal string Greeting(string strName)
                        {
                            switch (strName)
                            {
                                default: return "Approved";
                            }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task SwitchDefault_FixedToRefer()
        {
            const string source = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return Decision.Decline;
                            default: return {|QG2003:Decision.Approve|};
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source.Replace("{|QG2003:Decision.Approve|}", "Decision.Refer"));
        }

        [Fact]
        public async Task SwitchDefault_FixedByThrowing()
        {
            const string source = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return Decision.Decline;
                            default: return {|QG2003:Decision.Approve|};
                        }
                    }
                }
                """;
            const string fixedSource = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.High: return Decision.Decline;
                            default:
                                throw new ArgumentOutOfRangeException(nameof(riskClass), riskClass, null);
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource, null, 1);
        }

        [Fact]
        public async Task SwitchExpressionDiscardArm_FixedByThrowing()
        {
            const string source = Types + """
                public class EligibilityRules
                {
                    public bool IsEligible(RiskClass riskClass) => riskClass switch
                    {
                        RiskClass.High => false,
                        _ => {|QG2003:true|},
                    };
                }
                """;
            const string fixedSource = Types + """
                public class EligibilityRules
                {
                    public bool IsEligible(RiskClass riskClass) => riskClass switch
                    {
                        RiskClass.High => false,
                        _ => throw new ArgumentOutOfRangeException(nameof(riskClass), riskClass, null),
                    };
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource, null, 1);
        }

        [Fact]
        public async Task CoalesceToApprove_FixedToRefer()
        {
            const string source = Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Decision? manual) => manual ?? {|QG2003:Decision.Approve|};
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source.Replace("{|QG2003:Decision.Approve|}", "Decision.Refer"));
        }

        [Fact]
        public async Task GetValueOrDefaultAndTryGetValueMiss_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private readonly Dictionary<string, Decision> _byCode = new Dictionary<string, Decision>();

                    public Decision ByDefault(string code) => _byCode.GetValueOrDefault(code, {|QG2003:Decision.Approve|});

                    public Decision ByTernary(string code) => _byCode.TryGetValue(code, out var d) ? d : {|QG2003:Decision.Approve|};

                    // One fallback, reported once (as the lookup's miss), not once more for the ??.
                    public Decision Override(Decision? requested, string code) => requested ?? (_byCode.TryGetValue(code, out var d) ? d : {|QG2003:Decision.Approve|});

                    public Decision ByIf(string code)
                    {
                        if (!_byCode.TryGetValue(code, out var d))
                        {
                            return {|QG2003:Decision.Approve|};
                        }

                        return d;
                    }
                }
                """);
        }

        [Fact]
        public async Task FallThroughMissAndFactoryFallbacks_Reported()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                public sealed record Result(Decision Decision)
                {
                    public static Result Approved() => new Result(Decision.Approve);
                    public static Result Referred() => new Result(Decision.Refer);
                }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private readonly Dictionary<string, Decision> _byCode = new Dictionary<string, Decision>();
                    private readonly Dictionary<string, Result> _results = new Dictionary<string, Result>();

                    public Decision FallThrough(string code)
                    {
                        if (_byCode.TryGetValue(code, out var d))
                        {
                            return d;
                        }

                        return {|QG2003:Decision.Approve|};
                    }

                    public Result Factory(string code) => _results.GetValueOrDefault(code, {|QG2003:Result.Approved()|});

                    public Decision NotLeaving(string code)
                    {
                        var count = 0;
                        if (_byCode.TryGetValue(code, out var d))
                        {
                            count++;
                        }

                        return Decision.Approve;
                    }

                    public Result SafeFactory(string code) => _results.GetValueOrDefault(code, Result.Referred());
                }
                """);
        }

        [Fact]
        public async Task SafeFallbacks_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private readonly Dictionary<string, Decision> _byCode = new Dictionary<string, Decision>();

                    public Decision Decide(RiskClass riskClass)
                    {
                        switch (riskClass)
                        {
                            case RiskClass.Low: return Decision.Approve;
                            case RiskClass.High: return Decision.Decline;
                            default: return Decision.Refer;
                        }
                    }

                    public Decision Lookup(string code) => _byCode.GetValueOrDefault(code, Decision.Refer);

                    public Decision Manual(Decision? manual) => manual ?? Decision.Refer;

                    public bool HasLowRisk(RiskClass riskClass) => riskClass switch { RiskClass.Low => true, _ => false };

                    public Decision Explicit(RiskClass riskClass) => riskClass switch { RiskClass.Low => Decision.Approve, _ => Decision.Decline };
                }
                """);
        }

        [Fact]
        public async Task SwitchOverUnrelatedString_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(string command)
                    {
                        switch (command)
                        {
                            case "stop": return Decision.Decline;
                            default: return Decision.Approve;
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task SwitchOverNormalisedCode_Reported()
        {
            // Normalising a status code before switching on it (Trim, ToLowerInvariant) does not make it less of a code.
            await Verify.VerifyAnalyzerAsync(Types + """
                public sealed record Application(string StatusCode, string Command);

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision FromStatus(Application app)
                    {
                        switch (app.StatusCode.Trim().ToLowerInvariant())
                        {
                            case "no": return Decision.Decline;
                            default: return {|#0:Decision.Approve|};
                        }
                    }

                    public Decision FromStatusExpression(Application app) => app.StatusCode.ToUpperInvariant() switch
                    {
                        "NO" => Decision.Decline,
                        _ => {|#1:Decision.Approve|},
                    };

                    public Decision FromCommand(Application app) => app.Command.Trim() switch
                    {
                        "stop" => Decision.Decline,
                        _ => Decision.Approve,
                    };
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("switch default", "Decision.Approve"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(1).WithArguments("switch expression's discard arm", "Decision.Approve"));
        }

        [Fact]
        public async Task SwitchOverSlicedCode_Reported()
        {
            // The first characters of a code (a range slice or a span, like Substring) are still a code.
            await Verify.VerifyAnalyzerAsync(Types + """
                public sealed record Industry(string Code, string Name);
                public sealed record Submission(Industry Industry);

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision BySlice(Submission s)
                    {
                        switch (s.Industry.Code[..2])
                        {
                            case "99": return Decision.Decline;
                            default: return {|#0:Decision.Approve|};
                        }
                    }

                    public Decision ByRange(string procedureCode) => procedureCode[0..1] switch
                    {
                        "Z" => Decision.Decline,
                        _ => {|#1:Decision.Approve|},
                    };

                    public Decision BySpan(string riskCode)
                    {
                        switch (riskCode.AsSpan(0, 2))
                        {
                            case "XX": return Decision.Decline;
                            default: return {|#2:Decision.Approve|};
                        }
                    }

                    public Decision BySpanSlice(string riskCode) => riskCode.AsSpan().Slice(1, 2) switch
                    {
                        "XX" => Decision.Decline,
                        _ => {|#3:Decision.Approve|},
                    };
                }
                """,
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(0).WithArguments("switch default", "Decision.Approve"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(1).WithArguments("switch expression's discard arm", "Decision.Approve"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(2).WithArguments("switch default", "Decision.Approve"),
                Verify.Diagnostic(DiagnosticIds.FavourableOutcomeAsFallback).WithLocation(3).WithArguments("switch expression's discard arm", "Decision.Approve"));
        }

        [Fact]
        public async Task SwitchOverSliceOfOtherText_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                public sealed record Industry(string Code, string Name);

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision ByName(Industry industry)
                    {
                        switch (industry.Name[..2])
                        {
                            case "Mi": return Decision.Decline;
                            default: return Decision.Approve;
                        }
                    }

                    public Decision ByComment(string comment) => comment.AsSpan(0, 2) switch
                    {
                        "no" => Decision.Decline,
                        _ => Decision.Approve,
                    };
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync(Types + """
                public class Mapper
                {
                    public Decision Map(Decision? manual) => manual ?? Decision.Approve;
                }
                """);
        }

        [Fact]
        public async Task FavourableOutcomesConfigured_AcceptUnlessExcludedNotReported()
        {
            await Verify.VerifyCodeFixAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Decision? manual) => manual ?? Decision.Approve;
                }
                """, Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Decision? manual) => manual ?? Decision.Approve;
                }
                """, "dotnet_code_quality.QG2003.favourable_outcomes = Bind");
        }
    }
}
