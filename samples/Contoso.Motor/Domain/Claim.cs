using System;

namespace Contoso.Motor.Domain
{
    /// <summary>A past claim declared by the proposer.</summary>
    public sealed record Claim(DateOnly OccurredOn, decimal PaidAmount, bool AtFault);
}
