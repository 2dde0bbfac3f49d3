using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Tests.Semantics
{
    /// <summary>Attributes are matched by short name in any namespace, with or without the "Attribute" suffix.</summary>
    public class AttributeNameTests
    {
        [Theory]
        [InlineData("PremiumCalculation", true)]
        [InlineData("PremiumCalculationAttribute", true)]
        [InlineData("PremiumCalculationAttributes", false)]
        [InlineData("PremiumCalculationXttribute", false)]
        [InlineData("PremiumCalculations", false)]
        [InlineData("PremiumCalc", false)]
        [InlineData("Attribute", false)]
        [InlineData("premiumcalculation", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void ShortNameOrShortNameWithSuffix_Only(string? name, bool expected)
        {
            Assert.Equal(expected, InsuranceContext.IsAttributeName(name, "PremiumCalculation"));
        }
    }
}
