using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Rating
{
    /// <summary>
    /// Reads a filed tariff (Rating/Tables/*.csv, embedded in the assembly). Numbers and dates are read with the invariant
    /// culture, and a tariff with a missing table or value does not load.
    /// </summary>
    public static class RateManualLoader
    {
        private const string ResourcePrefix = "Contoso.Motor.Rating.Tables.";
        private const string DateFormat = "yyyy-MM-dd";
        private const char Separator = ',';

        /// <summary>Loads an embedded tariff, e.g. <c>motor-tariff-2025-01</c>.</summary>
        public static RateManual LoadEmbedded(string tariffName)
        {
            string resource = ResourcePrefix + tariffName + ".csv";
            using Stream stream = typeof(RateManualLoader).Assembly.GetManifestResourceStream(resource)
                ?? throw new FileNotFoundException("No embedded tariff " + resource + ".", resource);
            using var reader = new StreamReader(stream);
            return Load(reader);
        }

        public static RateManual Load(TextReader reader)
        {
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            var baseRates = new Dictionary<Coverage, decimal>();
            var territory = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var vehicleGroup = new Dictionary<int, decimal>();
            var ageBands = new List<AgeBand>();
            var noClaims = new Dictionary<int, decimal>();
            var deductible = new Dictionary<decimal, decimal>();
            var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);

            int lineNumber = 0;
            bool headerSeen = false;
            for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                lineNumber++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string[] fields = line.Split(Separator);
                if (fields.Length != 3)
                {
                    throw new FormatException("Tariff line " + Invariant(lineNumber) + ": expected table,key,value.");
                }

                if (!headerSeen)
                {
                    headerSeen = true;
                    continue;
                }

                string table = fields[0];
                string key = fields[1];
                string value = fields[2];
                switch (table)
                {
                    case "meta":
                        meta.Add(key, value);
                        break;
                    case "base_rate":
                        baseRates.Add(Enum.Parse<Coverage>(key), Number(value));
                        break;
                    case "territory":
                        territory.Add(key, Number(value));
                        break;
                    case "vehicle_group":
                        vehicleGroup.Add(Integer(key), Number(value));
                        break;
                    case "age_band":
                        string[] ages = key.Split('-');
                        ageBands.Add(new AgeBand(key, Integer(ages[0]), Integer(ages[1]), Number(value)));
                        break;
                    case "no_claims":
                        noClaims.Add(Integer(key), Number(value));
                        break;
                    case "deductible":
                        deductible.Add(Number(key), Number(value));
                        break;
                    case "fee":
                    case "tax":
                    case "minimum_premium":
                        amounts.Add(table + "." + key, Number(value));
                        break;
                    default:
                        throw new FormatException("Tariff line " + Invariant(lineNumber) + ": unknown table '" + table + "'.");
                }
            }

            return new RateManual(
                Required(meta, "version"),
                DateOnly.ParseExact(Required(meta, "effective_from"), DateFormat, CultureInfo.InvariantCulture),
                Required(meta, "currency"),
                Enum.Parse<AgeBasis>(Required(meta, "age_basis")),
                new RateTable<Coverage>("base_rate", baseRates),
                new RateTable<string>("territory", territory),
                new RateTable<int>("vehicle_group", vehicleGroup),
                new AgeBandTable(ageBands),
                new RateTable<int>("no_claims", noClaims),
                Integer(Required(meta, "max_no_claims_years")),
                new RateTable<decimal>("deductible", deductible),
                Required(amounts, "fee.policy"),
                Required(amounts, "tax.premium_tax"),
                Required(amounts, "minimum_premium.policy"));
        }

        private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

        private static int Integer(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static TValue Required<TValue>(Dictionary<string, TValue> values, string key) =>
            values.TryGetValue(key, out TValue? value) ? value : throw new FormatException("The tariff has no '" + key + "' entry.");
    }
}
