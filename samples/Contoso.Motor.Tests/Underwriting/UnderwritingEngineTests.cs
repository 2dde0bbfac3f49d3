using System;
using System.Linq;
using Contoso.Motor.Domain;
using Contoso.Motor.Underwriting;

namespace Contoso.Motor.Tests.Underwriting
{
    public class UnderwritingEngineTests
    {
        private readonly UnderwritingEngine _engine = UnderwritingEngine.Motor(UnderwritingGuidelines.Motor2025);

        [Fact]
        public void Assess_StandardProposal_Approves()
        {
            UnderwritingDecision decision = _engine.Assess(TestData.Request(), TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Approve, decision.Outcome);
            Assert.Equal(new[] { ReasonCodes.WithinAppetite }, decision.Reasons);
        }

        [Fact]
        public void Assess_DriverOneDayBeforeSeventeenthBirthday_Declines()
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(dateOfBirth: new DateOnly(2008, 3, 2), licenceIssued: new DateOnly(2024, 1, 1)));

            UnderwritingDecision decision = _engine.Assess(request, TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Decline, decision.Outcome);
            Assert.Contains(ReasonCodes.DriverBelowMinimumAge, decision.Reasons);
        }

        [Fact]
        public void Assess_DriverAboveReferralAge_Refers()
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(dateOfBirth: new DateOnly(1944, 5, 1)));

            Assert.Equal(UnderwritingOutcome.Refer, _engine.Assess(request, TestData.QuoteDate).Outcome);
        }

        [Theory]
        [InlineData(1, UnderwritingOutcome.Approve)]
        [InlineData(2, UnderwritingOutcome.Refer)]
        [InlineData(4, UnderwritingOutcome.Decline)]
        public void Assess_AtFaultClaimsInTheLookback_FollowTheGuideline(int claims, UnderwritingOutcome expected)
        {
            Claim[] history = Enumerable.Range(0, claims).Select(i => new Claim(new DateOnly(2023, 1, 10).AddMonths(i), 1_200m, AtFault: true)).ToArray();
            QuoteRequest request = TestData.Request(driver: TestData.Driver(claims: history));

            Assert.Equal(expected, _engine.Assess(request, TestData.QuoteDate).Outcome);
        }

        [Fact]
        public void Assess_ClaimsOutsideTheLookback_AreIgnored()
        {
            Claim[] history = { new(new DateOnly(2015, 1, 1), 900m, true), new(new DateOnly(2016, 1, 1), 900m, true) };
            QuoteRequest request = TestData.Request(driver: TestData.Driver(claims: history));

            Assert.Equal(UnderwritingOutcome.Approve, _engine.Assess(request, TestData.QuoteDate).Outcome);
        }

        [Theory]
        [InlineData("provisional", UnderwritingOutcome.Decline)]
        [InlineData("INTERNATIONAL", UnderwritingOutcome.Refer)]
        [InlineData("learner", UnderwritingOutcome.Refer)]
        [InlineData("7", UnderwritingOutcome.Refer)]
        public void Assess_LicenceType_DecidesOrRefersWhenUnreadable(string licenceTypeCode, UnderwritingOutcome expected)
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(licenceTypeCode: licenceTypeCode));

            Assert.Equal(expected, _engine.Assess(request, TestData.QuoteDate).Outcome);
        }

        [Fact]
        public void Assess_LicenceHeldUnderAYear_Refers()
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(licenceIssued: new DateOnly(2024, 6, 1)));

            Assert.Contains(ReasonCodes.LicenceHeldBriefly, _engine.Assess(request, TestData.QuoteDate).Reasons);
        }

        [Theory]
        [InlineData(VehicleRiskClass.HighPerformance)]
        [InlineData(VehicleRiskClass.Modified)]
        public void Assess_NonStandardVehicle_Refers(VehicleRiskClass riskClass)
        {
            QuoteRequest request = TestData.Request(vehicle: new Vehicle("AB12CDE", 10, 18_500m, riskClass));

            Assert.Equal(UnderwritingOutcome.Refer, _engine.Assess(request, TestData.QuoteDate).Outcome);
        }

        [Fact]
        public void Assess_LowInsuranceScore_RefersButNeverDeclinesOnCreditAlone()
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(insuranceScore: 300));

            UnderwritingDecision decision = _engine.Assess(request, TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Refer, decision.Outcome);
            Assert.Equal(new[] { ReasonCodes.LowInsuranceScore }, decision.Reasons);
        }

        [Fact]
        public void Assess_RuleThatThrows_RefersWithAReason()
        {
            var engine = new UnderwritingEngine(new IUnderwritingRule[] { new ThrowingRule() });

            UnderwritingDecision decision = engine.Assess(TestData.Request(), TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Refer, decision.Outcome);
            Assert.Equal(new[] { ReasonCodes.RuleCouldNotBeEvaluated }, decision.Reasons);
        }

        [Fact]
        public void Assess_NoRules_RefersRatherThanApproves()
        {
            var engine = new UnderwritingEngine(Array.Empty<IUnderwritingRule>());

            Assert.Equal(UnderwritingOutcome.Refer, engine.Assess(TestData.Request(), TestData.QuoteDate).Outcome);
        }

        private sealed class ThrowingRule : IUnderwritingRule
        {
            public string Name => "Throwing";

            public RuleResult Evaluate(QuoteRequest request, DateOnly asOf) => throw new InvalidOperationException("Claims service timed out.");
        }
    }
}
