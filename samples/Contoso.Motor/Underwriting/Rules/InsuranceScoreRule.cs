using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting.Rules
{
    /// <summary>
    /// A low credit-based insurance score is one factor for an underwriter to weigh: it refers, it never declines on its own
    /// (NCOIL model act: no adverse action solely on credit information). No score (no consent, no hit) is neutral.
    /// </summary>
    public sealed class InsuranceScoreRule : IUnderwritingRule
    {
        private readonly UnderwritingGuidelines _guidelines;

        public InsuranceScoreRule(UnderwritingGuidelines guidelines) => _guidelines = guidelines;

        public string Name => "InsuranceScore";

        public RuleResult Evaluate(QuoteRequest request, DateOnly asOf)
        {
            int? score = request.MainDriver.InsuranceScore;
            return score.HasValue && score.Value < _guidelines.ReferInsuranceScoreBelow
                ? RuleResult.Refer(Name, ReasonCodes.LowInsuranceScore)
                : RuleResult.Approve(Name);
        }
    }
}
