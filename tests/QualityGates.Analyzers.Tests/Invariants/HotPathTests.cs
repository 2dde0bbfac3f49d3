using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    }
}
