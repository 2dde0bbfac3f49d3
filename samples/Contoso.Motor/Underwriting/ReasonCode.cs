namespace Contoso.Motor.Underwriting
{
    /// <summary>Why a rule decided as it did: the code goes to the broker, the text to the underwriter and the complaint file.</summary>
    public sealed record ReasonCode(string Code, string Description);

    /// <summary>The reason codes of the motor underwriting guide.</summary>
    public static class ReasonCodes
    {
        public static readonly ReasonCode WithinAppetite = new("UW-OK-00", "Within the underwriting guidelines.");
        public static readonly ReasonCode DriverBelowMinimumAge = new("UW-AGE-01", "Main driver is below the minimum age.");
        public static readonly ReasonCode DriverAboveReferralAge = new("UW-AGE-02", "Main driver is above the referral age.");
        public static readonly ReasonCode TooManyAtFaultClaims = new("UW-CLM-01", "At-fault claims above the decline threshold.");
        public static readonly ReasonCode AtFaultClaimsToReview = new("UW-CLM-02", "At-fault claims above the referral threshold.");
        public static readonly ReasonCode UnreadableLicenceType = new("UW-LIC-01", "Licence type could not be read.");
        public static readonly ReasonCode ProvisionalLicence = new("UW-LIC-02", "Provisional licences are outside the appetite.");
        public static readonly ReasonCode InternationalLicence = new("UW-LIC-03", "International licence: underwriter to verify.");
        public static readonly ReasonCode LicenceHeldBriefly = new("UW-LIC-04", "Licence held for less than the referral period.");
        public static readonly ReasonCode HighPerformanceVehicle = new("UW-VEH-01", "High-performance vehicle.");
        public static readonly ReasonCode ModifiedVehicle = new("UW-VEH-02", "Modified vehicle.");
        public static readonly ReasonCode PrestigeVehicle = new("UW-VEH-03", "Prestige vehicle.");
        public static readonly ReasonCode HighValueVehicle = new("UW-VEH-04", "Vehicle value above the referral limit.");
        public static readonly ReasonCode LowInsuranceScore = new("UW-CRD-01", "Low insurance score: one factor, for an underwriter to weigh.");
        public static readonly ReasonCode RuleCouldNotBeEvaluated = new("UW-SYS-01", "A rule could not be evaluated; referred, not approved.");
        public static readonly ReasonCode NoRulesEvaluated = new("UW-SYS-02", "No rule was evaluated; referred, not approved.");
    }
}
