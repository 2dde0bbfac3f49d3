using System;
using Contoso.Motor.Policies;

namespace Contoso.Motor.Tests.Policies
{
    public class EndorsementCalculatorTests
    {
        [Fact]
        public void OneYear_TermSpanningTwentyNinthFebruary_Has366Days()
        {
            Policy policy = Policy.OneYear("MTR-1", new DateOnly(2027, 6, 1), 732m, "EUR");

            Assert.Equal(new DateOnly(2028, 6, 1), policy.ExpiryDate);
            Assert.Equal(366, policy.TermDays);
        }

        [Fact]
        public void Endorse_MidTermIncrease_ChargesProRataOnActualTermDays()
        {
            // 183 of 366 days remain: exactly half of the 120.00 increase.
            Policy policy = Policy.OneYear("MTR-1", new DateOnly(2027, 6, 1), 732m, "EUR");

            EndorsementResult result = EndorsementCalculator.Endorse(policy, new DateOnly(2027, 12, 1), 852m);

            Assert.Equal(60.00m, result.AdjustmentPremium);
            Assert.Equal(852m, result.Endorsed.AnnualPremium);
        }

        [Fact]
        public void Endorse_MidTermDecrease_ReturnsPremium()
        {
            Policy policy = Policy.OneYear("MTR-2", new DateOnly(2025, 3, 1), 600m, "EUR");

            EndorsementResult result = EndorsementCalculator.Endorse(policy, new DateOnly(2025, 9, 1), 500m);

            // 181 of 365 days remain: -100 x 181 / 365 = -49.589..., rounded half-up to cents.
            Assert.Equal(-49.59m, result.AdjustmentPremium);
        }

        [Fact]
        public void Endorse_OnOrAfterExpiry_Throws()
        {
            Policy policy = Policy.OneYear("MTR-3", new DateOnly(2025, 3, 1), 600m, "EUR");

            Assert.Throws<ArgumentOutOfRangeException>(() => EndorsementCalculator.Endorse(policy, policy.ExpiryDate, 500m));
        }

        [Fact]
        public void ProRataFactor_EmptyTerm_Throws()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ProRata.Factor(0, 0));
        }
    }
}
