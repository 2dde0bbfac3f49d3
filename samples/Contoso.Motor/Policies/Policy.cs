using System;

namespace Contoso.Motor.Policies
{
    /// <summary>An in-force policy. Policy dates are calendar dates; the term is whatever the dates say, 365 or 366 days.</summary>
    public sealed record Policy(string PolicyNumber, DateOnly EffectiveDate, DateOnly ExpiryDate, decimal AnnualPremium, string Currency)
    {
        /// <summary>A one-year policy: <c>AddYears(1)</c>, which is 366 days when the term spans 29 February.</summary>
        public static Policy OneYear(string policyNumber, DateOnly effectiveDate, decimal annualPremium, string currency) =>
            new(policyNumber, effectiveDate, effectiveDate.AddYears(1), annualPremium, currency);

        /// <summary>The actual days of the term, the pro-rata denominator.</summary>
        public int TermDays => ExpiryDate.DayNumber - EffectiveDate.DayNumber;

        /// <summary>Days from <paramref name="date"/> to expiry.</summary>
        public int DaysRemaining(DateOnly date)
        {
            if (date < EffectiveDate || date > ExpiryDate)
            {
                throw new ArgumentOutOfRangeException(nameof(date), date, "The date is outside the policy term.");
            }

            return ExpiryDate.DayNumber - date.DayNumber;
        }
    }
}
