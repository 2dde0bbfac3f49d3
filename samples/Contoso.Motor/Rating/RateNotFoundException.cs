using System;

namespace Contoso.Motor.Rating
{
    /// <summary>A key has no row in the filed tariff. The quote fails loudly instead of rating on a made-up factor.</summary>
    public sealed class RateNotFoundException : InvalidOperationException
    {
        public RateNotFoundException(string table, string key)
            : base("The tariff has no '" + key + "' row in table '" + table + "'.")
        {
            Table = table;
            Key = key;
        }

        public string Table { get; }

        public string Key { get; }
    }
}
