using Contoso.Motor.Analytics;

namespace Contoso.Motor.Tests.Analytics
{
    public class ClaimsStatisticsTests
    {
        private static readonly double[] SettlementDays = { 20.0, 10.0, 30.0, 5.0 };

        [Fact]
        public void ClaimFrequency_RoundsToFourDecimalsBankersStyle()
        {
            // 1 / 8 = 0.125 exactly; 4 decimals keep it. 1 / 1.6 = 0.625.
            Assert.Equal(0.125, ClaimsStatistics.ClaimFrequency(1, 8));
            Assert.Equal(0.625, ClaimsStatistics.ClaimFrequency(1, 1.6));
        }

        [Fact]
        public void Median_EvenCount_AveragesTheMiddlePair()
        {
            Assert.Equal(15.0, ClaimsStatistics.Median(SettlementDays));
        }
    }
}
