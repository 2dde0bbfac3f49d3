namespace Contoso.Motor.Domain
{
    /// <summary>Collected for fairness monitoring only. Never a rating or underwriting factor in the EU (Test-Achats, C-236/09).</summary>
    public enum Gender
    {
        NotDisclosed = 0,
        Female = 1,
        Male = 2,
        Other = 3,
    }
}
