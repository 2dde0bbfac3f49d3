using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.DecisionEnumDefaultIsFavourableAnalyzer, QualityGates.CodeFixes.Rules.DecisionEnumDefaultIsFavourableCodeFixProvider>;
using VerifyAnalyzer = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.DecisionEnumDefaultIsFavourableAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2005DecisionEnumDefaultIsFavourableTests
    {
        [Fact]
        public async Task PublicEnumApproveFirst_ReportedWithoutFix()
        {
            await Verify.VerifyAnalyzerAsync(
                "public enum Decision { Approve, Refer, Decline }",
                Verify.Diagnostic(DiagnosticIds.DecisionEnumDefaultIsFavourable).WithSpan(1, 24, 1, 31).WithArguments("Decision", "Approve"));
            const string source = "public enum Decision { {|QG2005:Approve|}, Refer, Decline }";
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task ExplicitZeroValue_Reported()
        {
            await Verify.VerifyAnalyzerAsync("public enum UnderwritingOutcome { Declined = 2, Referred = 1, {|QG2005:Accepted|} = 0 }");
        }

        [Fact]
        public async Task InternalEnum_FixedByInsertingUnknown()
        {
            const string source = """
                internal enum Decision
                {
                    {|QG2005:Approve|},
                    Refer,
                    Decline,
                }
                """;
            const string fixedSource = """
                internal enum Decision
                {
                    Unknown = 0,
                    Approve,
                    Refer,
                    Decline,
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task DocumentedMembers_UnknownDoesNotTakeTheFirstMembersComment()
        {
            const string source = """
                internal enum Decision
                {
                    /// <summary>Bind the risk as quoted.</summary>
                    {|QG2005:Approve|},

                    /// <summary>Send to an underwriter.</summary>
                    Refer,
                    Decline,
                }
                """;
            const string fixedSource = """
                internal enum Decision
                {
                    Unknown = 0,
                    /// <summary>Bind the risk as quoted.</summary>
                    Approve,

                    /// <summary>Send to an underwriter.</summary>
                    Refer,
                    Decline,
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task SafeZeroOrNotADecision_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync("""
                public enum Decision { Unknown, Approve, Refer, Decline }
                public enum Referral { Refer, Approve, Decline }
                public enum Colour { Approve, Blue }
                [System.Flags] public enum Outcomes { Approve = 0, Decline = 1, Refer = 2 }
                """);
        }

        [Fact]
        public async Task LifecycleEnumWithoutAdverseOrReferralMember_NoDiagnostic()
        {
            await Verify.VerifyAnalyzerAsync("""
                public enum QuoteLifecycle { Quoted, Expired, Bound, Withdrawn }
                public enum PolicyStatus { Quoted, Bound, Cancelled, Lapsed }
                public enum Outcome { Approved, Accepted }
                """);
        }

        [Fact]
        public async Task FavourableAndAdverseOrReferralMembers_Reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                public enum QuoteOutcome { {|QG2005:Quoted|}, Bound, Declined }
                public enum BindOutcome { {|QG2005:Bound|}, Pending }
                public enum Verdict { {|QG2005:Pass|}, Refer, Deny }
                """);
        }

        [Fact]
        public async Task FavourableOutcomesConfigured_ChangesOutcome()
        {
            await VerifyAnalyzer.VerifyAsync(
                "public enum Decision { {|QG2005:Refer|}, Approve, Decline }",
                "dotnet_code_quality.QG2005.favourable_outcomes = Refer, Approve");
        }
    }
}
