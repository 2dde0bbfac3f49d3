using System;
using System.Collections.Generic;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Flawed
{
    /// <summary>
    /// The 2011 motor rater, ported from the mainframe and kept for the renewals of the legacy book. Every spot the
    /// QualityGates pricing rules flag is marked by a comment right above it; the fixed code is Rating/MotorRatingEngine.cs,
    /// Rating/PremiumRounding.cs, Rating/RateManualLoader.cs and Policies/.
    /// </summary>
    public sealed class LegacyRater
    {
        private const int YoungDriverAge = 25;
        private const decimal MaleDriverLoading = 1.20m;
        private const decimal FraudWatchLoading = 1.50m;
        private const decimal PriceTestLoading = 1.05m;
        private const int MonthsPerYear = 12;

        // QG4003: a mutable static base rate: any caller can change the tariff for every quote in the process, mid-quote.
        public static decimal BaseRate = 455.00m;

        // QG4001: a rate table embedded in code instead of the filed, versioned tariff (Rating/Tables/*.csv).
        private static readonly Dictionary<string, decimal> VehicleGroupFactors = new Dictionary<string, decimal>
        {
            ["A"] = 0.85m,
            ["B"] = 1.00m,
            ["C"] = 1.30m,
            ["D"] = 1.65m,
        };

        private readonly ISet<string> _fraudWatchFirstNames;

        public LegacyRater(ISet<string> fraudWatchFirstNames)
        {
            _fraudWatchFirstNames = fraudWatchFirstNames;
        }

        /// <summary>The annual premium of a legacy risk.</summary>
        public decimal AnnualPremium(LegacyRisk risk)
        {
            // QG2011: culture-sensitive ToUpper on a rating code: under tr-TR "i" becomes "İ" and the lookup misses.
            string vehicleGroup = risk.VehicleGroupCode.ToUpper();

            // QG4002: an unknown vehicle group silently rates at 1.25 instead of failing the quote.
            decimal vehicleFactor = VehicleGroupFactors.GetValueOrDefault(vehicleGroup, 1.25m);

            // QG2007: sex as a rating factor: unlawful in the EU since 21 December 2012 (Test-Achats, C-236/09).
            decimal genderLoading = risk.Gender == Gender.Male ? MaleDriverLoading : 1m;

            // QG2012: the first name drives a loading; a first name is a proxy for ethnic origin.
            decimal fraudLoading = _fraudWatchFirstNames.Contains(risk.FirstName) ? FraudWatchLoading : 1m;

            decimal premium = BaseRate * vehicleFactor * genderLoading * fraudLoading;
            if (risk.DriverAge < YoungDriverAge)
            {
                // QG1006: a hard-coded young-driver loading; the filed tariff has it in the age-band table.
                premium = premium * 1.85m;
            }

            // QG1004: rounded after a factor and multiplied again, so rounding errors compound; the manual rounds once per coverage.
            premium = Math.Round(premium, 2, MidpointRounding.AwayFromZero);
            premium = premium * risk.NoClaimsFactor;

            // QG1002: banker's rounding by default (x.xx5 rounds to even); the tariff says half-up.
            return decimal.Round(premium, 2);
        }

        /// <summary>The premium net of the loyalty and multi-car discounts.</summary>
        public static decimal NetPremium(decimal grossPremium, decimal loyaltyDiscount, decimal multiCarDiscount)
        {
            // QG1009: discounts subtracted with no floor: stacked discounts take the premium below the minimum, even negative.
            decimal netPremium = grossPremium - loyaltyDiscount - multiCarDiscount;
            return netPremium;
        }

        /// <summary>The premium in whole currency units, for the mainframe's renewal file.</summary>
        public static int WholeUnitPremium(decimal annualPremium)
        {
            // QG1003: the cast truncates (499.99 becomes 499); the tariff rounds half-up to whole units.
            return (int)annualPremium;
        }

        /// <summary>The broker's commission on a premium.</summary>
        public static decimal BrokerCommission(decimal premium, int commissionPercent)
        {
            // QG1005: integer division: 15 / 100 is 0, so the broker is paid nothing.
            return premium * (commissionPercent / 100);
        }

        /// <summary>A factor from the legacy rate file.</summary>
        public static decimal ParseFactor(string text)
        {
            // QG1007: parsed with the current culture: "1,25" is 125 under en-US and 1.25 under de-DE.
            return decimal.Parse(text);
        }

        /// <summary>The premium line of the mainframe's quote record.</summary>
        public static string PremiumRecord(decimal annualPremium)
        {
            // QG1007: formatted with the current culture ("1234,50" on a German server), which the mainframe reads as 123450.
            return "PREM=" + annualPremium.ToString();
        }

        /// <summary>The premium per day of cover, for the daily-cover product.</summary>
        public static decimal DailyPremium(decimal annualPremium, DateOnly effectiveDate, DateOnly expiryDate)
        {
            int termDays = expiryDate.DayNumber - effectiveDate.DayNumber;

            // QG1008: termDays is 0 for a same-day policy (and negative for swapped dates); nothing guards the division.
            return annualPremium / termDays;
        }

        /// <summary>The return premium when a policy is cancelled.</summary>
        public static decimal ReturnPremium(decimal annualPremium, DateOnly effectiveDate, DateOnly cancellationDate)
        {
            // QG3003: the term ends after 365 days; a term that spans 29 February has 366.
            DateOnly expiryDate = effectiveDate.AddDays(365);
            int daysRemaining = expiryDate.DayNumber - cancellationDate.DayNumber;

            // QG3003: pro rata over a fixed 365-day year instead of the actual days of the term.
            return annualPremium * daysRemaining / 365;
        }

        /// <summary>The monthly instalment of an annual premium, for direct debit.</summary>
        // QG1001: the monthly premium is a double (and the decimal is converted to it): twelve of them no longer add up to the annual premium.
        public static double MonthlyPremium(decimal annualPremium) => (double)annualPremium / MonthsPerYear;

        /// <summary>The motor line plus an add-on line (breakdown cover, legal expenses).</summary>
        public static decimal CombinedPremium(LegacyQuoteLine motor, LegacyQuoteLine addOn)
        {
            // QG1010: adds two premiums without checking the currencies: an EUR motor line plus a GBP add-on.
            return motor.Premium + addOn.Premium;
        }

        /// <summary>The marketing team's price test.</summary>
        public static decimal ApplyPriceTest(decimal premium)
        {
            // QG2009: a random price test inside the rater: the same risk quoted twice gets two prices, and neither can be reproduced.
            decimal priceTestLoading = Random.Shared.Next(2) == 0 ? 1m : PriceTestLoading;
            return premium * priceTestLoading;
        }
    }
}
