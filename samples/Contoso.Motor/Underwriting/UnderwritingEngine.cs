using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Motor.Domain;
using Contoso.Motor.Underwriting.Rules;

namespace Contoso.Motor.Underwriting
{
    /// <summary>Runs every rule of the guide and combines the outcomes. Fails safe: a rule that throws refers the risk.</summary>
    public sealed class UnderwritingEngine
    {
        private readonly List<IUnderwritingRule> _rules;

        public UnderwritingEngine(IEnumerable<IUnderwritingRule> rules)
        {
            _rules = rules?.ToList() ?? throw new ArgumentNullException(nameof(rules));
        }

        /// <summary>The motor guide's rule set.</summary>
        public static UnderwritingEngine Motor(UnderwritingGuidelines guidelines) => new(new IUnderwritingRule[]
        {
            new DriverAgeRule(guidelines),
            new ClaimsHistoryRule(guidelines),
            new LicenceRule(guidelines),
            new VehicleRule(guidelines),
            new InsuranceScoreRule(guidelines),
        });

        public UnderwritingDecision Assess(QuoteRequest request, DateOnly asOf)
        {
            ArgumentNullException.ThrowIfNull(request);
            var results = new List<RuleResult>(_rules.Count);
            foreach (IUnderwritingRule rule in _rules)
            {
                try
                {
                    results.Add(rule.Evaluate(request, asOf));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Fail safe, not open: a rule that cannot be evaluated refers the risk, and the referral says why.
                    results.Add(RuleResult.Refer(rule.Name, ReasonCodes.RuleCouldNotBeEvaluated));
                }
            }

            return UnderwritingDecision.Combine(results);
        }
    }
}
