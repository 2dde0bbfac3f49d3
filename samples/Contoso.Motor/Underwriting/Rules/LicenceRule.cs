using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting.Rules
{
    /// <summary>The kinds of driving licence the broker portal captures.</summary>
    public enum LicenceType
    {
        Full = 1,
        Provisional = 2,
        International = 3,
    }

    /// <summary>Licence type and years held. An unreadable licence type is referred, never guessed.</summary>
    public sealed class LicenceRule : IUnderwritingRule
    {
        private readonly UnderwritingGuidelines _guidelines;

        public LicenceRule(UnderwritingGuidelines guidelines) => _guidelines = guidelines;

        public string Name => "Licence";

        public RuleResult Evaluate(QuoteRequest request, DateOnly asOf)
        {
            // Enum.TryParse with ignoreCase compares ordinally; IsDefined rejects numeric strings such as "7".
            if (!Enum.TryParse(request.MainDriver.LicenceTypeCode, ignoreCase: true, out LicenceType licenceType) || !Enum.IsDefined(licenceType))
            {
                return RuleResult.Refer(Name, ReasonCodes.UnreadableLicenceType);
            }

            switch (licenceType)
            {
                case LicenceType.Provisional:
                    return RuleResult.Decline(Name, ReasonCodes.ProvisionalLicence);
                case LicenceType.International:
                    return RuleResult.Refer(Name, ReasonCodes.InternationalLicence);
                case LicenceType.Full:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), licenceType, "Unknown licence type.");
            }

            int yearsHeld = InsuranceAge.CompleteYears(request.MainDriver.LicenceIssued, asOf);
            return yearsHeld < _guidelines.ReferLicenceYearsBelow
                ? RuleResult.Refer(Name, ReasonCodes.LicenceHeldBriefly)
                : RuleResult.Approve(Name);
        }
    }
}
