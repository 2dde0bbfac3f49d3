using System;
using QualityGates;

namespace Contoso.Motor.Rating
{
    /// <summary>
    /// The tariff's rounding rule, in one place: each coverage premium, the premium tax and every refund are rounded to
    /// whole cents, half up ("0.005 or more rounds up"), separately. Never <c>Math.Round(x, 2)</c>: that is banker's rounding.
    /// </summary>
    public static class PremiumRounding
    {
        public const int CentDecimals = 2;

        /// <summary>Rounds an amount to whole cents, half up. Per coverage by the manual, so it is a declared rounding step.</summary>
        [RoundingStep]
        public static decimal ToCents(decimal amount) => Math.Round(amount, CentDecimals, MidpointRounding.AwayFromZero);
    }
}
