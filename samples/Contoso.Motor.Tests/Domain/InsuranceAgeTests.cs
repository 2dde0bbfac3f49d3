using System;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Tests.Domain
{
    public class InsuranceAgeTests
    {
        [Theory]
        [InlineData("1990-06-15", "2025-06-14", 34)]
        [InlineData("1990-06-15", "2025-06-15", 35)]
        [InlineData("2008-03-02", "2025-03-01", 16)]
        [InlineData("2008-02-29", "2025-02-28", 16)]
        [InlineData("2008-02-29", "2025-03-01", 17)]
        [InlineData("2008-02-29", "2028-02-29", 20)]
        public void LastBirthday_CountsCompletedYears(string dateOfBirth, string asOf, int expected)
        {
            Assert.Equal(expected, InsuranceAge.Compute(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), AgeBasis.LastBirthday));
        }

        [Theory]
        [InlineData("1990-06-15", "2025-12-14", 35)]
        [InlineData("1990-06-15", "2025-12-15", 36)]
        [InlineData("1990-06-15", "2025-06-15", 35)]
        public void NearestBirthday_RoundsUpAfterSixMonths(string dateOfBirth, string asOf, int expected)
        {
            Assert.Equal(expected, InsuranceAge.Compute(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), AgeBasis.NearestBirthday));
        }

        [Fact]
        public void Compute_AsOfBeforeBirth_Throws()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => InsuranceAge.Compute(new DateOnly(2000, 1, 1), new DateOnly(1999, 12, 31), AgeBasis.LastBirthday));
        }
    }
}
