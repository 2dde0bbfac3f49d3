using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;
using QualityGates.Analyzers.Tests.Verifiers;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// The operation, operation-block-start and operation-block actions of our rules are run by <see cref="BodyDispatcher"/>
    /// from one operation-block action per member, not by the compiler's driver. In scoped code they must see exactly
    /// what the driver would show them: the same operations, of every kind, with the same containing symbol, in the same
    /// order within each member, and the block actions in the driver's order.
    /// </summary>
    public class BodyDispatchTests
    {
        private const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            [QualityGates.PremiumCalculation]
            public class PremiumBase
            {
                protected PremiumBase(decimal rate) { Rate = rate; }
                public decimal Rate { get; }
            }

            [QualityGates.PremiumCalculation]
            public sealed class PremiumCalculator : PremiumBase
            {
                private readonly decimal _loading = 1.1m * 2, _other = 3m;
                private static readonly int[] Bands = { 18, 25, 65 };
                private EventHandler? _handlers;

                public PremiumCalculator(decimal rate) : base(rate * 2) { Fee = rate > 0 ? rate : _other; }

                ~PremiumCalculator() { _handlers = null; }

                public decimal Fee { get; init; } = 5m + 1m;

                public event EventHandler? Changed { add { _handlers += value; } remove { _handlers -= value; } }

                public decimal this[int i] => Bands[i] * Rate;

                [Obsolete("x" + "y")]
                public decimal Net(decimal gross, int age = 18 + 1)
                {
                    Func<decimal, decimal> twice = x => x * 2;
                    decimal Local(decimal y) => y + _loading;
                    var band = age switch { < 25 => 1.5m, _ => 1m };
                    try { return Local(twice(gross)) * band; }
                    catch (Exception e) when (e is ArgumentException) { throw; }
                }

                public static PremiumCalculator operator +(PremiumCalculator a, PremiumCalculator b) => new(a.Rate + b.Rate);

                public decimal Total(IEnumerable<decimal> xs) => xs.Where(x => x > 0).Sum(x => { var y = x; return y; });

                public void Broken() { var x = Undefined(1) + ; }
            }

            [QualityGates.PremiumCalculation]
            public record PremiumQuote(decimal Amount, string Currency = "EUR")
            {
                public decimal Doubled => Amount * 2;
            }

            [QualityGates.PremiumCalculation]
            public class PremiumPrimary(decimal rate) : PremiumBase(rate / 2)
            {
                public decimal Get() => rate;
            }

            [QualityGates.PremiumCalculation]
            public enum PremiumBand { Low = 1 << 2, High = Low * 2 }
            """;

        [Fact]
        public async Task DispatchedBodyActions_SeeWhatTheDriverShows()
        {
            var compilation = Compile();
            var driver = new DriverRecorder();
            var dispatched = new DispatchedRecorder();

            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(driver, dispatched)).GetAnalyzerDiagnosticsAsync();

            // The annotations' own attribute classes are in scope by name ("*Rating*"); they are not what this test is about.
            var expected = InPricing(driver.Seen);
            // The walk must have met every construct above, not just a few bodies.
            var operations = expected.Where(e => e.Key.EndsWith(", operations", StringComparison.Ordinal)).ToList();
            Assert.True(operations.Count >= 20, $"only {operations.Count} members seen");
            Assert.Contains(operations.SelectMany(e => e.Value), o => o.StartsWith(OperationKind.Attribute + " ", StringComparison.Ordinal));
            Assert.Contains(operations.SelectMany(e => e.Value), o => o.StartsWith(OperationKind.ConstructorBody + " ", StringComparison.Ordinal));
            Assert.Contains(operations.SelectMany(e => e.Value), o => o.StartsWith(OperationKind.Invalid + " ", StringComparison.Ordinal));
            Assert.Equal(operations.Count, expected.Count(e => e.Key.EndsWith(", operations of the block start", StringComparison.Ordinal)));
            Assert.Equal(operations.Count, expected.Count(e => e.Key.EndsWith(", operations with the rules' context", StringComparison.Ordinal)));
            Assert.Equal(Describe(expected), Describe(InPricing(dispatched.Seen)));
        }

        [Fact]
        public async Task OperationActionsWithoutBlockStart_SeeTheirKindsInTheDriversOrder()
        {
            // Without a block start the dispatcher visits only the rule's kinds, from a per-member index by kind, merging
            // several kinds back into the member's order: one kind, a few, and all of them.
            var compilation = Compile();
            var driver = new DriverRecorder();
            var kindSets = new[]
            {
                ImmutableArray.Create(OperationKind.ParameterReference),
                ImmutableArray.Create(OperationKind.Literal, OperationKind.Invocation, OperationKind.Binary, OperationKind.Argument),
                AllKinds,
            };
            var recorders = kindSets.Select(kinds => new KindsRecorder(kinds)).ToArray();

            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(driver).AddRange(recorders)).GetAnalyzerDiagnosticsAsync();

            var driverOperations = InPricing(driver.Seen).Where(e => e.Key.EndsWith(", operations", StringComparison.Ordinal)).ToList();
            foreach (var recorder in recorders)
            {
                var kinds = recorder.Kinds.Select(k => k + " ").ToArray();
                var expected = driverOperations
                    .Select(e => new KeyValuePair<string, List<string>>(e.Key, e.Value.Where(o => kinds.Any(k => o.StartsWith(k, StringComparison.Ordinal))).ToList()))
                    .Where(e => e.Value.Count > 0)
                    .ToList();
                Assert.True(expected.Count >= 2, $"only {expected.Count} members with {string.Join(", ", recorder.Kinds)}");
                Assert.Equal(Describe(expected), Describe(InPricing(recorder.Seen)));
            }
        }

        private static CSharpCompilation Compile() => CSharpCompilation.Create(
            "Dispatch",
            new[]
            {
                CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest), "Pricing.cs"),
                CSharpSyntaxTree.ParseText(TestSetup.Annotations, new CSharpParseOptions(LanguageVersion.Latest), "Annotations.cs"),
            },
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private static Dictionary<string, List<string>> InPricing(IDictionary<string, List<string>> seen) =>
            seen.Where(e => e.Key.StartsWith("Pricing.cs ", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value);

        private static string Describe(IEnumerable<KeyValuePair<string, List<string>>> seen) =>
            string.Join("\n", seen.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":\n  " + string.Join("\n  ", e.Value)));

        private static readonly ImmutableArray<OperationKind> AllKinds = Enum.GetValues<OperationKind>().Distinct().ToImmutableArray();

        /// <summary>Every kind of body action, each recording what it is handed, per member and kind of action.</summary>
        private static void Register(CompilationStartAnalysisContext start, ConcurrentDictionary<string, List<string>> seen)
        {
            start.RegisterOperationAction(c => Record(seen, c.Operation.Syntax, c.ContainingSymbol, "operations", Describe(c.Operation)), AllKinds);
            // The rules' own way: through the dispatcher in scope, through the driver on a plain context.
            start.RegisterBodyOperationAction(c => Record(seen, c.Operation.Syntax, c.ContainingSymbol, "operations with the rules' context", Describe(c.Operation)), AllKinds);
            start.RegisterOperationBlockStartAction(b =>
            {
                Record(seen, b.OperationBlocks[0].Syntax, b.OwningSymbol, "blocks", $"start {b.OperationBlocks.Length}");
                b.RegisterOperationAction(c => Record(seen, c.Operation.Syntax, c.ContainingSymbol, "operations of the block start", Describe(c.Operation)), AllKinds);
                b.RegisterOperationBlockEndAction(e => Record(seen, e.OperationBlocks[0].Syntax, e.OwningSymbol, "blocks", $"end {e.OperationBlocks.Length}"));
            });
            start.RegisterOperationBlockAction(b => Record(seen, b.OperationBlocks[0].Syntax, b.OwningSymbol, "blocks", $"block {b.OperationBlocks.Length}"));
        }

        private static string Describe(IOperation operation) => $"{operation.Kind} {operation.Syntax.Span} {operation.Syntax}";

        private static void Record(ConcurrentDictionary<string, List<string>> seen, SyntaxNode syntax, ISymbol owner, string action, string what)
        {
            var list = seen.GetOrAdd($"{syntax.SyntaxTree.FilePath} {owner.ToDisplayString()}, {action}", _ => new List<string>());
            lock (list)
            {
                list.Add(what);
            }
        }

#pragma warning disable RS1001, RS1036, RS1038, RS1041, RS2008 // test doubles: they report nothing and are never loaded by a compiler
        /// <summary>Records what the driver hands each kind of body action. A test double.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class DriverRecorder : DiagnosticAnalyzer
        {
            public ConcurrentDictionary<string, List<string>> Seen { get; } = new();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BodyProbeAnalyzer.Shown);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationStartAction(start => Register(start, Seen));
            }
        }

        /// <summary>Records what each kind of body action is handed when registered through the scoped context. A test double.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class DispatchedRecorder : InsuranceAnalyzer
        {
            public ConcurrentDictionary<string, List<string>> Seen { get; } = new();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BodyProbeAnalyzer.Shown);

            protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) => Register(context, Seen);
        }
        /// <summary>Records the operations of a few kinds, through the dispatcher, with no block start. A test double.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class KindsRecorder : InsuranceAnalyzer
        {
            public KindsRecorder(ImmutableArray<OperationKind> kinds) => Kinds = kinds;

            public ImmutableArray<OperationKind> Kinds { get; }

            public ConcurrentDictionary<string, List<string>> Seen { get; } = new();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BodyProbeAnalyzer.Shown);

            protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
                context.RegisterBodyOperationAction(c => Record(Seen, c.Operation.Syntax, c.ContainingSymbol, "operations", Describe(c.Operation)), Kinds);
        }
#pragma warning restore RS1001, RS1036, RS1038, RS1041, RS2008
    }
}
