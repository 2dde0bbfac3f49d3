using System;
using QualityGates;

namespace Contoso.Motor.Policies
{
    /// <summary>The share of a term still to run, on actual days (the filed basis), never on a fixed 365-day year.</summary>
    [PremiumCalculation]
    public static class ProRata
    {
        public static decimal Factor(int daysRemaining, int termDays)
        {
            if (termDays <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(termDays), termDays, "A policy term has at least one day.");
            }

            if (daysRemaining < 0 || daysRemaining > termDays)
            {
                throw new ArgumentOutOfRangeException(nameof(daysRemaining), daysRemaining, "The remaining days must lie within the term.");
            }

            return (decimal)daysRemaining / termDays;
        }
    }
}
