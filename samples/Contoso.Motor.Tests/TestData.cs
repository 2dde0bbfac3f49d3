using System;
using System.Collections.Generic;
using Contoso.Motor.Domain;
using Contoso.Motor.Rating;

namespace Contoso.Motor.Tests
{
    /// <summary>A standard proposal and the filed tariff; each test changes only what it is about.</summary>
    internal static class TestData
    {
        public static readonly DateOnly QuoteDate = new(2025, 3, 1);

        public static RateManual Tariff { get; } = RateManualLoader.LoadEmbedded("motor-tariff-2025-01");

        public static readonly Coverage[] Comprehensive = { Coverage.ThirdPartyLiability, Coverage.FireAndTheft, Coverage.OwnDamage };

        /// <summary>A 34-year-old with a full licence since 2010 and no claims.</summary>
        public static Driver Driver(
            DateOnly? dateOfBirth = null,
            string licenceTypeCode = "FULL",
            DateOnly? licenceIssued = null,
            IReadOnlyList<Claim>? claims = null,
            int? insuranceScore = null) =>
            new(
                "Alex",
                dateOfBirth ?? new DateOnly(1990, 6, 15),
                licenceTypeCode,
                licenceIssued ?? new DateOnly(2010, 9, 1),
                claims ?? Array.Empty<Claim>(),
                insuranceScore);

        /// <summary>Territory T2, group 10, five claim-free years, 250 voluntary excess, comprehensive cover.</summary>
        public static QuoteRequest Request(
            Driver? driver = null,
            Vehicle? vehicle = null,
            string territoryCode = "T2",
            int noClaimsYears = 5,
            decimal voluntaryDeductible = 250m,
            IReadOnlyList<Coverage>? coverages = null) =>
            new(
                "Q-1001",
                driver ?? Driver(),
                vehicle ?? new Vehicle("AB12CDE", 10, 18_500m, VehicleRiskClass.Standard),
                territoryCode,
                noClaimsYears,
                voluntaryDeductible,
                coverages ?? Comprehensive);
    }
}
