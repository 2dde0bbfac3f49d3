using System;
using Contoso.Motor.Domain;
using Contoso.Motor.Underwriting;

namespace Contoso.Motor.Rating
{
    /// <summary>Underwrites, rates and queues referrals for a quote request, as of the quote date the portal sends.</summary>
    public sealed class QuoteService
    {
        private readonly UnderwritingEngine _underwriting;
        private readonly MotorRatingEngine _rating;
        private readonly ReferralWorklist _referrals;

        public QuoteService(UnderwritingEngine underwriting, MotorRatingEngine rating, ReferralWorklist referrals)
        {
            _underwriting = underwriting ?? throw new ArgumentNullException(nameof(underwriting));
            _rating = rating ?? throw new ArgumentNullException(nameof(rating));
            _referrals = referrals ?? throw new ArgumentNullException(nameof(referrals));
        }

        public Quote CreateQuote(QuoteRequest request, DateOnly quoteDate)
        {
            ArgumentNullException.ThrowIfNull(request);
            UnderwritingDecision decision = _underwriting.Assess(request, quoteDate);
            PremiumBreakdown? premium = decision.Outcome == UnderwritingOutcome.Decline ? null : _rating.Rate(request, quoteDate);
            if (decision.Outcome == UnderwritingOutcome.Refer)
            {
                _referrals.Submit(request.QuoteReference, decision, quoteDate);
            }

            // Near miss for QG3001: the clock only stamps the audit member CreatedUtc; price and decision use quoteDate.
            return new Quote(request.QuoteReference, quoteDate, decision, premium) { CreatedUtc = DateTimeOffset.UtcNow };
        }
    }
}
