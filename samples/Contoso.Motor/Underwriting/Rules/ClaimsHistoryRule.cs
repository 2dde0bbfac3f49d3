using System;
using System.Linq;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting.Rules
{
    /// <summary>At-fault claims within the look-back period: refer from one threshold, decline from another.</summary>
    public sealed class ClaimsHistoryRule : IUnderwritingRule
    {
        private readonly UnderwritingGuidelines _guidelines;

        public ClaimsHistoryRule(UnderwritingGuidelines guidelines) => _guidelines = guidelines;

        public string Name => "ClaimsHistory";

        public RuleResult Evaluate(QuoteRequest request, DateOnly asOf)
        {
            DateOnly lookbackStart = asOf.AddYears(-_guidelines.ClaimsLookbackYears);
            int atFaultClaims = request.MainDriver.Claims.Count(c => c.AtFault && c.OccurredOn > lookbackStart && c.OccurredOn <= asOf);
            if (atFaultClaims >= _guidelines.DeclineAtFaultClaimsFrom)
            {
                return RuleResult.Decline(Name, ReasonCodes.TooManyAtFaultClaims);
            }

            if (atFaultClaims >= _guidelines.ReferAtFaultClaimsFrom)
            {
                return RuleResult.Refer(Name, ReasonCodes.AtFaultClaimsToReview);
            }

            return RuleResult.Approve(Name);
        }
    }
}
