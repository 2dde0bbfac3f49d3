using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting
{
    /// <summary>One rule of the underwriting guide. Rules are evaluated as of the quote date the caller passes in.</summary>
    public interface IUnderwritingRule
    {
        string Name { get; }

        RuleResult Evaluate(QuoteRequest request, DateOnly asOf);
    }
}
