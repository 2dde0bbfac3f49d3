using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.AdverseDecisionWithoutReasonAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2010AdverseDecisionWithoutReasonTests
    {
        private const string Types = """
            public enum Decision { Approve, Refer, Decline }
            public record DecisionResult(Decision Decision, string? ReasonCode);
            public class Outcome { public Decision Decision { get; set; } public string? Message { get; set; } }

            """;

        [Fact]
        public async Task PublicBareDecisionMethods_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(int claims) => claims > 3 ? Decision.Decline : Decision.Approve;
                    public bool {|QG2010:IsEligible|}(int age) => age < 80;
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithSpan(7, 21, 7, 27).WithArguments("'Decide' returns the bare decision enum 'Decision' with no reason channel; return the decision with a reason code"));
        }

        [Fact]
        public async Task NullableAndAsyncBareDecisions_NamedByTheirEnum()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public interface IRule
                {
                    Decision? {|#0:Apply|}(int claims);

                    System.Threading.Tasks.Task<Decision?> {|#1:ApplyAsync|}(int claims);
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(0).WithArguments("'Apply' returns the bare decision enum 'Decision' with no reason channel; return the decision with a reason code"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(1).WithArguments("'ApplyAsync' returns the bare decision enum 'Decision' with no reason channel; return the decision with a reason code"));
        }

        [Fact]
        public async Task AdverseResultWithEmptyReason_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public DecisionResult Decide(int claims) =>
                        claims > 3 ? new DecisionResult(Decision.Decline, {|QG2010:null|}) : new DecisionResult(Decision.Approve, null);

                    public Outcome Evaluate(int claims) =>
                        new Outcome { Decision = Decision.Decline, Message = {|QG2010:string.Empty|} };

                    public DecisionResult Quick() => new DecisionResult(Decision.Decline, {|QG2010:""|});
                }
                """);
        }

        [Fact]
        public async Task WithExpressionDecliningWithoutReason_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public DecisionResult Downgrade(DecisionResult result) => result with { Decision = Decision.Decline, ReasonCode = {|QG2010:null|} };

                    public DecisionResult WithReason(DecisionResult result) => result with { Decision = Decision.Decline, ReasonCode = "CLM3" };

                    public DecisionResult Approved(DecisionResult result) => result with { Decision = Decision.Approve, ReasonCode = null };

                    public DecisionResult ReasonOnly(DecisionResult result) => result with { ReasonCode = null };
                }
                """);
        }

        [Fact]
        public async Task ReasonsAndHelpers_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public DecisionResult Decide(int claims) =>
                        claims > 3 ? new DecisionResult(Decision.Decline, "CLAIMS_FREQUENCY") : new DecisionResult(Decision.Approve, null);

                    public bool IsEligible(int age, out string reason) { reason = age < 80 ? "" : "AGE"; return age < 80; }

                    internal Decision Helper(int claims) => claims > 3 ? Decision.Decline : Decision.Approve;

                    private bool IsInsurable(int age) => age < 90;

                    public bool HasClaims(int claims) => claims > 0;
                }
                """);
        }

        [Fact]
        public async Task PricingScopeOnly_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public Decision Quote(int claims) => claims > 3 ? Decision.Decline : Decision.Approve;
                }
                """);
        }

        [Fact]
        public async Task UnderwritingScopeConfigured_Reported()
        {
            await Verify.VerifyAsync(Types + """
                namespace Contoso.Acceptance
                {
                    public class Gate
                    {
                        public Decision {|QG2010:Run|}(int claims) => claims > 3 ? Decision.Decline : Decision.Approve;
                    }
                }
                """, "qualitygates_underwriting_scope = Contoso.Acceptance.*");
        }
    }
}
