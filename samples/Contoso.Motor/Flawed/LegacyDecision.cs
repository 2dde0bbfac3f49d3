namespace Contoso.Motor.Flawed
{
    // QG2005: Approve is the zero value: default(LegacyDecision), an unset field or a failed deserialisation all mean "approve".
    public enum LegacyDecision
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
