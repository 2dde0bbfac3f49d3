using System;
using Contoso.Motor.Domain;
using Contoso.Motor.Rating;

namespace Contoso.Motor.Tests.Rating
{
    public class MotorRatingEngineTests
    {
        private readonly MotorRatingEngine _engine = new(TestData.Tariff);

        [Fact]
        public void Rate_StandardProposal_MatchesTheTariffWorksheet()
        {
            // Factors: T2 1.00 x group 10 1.60 x age 34 1.00 x 5 years NCD 0.57 = 0.912; excess 250 credit 0.95 on FT and OD.
            PremiumBreakdown premium = _engine.Rate(TestData.Request(), TestData.QuoteDate);

            Assert.Equal(282.72m, premium.Coverages[0].Premium);
            Assert.Equal(41.59m, premium.Coverages[1].Premium);
            Assert.Equal(229.60m, premium.Coverages[2].Premium);
            Assert.Equal(553.91m, premium.NetPremium);
            Assert.Equal(0m, premium.MinimumPremiumAdjustment);
            Assert.Equal(25.00m, premium.PolicyFee);
            Assert.Equal(27.70m, premium.PremiumTax);
            Assert.Equal(606.61m, premium.TotalPayable);
            Assert.Equal("MTR-2025-01", premium.TariffVersion);
        }

        [Fact]
        public void Rate_CoveragePremiumOnAMidpoint_RoundsHalfUp()
        {
            // 310 x T1 0.85 x group 1 0.70 x age 27 1.30 x no NCD 1.00 = 239.785: half-up gives 239.79, banker's 239.78.
            QuoteRequest request = TestData.Request(
                driver: TestData.Driver(dateOfBirth: new DateOnly(1997, 8, 20)),
                vehicle: new Vehicle("XY34ZZZ", 1, 4_000m, VehicleRiskClass.Standard),
                territoryCode: "T1",
                noClaimsYears: 0,
                coverages: new[] { Coverage.ThirdPartyLiability });

            PremiumBreakdown premium = _engine.Rate(request, TestData.QuoteDate);

            Assert.Equal(239.79m, premium.Coverages[0].Premium);
        }

        [Fact]
        public void Rate_BelowMinimumPremium_TopsUpToTheMinimum()
        {
            QuoteRequest request = TestData.Request(
                driver: TestData.Driver(dateOfBirth: new DateOnly(1970, 1, 10)),
                vehicle: new Vehicle("XY34ZZZ", 1, 4_000m, VehicleRiskClass.Standard),
                territoryCode: "T1",
                noClaimsYears: 9,
                coverages: new[] { Coverage.ThirdPartyLiability });

            PremiumBreakdown premium = _engine.Rate(request, TestData.QuoteDate);

            Assert.Equal(76.36m, premium.Coverages[0].Premium);
            Assert.Equal(103.64m, premium.MinimumPremiumAdjustment);
            Assert.Equal(180.00m, premium.NetPremium);
            Assert.Equal(9.00m, premium.PremiumTax);
        }

        [Fact]
        public void Rate_NoClaimsYearsAboveTheScale_RateAsTheMaximum()
        {
            PremiumBreakdown nine = _engine.Rate(TestData.Request(noClaimsYears: 9), TestData.QuoteDate);
            PremiumBreakdown fifteen = _engine.Rate(TestData.Request(noClaimsYears: 15), TestData.QuoteDate);

            Assert.Equal(nine.NetPremium, fifteen.NetPremium);
        }

        [Fact]
        public void Rate_UnknownTerritory_FailsTheQuote()
        {
            Assert.Throws<RateNotFoundException>(() => _engine.Rate(TestData.Request(territoryCode: "ZZ"), TestData.QuoteDate));
        }

        [Fact]
        public void Rate_BeforeTheTariffIsInForce_Throws()
        {
            Assert.Throws<InvalidOperationException>(() => _engine.Rate(TestData.Request(), new DateOnly(2024, 12, 31)));
        }

        [Fact]
        public void ToSummary_UsesTheInvariantCulture()
        {
            string summary = _engine.Rate(TestData.Request(), TestData.QuoteDate).ToSummary();

            Assert.Contains("OwnDamage: 229.60 EUR", summary, StringComparison.Ordinal);
            Assert.EndsWith("Total: 606.61 EUR", summary, StringComparison.Ordinal);
        }

        [Fact]
        public void ToCents_Midpoint_RoundsAwayFromZero()
        {
            Assert.Equal(2.35m, PremiumRounding.ToCents(2.345m));
            Assert.Equal(-2.35m, PremiumRounding.ToCents(-2.345m));
        }
    }
}
