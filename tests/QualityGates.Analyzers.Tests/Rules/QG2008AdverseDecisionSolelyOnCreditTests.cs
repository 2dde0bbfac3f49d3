using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.AdverseDecisionSolelyOnCreditAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2008AdverseDecisionSolelyOnCreditTests
    {
        private const string Types = """
            public enum Decision { Approve, Refer, Decline }
            public class Applicant
            {
                public int CreditScore { get; set; }
                public int Claims { get; set; }
                public int BureauScore { get; set; }
            }

            """;

        [Fact]
        public async Task DecliningFactoryOnCreditScoreAlone_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public sealed record Result(Decision Decision, string Reason)
                {
                    public static Result Declined(string reason) => new Result(Decision.Decline, reason);
                    public static Result Approved() => new Result(Decision.Approve, "");
                }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinimumScore = 600;

                    public Result Decide(Applicant applicant)
                    {
                        if (applicant.CreditScore < MinimumScore)
                        {
                            return Result.Declined("score");
                        }

                        return Result.Approved();
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithSpan(20, 13, 20, 49).WithArguments("Result.Declined(\"score\")", "CreditScore"));
        }

        [Fact]
        public async Task ResultWithRefusedBoolVerdictOnCreditAlone_Reported_OneWithOtherFactorsNot()
        {
            // A result record whose verdict is a bool named for granting cover: built with false, it is the decline.
            await Verify.VerifyAsync(Types + """
                public sealed record UnderwritingResult(bool IsApproved, string? Premium, string Reason);
                [QualityGates.UnderwritingRule]
                public class UnderwritingEngine
                {
                    public UnderwritingResult Evaluate(Applicant applicant, string creditTier)
                    {
                        if ({|#0:creditTier == "Poor"|})
                        {
                            return new UnderwritingResult(false, null, "Credit tier does not meet minimum requirements");
                        }

                        if (applicant.CreditScore < 500 && applicant.Claims > 2)
                        {
                            return new UnderwritingResult(IsApproved: false, null, "score and claims");
                        }

                        return new UnderwritingResult(true, "100", "ok");
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithLocation(0).WithArguments("false", "creditTier"));
        }

        [Fact]
        public async Task DeclineOnCreditScoreAlone_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinimumScore = 600;

                    public Decision Decide(Applicant applicant)
                    {
                        if (applicant.CreditScore < MinimumScore)
                        {
                            return Decision.Decline;
                        }

                        return Decision.Approve;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithSpan(15, 13, 15, 49).WithArguments("Decision.Decline", "CreditScore"));
        }

        [Fact]
        public async Task TheInsurersOwnCreditOffer_IsNoCreditInformation_TheApplicantsStillIs()
        {
            // An instalment plan declined because its credit charge exceeds the cap: the insurer's price of credit.
            await Verify.VerifyAsync(Types + """
                public sealed record InstalmentRequest(decimal CreditChargeRate, decimal CreditAgreementApr, string CreditRating);

                [QualityGates.UnderwritingRule]
                public class InstalmentEligibility
                {
                    private const decimal MaximumCreditChargeRate = 0.3m;

                    public Decision Decide(InstalmentRequest request)
                    {
                        if (request.CreditChargeRate > MaximumCreditChargeRate) return Decision.Decline;
                        if (request.CreditAgreementApr > 0.35m) return Decision.Decline;
                        if ({|#0:request.CreditRating == "D"|}) return Decision.Decline;
                        return Decision.Approve;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithLocation(0).WithArguments("Decision.Decline", "CreditRating"));
        }

        [Fact]
        public async Task TernaryAndLocalAndBoolDecision_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant) =>
                        {|QG2008:applicant.BureauScore < 550|} ? Decision.Decline : Decision.Approve;

                    public bool IsEligible(Applicant applicant)
                    {
                        var fico = applicant.CreditScore / 10;
                        if ({|QG2008:fico < 60|}) return false;
                        return true;
                    }

                    public void Apply(Applicant applicant, Result result)
                    {
                        if ({|QG2008:applicant.CreditScore < 500|}) result.Outcome = Decision.Decline;
                    }
                }
                public class Result { public Decision Outcome { get; set; } }
                """);
        }

        [Fact]
        public async Task LocalsFollowedToTheirOwnDeclaration_InLoopsNestedBlocksAndSharedDeclarations()
        {
            // The declaration is found by descending into the child holding its span: a later declarator of the same
            // statement, a local declared inside a loop, and a local of another name with a credit-free initializer.
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public bool IsEligible(Applicant applicant, int[] claims)
                    {
                        int limit = claims.Length, fico = applicant.CreditScore / 10;
                        if ({|QG2008:fico < 60|}) return false;
                        foreach (var claim in claims)
                        {
                            var bureau = applicant.BureauScore;
                            if ({|QG2008:bureau < 400|}) return false;
                            var count = claim;
                            if (count > 3) return false;
                        }

                        return limit > 0;
                    }
                }
                """);
        }

        [Fact]
        public async Task PropertyPatternOnCreditAlone_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinScore = 500;

                    internal Decision Decide(Applicant a)
                    {
                        if (a is { CreditScore: < MinScore }) return Decision.Decline;
                        return Decision.Refer;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithSpan(15, 13, 15, 45).WithArguments("Decision.Decline", "CreditScore"));
        }

        [Fact]
        public async Task NestedExtendedAndCombinedCreditPatterns_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class Report { public int Score { get; set; } public int Band { get; set; } }
                public class Proposal
                {
                    public Applicant Applicant { get; set; } = new Applicant();
                    public Report CreditReport { get; set; } = new Report();
                }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinScore = 500;

                    internal Decision Nested(Proposal p) =>
                        {|QG2008:p is { Applicant: { CreditScore: < MinScore } }|} ? Decision.Decline : Decision.Refer;

                    internal Decision Extended(Proposal p)
                    {
                        if ({|QG2008:p is { Applicant.BureauScore: < 400 or > 900 }|}) return Decision.Decline;
                        return Decision.Refer;
                    }

                    internal Decision MembersOfACreditMember(Proposal p)
                    {
                        if ({|QG2008:p is { CreditReport: { Score: < MinScore, Band: not 1 } }|}) return Decision.Decline;
                        if ({|QG2008:p.CreditReport is { Score: < 300 }|}) return Decision.Decline;
                        return Decision.Refer;
                    }
                }
                """);
        }

        [Fact]
        public async Task PatternBoundCreditLocal_ReportedWithArguments()
        {
            await Verify.VerifyAsync("""
                public enum Decision { Approve, Refer, Decline }
                public class Report { public int Score { get; set; } }
                public class Applicant
                {
                    public int? CreditScore { get; set; }
                    public Report CreditReport { get; set; } = new Report();
                }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinScore = 500;

                    internal Decision Decide(Applicant a)
                    {
                        if (a.CreditScore is { } score && score < MinScore) return Decision.Decline;
                        return Decision.Refer;
                    }

                    internal Decision ByTypeMemberAndVar(Applicant a)
                    {
                        if ({|QG2008:a.CreditScore is int s && s < MinScore|}) return Decision.Decline;
                        if ({|QG2008:a is { CreditScore: var level } && level < MinScore|}) return Decision.Decline;
                        if ({|QG2008:a.CreditReport is { Score: var bureau } && bureau < 300|}) return Decision.Decline;
                        return Decision.Refer;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithSpan(16, 13, 16, 59).WithArguments("Decision.Decline", "CreditScore"));
        }

        [Fact]
        public async Task PatternBoundLocalOfAnotherFactor_NoDiagnostic()
        {
            await Verify.VerifyAsync("""
                public enum Decision { Approve, Refer, Decline }
                public class Applicant
                {
                    public int? CreditScore { get; set; }
                    public int? Claims { get; set; }
                }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinScore = 500;

                    internal Decision Decide(Applicant a)
                    {
                        if (a.Claims is { } claims && claims > 3) return Decision.Decline;
                        if (a is { Claims: var c } && c > 3) return Decision.Decline;
                        if (a.CreditScore is { } score && a.Claims is int n && score < MinScore && n > 1) return Decision.Decline;
                        if (a.CreditScore is { } points && points < MinScore) return Decision.Refer;
                        return Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task PatternWithAnotherFactor_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class Proposal { public Applicant Applicant { get; set; } = new Applicant(); public int Drivers { get; set; } }
                public class Commercial : Applicant { }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    private const int MinScore = 500;

                    internal Decision Decide(Proposal p, Applicant a)
                    {
                        if (a is { CreditScore: < MinScore, Claims: > 2 }) return Decision.Decline;
                        if (p is { Applicant.CreditScore: < MinScore, Drivers: > 3 }) return Decision.Decline;
                        if (a is { Claims: > 3 }) return Decision.Decline;
                        if (a is Commercial { CreditScore: < MinScore }) return Decision.Decline;
                        if (a is { CreditScore: < MinScore }) return Decision.Refer;
                        return a is { CreditScore: < MinScore } and { Claims: > 0 } ? Decision.Decline : Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task DeclineThrownOnCreditAlone_ReportedWithTheException()
        {
            // A decline signalled by an exception whose name (or a base type's) says so, as a statement or a ?: branch.
            await Verify.VerifyAsync(Types + """
                public class UnderwritingDeclinedException : System.Exception { public UnderwritingDeclinedException(string m) : base(m) { } }
                public sealed class CreditException : UnderwritingDeclinedException { public CreditException() : base("credit") { } }
                public sealed class ReferralRequiredException : System.Exception { }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant)
                    {
                        if ({|#0:applicant.CreditScore < 500|})
                            throw new UnderwritingDeclinedException("score");
                        if ({|#1:applicant.BureauScore < 450|})
                        {
                            throw new CreditException();
                        }

                        if (applicant.CreditScore < 550) throw new ReferralRequiredException();
                        if (applicant.CreditScore < 580 && applicant.Claims > 1) throw new UnderwritingDeclinedException("both");
                        if (applicant.Claims > 4) throw new System.InvalidOperationException();
                        return {|#2:applicant.CreditScore < 300|} ? throw new CreditException() : Decision.Approve;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithLocation(0).WithArguments("throw new UnderwritingDeclinedException", "CreditScore"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithLocation(1).WithArguments("throw new CreditException", "BureauScore"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionSolelyOnCredit).WithLocation(2).WithArguments("throw new CreditException", "CreditScore"));
        }

        [Fact]
        public async Task CreditAsOneFactorOrReferral_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant)
                    {
                        if (applicant.CreditScore < 600 && applicant.Claims > 2) return Decision.Decline;
                        if (applicant.CreditScore < 500) return Decision.Refer;
                        if (applicant.CreditScore < 400)
                        {
                            if (applicant.Claims > 0) return Decision.Decline;
                        }
                        return applicant.Claims > 5 ? Decision.Decline : Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class MarketingSegmenter
                {
                    public Decision Segment(Applicant applicant) => applicant.CreditScore < 600 ? Decision.Decline : Decision.Approve;
                }
                """);
        }

        [Fact]
        public async Task CreditAttributesConfigured_ChangesOutcome()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant, int tier) =>
                        {|QG2008:tier > 3|} ? Decision.Decline : Decision.Approve;

                    public Decision ByCredit(Applicant applicant) =>
                        applicant.CreditScore < 600 ? Decision.Decline : Decision.Approve;
                }
                """, "dotnet_code_quality.QG2008.credit_attributes = tier");
        }
    }
}
