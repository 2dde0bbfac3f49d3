using System;
using Contoso.Motor.Rating;
using QualityGates;

namespace Contoso.Motor.Policies
{
    /// <summary>Who asked for the cancellation: it decides between pro-rata and short-rate.</summary>
    public enum CancellationInitiator
    {
        Insured = 1,
        Insurer = 2,
    }

    /// <summary>The refund of a cancelled policy and how it was computed.</summary>
    public sealed record CancellationResult(DateOnly CancellationDate, decimal Refund, string Basis);

    /// <summary>
    /// Cancellation refunds under the filed cancellation rules (section 4): pro rata when the insurer cancels or within the
    /// cooling-off period, short-rate (90 % of pro rata) when the insured cancels, never leaving less than the minimum
    /// retained premium with the insurer on a short-rate cancellation.
    /// </summary>
    [PremiumCalculation]
    public static class CancellationCalculator
    {
        /// <summary>Cancellation rules 4.2: the insured who cancels receives 90 % of the pro-rata refund.</summary>
        public const decimal ShortRateRefundFactor = 0.90m;

        /// <summary>Cancellation rules 4.3: the insurer keeps at least this much on a short-rate cancellation.</summary>
        public const decimal MinimumRetainedPremium = 50m;

        /// <summary>Cancellation rules 4.1: a consumer may cancel within 14 days of inception for a full pro-rata refund.</summary>
        public const int CoolingOffDays = 14;

        public static CancellationResult Cancel(Policy policy, DateOnly cancellationDate, CancellationInitiator initiator)
        {
            ArgumentNullException.ThrowIfNull(policy);
            decimal proRataRefund = policy.AnnualPremium * ProRata.Factor(policy.DaysRemaining(cancellationDate), policy.TermDays);
            bool inCoolingOff = cancellationDate.DayNumber - policy.EffectiveDate.DayNumber < CoolingOffDays;

            switch (initiator)
            {
                case CancellationInitiator.Insurer:
                    return new CancellationResult(cancellationDate, PremiumRounding.ToCents(proRataRefund), "pro rata (insurer cancelled)");
                case CancellationInitiator.Insured when inCoolingOff:
                    return new CancellationResult(cancellationDate, PremiumRounding.ToCents(proRataRefund), "pro rata (cooling-off period)");
                case CancellationInitiator.Insured:
                    decimal shortRateRefund = proRataRefund * ShortRateRefundFactor;
                    decimal maximumRefund = Math.Max(0m, policy.AnnualPremium - MinimumRetainedPremium);
                    return new CancellationResult(cancellationDate, PremiumRounding.ToCents(Math.Min(shortRateRefund, maximumRefund)), "short rate");
                default:
                    throw new ArgumentOutOfRangeException(nameof(initiator), initiator, "Unknown cancellation initiator.");
            }
        }
    }
}
