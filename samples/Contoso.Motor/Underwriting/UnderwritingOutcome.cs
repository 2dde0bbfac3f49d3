namespace Contoso.Motor.Underwriting
{
    /// <summary>
    /// What underwriting decides. Zero is Unknown, so <c>default</c>, an unset field or a failed deserialisation never
    /// means Approve; the engine treats Unknown like Refer.
    /// </summary>
    public enum UnderwritingOutcome
    {
        Unknown = 0,
        Approve = 1,
        Refer = 2,
        Decline = 3,
    }
}
