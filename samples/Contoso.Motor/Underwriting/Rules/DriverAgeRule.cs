using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting.Rules
{
    /// <summary>Minimum driver age (decline) and the referral age for older drivers, on age last birthday.</summary>
    public sealed class DriverAgeRule : IUnderwritingRule
    {
        private readonly UnderwritingGuidelines _guidelines;

        public DriverAgeRule(UnderwritingGuidelines guidelines) => _guidelines = guidelines;

        public string Name => "DriverAge";

        public RuleResult Evaluate(QuoteRequest request, DateOnly asOf)
        {
            int age = InsuranceAge.Compute(request.MainDriver.DateOfBirth, asOf, AgeBasis.LastBirthday);
            if (age < _guidelines.MinimumDriverAge)
            {
                return RuleResult.Decline(Name, ReasonCodes.DriverBelowMinimumAge);
            }

            if (age > _guidelines.ReferDriverAgeAbove)
            {
                return RuleResult.Refer(Name, ReasonCodes.DriverAboveReferralAge);
            }

            return RuleResult.Approve(Name);
        }
    }
}
