using System;
using System.IO;
using Contoso.Motor.Domain;
using Contoso.Motor.Rating;

namespace Contoso.Motor.Tests.Rating
{
    public class RateManualLoaderTests
    {
        [Fact]
        public void LoadEmbedded_FiledTariff_ReadsMetadataAndTables()
        {
            RateManual tariff = TestData.Tariff;

            Assert.Equal("MTR-2025-01", tariff.Version);
            Assert.Equal(new DateOnly(2025, 1, 1), tariff.EffectiveFrom);
            Assert.Equal("EUR", tariff.Currency);
            Assert.Equal(AgeBasis.LastBirthday, tariff.AgeBasis);
            Assert.Equal(310.00m, tariff.BaseRates.FactorFor(Coverage.ThirdPartyLiability));
            Assert.Equal(20, tariff.VehicleGroup.Count);
            Assert.Equal(0.95m, tariff.DeductibleCredit.FactorFor(250m));
            Assert.Equal(180.00m, tariff.MinimumPremium);
        }

        [Theory]
        [InlineData(17, "17-20")]
        [InlineData(24, "21-24")]
        [InlineData(25, "25-29")]
        [InlineData(80, "80-99")]
        public void AgeBands_Boundaries_AreInclusive(int age, string band)
        {
            Assert.Equal(band, TestData.Tariff.AgeBands.For(age).Code);
        }

        [Fact]
        public void AgeBands_AgeOutsideEveryBand_Throws()
        {
            Assert.Throws<RateNotFoundException>(() => TestData.Tariff.AgeBands.For(16));
        }

        [Fact]
        public void FactorFor_MissingKey_ThrowsInsteadOfDefaulting()
        {
            var ex = Assert.Throws<RateNotFoundException>(() => TestData.Tariff.Territory.FactorFor("T9"));

            Assert.Equal("territory", ex.Table);
            Assert.Equal("T9", ex.Key);
        }

        [Fact]
        public void Load_UnknownTable_Throws()
        {
            const string csv = "table,key,value\nmeta,version,X\nsurcharge,young,1.5\n";

            Assert.Throws<FormatException>(() => RateManualLoader.Load(new StringReader(csv)));
        }

        [Fact]
        public void Load_MissingEntry_Throws()
        {
            const string csv = "table,key,value\nmeta,version,X\n";

            Assert.Throws<FormatException>(() => RateManualLoader.Load(new StringReader(csv)));
        }
    }
}
