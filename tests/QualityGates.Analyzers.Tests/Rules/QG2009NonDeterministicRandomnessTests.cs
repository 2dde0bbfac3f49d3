using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.NonDeterministicRandomnessAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2009NonDeterministicRandomnessTests
    {
        private const string Types = "using System;\nusing System.Security.Cryptography;\npublic enum Decision { Approve, Refer, Decline }\n";

        [Fact]
        public async Task SamplingFlagCarriedBesideTheDecision_NotReported_ARandomVerdictStill()
        {
            const string source = """
                using System;

                public enum Verdict { Unknown, Approve, Refer, Decline }
                public sealed record TriageOutcome(Verdict Decision, string Reason, bool SampledForQuality);
                public sealed record Screening(bool Approved, string Reason);

                [QualityGates.UnderwritingRule]
                public class Triage
                {
                    private readonly Random _sampler = new Random(3);

                    public TriageOutcome Decide(int score, int threshold)
                    {
                        var sampled = _sampler.NextDouble() < 0.05;
                        var decision = score >= threshold ? Verdict.Refer : Verdict.Approve;
                        return new TriageOutcome(decision, "SCORE-" + _sampler.Next(10), sampled);
                    }

                    public Screening Screen(int score) => new Screening({|#0:_sampler.NextDouble()|} < 0.5 && score > 10, "coin");
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.NonDeterministicRandomness).WithLocation(0).WithArguments("Random.NextDouble", "the underwriting decision"));
        }

        [Fact]
        public async Task RandomDiscountOfAValueThatBecomesAQuotesPrice_Reported()
        {
            // total is not named as money; the record it builds names its value as the amount payable.
            const string source = """
                using System;

                public sealed record QuoteRecord(decimal TotalPayable, string Reference);

                [QualityGates.PremiumCalculation]
                public class QuoteService
                {
                    public QuoteRecord Quote(decimal totalPayable)
                    {
                        var total = totalPayable;
                        if ({|#0:Random.Shared.Next(100)|} < 10) total = Math.Round(total * 0.97m, 2, MidpointRounding.AwayFromZero);
                        return new QuoteRecord(total, Guid.NewGuid().ToString());
                    }

                    public QuoteRecord Reference(decimal totalPayable) => new QuoteRecord(totalPayable, Random.Shared.Next(1000).ToString());
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic(DiagnosticIds.NonDeterministicRandomness).WithLocation(0).WithArguments("Random.Next", "the price"));
        }

        [Fact]
        public async Task RandomLoadingInPremium_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private readonly Random _random = new Random();

                    public decimal Premium(decimal basePremium) => basePremium * (decimal)(1 + _random.NextDouble() / 10);
                }
                """,
                Verify.Diagnostic(DiagnosticIds.NonDeterministicRandomness).WithSpan(8, 80, 8, 100).WithArguments("Random.NextDouble", "the price"));
        }

        [Fact]
        public async Task GuidBucketingDecidesReferral_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(int claims)
                    {
                        if (claims > 3) return Decision.Decline;
                        var bucket = Math.Abs({|QG2009:Guid.NewGuid()|}.GetHashCode()) % 100;
                        if (bucket < 5) return Decision.Refer;
                        return Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task SharedAndCryptoRandomIntoFactor_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(decimal basePremium)
                    {
                        decimal discount = {|QG2009:Random.Shared.Next(0, 5)|} / 100m;
                        var experiment = {|QG2009:RandomNumberGenerator.GetInt32(2)|};
                        decimal factor = experiment == 0 ? 1m : 0.98m;
                        return basePremium * factor - discount;
                    }
                }
                """);
        }

        [Fact]
        public async Task GuidStoredThenHashed_Reported_GuidKeptAsAnId_NoDiagnostic()
        {
            // A Guid hashed through its local buckets the decision; one kept as a Guid is an aggregate's id, even when the
            // aggregate holds a decision (a DDD Quote with a status).
            await Verify.VerifyAsync(Types + """
                public enum QuoteStatus { Draft, Quoted, Declined }
                public sealed class Quote
                {
                    private Quote(Guid id, decimal annualPremium) { Id = id; AnnualPremium = annualPremium; }
                    public Guid Id { get; }
                    public decimal AnnualPremium { get; }
                    public QuoteStatus Status { get; private set; }
                    public static Quote Start(decimal annualPremium) => new(Guid.NewGuid(), annualPremium);
                    public static Quote StartWithLocal(decimal annualPremium)
                    {
                        var quoteId = Guid.NewGuid();
                        return new Quote(quoteId, annualPremium);
                    }
                    public static string Reference() => "Q-" + Guid.NewGuid().ToString("N");
                }
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(int claims)
                    {
                        var draw = {|QG2009:Guid.NewGuid()|};
                        var bytes = draw.ToByteArray();
                        return bytes[0] < 13 ? Decision.Refer : Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task AuditSamplingAndIds_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private readonly Random _random = new Random();

                    public decimal Premium(decimal basePremium, Action<Guid, bool> audit)
                    {
                        var quoteId = Guid.NewGuid();
                        var sampleForReview = _random.Next(100) < 2;
                        audit(quoteId, sampleForReview);
                        return basePremium * 1.05m;
                    }
                }
                """);
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class LoadTestGenerator
                {
                    public decimal RandomAmount(Random random) => (decimal)random.NextDouble() * 1000m;
                }
                """);
        }

        [Fact]
        public async Task ScopeHeuristicOff_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(decimal basePremium) => basePremium * (decimal)Random.Shared.NextDouble();
                }
                """, "qualitygates_scope_name_heuristic = false");
        }
    }
}
