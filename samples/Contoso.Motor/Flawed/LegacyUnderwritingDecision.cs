namespace Contoso.Motor.Flawed
{
    // QG2005: Approve is the zero value: default(LegacyUnderwritingDecision), an unset field or a failed deserialisation all mean "approve".
    public enum LegacyUnderwritingDecision
    {
        Approve,
        Refer,
        Decline,
    }

    /// <summary>The legacy risk classes, from best to worst.</summary>
    public enum LegacyRiskClass
    {
        Preferred,
        Standard,
        Substandard,
        HighRisk,
        Uninsurable,
    }
}
