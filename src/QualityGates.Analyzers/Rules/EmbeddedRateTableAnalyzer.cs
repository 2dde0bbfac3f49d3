using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG4001 (opt-in): in pricing scope, a dictionary/collection initializer, an array initializer or a switch expression
    /// that holds at least three decimal/double factor literals: a rate table written as code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmbeddedRateTableAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Two factors are a pair of constants; three or more are a table.</summary>
        private const int MinimumFactors = 3;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.EmbeddedRateTable);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeCollectionInitializer(c), OperationKinds.ObjectOrCollectionInitializer);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeArrayInitializer(c), OperationKinds.ArrayInitializer);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeSwitchExpression(c), OperationKinds.SwitchExpression);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCollectionInitializer(OperationAnalysisContext context)
        {
            var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
            int factors = 0;
            bool keyed = false;
            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation a when a.Target is IPropertyReferenceOperation p && p.Property.IsIndexer:
                        keyed = true;
                        factors += RateConfigurationFacts.IsFactorLiteral(a.Value) ? 1 : 0;
                        break;
                    case IInvocationOperation add when add.Arguments.Length > 0:
                        keyed |= add.Arguments.Length > 1;
                        factors += RateConfigurationFacts.IsFactorLiteral(add.Arguments[add.Arguments.Length - 1].Value) ? 1 : 0;
                        break;
                }
            }

            Report(context, initializer.Parent ?? initializer, keyed ? "dictionary initializer" : "collection initializer", factors);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeArrayInitializer(OperationAnalysisContext context)
        {
            var initializer = (IArrayInitializerOperation)context.Operation;
            if (initializer.Parent is IArrayInitializerOperation)
            {
                return; // the rows of a multi-dimensional table are counted with the outermost initializer
            }

            Report(context, initializer.Parent ?? initializer, "array initializer", CountFactors(initializer));
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchExpression(OperationAnalysisContext context)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            Report(context, switchExpression, "switch expression", switchExpression.Arms.Count(arm => RateConfigurationFacts.IsFactorLiteral(arm.Value)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static int CountFactors(IArrayInitializerOperation initializer) =>
            initializer.ElementValues.Sum(v => v is IArrayInitializerOperation nested ? CountFactors(nested) : (RateConfigurationFacts.IsFactorLiteral(v) ? 1 : 0));

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationAnalysisContext context, IOperation table, string shape, int factors)
        {
            if (factors >= MinimumFactors)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EmbeddedRateTable, table.Syntax.GetLocation(), shape, factors.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
