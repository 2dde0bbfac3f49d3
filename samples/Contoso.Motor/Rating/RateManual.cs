using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Rating
{
    /// <summary>A filed, versioned motor tariff: base rates, relativity tables, fee, tax and minimum premium.</summary>
    public sealed class RateManual
    {
        public RateManual(
            string version,
            DateOnly effectiveFrom,
            string currency,
            AgeBasis ageBasis,
            RateTable<Coverage> baseRates,
            RateTable<string> territory,
            RateTable<int> vehicleGroup,
            AgeBandTable ageBands,
            RateTable<int> noClaimsDiscount,
            int maximumNoClaimsYears,
            RateTable<decimal> deductibleCredit,
            decimal policyFee,
            decimal premiumTaxRate,
            decimal minimumPremium)
        {
            Version = version;
            EffectiveFrom = effectiveFrom;
            Currency = currency;
            AgeBasis = ageBasis;
            BaseRates = baseRates;
            Territory = territory;
            VehicleGroup = vehicleGroup;
            AgeBands = ageBands;
            NoClaimsDiscount = noClaimsDiscount;
            MaximumNoClaimsYears = maximumNoClaimsYears;
            DeductibleCredit = deductibleCredit;
            PolicyFee = policyFee;
            PremiumTaxRate = premiumTaxRate;
            MinimumPremium = minimumPremium;
        }

        public string Version { get; }

        public DateOnly EffectiveFrom { get; }

        public string Currency { get; }

        public AgeBasis AgeBasis { get; }

        public RateTable<Coverage> BaseRates { get; }

        public RateTable<string> Territory { get; }

        public RateTable<int> VehicleGroup { get; }

        public AgeBandTable AgeBands { get; }

        /// <summary>No-claims discount relativities by claim-free years; years above the maximum rate as the maximum.</summary>
        public RateTable<int> NoClaimsDiscount { get; }

        public int MaximumNoClaimsYears { get; }

        /// <summary>Voluntary deductible (excess) credits, by the deductible amount; physical-damage covers only.</summary>
        public RateTable<decimal> DeductibleCredit { get; }

        public decimal PolicyFee { get; }

        public decimal PremiumTaxRate { get; }

        public decimal MinimumPremium { get; }
    }
}
