using System;
using System.Collections.Generic;
using System.Globalization;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Rating
{
    /// <summary>
    /// Rates a private-car quote on the filed tariff: base rate x territory x vehicle group x driver age band x no-claims
    /// discount (x deductible credit on physical-damage covers), rounded per coverage, topped up to the minimum premium,
    /// then the policy fee and the premium tax. Every number comes from the tariff; the as-of date comes from the caller.
    /// </summary>
    public sealed class MotorRatingEngine
    {
        private readonly RateManual _manual;

        public MotorRatingEngine(RateManual manual)
        {
            _manual = manual ?? throw new ArgumentNullException(nameof(manual));
        }

        public PremiumBreakdown Rate(QuoteRequest request, DateOnly asOf)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (asOf < _manual.EffectiveFrom)
            {
                throw new InvalidOperationException(
                    "Tariff " + _manual.Version + " is not in force on " + asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".");
            }

            if (request.Coverages.Count == 0)
            {
                throw new ArgumentException("A quote needs at least one coverage.", nameof(request));
            }

            int age = InsuranceAge.Compute(request.MainDriver.DateOfBirth, asOf, _manual.AgeBasis);
            decimal riskFactor =
                _manual.Territory.FactorFor(request.TerritoryCode) *
                _manual.VehicleGroup.FactorFor(request.Vehicle.VehicleGroup) *
                _manual.AgeBands.For(age).Relativity *
                _manual.NoClaimsDiscount.FactorFor(Math.Min(request.NoClaimsYears, _manual.MaximumNoClaimsYears));
            decimal deductibleFactor = _manual.DeductibleCredit.FactorFor(request.VoluntaryDeductible);

            var coverages = new List<CoveragePremium>(request.Coverages.Count);
            decimal coveragePremiumTotal = 0m;
            foreach (Coverage coverage in request.Coverages)
            {
                decimal coverageFactor = coverage.IsPhysicalDamage() ? riskFactor * deductibleFactor : riskFactor;

                // The manual rounds each coverage separately (a declared rounding step), never the intermediate factors.
                decimal coveragePremium = PremiumRounding.ToCents(_manual.BaseRates.FactorFor(coverage) * coverageFactor);
                coverages.Add(new CoveragePremium(coverage, coveragePremium));
                coveragePremiumTotal += coveragePremium;
            }

            decimal netPremium = Math.Max(coveragePremiumTotal, _manual.MinimumPremium);
            decimal premiumTax = PremiumRounding.ToCents(netPremium * _manual.PremiumTaxRate);
            return new PremiumBreakdown(
                _manual.Version,
                _manual.Currency,
                coverages,
                netPremium - coveragePremiumTotal,
                _manual.PolicyFee,
                premiumTax);
        }
    }
}
