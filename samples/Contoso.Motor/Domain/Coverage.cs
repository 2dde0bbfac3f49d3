namespace Contoso.Motor.Domain
{
    /// <summary>The covers a motor policy can include; each is rated and rounded separately.</summary>
    public enum Coverage
    {
        ThirdPartyLiability = 0,
        FireAndTheft = 1,
        OwnDamage = 2,
    }

    public static class CoverageExtensions
    {
        /// <summary>Physical-damage covers are the ones a voluntary deductible (excess) reduces.</summary>
        public static bool IsPhysicalDamage(this Coverage coverage) => coverage switch
        {
            Coverage.ThirdPartyLiability => false,
            Coverage.FireAndTheft => true,
            Coverage.OwnDamage => true,
            _ => throw new System.ArgumentOutOfRangeException(nameof(coverage), coverage, "Unknown coverage."),
        };
    }
}
