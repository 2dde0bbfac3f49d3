using System;
using System.Collections.Generic;
using System.Globalization;

namespace Contoso.Motor.Rating
{
    /// <summary>One table of the filed tariff: a relativity (or amount) per key. A missing key is an error, never a default.</summary>
    public sealed class RateTable<TKey>
        where TKey : notnull
    {
        private readonly IReadOnlyDictionary<TKey, decimal> _rows;

        public RateTable(string name, IReadOnlyDictionary<TKey, decimal> rows)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        }

        public string Name { get; }

        public int Count => _rows.Count;

        public decimal FactorFor(TKey key)
        {
            if (_rows.TryGetValue(key, out decimal factor))
            {
                return factor;
            }

            throw new RateNotFoundException(Name, Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }
}
