using System;
using System.Diagnostics;

namespace QualityGates
{
    // Conditional: the attributes exist for the analyzers only and leave no trace in the compiled assembly.

    /// <summary>Marks an assembly, type or member as premium-calculation (pricing) code.</summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = true)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class PremiumCalculationAttribute : Attribute { }

    /// <summary>Marks an assembly, type or member as underwriting-decision code.</summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = true)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class UnderwritingRuleAttribute : Attribute { }

    /// <summary>Marks a field, property, parameter or return value as a monetary amount.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Method)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class MonetaryAttribute : Attribute { }

    /// <summary>Marks a member as a protected characteristic (e.g. sex, race, religion) that must not drive price or decision.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class ProtectedCharacteristicAttribute : Attribute { }

    /// <summary>Marks a method as a deliberate, documented rounding rule of the rating manual.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class RoundingRuleAttribute : Attribute { }

    /// <summary>Marks a method whose intermediate rounding is mandated by the rating manual (e.g. per coverage).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class RoundingStepAttribute : Attribute { }

    /// <summary>Declares that a member is never zero (enforced elsewhere, e.g. by a validator or constructor).</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class NonZeroAttribute : Attribute { }

    /// <summary>Marks an enum as an underwriting decision, whatever its member names.</summary>
    [AttributeUsage(AttributeTargets.Enum)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class DecisionAttribute : Attribute { }

    /// <summary>Takes a type, member or assembly out of pricing and underwriting scope.</summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property)]
    [Conditional("QUALITYGATES_ANNOTATIONS")]
    public sealed class NotInRatingScopeAttribute : Attribute { }
}
