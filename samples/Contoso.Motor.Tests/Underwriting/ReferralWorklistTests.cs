using System;
using Contoso.Motor.Underwriting;

namespace Contoso.Motor.Tests.Underwriting
{
    public class ReferralWorklistTests
    {
        [Fact]
        public void Submit_Referral_IsPendingWithItsReasons()
        {
            var worklist = new ReferralWorklist();
            var decision = new UnderwritingDecision(UnderwritingOutcome.Refer, new[] { ReasonCodes.ModifiedVehicle });

            worklist.Submit("Q-7", decision, TestData.QuoteDate);

            Referral referral = Assert.Single(worklist.WithReason("UW-VEH-02"));
            Assert.Equal("Q-7", referral.QuoteReference);
        }

        [Fact]
        public void Submit_Approval_IsRejected()
        {
            var worklist = new ReferralWorklist();
            var decision = new UnderwritingDecision(UnderwritingOutcome.Approve, new[] { ReasonCodes.WithinAppetite });

            Assert.Throws<ArgumentException>(() => worklist.Submit("Q-8", decision, TestData.QuoteDate));
        }
    }
}
