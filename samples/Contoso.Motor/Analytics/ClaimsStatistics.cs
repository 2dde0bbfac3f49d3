using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Motor.Analytics
{
    /// <summary>
    /// Portfolio statistics for the actuarial team's experience studies. Not pricing: nothing here feeds a premium.
    /// </summary>
    public static class ClaimsStatistics
    {
        private const int FrequencyDecimals = 4;

        /// <summary>Claims per vehicle-year of exposure.</summary>
        public static double ClaimFrequency(int claimCount, double exposureYears)
        {
            if (exposureYears <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(exposureYears), exposureYears, "Exposure must be positive.");
            }

            // Near miss for QG1002: banker's rounding is the statistical convention (no upward bias over many values).
            // Explicit, outside pricing scope and not a monetary value: accepted.
            return Math.Round(claimCount / exposureYears, FrequencyDecimals, MidpointRounding.ToEven);
        }

        /// <summary>The median of a sample, e.g. of claim settlement times in days.</summary>
        public static double Median(IReadOnlyCollection<double> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Count == 0)
            {
                throw new ArgumentException("The median of no values is undefined.", nameof(values));
            }

            double[] sorted = values.OrderBy(v => v).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
