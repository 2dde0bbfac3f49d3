using System;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Which domain scope a member belongs to.</summary>
    [Flags]
    public enum Scope
    {
        None = 0,
        Pricing = 1,
        Underwriting = 2,
        Any = Pricing | Underwriting,
    }

    /// <summary>What a numeric value stands for.</summary>
    public enum ValueKind
    {
        None = 0,
        Money,
        Rate,
    }
}
