using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG4001 (opt-in): in pricing scope, a dictionary/collection initializer, an array initializer, a collection expression
    /// or a switch expression that holds at least three decimal/double factor literals: a rate table written as code.
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

            // C# 12 collection expressions ([1.10m, 1.25m, 1.40m]) have no operation in the Roslyn version we build against: read
            // the syntax of each pricing member's code. Not a syntax-node action: the first one in a build makes the driver look
            // up every node of every member in that analyzer's table (docs/performance.md).
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (block) =>
            {
                if (!insurance.IsInScope(block.OwningSymbol, Scope.Pricing))
                {
                    return;
                }

                foreach (var operationBlock in block.OperationBlocks)
                {
                    var root = operationBlock.Syntax;
                    // Top-level statements' block is the whole file: its types and namespaces are other members' code.
                    foreach (var node in root.DescendantNodesAndSelf(n => n == root || !(n is MemberDeclarationSyntax) || n is GlobalStatementSyntax))
                    {
                        if (node is CollectionExpressionSyntax collection && !(collection.Parent is ExpressionElementSyntax))
                        {
                            ReportTable(block.ReportDiagnostic, collection, "collection expression", CountFactors(collection));
                        }
                    }
                }
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCollectionInitializer(OperationContext context)
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
        private static void AnalyzeArrayInitializer(OperationContext context)
        {
            var initializer = (IArrayInitializerOperation)context.Operation;
            if (initializer.Parent is IArrayInitializerOperation)
            {
                return; // the rows of a multi-dimensional table are counted with the outermost initializer
            }

            Report(context, initializer.Parent ?? initializer, "array initializer", CountFactors(initializer));
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchExpression(OperationContext context)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            Report(context, switchExpression, "switch expression", switchExpression.Arms.Count(arm => RateConfigurationFacts.IsFactorLiteral(arm.Value)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static int CountFactors(IArrayInitializerOperation initializer) =>
            initializer.ElementValues.Sum(v => v is IArrayInitializerOperation nested ? CountFactors(nested) : (RateConfigurationFacts.IsFactorLiteral(v) ? 1 : 0));

        /// <summary>Factor literals of a collection expression, its nested rows included; a literal's suffix gives its type.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static int CountFactors(CollectionExpressionSyntax collection)
        {
            int factors = 0;
            foreach (var element in collection.Elements)
            {
                var value = (element as ExpressionElementSyntax)?.Expression;
                while (value is ParenthesizedExpressionSyntax || (value is PrefixUnaryExpressionSyntax minus && minus.IsKind(SyntaxKind.UnaryMinusExpression)))
                {
                    value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PrefixUnaryExpressionSyntax)value).Operand;
                }

                switch (value)
                {
                    case CollectionExpressionSyntax row:
                        factors += CountFactors(row);
                        break;
                    case LiteralExpressionSyntax literal when literal.Token.Value is decimal || literal.Token.Value is double || literal.Token.Value is float:
                        factors++;
                        break;
                }
            }

            return factors;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, IOperation table, string shape, int factors) =>
            ReportTable(context.ReportDiagnostic, table.Syntax, shape, factors);

        [MethodImpl(HotPath.Optimize)]
        private static void ReportTable(System.Action<Diagnostic> report, SyntaxNode table, string shape, int factors)
        {
            if (factors >= MinimumFactors)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.EmbeddedRateTable, table.GetLocation(), shape, factors.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
