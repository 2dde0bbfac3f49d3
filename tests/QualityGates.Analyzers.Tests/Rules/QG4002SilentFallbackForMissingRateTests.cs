using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<QualityGates.Analyzers.Rules.SilentFallbackForMissingRateAnalyzer, QualityGates.CodeFixes.Rules.SilentFallbackForMissingRateCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG4002SilentFallbackForMissingRateTests
    {
        private const string Config = """
            public class RateConfig { public decimal? Rate { get; set; } public decimal? BasePremium { get; set; } public decimal? Code { get; set; } }
            """;

        [Fact]
        public async Task CoalesceToLiteral_ReportedWithKindAndValue()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public decimal Premium(RateConfig? config, decimal sumInsured) => sumInsured * (config?.Rate ?? 100);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source + Config, Verify.Diagnostic("QG4002").WithSpan(4, 101, 4, 104).WithArguments("rate 'Rate'", "100"));
        }

        [Fact]
        public async Task CoalesceToLiteral_FixThrows()
        {
            const string source = """
                using System;
                using System.Linq;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public decimal Premium(RateConfig? config, RateConfig[] tables)
                    {
                        var basePremium = config?.BasePremium ?? {|QG4002:250m|};
                        var factor = tables.FirstOrDefault()?.Rate ?? {|QG4002:1.2m|};
                        return basePremium * factor;
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Linq;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public decimal Premium(RateConfig? config, RateConfig[] tables)
                    {
                        var basePremium = config?.BasePremium ?? throw new InvalidOperationException("Missing amount: config?.BasePremium");
                        var factor = tables.FirstOrDefault()?.Rate ?? throw new InvalidOperationException("Missing rate: tables.FirstOrDefault()?.Rate");
                        return basePremium * factor;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source + Config, fixedSource + Config);
        }

        [Fact]
        public async Task TwoLookupsInOneMethod_FixAllDeclaresDistinctNames()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TerritoryRater
                {
                    private readonly Dictionary<string, decimal> _territoryFactors = new();
                    private readonly Dictionary<string, decimal> _vehicleFactors = new();

                    public decimal Premium(string territory, string vehicle, decimal basePremium)
                    {
                        var territoryFactor = _territoryFactors.GetValueOrDefault(territory, {|QG4002:1.5m|});
                        var vehicleFactor = _vehicleFactors.GetValueOrDefault(vehicle, {|QG4002:1.2m|});
                        return basePremium * territoryFactor * vehicleFactor * _vehicleFactors.GetValueOrDefault(territory, {|QG4002:1.1m|});
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TerritoryRater
                {
                    private readonly Dictionary<string, decimal> _territoryFactors = new();
                    private readonly Dictionary<string, decimal> _vehicleFactors = new();

                    public decimal Premium(string territory, string vehicle, decimal basePremium)
                    {
                        var territoryFactor = _territoryFactors.TryGetValue(territory, out var rate) ? rate : throw new InvalidOperationException("Missing rate: _territoryFactors[territory]");
                        var vehicleFactor = _vehicleFactors.TryGetValue(vehicle, out var rate1) ? rate1 : throw new InvalidOperationException("Missing rate: _vehicleFactors[vehicle]");
                        return basePremium * territoryFactor * vehicleFactor * (_vehicleFactors.TryGetValue(territory, out var rate2) ? rate2 : throw new InvalidOperationException("Missing rate: _vehicleFactors[territory]"));
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task ContainsKeyMissBranchLiteral_ReportedWithoutFix()
        {
            const string source = """
                using System.Collections;
                using System.Collections.Generic;

                namespace Company.Rating.Engine
                {
                    public class PremiumEngine
                    {
                        private Hashtable m_htRates = new Hashtable();
                        private Dictionary<string, decimal> m_dicAreaFactors = new Dictionary<string, decimal>();

                        public decimal GetRate(string strRateCode)
                        {
                            if (m_htRates.ContainsKey(strRateCode))
                            {
                                return (decimal)m_htRates[strRateCode];
                            }
                            return {|#0:1.0m|};
                        }

                        public decimal GetAreaFactor(string strArea)
                        {
                            if (!m_dicAreaFactors.ContainsKey(strArea)) return {|#1:1.1m|};
                            return m_dicAreaFactors[strArea];
                        }

                        public decimal GetLegacyRate(string strRateCode) => m_htRates.Contains(strRateCode) ? (decimal)m_htRates[strRateCode] : {|#2:0.05m|};
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'GetRate'", "1.0m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'm_dicAreaFactors'", "1.1m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'GetLegacyRate'", "0.05m"));
        }

        [Fact]
        public async Task EmptyQueryOfRateTable_MissBranchLiteralReported()
        {
            // A query that found nothing is a lookup that missed: rows of a DataTable, a LINQ filter, a FirstOrDefault.
            const string source = """
                using System.Collections.Generic;
                using System.Data;
                using System.Linq;

                namespace Company.Rating.Engine
                {
                    public sealed record FactorRow(string Code, decimal Factor);

                    public class PremiumEngine
                    {
                        private readonly DataTable _dtOccupancyRates = new DataTable();
                        private readonly List<FactorRow> _territoryFactors = new List<FactorRow>();

                        public decimal OccupancyRate(string occupancy)
                        {
                            decimal dRatePerMille;
                            DataRow[] arrRows = _dtOccupancyRates.Select("OccupancyClass = '" + occupancy + "'");
                            if (arrRows.Length == 0)
                            {
                                dRatePerMille = {|#0:2.5m|};
                            }
                            else
                            {
                                dRatePerMille = (decimal)arrRows[0]["Rate"];
                            }

                            return dRatePerMille;
                        }

                        public decimal TerritoryFactor(string code)
                        {
                            var matches = _territoryFactors.Where(f => f.Code == code).ToList();
                            if (matches.Count == 0) return {|#1:1.1m|};
                            return matches[0].Factor;
                        }

                        public decimal TerritoryFactorOrDefault(string code)
                        {
                            var row = _territoryFactors.FirstOrDefault(f => f.Code == code);
                            if (row != null) return row.Factor;
                            return {|#2:1.2m|};
                        }

                        public decimal AnyFactor(string code)
                        {
                            var found = _territoryFactors.Where(f => f.Code == code);
                            return !found.Any() ? {|#3:1.3m|} : found.First().Factor;
                        }

                        public decimal PatternFactor(string code)
                        {
                            var row = _territoryFactors.Find(f => f.Code == code);
                            if (row is null) return {|#4:1.4m|};
                            return row.Factor;
                        }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'dRatePerMille'", "2.5m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'TerritoryFactor'", "1.1m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'TerritoryFactorOrDefault'", "1.2m"),
                Verify.Diagnostic("QG4002").WithLocation(3).WithArguments("rate 'AnyFactor'", "1.3m"),
                Verify.Diagnostic("QG4002").WithLocation(4).WithArguments("rate 'PatternFactor'", "1.4m"));
        }

        [Fact]
        public async Task EmptyInputsAndNonRateQueries_NotReported()
        {
            // An empty input is not a missing rate; nor is an empty query of something that holds no rates, or a miss that throws.
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.Linq;

                namespace Company.Rating.Engine
                {
                    public sealed record Line(decimal Amount);
                    public sealed record Claim(decimal Paid);

                    public class PremiumEngine
                    {
                        private readonly List<Claim> _claims = new List<Claim>();
                        private readonly List<decimal> _rates = new List<decimal>();

                        public decimal AverageLinePremium(IReadOnlyList<Line> lines)
                        {
                            if (lines.Count == 0) return 0m;
                            return lines.Sum(l => l.Amount) / lines.Count;
                        }

                        public decimal ClaimsLoading(int year)
                        {
                            var recent = _claims.Where(c => c.Paid > 0).ToList();
                            if (recent.Count == 0) return 0m;
                            return recent.Count * 0.05m;
                        }

                        public decimal FirstRate()
                        {
                            var known = _rates.Where(r => r > 0).ToList();
                            if (known.Count == 0) throw new InvalidOperationException("No rates loaded.");
                            return known[0];
                        }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task TryGetValueMissAssignsLiteral_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                namespace Company.Rating.Engine
                {
                    public class PremiumEngine
                    {
                        private readonly Dictionary<string, decimal> _areaFactors = new Dictionary<string, decimal>();

                        public decimal AreaLoaded(string area, decimal basePremium)
                        {
                            if (!_areaFactors.TryGetValue(area, out var areaFactor)) areaFactor = {|#0:1.25m|};
                            return basePremium * areaFactor;
                        }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'areaFactor'", "1.25m"));
        }

        [Fact]
        public async Task LookupOfACount_NotAMissingRate_LookupOfAnIntegralRateTableOrAValueIs()
        {
            // A producer with no quotes has a hit ratio of 0: the table holds counts, not rates, although the result is a ratio.
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class ProductionReport
                {
                    private readonly Dictionary<string, int> _rateBasisPoints = new();
                    private readonly Dictionary<string, decimal> _values = new();

                    public double HitRatio(IReadOnlyDictionary<string, int> quotesByProducer, string producer, int bound) =>
                        quotesByProducer.TryGetValue(producer, out var q) && q > 0 ? (double)bound / q : 0d;

                    public int BasisPoints(string key) => _rateBasisPoints.TryGetValue(key, out var bps) ? bps : {|#0:25|};

                    public decimal TerritoryFactor(string key) => _values.TryGetValue(key, out var v) ? v : {|#1:1.1m|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate '_rateBasisPoints'", "25"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'TerritoryFactor'", "1.1m"));
        }

        [Fact]
        public async Task ListContainsOrContainsKeyWithThrow_NotReported()
        {
            const string source = """
                using System;
                using System.Collections;
                using System.Collections.Generic;

                namespace Company.Rating.Engine
                {
                    public class PremiumEngine
                    {
                        private Hashtable m_htRates = new Hashtable();
                        private List<string> m_lstSurchargedAreas = new List<string>();
                        private ArrayList m_alFloodAreas = new ArrayList();

                        public decimal GetAreaLoading(string strArea)
                        {
                            if (m_lstSurchargedAreas.Contains(strArea)) return 0.25m;
                            return m_alFloodAreas.Contains(strArea) ? 0.4m : 0m;
                        }

                        public decimal GetRate(string strRateCode)
                        {
                            if (!m_htRates.ContainsKey(strRateCode)) throw new InvalidOperationException("No rate " + strRateCode);
                            return (decimal)m_htRates[strRateCode];
                        }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task GetValueOrDefaultWithLiteral_FixUsesTryGetValue()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TerritoryRater
                {
                    private readonly Dictionary<string, decimal> _territoryFactors = new();

                    public decimal Factor(string territory) => _territoryFactors.GetValueOrDefault(territory, {|QG4002:1.0m|});

                    public decimal Premium(string territory, decimal basePremium) => basePremium * _territoryFactors.GetValueOrDefault(territory, {|QG4002:1.5m|});

                    public decimal Loading(decimal? loading) => loading.GetValueOrDefault({|QG4002:0.1m|});
                }
                """;
            const string fixedSource = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TerritoryRater
                {
                    private readonly Dictionary<string, decimal> _territoryFactors = new();

                    public decimal Factor(string territory) => _territoryFactors.TryGetValue(territory, out var rate) ? rate : throw new InvalidOperationException("Missing rate: _territoryFactors[territory]");

                    public decimal Premium(string territory, decimal basePremium) => basePremium * (_territoryFactors.TryGetValue(territory, out var rate) ? rate : throw new InvalidOperationException("Missing rate: _territoryFactors[territory]"));

                    public decimal Loading(decimal? loading) => loading ?? throw new InvalidOperationException("Missing rate: loading");
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task ImplicitDefaultTryGetValueAndCatch_ReportedWithoutFix()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TerritoryRater
                {
                    private readonly IReadOnlyDictionary<string, decimal> _rates = new Dictionary<string, decimal>();

                    public decimal Implicit(string key) => {|QG4002:_rates.GetValueOrDefault(key)|};

                    public decimal Ternary(string key) => _rates.TryGetValue(key, out var rate) ? rate : {|QG4002:1.1m|};

                    public decimal Negated(string key)
                    {
                        if (!_rates.TryGetValue(key, out var factor))
                        {
                            return {|QG4002:1m|};
                        }

                        return factor;
                    }

                    public decimal FallThrough(string key)
                    {
                        if (_rates.TryGetValue(key, out var loading)) return loading;
                        return {|QG4002:0.25m|};
                    }

                    public decimal GetBaseRate(string key)
                    {
                        try { return decimal.Parse(key); }
                        catch (FormatException) { return {|QG4002:100m|}; }
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task InlineTableDefaultLiteral_Reported_BandsAndThrowingDefaults_NotReported()
        {
            // Keys (constants) with a literal default: the default is the "not found" path. Bands (relational patterns), a
            // one-key switch, a throwing default, a default that computes its value and an enum default that stands for
            // declared members are not silent lookups.
            const string source = """
                using System;
                public enum PaymentMode { Annual, SemiAnnual, Quarterly, Monthly }

                [QualityGates.PremiumCalculation]
                public class ModalPremium
                {
                    public static decimal ModalFactor(PaymentMode mode)
                    {
                        switch (mode)
                        {
                            case PaymentMode.Annual: return 1.0000m;
                            case PaymentMode.SemiAnnual: return 0.5200m;
                            case PaymentMode.Quarterly: return 0.2650m;
                            case PaymentMode.Monthly: return 0.0900m;
                            default: return {|#0:1.0000m|};
                        }
                    }

                    public decimal Premium(string area, decimal basePremium, int vetFeeLimit, PaymentMode mode)
                    {
                        var areaFactor = area switch { "N" or "NE" => 1.10m, "S" => 1.25m, _ => {|#1:1.05m|} };
                        decimal loading;
                        switch (area) { case "L": loading = 0.2m; break; case "M": loading = 0.1m; break; default: loading = {|#2:0.05m|}; break; }
                        var limitFactor = vetFeeLimit switch { <= 2000 => 0.85m, <= 4000 => 1.00m, _ => 1.30m };
                        var single = area switch { "L" => 1.5m, _ => 1.2m };
                        var strict = mode switch { PaymentMode.Annual => 1m, PaymentMode.Monthly => 0.09m, _ => throw new ArgumentOutOfRangeException(nameof(mode)) };
                        var computed = area switch { "L" => 1.2m, "M" => 1.1m, _ => basePremium / 1000m };
                        // Over an enum, a default that stands for declared members (Quarterly, Monthly) groups them.
                        var grouped = mode switch { PaymentMode.Annual => 1m, PaymentMode.SemiAnnual => 0.52m, _ => 0.27m };
                        // Whole numbers counted from 0 are bands: the default is "5 or more years". A run from 1 is a code table.
                        var licenceFactor = vetFeeLimit switch { 0 => 1.45m, 1 => 1.30m, 2 => 1.18m, 3 or 4 => 1.08m, _ => 1.00m };
                        var groupFactor = vetFeeLimit switch { 1 => 0.9m, 2 => 1.0m, 3 => 1.2m, _ => {|#3:1.1m|} };
                        return basePremium * areaFactor * (1m + loading) * limitFactor * single * strict * computed * grouped * licenceFactor * groupFactor;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'ModalFactor'", "1.0000m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'areaFactor'", "1.05m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'loading'", "0.05m"),
                Verify.Diagnostic("QG4002").WithLocation(3).WithArguments("rate 'groupFactor'", "1.1m"));
        }

        [Fact]
        public async Task InlineTableOrLookupMultiplyingAnAmount_IsAFactor()
        {
            // What multiplies (or divides) an amount is a factor, whether assigned first, multiplied in place or compounded.
            const string source = """
                using System.Collections.Generic;
                public enum Cover { Accident, TimeLimited, Lifetime }

                [QualityGates.PremiumCalculation]
                public class PetRating
                {
                    private readonly Dictionary<string, decimal> _values = new();

                    public decimal Premium(Cover cover, decimal premium, string breed)
                    {
                        premium *= cover switch { Cover.Accident => 0.35m, Cover.TimeLimited => 0.70m, Cover.Lifetime => 1.00m, _ => {|#0:1.00m|} };
                        premium = premium * (_values.TryGetValue(breed, out var v) ? v : {|#1:1.1m|});
                        premium /= breed switch { "A" => 1.2m, "B" => 1.3m, _ => {|#2:1.05m|} };
                        return premium;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate", "1.00m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate", "1.1m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate", "1.05m"));
        }

        [Fact]
        public async Task SwitchWithoutDefaultOverAnInitializedFactor_InitializerReported()
        {
            // An occupation the cases do not list keeps the initial 0.0: priced at zero without a word.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class OccupationRater
                {
                    private readonly double[] _factors = { 1.0, 1.25, 1.5 };

                    public double GetOccupationFactor(string rating)
                    {
                        double occupationFactor = {|#0:0.0|};
                        switch (rating)
                        {
                            case "Professional": occupationFactor = _factors[0]; break;
                            case "White Collar": occupationFactor = _factors[1]; break;
                            case "Light Manual": occupationFactor = _factors[2]; break;
                        }

                        return occupationFactor;
                    }

                    public double WithDefault(string rating)
                    {
                        double factor = 0.0;
                        switch (rating)
                        {
                            case "A": factor = 1.1; break;
                            case "B": factor = 1.2; break;
                            default: throw new System.ArgumentOutOfRangeException(nameof(rating));
                        }

                        return factor;
                    }

                    public double TwoLocals(string rating)
                    {
                        double factor = 0.0, loading = 0.0;
                        switch (rating)
                        {
                            case "A": factor = 1.1; break;
                            case "B": loading = 1.2; break;
                        }

                        return factor + loading;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'occupationFactor'", "0.0"));
        }

        [Fact]
        public async Task KeyedTableWrittenAsConditions_FallbackReported()
        {
            // The if/else, return and ternary spellings of a switch with a default: a zone the tests do not list is rated
            // with the last literal, or with the local's initial value when no else is left.
            const string source = """
                public enum Cover { Basic, Plus }

                [QualityGates.PremiumCalculation]
                public class ZoneRater
                {
                    public decimal ElseIf(string zone)
                    {
                        decimal factor;
                        if (zone == "A") factor = 1.2m;
                        else if (zone == "B" || zone == "C") { factor = 1.4m; }
                        else factor = {|#0:1.1m|};
                        return factor;
                    }

                    public decimal ZoneFactor(string zone)
                    {
                        if (zone.Equals("A")) return 1.2m;
                        if (string.Equals(zone, "B", System.StringComparison.Ordinal)) return 1.4m;
                        return {|#1:0.9m|};
                    }

                    public decimal ZoneLoading(string zone) => zone == "A" ? 1.2m : "B" == zone ? 1.4m : {|#2:0m|};

                    public decimal NoElse(string zone)
                    {
                        decimal factor = {|#3:0m|};
                        if (zone is "A" or "D") factor = 1.2m;
                        else if (zone == "B") factor = 1.4m;
                        return factor;
                    }

                    public decimal CoverFactor(Cover cover)
                    {
                        if (cover == Cover.Basic) return 1.0m;
                        if (cover == Cover.Plus) return 1.3m;
                        return {|#4:0.5m|};
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'factor'", "1.1m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'ZoneFactor'", "0.9m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'ZoneLoading'", "0m"),
                Verify.Diagnostic("QG4002").WithLocation(3).WithArguments("rate 'factor'", "0m"),
                Verify.Diagnostic("QG4002").WithLocation(4).WithArguments("rate 'CoverFactor'", "0.5m"));
        }

        [Fact]
        public async Task ConditionsThatAreNoKeyedTable_NotReported()
        {
            const string source = """
                public enum Cover { Basic, Plus, Premier }

                [QualityGates.PremiumCalculation]
                public class ZoneRater
                {
                    // Bands, not keys: the last branch is the top band.
                    public decimal BandFactor(int age) => age < 25 ? 1.8m : age < 70 ? 1.0m : 1.3m;

                    // Claims counted from 0: "2 or more" is a band.
                    public decimal ClaimsFactor(int claims)
                    {
                        if (claims == 0) return 0.8m;
                        if (claims == 1) return 1.0m;
                        return 1.5m;
                    }

                    // Over an enum, the last branch stands for the members not listed.
                    public decimal GroupFactor(Cover cover) => cover == Cover.Basic ? 1.0m : cover == Cover.Plus ? 1.3m : 1.6m;

                    // One key is an if/else, not a table; a bool has no key to miss.
                    public decimal OneFactor(string zone) => zone == "A" ? 1.2m : 1.1m;

                    public decimal SmokerFactor(bool smoker, bool drinker)
                    {
                        if (smoker == true) return 1.5m;
                        if (drinker == true) return 1.2m;
                        return 1.1m;
                    }

                    // Different values tested, a computed row, a row that is no literal.
                    public decimal MixedFactor(string zone, string region, decimal rate)
                    {
                        if (zone == "A") return 1.2m;
                        if (region == "B") return 1.4m;
                        if (zone == "C") return rate;
                        return 1.1m;
                    }

                    // The last statement throws: no fallback.
                    public decimal StrictFactor(string zone)
                    {
                        if (zone == "A") return 1.2m;
                        if (zone == "B") return 1.4m;
                        throw new System.ArgumentOutOfRangeException(nameof(zone));
                    }

                    // An allowed neutral fallback is reported by no spelling (qualitygates_allowed_fallback_values).
                    public decimal NeutralFactor(string zone) => zone == "A" ? 1.2m : zone == "B" ? 1.4m : 1m;

                    // Two targets: no table.
                    public decimal TwoTargetsFactor(string zone)
                    {
                        decimal factor = 0m, loading = 0m;
                        if (zone == "A") factor = 1.2m;
                        else if (zone == "B") loading = 1.4m;
                        return factor + loading;
                    }
                }
                """;

            await Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.SilentFallbackForMissingRateAnalyzer>.VerifyAsync(source, "qualitygates_allowed_fallback_values = 1");
        }

        [Fact]
        public async Task SwitchWithoutDefault_InitializerOverwrittenOrValueTransformed_NotReported()
        {
            // An unlisted term keeps the computed premium, not the 0.00m it was declared with.
            const string source = """
                public class QuoteLogic
                {
                    public decimal CalculatePremium(decimal sumInsured, decimal rate, int term, string zone)
                    {
                        var premium = 0.00m;
                        premium = sumInsured * rate;
                        switch (term)
                        {
                            case 3: premium = 1.2m; break;
                            case 4: premium = 1.3m; break;
                        }

                        var loading = 0.00m;
                        if (zone == "A") loading = 1.2m;
                        else if (zone == "B") loading = 1.4m;

                        var premiumPerTerm = 0.00m;
                        switch (term)
                        {
                            case 3: premiumPerTerm = premiumPerTerm / 4; break;
                            case 4: premiumPerTerm = premiumPerTerm / 3; break;
                        }

                        return premium + loading + premiumPerTerm;
                    }

                    public decimal Loading(string zone)
                    {
                        var loading = 0.00m;
                        loading = zone.Length;
                        if (zone == "A") loading = 1.2m;
                        else if (zone == "B") loading = 1.4m;
                        return loading;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithSpan(13, 23, 13, 28).WithArguments("rate 'loading'", "0.00m"));
        }

        [Fact]
        public async Task HandlerFallingThroughToALiteralReturn_Reported_HandlersThatTellOrExitNot()
        {
            const string source = """
                using System;

                public interface IRateTable { decimal Rate(string key); }

                [QualityGates.PremiumCalculation]
                public class InstalmentRater
                {
                    private readonly IRateTable _table;
                    public InstalmentRater(IRateTable table) => _table = table;

                    public decimal LowestInstalmentPremium(string key)
                    {
                        try
                        {
                            return _table.Rate(key) / 12;
                        }
                        catch (Exception)
                        {
                        }

                        return {|#0:0|};
                    }

                    public decimal Rethrown(string key)
                    {
                        try { return _table.Rate(key); }
                        catch (Exception) { throw; }
                        return 0m;
                    }

                    public decimal Computed(string key)
                    {
                        decimal premium = 0m;
                        try { premium = _table.Rate(key); }
                        catch (Exception) { }
                        return 0m;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("monetary value 'LowestInstalmentPremium'", "0"));
        }

        [Fact]
        public async Task LookupOnAVolatileSnapshotOfATable_Reported()
        {
            // The snapshot QG4003 recommends (an immutable table swapped with Volatile.Write) is still the rate table.
            const string source = """
                using System.Collections.Generic;
                using System.Threading;

                [QualityGates.PremiumCalculation]
                public class MileageRater
                {
                    private static IReadOnlyDictionary<string, decimal> s_territoryFactors = new Dictionary<string, decimal>();

                    public static void Load(IReadOnlyDictionary<string, decimal> filed) => Volatile.Write(ref s_territoryFactors, filed);

                    public decimal Premium(decimal basePremium, string area)
                    {
                        var territory = Volatile.Read(ref s_territoryFactors).TryGetValue(area, out var tf) ? tf : {|#0:1.15m|};
                        return basePremium * territory;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 's_territoryFactors'", "1.15m"));
        }

        [Fact]
        public async Task UnknownDiscountFallingBackToNone_NotReported_FactorsAndOtherFallbacksStill()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class TravelPremiumCalculator
                {
                    private readonly Dictionary<string, decimal> _promoDiscounts = new();
                    private readonly Dictionary<string, decimal> _discountFactors = new();
                    private readonly Dictionary<string, decimal> _loyaltyCredits = new();

                    public decimal Discount(string promoCode) => _promoDiscounts.GetValueOrDefault(promoCode);

                    public decimal Credit(string tier) => _loyaltyCredits.TryGetValue(tier, out var credit) ? credit : 0m;

                    public decimal Factor(string promoCode) => {|#0:_discountFactors.GetValueOrDefault(promoCode)|};

                    public decimal Generous(string promoCode) => _promoDiscounts.GetValueOrDefault(promoCode, {|#1:0.10m|});

                    public async System.Threading.Tasks.Task<decimal> MultiPetDiscountAsync(System.Func<System.Threading.Tasks.Task<string>> fetch)
                    {
                        try { return decimal.Parse(await fetch(), System.Globalization.CultureInfo.InvariantCulture); }
                        catch (System.FormatException) { return 0m; }
                    }

                    public async System.Threading.Tasks.Task<decimal> MultiPetFactorAsync(System.Func<System.Threading.Tasks.Task<string>> fetch)
                    {
                        try { return decimal.Parse(await fetch(), System.Globalization.CultureInfo.InvariantCulture); }
                        catch (System.FormatException) { return {|#2:1.0m|}; }
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate '_discountFactors'", "0"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate '_promoDiscounts'", "0.10m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'MultiPetFactorAsync'", "1.0m"));
        }

        [Fact]
        public async Task SwitchWithoutDefaultThenALiteralReturn_Reported_BandsAndBreaksNot()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class LiabilityRater
                {
                    private decimal _inc200 = 1.15m, _inc300 = 1.24m;

                    public decimal LimitFactor(int limit)
                    {
                        switch (limit)
                        {
                            case 200000: return _inc200;
                            case 300000: return _inc300;
                                break;
                        }

                        return {|#0:1.00m|};
                    }

                    public decimal ClaimsFactor(int claims)
                    {
                        switch (claims)
                        {
                            case 0: return 0.9m;
                            case 1: return 1.1m;
                        }

                        return 1.5m;
                    }

                    public decimal NotAllReturn(int limit, decimal loading)
                    {
                        switch (limit)
                        {
                            case 200000: loading = 1.15m; break;
                            case 300000: return 1.24m;
                        }

                        return 1.00m;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'LimitFactor'", "1.00m"));
        }

        [Fact]
        public async Task ChainedCoalesce_NamedByTheChain_Reported()
        {
            const string source = """
                public sealed record RateRow(decimal? Factor, decimal? Additive, decimal? Other);

                [QualityGates.PremiumCalculation]
                public class InMemoryRateLookup
                {
                    public decimal Resolve(RateRow match) => match.Factor ?? match.Additive ?? {|#0:0m|};

                    public decimal Pick(RateRow match) => match.Other ?? match.Additive ?? 0m;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'Factor'", "0m"));
        }

        [Fact]
        public async Task DataTableOfRatesThatFoundNothing_Reported()
        {
            // A stored procedure's rows: a charge no row was found for is priced at 0.
            const string source = """
                using System.Data;

                [QualityGates.PremiumCalculation]
                public class ChargeRater
                {
                    private DataTable GetQuery(string procedure) => new DataTable();

                    public decimal GetCharge()
                    {
                        DataTable chargeRates = GetQuery("GetCharge");
                        if (chargeRates.Rows.Count > 0)
                            return (decimal)chargeRates.Rows[0]["chargePercent"];
                        else
                            return {|#0:0|};
                    }

                    public decimal Vehicles()
                    {
                        DataTable vehicles = GetQuery("GetVehicles");
                        if (vehicles.Rows.Count > 0)
                            return vehicles.Rows.Count;
                        return 0;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("monetary value 'GetCharge'", "0"));
        }

        [Fact]
        public async Task QueryOfNumbersOrDefault_SilentZeroReported()
        {
            // A cover no rule matches gets a base price of 0.
            const string source = """
                using System.Collections.Generic;
                using System.Linq;

                public interface IRule { bool Applies(string cover); decimal BasePrice(string cover); }

                [QualityGates.PremiumCalculation]
                public class BasePremiumRules
                {
                    private readonly List<IRule> _rules = new();
                    private readonly List<decimal> _baseRates = new();
                    private readonly List<int> _claimCounts = new();

                    public decimal Calculate(string cover) => {|#0:_rules.Where(r => r.Applies(cover)).Select(r => r.BasePrice(cover)).FirstOrDefault()|};

                    public decimal Rate(int i) => _baseRates.Where(r => r > i).FirstOrDefault({|#1:1.2m|});

                    public int Claims() => _claimCounts.FirstOrDefault();

                    public decimal? Maybe(string cover) => _rules.Where(r => r.Applies(cover)).Select(r => (decimal?)r.BasePrice(cover)).FirstOrDefault();
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("monetary value 'BasePrice'", "0"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate '_baseRates'", "1.2m"));
        }

        [Fact]
        public async Task CatchThatRefersThrowsOrRecords_NotReported()
        {
            // The handler reports the miss (refers the case, rethrows, records it): 0 is "no price", not a made-up rate.
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;

                public class RateNotFoundException : Exception { }
                public enum Decision { Approve, Refer, Decline }
                public static class StatusCodes
                {
                    public const string APPROVED = "APP";
                    public const string REFERRED = "REF";
                }

                [QualityGates.PremiumCalculation]
                public class MotorRater
                {
                    private readonly List<string> _errors = new();
                    public Decision Outcome { get; private set; }

                    public decimal GetBaseRate(string key, out string strStatus)
                    {
                        strStatus = StatusCodes.APPROVED;
                        try { return Lookup(key); }
                        catch (RateNotFoundException ex) { strStatus = StatusCodes.REFERRED; Log(ex); return 0m; }
                    }

                    public decimal GetAreaRate(string key)
                    {
                        try { return Lookup(key); }
                        catch (RateNotFoundException) { Outcome = Decision.Decline; return 0m; }
                    }

                    public decimal GetVehicleRate(string key, bool strict)
                    {
                        try { return Lookup(key); }
                        catch (RateNotFoundException) { if (strict) throw; return 0m; }
                    }

                    public decimal GetDriverRate(string key)
                    {
                        try { return Lookup(key); }
                        catch (RateNotFoundException ex) { _errors.Add(ex.Message); return 0m; }
                    }

                    private static decimal Lookup(string key) => throw new RateNotFoundException();
                    private static void Log(Exception ex) => Console.WriteLine(ex);
                }
                """);
        }

        [Fact]
        public async Task CatchThatOnlyLogsOrApproves_Reported()
        {
            // Logging, a favourable status or a message that merely mentions referral do not tell anyone the rate is missing.
            await Verify.VerifyAnalyzerAsync("""
                using System;

                public class RateNotFoundException : Exception { }
                public static class StatusCodes
                {
                    public const string APPROVED = "APP";
                    public const string REFERRED = "REF";
                }

                [QualityGates.PremiumCalculation]
                public class MotorRater
                {
                    public decimal GetBaseRate(string key, out string strStatus)
                    {
                        strStatus = StatusCodes.REFERRED;
                        try { return Lookup(key); }
                        catch (RateNotFoundException ex) { strStatus = StatusCodes.APPROVED; Log(ex); return {|#0:0m|}; }
                    }

                    public decimal GetAreaRate(string key, out string strMessage)
                    {
                        strMessage = "";
                        try { return Lookup(key); }
                        catch (RateNotFoundException) { strMessage = StatusCodes.REFERRED; Console.WriteLine("Referred to underwriter"); return {|#1:1.5m|}; }
                    }

                    private static decimal Lookup(string key) => throw new RateNotFoundException();
                    private static void Log(Exception ex) => Console.WriteLine(ex);
                }
                """,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'GetBaseRate'", "0m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'GetAreaRate'", "1.5m"));
        }

        [Fact]
        public async Task AsyncMethodCatchReturnsLiteral_ReportedLikeItsSynchronousTwin()
        {
            // An async method's value is its task's result.
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Threading.Tasks;

                public interface IRateRepository { decimal FindFactor(string key); Task<decimal> FindFactorAsync(string key); }

                [QualityGates.PremiumCalculation]
                public sealed class RatingFactors
                {
                    private readonly IRateRepository _repository;
                    public RatingFactors(IRateRepository repository) => _repository = repository;

                    public decimal GetTerritoryFactor(string key)
                    {
                        try { return _repository.FindFactor(key); }
                        catch (TimeoutException) { return {|#0:1.10m|}; }
                    }

                    public async Task<decimal> GetTerritoryFactorAsync(string key)
                    {
                        try { return await _repository.FindFactorAsync(key); }
                        catch (TimeoutException) { return {|#1:1.10m|}; }
                    }

                    public async ValueTask<decimal> GetAreaFactorAsync(string key)
                    {
                        var factor = await _repository.FindFactorAsync(key);
                        return factor;
                    }
                }
                """,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'GetTerritoryFactor'", "1.10m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'GetTerritoryFactorAsync'", "1.10m"));
        }

        [Fact]
        public async Task TryMethodOutParameter_NotReported()
        {
            // bool TryGetRate(..., out decimal rate): the bool reports the miss, the out value is only a placeholder.
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.Linq;

                [QualityGates.PremiumCalculation]
                public class RateTable
                {
                    private readonly Dictionary<string, decimal> _rates = new();

                    public bool TryGetRate(string key, out decimal rate)
                    {
                        var match = _rates.Where(r => r.Key == key).Select(r => (decimal?)r.Value).FirstOrDefault();
                        rate = match ?? 0m;
                        return match.HasValue;
                    }

                    public bool TryGetLoading(string key, out decimal loading)
                    {
                        loading = _rates.TryGetValue(key, out var found) ? found : 0m;
                        return _rates.ContainsKey(key);
                    }

                    public bool TryParseRate(string text, out decimal rate)
                    {
                        try { rate = decimal.Parse(text); return true; }
                        catch (FormatException) { rate = 0m; return false; }
                    }
                }
                """);
        }

        [Fact]
        public async Task OutParameterOutsideTryConvention_Reported()
        {
            // Not the Try convention: a void method, or a Try* method whose result is not a bool, gives the caller no miss signal.
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class RateTable
                {
                    private readonly Dictionary<string, decimal?> _rates = new();

                    public void GetRate(string key, out decimal rate)
                    {
                        rate = _rates[key] ?? {|#0:2m|};
                    }

                    public decimal TryRate(string key, out decimal rate)
                    {
                        rate = _rates[key] ?? {|#1:3m|};
                        return rate;
                    }

                    public bool TryGetRate(string key, out decimal rate, ref decimal loading)
                    {
                        rate = 1.2m;
                        loading = _rates[key] ?? {|#2:4m|};
                        return true;
                    }
                }
                """,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate '_rates'", "2m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate '_rates'", "3m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate '_rates'", "4m"));
        }

        [Fact]
        public async Task KeyTestBehindGuardConjunction_Reported()
        {
            // ht != null && ht.ContainsKey(k): the lookup is one conjunct of a guard; its failure still reaches the literal.
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class RatingHelper
                {
                    public static decimal GetBandFactor(Hashtable htBands, int iBand)
                    {
                        if (htBands != null && htBands.ContainsKey(iBand))
                        {
                            return Convert.ToDecimal(htBands[iBand]);
                        }
                        return {|#0:1.1m|};
                    }

                    public static decimal GetAreaRate(Dictionary<string, decimal>? rates, string area) =>
                        rates != null && (area.Length > 0 && rates.TryGetValue(area, out var rate)) ? rate : {|#1:1.2m|};

                    public static decimal GetZoneRate(Dictionary<string, decimal>? rates, string zone)
                    {
                        if (!(rates != null && rates.TryGetValue(zone, out var rate)))
                        {
                            return {|#2:1.3m|};
                        }

                        return rate;
                    }

                    public static decimal GetTierRate(Dictionary<string, decimal> rates, string tier, bool strict)
                    {
                        if (strict && !rates.TryGetValue(tier, out var rate))
                        {
                            return {|#3:1.4m|};
                        }

                        return 0.9m;
                    }
                }
                """,
                Verify.Diagnostic("QG4002").WithLocation(0).WithArguments("rate 'GetBandFactor'", "1.1m"),
                Verify.Diagnostic("QG4002").WithLocation(1).WithArguments("rate 'rate'", "1.2m"),
                Verify.Diagnostic("QG4002").WithLocation(2).WithArguments("rate 'rate'", "1.3m"),
                Verify.Diagnostic("QG4002").WithLocation(3).WithArguments("rate 'rate'", "1.4m"));
        }

        [Fact]
        public async Task KeyTestInDisjunction_NotReported()
        {
            // With || the literal's branch is not only the miss: it is also what the other operand chooses (a manual rate).
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class RatingHelper
                {
                    public static decimal GetAreaRate(Dictionary<string, decimal> rates, string area, bool manual)
                    {
                        if (manual || !rates.TryGetValue(area, out var rate))
                        {
                            return 1.1m;
                        }

                        return rate;
                    }

                    public static decimal GetZoneRate(Dictionary<string, decimal> rates, string zone, bool manual) =>
                        manual || !rates.TryGetValue(zone, out var rate) ? 1.2m : rate;
                }
                """);
        }

        [Fact]
        public async Task OwnTryLookupMissBranch_ReportedWithoutFix()
        {
            // A rate table's own Try* lookup has the same "not found" branch as TryGetValue.
            const string source = """
                using System;

                public interface IRateTable
                {
                    bool TryLookup(string table, string key, out decimal factor);
                    bool TryFind(string key, out string description);
                    bool TrySomething(string key);
                }

                [QualityGates.PremiumCalculation]
                public class BreedRater
                {
                    private readonly IRateTable _table;

                    public BreedRater(IRateTable table) => _table = table;

                    public decimal Ternary(string breed) => _table.TryLookup("breed", breed, out var factor) ? factor : {|QG4002:0.95m|};

                    public decimal Negated(string breed)
                    {
                        if (!_table.TryLookup("breed", breed, out var loading))
                        {
                            return {|QG4002:1.2m|};
                        }

                        return loading;
                    }

                    public decimal Parsed(string text) => decimal.TryParse(text, out var rate) ? rate : {|QG4002:1.1m|};

                    public string Describe(string key) => _table.TryFind(key, out var description) ? description : "none";

                    public decimal NoOut(string key) => _table.TrySomething(key) ? 1.3m : 1.4m;

                    public decimal Neutral(string breed) => _table.TryLookup("breed", breed, out var factor) ? factor : 1m;
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source, "qualitygates_allowed_fallback_values = 1");
        }

        [Fact]
        public async Task NonRateValuesThrowingAndNamedConstants_NotReported()
        {
            const string source = """
                using System;
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    private const decimal NeutralFactor = 1m;
                    private readonly Dictionary<string, int> _vehicleCounts = new();

                    public decimal Premium(RateConfig? config, string key, int? drivers)
                    {
                        var code = config?.Code ?? 0m;
                        var count = _vehicleCounts.GetValueOrDefault(key, 1);
                        var named = config?.Rate ?? NeutralFactor;
                        var strict = config?.BasePremium ?? throw new InvalidOperationException("missing");
                        var driverCount = drivers ?? 1;
                        return code + count + named + strict + driverCount;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source + Config);
        }

        [Fact]
        public async Task OutsideScopeOrUnderwritingOnly_NotReported()
        {
            const string source = """
                [QualityGates.UnderwritingRule]
                public class Referrals
                {
                    public decimal Threshold(RateConfig? config) => config?.Rate ?? 100;
                }

                public class Reporting
                {
                    public decimal Average(RateConfig? config) => config?.Rate ?? 0;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source + Config);
        }

        [Fact]
        public async Task AllowedFallbackConfigured_NeutralFactorNotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Calculator
                {
                    public decimal Factor(RateConfig? config) => config?.Rate ?? 1.0m;

                    public decimal Premium(RateConfig? config) => config?.BasePremium ?? {|QG4002:100m|};
                }
                """;

            await Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.SilentFallbackForMissingRateAnalyzer>.VerifyAsync(source + Config, "dotnet_code_quality.QG4002.allowed_fallback_values = 1");
        }
    }
}
