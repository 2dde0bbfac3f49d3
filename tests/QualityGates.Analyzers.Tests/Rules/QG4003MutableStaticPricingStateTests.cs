using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using QualityGates.Analyzers.Tests.Verifiers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.MutableStaticPricingStateAnalyzer>;
using VerifyFix = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.MutableStaticPricingStateAnalyzer,
    QualityGates.CodeFixes.Rules.MutableStaticPricingStateCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG4003MutableStaticPricingStateTests
    {
        [Fact]
        public async Task StaticMutableRate_ReportedWithName()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    public static decimal BaseRate = 1.2m;
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("QG4003").WithSpan(4, 27, 4, 35).WithArguments("Tariff.BaseRate"));
        }

        [Fact]
        public async Task PropertiesCollectionsAndWrites_Reported()
        {
            const string source = """
                using System.Collections.Generic;

                public static class PremiumTables
                {
                    public static decimal {|QG4003:MinimumPremium|} { get; set; } = 50m;
                    public static decimal {|QG4003:Loading|} { get; private set; }
                    internal static Dictionary<string, decimal> {|QG4003:TerritoryFactors|} = new();
                    private static double {|QG4003:_discount|};

                    public static void Apply(decimal loading) { {|QG4003:Loading = loading|}; {|QG4003:_discount += 0.1|}; }
                }

                public class RateLoader
                {
                    public void Load() { {|QG4003:PremiumTables.MinimumPremium = 75m|}; {|QG4003:PremiumTables.TerritoryFactors = new Dictionary<string, decimal>()|}; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task StaticDataTableOfRates_Reported_OtherTablesNot()
        {
            const string source = """
                using System.Data;

                public static class PremiumTables
                {
                    public static DataTable {|QG4003:DiscRateAnn|} = new DataTable();
                    public static DataTable Vehicles = new DataTable();
                    public static readonly DataTable MortalityRates = new DataTable();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task StaticTableInitialisedWithRateLiterals_ReportedWhateverItsName()
        {
            // The table QG4001 reports as "a rate table of 3 factors" is mutable static state too.
            const string source = """
                using System.Collections.Generic;

                public enum Occupation { Cleaner, Doctor, Author }

                [QualityGates.PremiumCalculation]
                public class OccupationTables
                {
                    public static Dictionary<Occupation, decimal> {|QG4003:OccupationRatings|} = new Dictionary<Occupation, decimal>
                        { { Occupation.Author, 1.25m }, { Occupation.Cleaner, 1.5m }, { Occupation.Doctor, 1m } };
                    public static double[] {|QG4003:Bands|} { get; set; } = { 0.9, 1.0, 1.1 };
                    public static Dictionary<Occupation, int> ClaimCounts = new Dictionary<Occupation, int>
                        { { Occupation.Author, 1 }, { Occupation.Cleaner, 2 }, { Occupation.Doctor, 3 } };
                    public static List<decimal> Recent = new List<decimal> { 1.5m, 2m };
                    public static readonly Dictionary<Occupation, decimal> Fixed = new Dictionary<Occupation, decimal>
                        { { Occupation.Author, 1.25m }, { Occupation.Cleaner, 1.5m }, { Occupation.Doctor, 1m } };
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ImmutableSnapshotSwappedSafely_NotReported_UnsynchronizedSwapReported()
        {
            // A filed table reloaded as a whole: readers see the old snapshot or the new one. Only a plain swap is reported.
            const string source = """
                using System.Collections.Frozen;
                using System.Collections.Generic;
                using System.Collections.Immutable;
                using System.Threading;

                [QualityGates.PremiumCalculation]
                public sealed class SchemeTariff
                {
                    private static readonly object Gate = new object();
                    private static FrozenDictionary<string, decimal> s_rates = FrozenDictionary<string, decimal>.Empty;
                    private static ImmutableDictionary<string, decimal> s_loadings = ImmutableDictionary<string, decimal>.Empty;
                    private static volatile ImmutableList<decimal> s_bands = ImmutableList<decimal>.Empty;

                    public static void Reload(IDictionary<string, decimal> filed)
                    {
                        Volatile.Write(ref s_rates, filed.ToFrozenDictionary());
                        Interlocked.Exchange(ref s_loadings, ImmutableDictionary<string, decimal>.Empty);
                        lock (Gate) { s_loadings = s_loadings.SetItem("young driver", 1.6m); }
                        s_bands = ImmutableList.Create(100m, 250m);
                        {|QG4003:s_loadings = ImmutableDictionary<string, decimal>.Empty|};
                        lock (Gate) { System.Action later = () => {|QG4003:s_loadings = s_loadings.Clear()|}; later(); }
                    }

                    public static decimal Rate(string scheme) => Volatile.Read(ref s_rates)[scheme] + s_bands[0];
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task VolatileReadOfScalarRate_NotAWrite_InterlockedWriteOfIt_Reported()
        {
            // A scalar rate stays mutable state even when written atomically; reading it through Volatile.Read writes nothing.
            const string source = """
                using System.Threading;

                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    private static double {|QG4003:s_loadingFactor|} = 1.1;
                    private static long {|QG4003:s_minimumPremiumCents|} = 5000;

                    public static double Loading() => Volatile.Read(ref s_loadingFactor) + Interlocked.Read(ref s_minimumPremiumCents);

                    public static void Set(double factor)
                    {
                        Interlocked.Exchange({|QG4003:ref s_loadingFactor|}, factor);
                        Volatile.Write({|QG4003:ref s_loadingFactor|}, factor);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ParenthesizedAndRefWrites_Reported()
        {
            const string source = """
                public static class PremiumTables
                {
                    internal static decimal {|QG4003:_levy|};
                }

                public class RateLoader
                {
                    private static void Bump(ref decimal value) => value += 1m;
                    private static decimal Read(in decimal value) => value;

                    public decimal Load()
                    {
                        {|QG4003:(PremiumTables._levy) = 2m|};
                        Bump({|QG4003:ref PremiumTables._levy|});
                        return Read(in PremiumTables._levy) + PremiumTables._levy;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task DeconstructionOutAndLambdaWrites_Reported_StaticConstructorLambda_NotReported()
        {
            const string source = """
                using System;

                public static class PremiumTables
                {
                    internal static decimal {|QG4003:_levy|};
                    internal static decimal {|QG4003:_fee|};
                    private static readonly Action Reset;

                    static PremiumTables() { Reset = () => _fee = 0m; }
                }

                public class RateLoader
                {
                    private static bool TryRead(out decimal value) { value = 1m; return true; }

                    public void Load()
                    {
                        int count;
                        {|QG4003:(PremiumTables._levy, count) = (2m, 1)|};
                        TryRead({|QG4003:out PremiumTables._fee|});
                        Action later = () => {|QG4003:PremiumTables._levy = 3m|};
                        later();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ReadonlyConstInstanceAndStaticConstructor_NotReported()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public class Tariff
                {
                    public const decimal Fee = 25m;
                    public static readonly decimal BaseRate;
                    public static decimal Commission => 0.1m;
                    public static IReadOnlyDictionary<string, decimal> Factors { get; } = new Dictionary<string, decimal>();
                    public static int CallCount;
                    public static string Name = "Motor";
                    public decimal InstanceRate { get; set; }

                    static Tariff() { BaseRate = 1.1m; }

                    public void Touch() { CallCount++; InstanceRate = 2m; Name = "Home"; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                public static class Metrics
                {
                    public static decimal AverageAmount;

                    public static void Record(decimal amount) { AverageAmount = amount; }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ScopeConfiguredByPattern_Reported()
        {
            const string source = """
                namespace Contoso.Motor
                {
                    public static class Tables
                    {
                        public static decimal {|QG4003:NoClaimsDiscount|};
                    }
                }
                """;

            await Verify.VerifyAsync(source, "qualitygates_pricing_scope = Contoso.Motor.*");
        }

        [Fact]
        public async Task FieldsSetOnlyByInitializerOrStaticConstructor_FixMakesThemReadonly()
        {
            const string source = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    public static decimal {|QG4003:BaseRate|} = 1.2m;
                    internal static Dictionary<string, decimal> {|QG4003:TerritoryFactors|};
                    private static double {|QG4003:_discount|}, {|QG4003:_loading|} = 0.1;

                    static Tariff()
                    {
                        TerritoryFactors = new Dictionary<string, decimal> { ["N1"] = 1.1m };
                        (_discount, _loading) = (0.05, 0.2);
                    }

                    public static decimal Premium(decimal sumInsured) => sumInsured * BaseRate * (decimal)(1 - _discount + _loading);
                }
                """;
            const string fixedSource = """
                using System.Collections.Generic;

                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    public static readonly decimal BaseRate = 1.2m;
                    internal static readonly Dictionary<string, decimal> TerritoryFactors;
                    private static readonly double _discount, _loading = 0.1;

                    static Tariff()
                    {
                        TerritoryFactors = new Dictionary<string, decimal> { ["N1"] = 1.1m };
                        (_discount, _loading) = (0.05, 0.2);
                    }

                    public static decimal Premium(decimal sumInsured) => sumInsured * BaseRate * (decimal)(1 - _discount + _loading);
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task WrittenElsewhereOrProperty_NoFixOffered()
        {
            const string source = """
                public static class PremiumTables
                {
                    public static decimal {|QG4003:MinimumPremium|} { get; set; } = 50m;
                    private static decimal {|QG4003:_loading|};
                    private static double {|QG4003:_discount|};
                    private static decimal {|QG4003:_fee|};
                    private static decimal {|QG4003:_tax|}, {|QG4003:_levy|};

                    public static void Apply(decimal loading)
                    {
                        {|QG4003:_loading = loading|};
                        {|QG4003:_discount++|};
                        Bump({|QG4003:ref _fee|});
                        {|QG4003:(PremiumTables._levy) = 2m|};
                    }

                    private static void Bump(ref decimal fee) => fee += 1;
                }

                public class RateLoader
                {
                    public void Load() { {|QG4003:PremiumTables.MinimumPremium = 75m|}; }
                }
                """;

            await VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task WrittenFromAnotherProject_NoFixOffered()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public static class Tariff
                {
                    public static decimal {|QG4003:BaseRate|} = 1.2m;
                }
                """;

            // A loader in another project of the solution sets the rate: readonly would break its build.
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            TestSetup.Configure(test.TestState, null);
            TestSetup.Configure(test.FixedState, null);
            var loader = new ProjectState("Loader", LanguageNames.CSharp, "/1/Test", "cs");
            loader.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            loader.AdditionalProjectReferences.Add("TestProject");
            loader.Sources.Add(("Loader.cs", "public static class Loader { public static void Load() => Tariff.BaseRate = 1.3m; }"));
            test.TestState.AdditionalProjects.Add("Loader", loader);
            await test.RunAsync(CancellationToken.None);
        }
    }
}
