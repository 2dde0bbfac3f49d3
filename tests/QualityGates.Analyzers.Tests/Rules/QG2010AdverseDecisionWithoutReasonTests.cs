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
        public async Task AsyncBareBoolVerdict_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public interface IEligibilityService
                {
                    System.Threading.Tasks.Task<bool> {|#0:IsEligibleAsync|}(int age);

                    System.Threading.Tasks.ValueTask<bool> {|#1:IsInsurableAsync|}(int age);

                    System.Threading.Tasks.Task<bool> HasCoverageAsync(int age);
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(0).WithArguments("'IsEligibleAsync' returns a bare bool with no reason channel; return the decision with a reason code"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(1).WithArguments("'IsInsurableAsync' returns a bare bool with no reason channel; return the decision with a reason code"));
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
        public async Task RefusedBoolVerdictOrAdverseFactoryWithEmptyReason_Reported()
        {
            // A result whose verdict is a bool named for granting cover, built with false; a decline built through a factory.
            await Verify.VerifyAsync("""
                public enum UwOutcome { Unknown, Accept, Refer, Decline }
                public sealed record UwDecision(UwOutcome Outcome, string? ReasonCode)
                {
                    public static UwDecision Decline(string? reasonCode) => new(UwOutcome.Decline, reasonCode);
                    public static UwDecision Accept(string? reasonCode) => new(UwOutcome.Accept, reasonCode);
                }
                public sealed record EligibilityResult(bool Eligible, string? ReasonCode);
                public sealed record AuditEntry(bool Archived, string? Message);

                [QualityGates.UnderwritingRule]
                public sealed class EligibilityChecker
                {
                    public EligibilityResult Check(bool thatchedInFloodZone)
                    {
                        if (thatchedInFloodZone) return new EligibilityResult(false, {|#0:""|});
                        return new EligibilityResult(true, null);
                    }

                    public EligibilityResult Named(bool flood) => new EligibilityResult(ReasonCode: {|#1:null|}, Eligible: false);
                    public EligibilityResult WithReason(bool flood) => new EligibilityResult(false, "FLOOD_THATCH");
                    public AuditEntry Audit() => new AuditEntry(false, null);
                    public UwDecision FloodRule(bool flood) => flood ? UwDecision.Decline({|#2:null|}) : UwDecision.Accept(null);
                    public UwDecision FloodRuleWithReason(bool flood) => flood ? UwDecision.Decline("FLOOD") : UwDecision.Accept(null);
                    public UwDecision Defaulted() => UwDecision.Decline({|#3:default|});
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(0).WithArguments("The adverse decision false is created without a reason ('ReasonCode' is empty)"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(1).WithArguments("The adverse decision Eligible: false is created without a reason ('ReasonCode' is empty)"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(2).WithArguments("The adverse decision UwDecision.Decline(null) is created without a reason ('reasonCode' is empty)"),
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithLocation(3).WithArguments("The adverse decision UwDecision.Decline(default) is created without a reason ('reasonCode' is empty)"));
        }

        private const string ReasonListTypes = """
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;
            public enum ClaimDecision { Refer, Approve, Deny }
            public sealed record SchemeDecision(ClaimDecision Decision, IReadOnlyList<string> Reasons);
            public sealed record ClaimOutcome(ClaimDecision Decision, IEnumerable<string> ReasonCodes);

            """;

        [Fact]
        public async Task AdverseResultWithEmptyReasonCollection_Reported()
        {
            await Verify.VerifyAsync(ReasonListTypes + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public SchemeDecision ArrayEmpty() => new(ClaimDecision.Deny, Array.Empty<string>());
                    public ClaimOutcome EnumerableEmpty() => new ClaimOutcome(ClaimDecision.Deny, {|QG2010:Enumerable.Empty<string>()|});
                    public SchemeDecision ImmutableArrayEmpty() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:ImmutableArray<string>.Empty|});
                    public SchemeDecision ImmutableListEmpty() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:ImmutableList<string>.Empty|});
                    public SchemeDecision ZeroLengthArray() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:new string[0]|});
                    public SchemeDecision EmptyArrayInitializer() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:new string[] { }|});
                    public SchemeDecision EmptyCollectionExpression() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:[]|});
                    public SchemeDecision NewList() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:new List<string>()|});
                    public SchemeDecision NewListWithCapacity() => new SchemeDecision(ClaimDecision.Deny, {|QG2010:new List<string>(4) { }|});
                }
                """,
                Verify.Diagnostic(DiagnosticIds.AdverseDecisionWithoutReason).WithSpan(11, 67, 11, 88)
                    .WithArguments("The adverse decision ClaimDecision.Deny is created without a reason ('Reasons' is empty)"));
        }

        [Fact]
        public async Task ReasonCollectionWithReasonsOrFavourable_NoDiagnostic()
        {
            await Verify.VerifyAsync(ReasonListTypes + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public SchemeDecision Listed() => new(ClaimDecision.Deny, ["Excluded procedure group."]);
                    public SchemeDecision OneInArray() => new SchemeDecision(ClaimDecision.Deny, new[] { "CLM3" });
                    public SchemeDecision Sized(int n) => new SchemeDecision(ClaimDecision.Deny, new string[n]);
                    public SchemeDecision OneInList() => new SchemeDecision(ClaimDecision.Deny, new List<string> { "CLM3" });
                    public SchemeDecision Copied(IEnumerable<string> reasons) => new SchemeDecision(ClaimDecision.Deny, new List<string>(reasons));
                    public SchemeDecision Created() => new SchemeDecision(ClaimDecision.Deny, ImmutableArray.Create("CLM3"));
                    public SchemeDecision Spread(string[] reasons) => new SchemeDecision(ClaimDecision.Deny, [.. reasons]);
                    public SchemeDecision Approved() => new SchemeDecision(ClaimDecision.Approve, System.Array.Empty<string>());
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
        public async Task InterfaceImplementation_ReportedOnceAtTheInterface()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public interface IUnderwritingEngine { bool {|QG2010:IsRiskAcceptable|}(int claims); }

                [QualityGates.UnderwritingRule]
                public class UnderwritingEngine : IUnderwritingEngine
                {
                    public bool IsRiskAcceptable(int claims) => claims < 3;
                    public bool {|QG2010:IsEligible|}(int age) => age < 80;
                }
                """);
        }

        [Fact]
        public async Task ReferenceDataLookups_NotDecisions()
        {
            // A catalog's bool answers a question about reference data; the verdict about the applicant is the caller's.
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public interface IDeclineConditionCatalog
                {
                    bool IsRiderEligible(string icdCode);
                    Decision DefaultDecision(string icdCode);
                }

                [QualityGates.UnderwritingRule]
                public class OccupationLookup { public bool IsEligible(string occupationCode) => occupationCode != "X"; }

                [QualityGates.UnderwritingRule]
                public class EligibilityRepository { public bool IsEligible(string productCode) => productCode.Length > 0; }

                [QualityGates.UnderwritingRule]
                public class CatalogEligibility { public bool {|QG2010:IsEligible|}(int age) => age < 80; }
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
