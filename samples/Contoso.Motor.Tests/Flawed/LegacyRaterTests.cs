using System;
using System.Collections.Generic;
using Contoso.Motor.Domain;
using Contoso.Motor.Flawed;

namespace Contoso.Motor.Tests.Flawed
{
    // Characterisation tests of the legacy rater: they pin down what it does today, bugs included, so that the
    // migration to Rating/ can show every difference. Names ending in _Bug document a defect a QG rule points at.
    public class LegacyRaterTests
    {
        private readonly LegacyRater _rater = new(new HashSet<string>(StringComparer.Ordinal));

        [Fact]
        public void AnnualPremium_GroupB_NoLoadings()
        {
            var risk = new LegacyRisk("b", 40, 1.00m, "Alex", Gender.Female);

            Assert.Equal(455.00m, _rater.AnnualPremium(risk));
        }

        [Fact]
        public void AnnualPremium_UnknownGroup_RatesSilently_Bug()
        {
            var risk = new LegacyRisk("Q", 40, 1.00m, "Alex", Gender.Female);

            // QG4002: 455 x 1.25 instead of an error.
            Assert.Equal(568.75m, _rater.AnnualPremium(risk));
        }

        [Fact]
        public void AnnualPremium_SameRiskDifferentSex_PricesDifferently_Bug()
        {
            var female = new LegacyRisk("B", 40, 1.00m, "Alex", Gender.Female);
            var male = female with { Gender = Gender.Male };

            // QG2007: unlawful in the EU.
            Assert.NotEqual(_rater.AnnualPremium(female), _rater.AnnualPremium(male));
        }

        [Fact]
        public void BrokerCommission_IntegerPercent_PaysNothing_Bug()
        {
            // QG1005: 15 / 100 == 0.
            Assert.Equal(0m, LegacyRater.BrokerCommission(1_000m, 15));
        }

        [Fact]
        public void WholeUnitPremium_Truncates_Bug()
        {
            // QG1003: 499.99 becomes 499, not 500.
            Assert.Equal(499, LegacyRater.WholeUnitPremium(499.99m));
        }

        [Fact]
        public void ReturnPremium_LeapTerm_UsesA365DayYear_Bug()
        {
            // QG3003: the 2027-06-01 term really ends 2028-06-01 (366 days); the legacy code ends it a day early.
            decimal refund = LegacyRater.ReturnPremium(732m, new DateOnly(2027, 6, 1), new DateOnly(2027, 12, 1));

            Assert.Equal(732m * 182 / 365, refund);
        }

        [Fact]
        public void NetPremium_StackedDiscounts_GoNegative_Bug()
        {
            // QG1009: no minimum premium, no floor.
            Assert.True(LegacyRater.NetPremium(300m, 200m, 150m) < 0m);
        }
    }
}
