using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Flawed
{
    // The data types of the legacy (2011) motor system, kept for the renewals of its book until they migrate.

    /// <summary>A risk as the legacy rater receives it.</summary>
    public sealed record LegacyRisk(string VehicleGroupCode, int DriverAge, decimal NoClaimsFactor, string FirstName, Gender Gender);

    /// <summary>One priced line of a legacy quote, in the line's own currency.</summary>
    public sealed record LegacyQuoteLine(string Product, decimal Premium, string Currency);

    /// <summary>An application as the legacy underwriting screen captured it (codes as free text).</summary>
    public sealed record LegacyApplication(
        DateOnly DateOfBirth,
        int ClaimsLastFiveYears,
        bool HasMajorConviction,
        int CreditScore,
        string LicenceType,
        string VehicleClass,
        string RiskClassCode);

    /// <summary>The legacy decision with a free-text reason.</summary>
    public sealed record LegacyResult(LegacyUnderwritingDecision Decision, string Reason);

    /// <summary>A pluggable legacy rule.</summary>
    public interface ILegacyRule
    {
        string Name { get; }

        LegacyResult Evaluate(LegacyApplication application);
    }
}
