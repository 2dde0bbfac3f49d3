using System;
using Contoso.Motor.Rating;
using QualityGates;

namespace Contoso.Motor.Policies
{
    /// <summary>A mid-term change: the additional (positive) or return (negative) premium, and the policy after the change.</summary>
    public sealed record EndorsementResult(DateOnly ChangeDate, decimal AdjustmentPremium, Policy Endorsed);

    /// <summary>Mid-term adjustments, pro rata on the actual days of the term.</summary>
    [PremiumCalculation]
    public static class EndorsementCalculator
    {
        /// <summary>Re-rates the rest of the term at <paramref name="newAnnualPremium"/> from <paramref name="changeDate"/>.</summary>
        public static EndorsementResult Endorse(Policy policy, DateOnly changeDate, decimal newAnnualPremium)
        {
            ArgumentNullException.ThrowIfNull(policy);
            if (changeDate >= policy.ExpiryDate)
            {
                throw new ArgumentOutOfRangeException(nameof(changeDate), changeDate, "A change must take effect before expiry.");
            }

            decimal factor = ProRata.Factor(policy.DaysRemaining(changeDate), policy.TermDays);
            decimal adjustmentPremium = PremiumRounding.ToCents((newAnnualPremium - policy.AnnualPremium) * factor);
            return new EndorsementResult(changeDate, adjustmentPremium, policy with { AnnualPremium = newAnnualPremium });
        }
    }
}
