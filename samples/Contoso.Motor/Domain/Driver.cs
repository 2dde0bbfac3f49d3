using System;
using System.Collections.Generic;
using QualityGates;

namespace Contoso.Motor.Domain
{
    /// <summary>The main driver of the vehicle.</summary>
    /// <param name="FirstName">Used for correspondence only.</param>
    /// <param name="DateOfBirth">Rated on the insurance age the tariff names (see <see cref="InsuranceAge"/>).</param>
    /// <param name="LicenceTypeCode">FULL, PROVISIONAL or INTERNATIONAL, as captured by the broker portal.</param>
    /// <param name="LicenceIssued">When the current licence was first issued.</param>
    /// <param name="Claims">Claims in the last years, as declared.</param>
    /// <param name="InsuranceScore">A credit-based insurance score, when the proposer consented to a search.</param>
    public sealed record Driver(
        string FirstName,
        DateOnly DateOfBirth,
        string LicenceTypeCode,
        DateOnly LicenceIssued,
        IReadOnlyList<Claim> Claims,
        int? InsuranceScore)
    {
        /// <summary>Kept for fairness monitoring (Reporting/PremiumFairnessMonitor); rating and underwriting never read it.</summary>
        [ProtectedCharacteristic]
        public Gender Gender { get; init; } = Gender.NotDisclosed;
    }
}
