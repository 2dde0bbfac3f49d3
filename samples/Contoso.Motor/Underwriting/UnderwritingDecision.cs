using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Motor.Underwriting
{
    /// <summary>The combined decision: the worst rule outcome wins, and its reasons travel with it.</summary>
    public sealed record UnderwritingDecision(UnderwritingOutcome Outcome, IReadOnlyList<ReasonCode> Reasons)
    {
        private const int ApproveSeverity = 0;
        private const int ReferSeverity = 1;
        private const int DeclineSeverity = 2;

        /// <summary>Decline beats Refer beats Approve. No result at all is a referral, never an approval.</summary>
        public static UnderwritingDecision Combine(IReadOnlyList<RuleResult> results)
        {
            ArgumentNullException.ThrowIfNull(results);
            if (results.Count == 0)
            {
                return new UnderwritingDecision(UnderwritingOutcome.Refer, new[] { ReasonCodes.NoRulesEvaluated });
            }

            UnderwritingOutcome worst = Normalise(results[0].Outcome);
            foreach (RuleResult result in results)
            {
                UnderwritingOutcome outcome = Normalise(result.Outcome);
                if (Severity(outcome) > Severity(worst))
                {
                    worst = outcome;
                }
            }

            List<ReasonCode> reasons = results.Where(r => Normalise(r.Outcome) == worst).Select(r => r.Reason).Distinct().ToList();
            return new UnderwritingDecision(worst, reasons);
        }

        /// <summary>A rule that returned no real outcome is treated as a referral.</summary>
        private static UnderwritingOutcome Normalise(UnderwritingOutcome outcome) =>
            outcome == UnderwritingOutcome.Unknown ? UnderwritingOutcome.Refer : outcome;

        private static int Severity(UnderwritingOutcome outcome)
        {
            switch (outcome)
            {
                case UnderwritingOutcome.Approve:
                    return ApproveSeverity;
                case UnderwritingOutcome.Unknown:
                case UnderwritingOutcome.Refer:
                    return ReferSeverity;
                case UnderwritingOutcome.Decline:
                    return DeclineSeverity;
                default:
                    throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown underwriting outcome.");
            }
        }
    }
}
