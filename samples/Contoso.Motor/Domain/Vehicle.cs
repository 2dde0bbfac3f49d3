namespace Contoso.Motor.Domain
{
    /// <summary>How an underwriter classes a vehicle beyond its rating group.</summary>
    public enum VehicleRiskClass
    {
        Standard = 0,
        HighPerformance = 1,
        Modified = 2,
        Prestige = 3,
    }

    /// <summary>The insured vehicle.</summary>
    /// <param name="Registration">The registration plate.</param>
    /// <param name="VehicleGroup">The insurance group (1-20) published by the vehicle-group panel.</param>
    /// <param name="MarketValue">The vehicle's market value, in the policy currency.</param>
    /// <param name="RiskClass">The underwriting class of the vehicle.</param>
    public sealed record Vehicle(string Registration, int VehicleGroup, decimal MarketValue, VehicleRiskClass RiskClass);
}
