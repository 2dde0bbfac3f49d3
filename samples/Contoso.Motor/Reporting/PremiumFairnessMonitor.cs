using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Motor.Domain;
using QualityGates;

namespace Contoso.Motor.Reporting
{
    /// <summary>A quoted premium with the proposer's declared gender, for monitoring only.</summary>
    public sealed record FairnessSample(Gender Gender, decimal Premium);

    /// <summary>
    /// Checks after the fact that gender-neutral pricing stays gender-neutral in outcome (Test-Achats; Colorado SB21-169 asks
    /// for the same kind of testing). Near miss for QG2007: reading gender here is the point, and nothing here prices or
    /// decides, so the class is taken out of rating scope explicitly (its name alone would put it in).
    /// </summary>
    [NotInRatingScope]
    public static class PremiumFairnessMonitor
    {
        private const int ReportDecimals = 2;

        public static IReadOnlyDictionary<Gender, decimal> AveragePremiumByGender(IEnumerable<FairnessSample> quotes)
        {
            ArgumentNullException.ThrowIfNull(quotes);
            return quotes
                .GroupBy(q => q.Gender)
                .ToDictionary(g => g.Key, g => Math.Round(g.Average(q => q.Premium), ReportDecimals, MidpointRounding.AwayFromZero));
        }

        /// <summary>The largest gap between two genders' average premiums, relative to the lowest average.</summary>
        public static decimal LargestRelativeGap(IReadOnlyDictionary<Gender, decimal> averages)
        {
            ArgumentNullException.ThrowIfNull(averages);
            if (averages.Count < 2)
            {
                return 0m;
            }

            decimal lowest = averages.Values.Min();
            decimal highest = averages.Values.Max();
            if (lowest <= 0m)
            {
                throw new InvalidOperationException("Average premiums must be positive.");
            }

            return (highest - lowest) / lowest;
        }
    }
}
