namespace Contoso.Motor.Underwriting
{
    /// <summary>
    /// The thresholds of the motor underwriting guide, named and versioned, so that an underwriting manager can read and
    /// change them without reading code.
    /// </summary>
    public sealed record UnderwritingGuidelines(
        string Version,
        int MinimumDriverAge,
        int ReferDriverAgeAbove,
        int ClaimsLookbackYears,
        int ReferAtFaultClaimsFrom,
        int DeclineAtFaultClaimsFrom,
        int ReferLicenceYearsBelow,
        decimal ReferVehicleValueAbove,
        int ReferInsuranceScoreBelow)
    {
        /// <summary>The motor underwriting guide, edition 2025-01.</summary>
        public static readonly UnderwritingGuidelines Motor2025 = new(
            Version: "UWG-MOTOR-2025-01",
            MinimumDriverAge: 17,
            ReferDriverAgeAbove: 79,
            ClaimsLookbackYears: 5,
            ReferAtFaultClaimsFrom: 2,
            DeclineAtFaultClaimsFrom: 4,
            ReferLicenceYearsBelow: 1,
            ReferVehicleValueAbove: 75_000m,
            ReferInsuranceScoreBelow: 450);
    }
}
