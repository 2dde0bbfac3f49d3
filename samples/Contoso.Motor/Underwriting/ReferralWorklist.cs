using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Motor.Underwriting
{
    /// <summary>A referred quote waiting for an underwriter, with the reasons it was referred.</summary>
    public sealed record Referral(string QuoteReference, DateOnly ReferredOn, IReadOnlyList<ReasonCode> Reasons);

    /// <summary>The referral worklist of the underwriting desk.</summary>
    public sealed class ReferralWorklist
    {
        private readonly List<Referral> _pending = new();

        public IReadOnlyList<Referral> Pending => _pending;

        /// <summary>Queues a referred decision. Only referrals belong here: approvals and declines are final.</summary>
        public Referral Submit(string quoteReference, UnderwritingDecision decision, DateOnly referredOn)
        {
            ArgumentNullException.ThrowIfNull(decision);
            if (decision.Outcome != UnderwritingOutcome.Refer)
            {
                throw new ArgumentException("Only referred decisions are queued, not " + decision.Outcome.ToString() + ".", nameof(decision));
            }

            var referral = new Referral(quoteReference, referredOn, decision.Reasons);
            _pending.Add(referral);
            return referral;
        }

        /// <summary>The referrals carrying a given reason code, oldest first.</summary>
        public IReadOnlyList<Referral> WithReason(string reasonCode) =>
            _pending.Where(r => r.Reasons.Any(reason => string.Equals(reason.Code, reasonCode, StringComparison.Ordinal)))
                .OrderBy(r => r.ReferredOn)
                .ToList();
    }
}
