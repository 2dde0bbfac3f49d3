using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// In a build our code would run unoptimized for most of the compilation (see HotPath and docs/performance.md), so the
    /// methods rules run per operation are compiled optimized at once. A new rule method without the flag fails here.
    /// </summary>
    public class HotPathTests
    {
        private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

        [Fact]
        public void RuleMethods_AndSharedPerOperationHelpers_AreCompiledOptimized()
        {
            var rules = typeof(DiagnosticIds).Assembly.GetTypes()
                .Where(t => t.Namespace == "QualityGates.Analyzers.Rules" && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.DeclaringType == null);
            var shared = new[] { typeof(InfluenceFlow), typeof(OperationExtensions), typeof(PricingSemantics), typeof(UnderwritingSemantics), typeof(DateTimeFacts), typeof(WordPatterns) };

            var missing = rules.Concat(shared)
                .SelectMany(t => t.GetMethods(Declared))
                .Where(m => !m.IsSpecialName && !m.IsAbstract && !m.IsDefined(typeof(CompilerGeneratedAttribute)) && m.Name != "OnCompilationStart" && !m.Name.Contains('<'))
                .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
                .Select(m => m.DeclaringType!.Name + "." + m.Name)
                .ToList();

            Assert.Empty(missing);
        }

        /// <summary>
        /// The lambdas the driver calls (per operation, per block, per symbol) and the ones the influence flow calls per
        /// operation. Left alone, these stay at tier 0 for most of a build, and so does the argument copying they do.
        /// </summary>
        [Fact]
        public void CallbackLambdas_AreCompiledOptimized()
        {
            var lambdas = typeof(DiagnosticIds).Assembly.GetTypes()
                .Where(t => t.Namespace is "QualityGates.Analyzers.Rules" or "QualityGates.Analyzers.Semantics")
                .SelectMany(t => t.GetMethods(Declared))
                .Where(m => m.Name.Contains("b__") && IsCallback(m))
                .ToList();

            var missing = lambdas
                .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
                .Select(m => m.DeclaringType!.FullName + "." + m.Name)
                .ToList();

            Assert.True(lambdas.Count > 60, "expected the rules' callback lambdas, found " + lambdas.Count);
            Assert.True(missing.Count == 0, "not marked [MethodImpl(HotPath.Optimize)]:\n" + string.Join("\n", missing));
        }

        /// <summary>A driver or dispatcher callback (it takes an analysis context) or an influence-flow source or report callback.</summary>
        private static bool IsCallback(MethodInfo method)
        {
            var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
            bool takesContext = parameters.Any(t => t == typeof(OperationContext) || (t.Namespace == "Microsoft.CodeAnalysis.Diagnostics" && t.Name.EndsWith("Context", System.StringComparison.Ordinal)));
            bool sourceName = parameters.SequenceEqual(new[] { typeof(IOperation) }) && method.ReturnType == typeof(string);
            bool report = parameters.SequenceEqual(new[] { typeof(IOperation), typeof(string), typeof(string) }) && method.ReturnType == typeof(void);
            return takesContext || sourceName || report;
        }
    }
}
