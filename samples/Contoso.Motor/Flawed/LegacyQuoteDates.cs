using System;

namespace Contoso.Motor.Flawed
{
    /// <summary>
    /// The legacy quote-validity and policy-date helpers. The fixed code takes a <c>DateOnly</c> as-of date from the caller
    /// (Rating/MotorRatingEngine.cs, Rating/QuoteService.cs) and reads dates with ParseExact and the invariant culture
    /// (Rating/RateManualLoader.cs).
    /// </summary>
    public static class LegacyQuoteDates
    {
        private const int QuoteValidityDays = 30;

        /// <summary>Whether a quote issued at <paramref name="issuedUtc"/> can still be bound.</summary>
        public static bool IsQuoteValid(DateTime issuedUtc)
        {
            DateTime validUntilUtc = issuedUtc.AddDays(QuoteValidityDays);

            // QG3001: the ambient clock decides: the same quote is bindable or not depending on when the code runs.
            if (DateTime.UtcNow > validUntilUtc)
            {
                return false;
            }

            // QG3004 (and QG3001): local DateTime.Now against UTC values in the same method: a day off around midnight.
            return DateTime.Now.Date <= validUntilUtc.Date;
        }

        /// <summary>Reads the effective date from the broker's file.</summary>
        public static DateTime ParseEffectiveDate(string text)
        {
            // QG3005: parsed with the current culture: "03/04/2025" is 4 March in en-US and 3 April in en-GB.
            return DateTime.Parse(text);
        }

        /// <summary>Writes the expiry date to the renewal file.</summary>
        public static string FormatExpiryDate(DateTime expiryDate)
        {
            // QG3005: written with the current culture's format; the renewal batch parses it back on another server.
            return expiryDate.ToString();
        }
    }
}
