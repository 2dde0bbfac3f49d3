using System;
using Contoso.Motor.Domain;
using Contoso.Motor.Rating;
using Contoso.Motor.Underwriting;

namespace Contoso.Motor.Tests.Rating
{
    public class QuoteServiceTests
    {
        private readonly ReferralWorklist _referrals = new();
        private readonly QuoteService _service;

        public QuoteServiceTests()
        {
            _service = new QuoteService(UnderwritingEngine.Motor(UnderwritingGuidelines.Motor2025), new MotorRatingEngine(TestData.Tariff), _referrals);
        }

        [Fact]
        public void CreateQuote_Approved_IsPricedAsOfTheQuoteDate()
        {
            Quote quote = _service.CreateQuote(TestData.Request(), TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Approve, quote.Decision.Outcome);
            Assert.Equal(606.61m, quote.Premium!.TotalPayable);
            Assert.Equal(TestData.QuoteDate, quote.QuoteDate);
            Assert.NotEqual(default, quote.CreatedUtc);
        }

        [Fact]
        public void CreateQuote_Referred_IsPricedAndQueued()
        {
            Quote quote = _service.CreateQuote(TestData.Request(vehicle: new Vehicle("P0RSCHE", 20, 140_000m, VehicleRiskClass.Prestige)), TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Refer, quote.Decision.Outcome);
            Assert.NotNull(quote.Premium);
            Assert.Single(_referrals.Pending);
        }

        [Fact]
        public void CreateQuote_Declined_HasNoPrice()
        {
            QuoteRequest request = TestData.Request(driver: TestData.Driver(licenceTypeCode: "PROVISIONAL"));

            Quote quote = _service.CreateQuote(request, TestData.QuoteDate);

            Assert.Equal(UnderwritingOutcome.Decline, quote.Decision.Outcome);
            Assert.Null(quote.Premium);
        }
    }
}
