using System.Diagnostics.CodeAnalysis;

namespace Contoso.Motor.Flawed
{
    /// <summary>Rating adjustments whose findings the 2011 team silenced, without saying why.</summary>
    public static class LegacyRatingAdjustments
    {
        private const double PoundsPerEuro = 0.85;

        // QG4004: the suppression has no Justification: an auditor cannot tell a reviewed decision from a shortcut.
        [SuppressMessage("Pricing", "QG1001")]
        public static double PremiumInPounds(double premiumInEuros) => premiumInEuros * PoundsPerEuro;

        /// <summary>The fleet loading.</summary>
        public static decimal FleetPremium(decimal premium)
        {
            // QG4004: the pragma has no trailing comment saying why the literal is acceptable.
#pragma warning disable QG1006
            return premium * 1.10m;
#pragma warning restore QG1006
        }
    }
}
