using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Tests.Semantics
{
    /// <summary>
    /// Every rule asks the shared context for the scope of the member it is handed and whether its type holds scoped code;
    /// a thread's last answer is reused. It must never answer for another symbol, another compilation, or keep one alive.
    /// </summary>
    public class ScopeLookupTests
    {
        private const string Source = """
            namespace Motor
            {
                public class PremiumCalculator { public decimal Quote(decimal p) => p * 1.1m; public decimal Fee => 5m; }
                public class UnderwritingRules { public bool Accept(int age) => age >= 18; }
                public class AuditLog { public void Write(string s) { } }
            }
            """;

        [Fact]
        public void GetScope_AlternatingMembersAndThreads_EachMembersOwnScope()
        {
            var compilation = Compile();
            var context = InsuranceContext.Get(compilation, NoOptions.Instance);
            var members = Members(compilation).ToArray();
            var expected = new Dictionary<string, Scope>
            {
                ["Quote"] = Scope.Pricing, ["Fee"] = Scope.Pricing, ["Accept"] = Scope.Underwriting, ["Write"] = Scope.None,
            };

            Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var member = members[(i * 7) % members.Length];
                Assert.Equal(expected[member.Name], context.GetScope(member));
            });
        }

        [Fact]
        public void HoldsScopedCode_AlternatingTypes_EachTypesOwnAnswer()
        {
            var compilation = Compile();
            var context = InsuranceContext.Get(compilation, NoOptions.Instance);
            var types = Members(compilation).Select(m => m.ContainingType).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToArray();

            for (var i = 0; i < 100; i++)
            {
                var type = types[(i * 7) % types.Length];
                Assert.Equal(type.Name != "AuditLog", context.HoldsScopedCode(type));
            }
        }

        [Fact]
        public void GetScope_SameSourceInAnotherCompilation_AnsweredByItsOwnContext()
        {
            var pricing = Compile();
            var excluded = Compile("[assembly: QualityGates.NotInRatingScope] namespace QualityGates { public class NotInRatingScopeAttribute : System.Attribute { } }");
            var inPricing = Members(pricing).First(m => m.Name == "Quote");
            var inExcluded = Members(excluded).First(m => m.Name == "Quote");

            Assert.Equal(Scope.Pricing, InsuranceContext.Get(pricing, NoOptions.Instance).GetScope(inPricing));
            Assert.Equal(Scope.None, InsuranceContext.Get(excluded, NoOptions.Instance).GetScope(inExcluded));
            Assert.Equal(Scope.Pricing, InsuranceContext.Get(pricing, NoOptions.Instance).GetScope(inPricing));
        }

        [Fact]
        public void GetScope_ATypeIsWhatItDerivesFromOrImplements_NotWhatAnInterfaceItImplementsExplicitlyIsNamedFor()
        {
            var compilation = Compile("""
                namespace Marine
                {
                    public class YachtStrategy : Motor.PremiumCalculator { public decimal Multiplier(decimal p) => p * 1.2m; }
                    public class SuperyachtStrategy : YachtStrategy { public decimal Surcharge(decimal p) => p * 1.3m; }
                    public interface IUnderwritingRule { bool Check(int age); }
                    public class SmokerRule : IUnderwritingRule { public bool Check(int age) => age < 60; }
                    public class UnderwritingInput { }
                    public interface IRule<T> { bool Evaluate(T input); }
                    public class DynamicRule : IRule<UnderwritingInput> { bool IRule<UnderwritingInput>.Evaluate(UnderwritingInput input) => true; }
                    public class Hull : System.IEquatable<Hull> { public bool Equals(Hull? other) => other != null; }
                }
                """);
            var context = InsuranceContext.Get(compilation, NoOptions.Instance);
            Scope ScopeOf(string type, string member) =>
                context.GetScope(compilation.GetTypeByMetadataName(type)!.GetMembers().Single(m => m.Name.EndsWith(member, StringComparison.Ordinal)));

            Assert.Equal(Scope.Pricing, ScopeOf("Marine.YachtStrategy", "Multiplier"));
            Assert.Equal(Scope.Pricing, ScopeOf("Marine.SuperyachtStrategy", "Surcharge"));
            Assert.Equal(Scope.Pricing, context.GetScope(compilation.GetTypeByMetadataName("Marine.SuperyachtStrategy")!));
            Assert.Equal(Scope.Underwriting, ScopeOf("Marine.SmokerRule", "Check"));
            Assert.Equal(Scope.None, ScopeOf("Marine.DynamicRule", "Evaluate"));
            Assert.Equal(Scope.None, ScopeOf("Marine.Hull", "Equals"));
        }

        [Fact]
        public void GetScope_APrivateMethodDoesWhatTheMembersThatUseItDo()
        {
            var compilation = Compile("""
                namespace Policies
                {
                    public class PolicyService
                    {
                        public decimal CalculatePremium(decimal b) => ApplyLoading(b) + Enumerable.Sum(new[] { b }, RoundToPence);
                        public bool CheckEligibility(int age) => IsAdult(age);
                        public void Renew() => Log("renewed");
                        private decimal ApplyLoading(decimal b) => Twice(b) * 1.1m;
                        private decimal Twice(decimal b) => b * 2;
                        private decimal Twice(int b) => b * 2;
                        private decimal RoundToPence(decimal b) => decimal.Round(b, 2, System.MidpointRounding.AwayFromZero);
                        private bool IsAdult(int age) => age >= 18 && Twice(age) > 0;
                        private void Log(string message) { }
                        public decimal Unused(decimal b) => b;
                        [QualityGates.NotInRatingScope] private decimal Excluded(decimal b) => b;
                        public decimal Audit(decimal b) => Excluded(b);
                    }

                    public class Enumerable { public static decimal Sum(decimal[] values, System.Func<decimal, decimal> f) => f(values[0]); }
                }

                namespace QualityGates { public class NotInRatingScopeAttribute : System.Attribute { } }
                """);
            var context = InsuranceContext.Get(compilation, NoOptions.Instance);
            var type = compilation.GetTypeByMetadataName("Policies.PolicyService")!;
            Scope ScopeOf(string member) => type.GetMembers(member).Select(context.GetScope).Aggregate(Scope.None, (a, b) => a | b);

            Assert.Equal(Scope.Pricing, ScopeOf("ApplyLoading"));
            Assert.Equal(Scope.Pricing, ScopeOf("RoundToPence"));
            Assert.Equal(Scope.Pricing | Scope.Underwriting, ScopeOf("Twice"));
            Assert.Equal(Scope.Underwriting, ScopeOf("IsAdult"));
            Assert.Equal(Scope.None, ScopeOf("Log"));
            Assert.Equal(Scope.None, ScopeOf("Unused"));
            Assert.Equal(Scope.None, ScopeOf("Excluded"));
        }

        [Fact]
        public void GetScope_KeepsNoCompilationAlive()
        {
            var compilation = AskAndForget();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            Assert.False(compilation.IsAlive, "the thread's last answer must not hold its symbol, and through it its compilation");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference AskAndForget()
        {
            var compilation = Compile();
            var context = InsuranceContext.Get(compilation, NoOptions.Instance);
            foreach (var member in Members(compilation))
            {
                context.GetScope(member);
                context.HoldsScopedCode(member.ContainingType);
            }

            return new WeakReference(compilation);
        }

        private static CSharpCompilation Compile(string extra = "") =>
            CSharpCompilation.Create("Scopes", new[] { CSharpSyntaxTree.ParseText(Source), CSharpSyntaxTree.ParseText(extra) }, Basic.Reference.Assemblies.Net80.References.All);

        private static IEnumerable<ISymbol> Members(Compilation compilation) =>
            compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet });

        private sealed class NoOptions : AnalyzerConfigOptionsProvider
        {
            public static readonly NoOptions Instance = new NoOptions();

            public override AnalyzerConfigOptions GlobalOptions => Empty.Instance;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.Instance;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty.Instance;

            private sealed class Empty : AnalyzerConfigOptions
            {
                public static readonly Empty Instance = new Empty();

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    value = null;
                    return false;
                }

                public override IEnumerable<string> Keys => Array.Empty<string>();
            }
        }
    }
}
