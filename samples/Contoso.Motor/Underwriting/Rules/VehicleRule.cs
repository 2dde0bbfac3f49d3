using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Underwriting.Rules
{
    /// <summary>Vehicle class and value. Every class is listed, and a class added later fails loudly instead of passing.</summary>
    public sealed class VehicleRule : IUnderwritingRule
    {
        private readonly UnderwritingGuidelines _guidelines;

        public VehicleRule(UnderwritingGuidelines guidelines) => _guidelines = guidelines;

        public string Name => "Vehicle";

        public RuleResult Evaluate(QuoteRequest request, DateOnly asOf)
        {
            switch (request.Vehicle.RiskClass)
            {
                case VehicleRiskClass.HighPerformance:
                    return RuleResult.Refer(Name, ReasonCodes.HighPerformanceVehicle);
                case VehicleRiskClass.Modified:
                    return RuleResult.Refer(Name, ReasonCodes.ModifiedVehicle);
                case VehicleRiskClass.Prestige:
                    return RuleResult.Refer(Name, ReasonCodes.PrestigeVehicle);
                case VehicleRiskClass.Standard:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), request.Vehicle.RiskClass, "Unknown vehicle risk class.");
            }

            return request.Vehicle.MarketValue > _guidelines.ReferVehicleValueAbove
                ? RuleResult.Refer(Name, ReasonCodes.HighValueVehicle)
                : RuleResult.Approve(Name);
        }
    }
}
