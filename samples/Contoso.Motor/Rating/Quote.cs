using System;
using Contoso.Motor.Underwriting;

namespace Contoso.Motor.Rating
{
    /// <summary>A quote: the underwriting decision and, unless declined, the price, both as of the quote date.</summary>
    public sealed record Quote(string Reference, DateOnly QuoteDate, UnderwritingDecision Decision, PremiumBreakdown? Premium)
    {
        /// <summary>When the quote record was written: an audit stamp, never an input to the price or the decision.</summary>
        public DateTimeOffset CreatedUtc { get; init; }
    }
}
