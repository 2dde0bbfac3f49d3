using System;
using Contoso.Motor.Policies;

namespace Contoso.Motor.Tests.Policies
{
    // Only the insurer-initiated path is tested so far: the short-rate, cooling-off and minimum-retained-premium paths are
    // not (a known gap, and the reason this class is the sample's under-covered pricing hotspot).
    public class CancellationCalculatorTests
    {
        [Fact]
        public void Cancel_ByInsurer_RefundsProRata()
        {
            Policy policy = Policy.OneYear("MTR-9", new DateOnly(2025, 3, 1), 730m, "EUR");

            CancellationResult result = CancellationCalculator.Cancel(policy, new DateOnly(2025, 8, 31), CancellationInitiator.Insurer);

            // 182 of 365 days remain: 730 x 182 / 365 = 364.00.
            Assert.Equal(364.00m, result.Refund);
        }
    }
}
