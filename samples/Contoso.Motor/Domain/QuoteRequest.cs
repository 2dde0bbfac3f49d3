using System.Collections.Generic;

namespace Contoso.Motor.Domain
{
    /// <summary>What the broker portal sends to quote a private-car policy.</summary>
    /// <param name="QuoteReference">The portal's reference.</param>
    /// <param name="MainDriver">The main driver.</param>
    /// <param name="Vehicle">The vehicle.</param>
    /// <param name="TerritoryCode">The rating territory, resolved from the garaging address by the geocoding service.</param>
    /// <param name="NoClaimsYears">Claim-free years proven by the previous insurer.</param>
    /// <param name="VoluntaryDeductible">The voluntary excess the proposer chose (one of the tariff's steps).</param>
    /// <param name="Coverages">The covers asked for.</param>
    public sealed record QuoteRequest(
        string QuoteReference,
        Driver MainDriver,
        Vehicle Vehicle,
        string TerritoryCode,
        int NoClaimsYears,
        decimal VoluntaryDeductible,
        IReadOnlyList<Coverage> Coverages);
}
