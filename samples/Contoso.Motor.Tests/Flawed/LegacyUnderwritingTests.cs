using System;
using System.IO;
using Contoso.Motor.Flawed;

namespace Contoso.Motor.Tests.Flawed
{
    // Characterisation tests of the legacy underwriting rules, bugs included (names ending in _Bug).
    public class LegacyUnderwritingTests
    {
        private static readonly DateOnly AsOf = new(2025, 3, 1);

        private readonly LegacyUnderwriting _underwriting = new(Array.Empty<ILegacyRule>(), TextWriter.Null);

        private static LegacyApplication Application(DateOnly? dateOfBirth = null, string licenceType = "FULL", string vehicleClass = "SALOON") =>
            new(dateOfBirth ?? new DateOnly(1985, 5, 5), 0, false, 700, licenceType, vehicleClass, "Standard");

        [Fact]
        public void Assess_CleanApplication_Approves()
        {
            Assert.Equal(LegacyUnderwritingDecision.Approve, _underwriting.Assess(Application(), AsOf).Decision);
        }

        [Fact]
        public void Assess_SixteenYearOldBeforeBirthday_PassesTheAgeCheck_Bug()
        {
            // QG3002: born 2008-12-01, 16 on 2025-03-01, but 2025 - 2008 = 17.
            Assert.Equal(LegacyUnderwritingDecision.Approve, _underwriting.Assess(Application(dateOfBirth: new DateOnly(2008, 12, 1)), AsOf).Decision);
        }

        [Fact]
        public void Assess_MissingLicenceType_FailsOpen_Bug()
        {
            // QG2001: the NullReferenceException is caught and the risk approved.
            LegacyResult result = _underwriting.Assess(Application(licenceType: null!), AsOf);

            Assert.Equal(LegacyUnderwritingDecision.Approve, result.Decision);
        }

        [Fact]
        public void ClassifyVehicle_UnlistedClass_IsApproved_Bug()
        {
            // QG2003.
            Assert.Equal(LegacyUnderwritingDecision.Approve, LegacyUnderwriting.ClassifyVehicle("MODIFIED").Decision);
        }

        [Fact]
        public void DefaultDecision_IsApprove_Bug()
        {
            // QG2005.
            Assert.Equal(LegacyUnderwritingDecision.Approve, default(LegacyUnderwritingDecision));
        }
    }
}
