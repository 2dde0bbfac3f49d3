using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.EmbeddedRateTableAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG4001EmbeddedRateTableTests
    {
        // Opt-in rule: the tests turn it on the way a team would.
        private const string Enabled = "dotnet_diagnostic.QG4001.severity = warning";

        [Fact]
        public async Task DictionaryOfFactors_ReportedWithShapeAndCount()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class VehicleRater
                {
                    private static readonly Dictionary<string, decimal> Make = new Dictionary<string, decimal> { ["Audi"] = 1.5m, ["BMW"] = 1.6m, ["Fiat"] = 0.9m };
                }
                """;

            await Verify.VerifyAsync(source, Enabled, Verify.Diagnostic("QG4001").WithSpan(6, 64, 6, 148).WithArguments("dictionary initializer", "3"));
        }

        [Fact]
        public async Task CollectionFilledRowByRow_ReportedAtItsFirstRow()
        {
            // The same table as an initializer, written one Add (or indexer assignment) per statement.
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class OccupationRater
                {
                    private readonly Dictionary<string, float> _occupationRating = new();
                    private readonly Dictionary<string, decimal> _zones = new();

                    public void Load()
                    {
                        {|#0:_occupationRating.Add("Professional", 1.0f);|}
                        _occupationRating.Add("White Collar", 1.25f);
                        _occupationRating.Add("Light Manual", 1.5f);
                        _occupationRating.Add("Heavy Manual", 1.75f);
                        {|#1:_zones["A"] = 1.1m;|}
                        _zones["B"] = 1.2m;
                        _zones["C"] = 1.4m;
                        _zones.Add("D", 1.5m);
                        var counts = new Dictionary<string, int>();
                        counts.Add("A", 1);
                        counts.Add("B", 2);
                        counts.Add("C", 3);
                        _occupationRating.Add("Retired", 1.1f);
                        _occupationRating.Add("Student", 1.3f);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enabled,
                Verify.Diagnostic("QG4001").WithLocation(0).WithArguments("collection filled row by row", "4"),
                Verify.Diagnostic("QG4001").WithLocation(1).WithArguments("collection filled row by row", "4"));
        }

        [Fact]
        public async Task CollectionExpressions_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class NcdRater
                {
                    private readonly decimal[] _steps = {|QG4001:[1.0m, 0.8m, 0.7m, 0.6m]|};

                    private readonly List<decimal> _loadings = {|QG4001:[1.1m, -(0.05m), 1.3m]|};

                    private readonly decimal[][] _grid = {|QG4001:[[1.1m, 1.2m], [1.3m]]|};

                    private readonly decimal[] _pair = [1.1m, 1.2m];

                    private readonly int[] _ages = [17, 25, 70, 80];

                    public decimal[] Excess() => {|QG4001:[0.95m, 1.0m, 1.05m]|};

                    public System.Func<decimal[]> Later() => () => {|QG4001:[1.1m, 1.2m, 1.3m]|};

                    public decimal[] Local()
                    {
                        return Steps();
                        static decimal[] Steps() => {|QG4001:[0.9m, 0.8m, 0.7m]|};
                    }
                }

                public class Dashboard
                {
                    private readonly decimal[] _thresholds = [0.5m, 0.75m, 0.9m];
                }
                """;

            await Verify.VerifyAsync(source, Enabled);
        }

        [Fact]
        public async Task SwitchArraysAndAddInitializers_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                public enum Band { Young, Adult, Senior, Unknown }

                public class PremiumRater
                {
                    public decimal AgeFactor(Band band) => {|QG4001:band switch
                    {
                        Band.Young => 1.8m,
                        Band.Adult => 1.0m,
                        Band.Senior => 1.25m,
                        _ => 1.0m,
                    }|};

                    private readonly double[] _ncd = {|QG4001:{ 1.0, 0.8, 0.7, 0.6 }|};

                    private readonly decimal[,] _grid = {|QG4001:new decimal[,] { { 1.1m, 1.2m }, { 1.3m, 1.4m } }|};

                    private readonly Dictionary<int, decimal> _excess = {|QG4001:new() { { 250, 1.05m }, { 500, 1.0m }, { 1000, 0.92m } }|};
                }
                """;

            await Verify.VerifyAsync(source, Enabled);
        }

        [Fact]
        public async Task SwitchStatementOfFactors_ReportedAtItsHead()
        {
            // The switch expression's older spelling: each section returns or assigns its row's factor.
            const string source = """
                public class OccupationRater
                {
                    public decimal Factor(string occupation)
                    {
                        {|#0:switch (occupation)|}
                        {
                            case "Clerical": return 0.9m;
                            case "Manual":
                            case "Trades": return 1.35m;
                            case "Hazardous": return 2.1m;
                            default: throw new System.ArgumentOutOfRangeException(nameof(occupation));
                        }
                    }

                    public double Zone(int zone)
                    {
                        double factor;
                        {|#1:switch (zone)|}
                        {
                            case 1: factor = 1.1; break;
                            case 2: System.Console.WriteLine(zone); factor = 1.2; break;
                            default: factor = 1.4; break;
                        }

                        return factor;
                    }

                    public decimal Pair(bool young)
                    {
                        switch (young) { case true: return 1.8m; default: return 1.2m; }
                    }

                    public int Excess(int band)
                    {
                        switch (band) { case 1: return 250; case 2: return 500; default: return 1000; }
                    }

                    public decimal Units(string basis)
                    {
                        switch (basis) { case "Payroll": return 100m; case "Sales": return 1000m; default: return 1m; }
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enabled,
                Verify.Diagnostic("QG4001").WithLocation(0).WithArguments("switch statement", "3"),
                Verify.Diagnostic("QG4001").WithLocation(1).WithArguments("switch statement", "3"));
        }

        [Fact]
        public async Task RowsWrittenAsInitializersOrSectionsAssigningSeveralRates_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                public class RatingModel { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Factor { get; set; } }

                [QualityGates.PremiumCalculation]
                public class RatingRepository
                {
                    private double _basicRate1, _basicRate2, _basicRate3;

                    public IList<RatingModel> GetRatings() => {|#0:new List<RatingModel>
                    {
                        new RatingModel { Id = 1, Name = "Professional", Factor = 1 },
                        new RatingModel { Id = 2, Name = "White Collar", Factor = 1.25M },
                        new RatingModel { Id = 3, Name = "Light Manual", Factor = 1.5M },
                        new RatingModel { Id = 4, Name = "Heavy Manual", Factor = 1.75M },
                    }|};

                    public RatingModel Single() => new RatingModel { Id = 1, Name = "Only", Factor = 1.25M };

                    public void SetRate(int propertiesNum)
                    {
                        {|#1:switch (propertiesNum)|}
                        {
                            case 1: _basicRate1 = 92.00; _basicRate2 = 92.00; _basicRate3 = 97.00; break;
                            default: _basicRate1 = 24.00; _basicRate2 = 37.00; _basicRate3 = 132.00; break;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enabled,
                Verify.Diagnostic("QG4001").WithLocation(0).WithArguments("collection initializer", "3"),
                Verify.Diagnostic("QG4001").WithLocation(1).WithArguments("switch statement", "6"));
        }

        [Fact]
        public async Task FewFactorsIntegersOrStrings_NotReported()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class PremiumRater
                {
                    private readonly Dictionary<string, decimal> _pair = new() { ["A"] = 1.1m, ["B"] = 1.2m };
                    private readonly int[] _ageBands = { 18, 25, 40, 65 };
                    private readonly decimal[] _bounds = { 100, 200, 300 };
                    private readonly List<string> _codes = new() { "A", "B", "C" };

                    public string Label(int band) => band switch { 1 => "low", 2 => "mid", 3 => "high", _ => "none" };
                }
                """;

            await Verify.VerifyAsync(source, Enabled);
        }

        [Fact]
        public async Task RowsOfRecordsAndTuples_Reported()
        {
            // A filed class-rate table is a dictionary of rows, each a construction or a tuple holding several rates.
            const string source = """
                using System.Collections.Generic;

                public sealed record ClassRate(string Code, decimal Rate, decimal ElrRate, decimal DRatio, string HazardGroup);

                public class WorkersCompRating
                {
                    private static readonly IReadOnlyDictionary<string, ClassRate> Ca = {|#0:new Dictionary<string, ClassRate>
                    {
                        ["5403"] = new("5403", 11.42m, 2.91m, 0.36m, "F"),
                        ["8810"] = new ClassRate("8810", 0.27m, 0.07m, 0.38m, "C"),
                    }|#0};

                    public decimal Discount(decimal standardPremium)
                    {
                        (decimal Upper, decimal Pct)[] tiers = {|#1:[(10_000m, 0.000m), (200_000m, 0.091m), (decimal.MaxValue, 0.123m)]|};
                        var bands = {|#2:new[] { (5_000m, 0.05m), (25_000m, 0.08m) }|};
                        return tiers[0].Pct + bands[0].Item2 * standardPremium;
                    }

                    public ClassRate Row(string code) => {|#3:code switch
                    {
                        "5403" => new("5403", 11.42m, 2.91m, 0.36m, "F"),
                        _ => new("0000", 1m, 1m, 1m, "A"),
                    }|#3};
                }
                """;

            await Verify.VerifyAsync(
                source,
                Enabled,
                Verify.Diagnostic("QG4001").WithLocation(0).WithArguments("dictionary initializer", "6"),
                Verify.Diagnostic("QG4001").WithLocation(1).WithArguments("collection expression", "5"),
                Verify.Diagnostic("QG4001").WithLocation(2).WithArguments("array initializer", "4"),
                Verify.Diagnostic("QG4001").WithLocation(3).WithArguments("switch expression", "6"));
        }

        [Fact]
        public async Task UnitConversionsOnly_NotReported()
        {
            // Per-$1,000 and per-$100 exposure bases: every value is 1 or an allowed literal, nothing is rated. One rated
            // value makes it a table again, and a team's own allowed literals count the same way.
            const string source = """
                public enum Basis { Sales, Payroll, Area, Units }

                public class GeneralLiabilityRating
                {
                    public decimal ExposureDivisor(Basis basis) => basis switch
                    {
                        Basis.Sales => 1_000m,
                        Basis.Payroll => 100m,
                        Basis.Area => 1_000m,
                        _ => 1m,
                    };

                    public decimal[] Units() => [1m, 10m, 100m, 0m];

                    public decimal Per(Basis basis) => {|#0:basis switch
                    {
                        Basis.Sales => 1_000m,
                        Basis.Payroll => 100m,
                        _ => 250m,
                    }|#0};
                }
                """;

            await Verify.VerifyAsync(source, Enabled, Verify.Diagnostic("QG4001").WithLocation(0).WithArguments("switch expression", "3"));
            await Verify.VerifyAsync(source, Enabled + "\nqualitygates_allowed_literals = 2, 10, 12, 100, 250, 1000");
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                using System.Collections.Generic;

                public class ChartColours
                {
                    private readonly Dictionary<string, double> _opacity = new() { ["a"] = 0.1, ["b"] = 0.2, ["c"] = 0.3 };
                }
                """;

            await Verify.VerifyAsync(source, Enabled);
        }

        [Fact]
        public void Descriptor_IsOptIn()
        {
            // The test harness reports disabled-by-default rules anyway, so the opt-in is asserted on the descriptor.
            Assert.False(DiagnosticDescriptors.EmbeddedRateTable.IsEnabledByDefault);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.EmbeddedRateTable.DefaultSeverity);
        }

        [Fact]
        public async Task SeverityNone_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private readonly decimal[] _factors = { 1.1m, 1.2m, 1.3m };
                }
                """;

            await Verify.VerifyAsync(source, "dotnet_diagnostic.QG4001.severity = none");
        }
    }
}
