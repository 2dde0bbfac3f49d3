using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Motor.Rating
{
    /// <summary>A driver-age band of the tariff, inclusive at both ends.</summary>
    public sealed record AgeBand(string Code, int MinimumAge, int MaximumAge, decimal Relativity)
    {
        public bool Contains(int age) => age >= MinimumAge && age <= MaximumAge;
    }

    /// <summary>The driver-age relativities. Ages outside every band cannot be rated.</summary>
    public sealed class AgeBandTable
    {
        private readonly IReadOnlyList<AgeBand> _bands;

        public AgeBandTable(IEnumerable<AgeBand> bands)
        {
            _bands = bands.OrderBy(b => b.MinimumAge).ToList();
        }

        public IReadOnlyList<AgeBand> Bands => _bands;

        public AgeBand For(int age)
        {
            foreach (AgeBand band in _bands)
            {
                if (band.Contains(age))
                {
                    return band;
                }
            }

            throw new RateNotFoundException("age_band", age.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
