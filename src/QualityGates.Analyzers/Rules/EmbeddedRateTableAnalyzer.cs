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
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeCollectionInitializer(c, insurance), OperationKinds.ObjectOrCollectionInitializer);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeArrayInitializer(c, insurance), OperationKinds.ArrayInitializer);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeSwitchExpression(c, insurance), OperationKinds.SwitchExpression);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeRowsAdded(c, insurance), OperationKinds.Block);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeSwitchStatement(c, insurance), OperationKinds.Switch);

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
                            var tally = new Tally(Settings(insurance, collection));
                            tally.Add(collection);
                            ReportTable(block.ReportDiagnostic, collection, "collection expression", tally);
                        }
                    }
                }
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCollectionInitializer(OperationContext context, InsuranceContext insurance)
        {
            var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
            var tally = new Tally(Settings(insurance, initializer.Syntax));
            bool keyed = false;
            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation a when a.Target is IPropertyReferenceOperation p && p.Property.IsIndexer:
                        keyed = true;
                        tally.Add(a.Value);
                        break;
                    case IInvocationOperation add when add.Arguments.Length > 0:
                        // Add(key, value...) or Add(row): the first argument of several is the key.
                        keyed |= add.Arguments.Length > 1;
                        for (int i = add.Arguments.Length > 1 ? 1 : 0; i < add.Arguments.Length; i++)
                        {
                            tally.Add(add.Arguments[i].Value);
                        }

                        break;
                }
            }

            Report(context, initializer.Parent ?? initializer, keyed ? "dictionary initializer" : "collection initializer", tally);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeArrayInitializer(OperationContext context, InsuranceContext insurance)
        {
            var initializer = (IArrayInitializerOperation)context.Operation;
            if (initializer.Parent is IArrayInitializerOperation)
            {
                return; // the rows of a multi-dimensional table are counted with the outermost initializer
            }

            var tally = new Tally(Settings(insurance, initializer.Syntax));
            tally.Add(initializer);
            Report(context, initializer.Parent ?? initializer, "array initializer", tally);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchExpression(OperationContext context, InsuranceContext insurance)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            var tally = new Tally(Settings(insurance, switchExpression.Syntax));
            foreach (var arm in switchExpression.Arms)
            {
                tally.Add(arm.Value);
            }

            Report(context, switchExpression, "switch expression", tally);
        }

        /// <summary>
        /// The switch expression's older spelling: <c>switch (band) { case "A": factor = 1.1m; break; case "B": return 1.2m; ... }</c>.
        /// A section's cells are the values it assigns (a row of several rates: <c>_basicRate1 = 92.00; _basicRate2 = 97.00;</c>)
        /// and the value it returns.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchStatement(OperationContext context, InsuranceContext insurance)
        {
            var switchStatement = (ISwitchOperation)context.Operation;
            var tally = new Tally(Settings(insurance, switchStatement.Syntax));
            foreach (var section in switchStatement.Cases)
            {
                foreach (var statement in section.Body)
                {
                    if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment })
                    {
                        tally.Add(assignment.Value);
                    }
                    else if (statement is IReturnOperation { ReturnedValue: { } returned })
                    {
                        tally.Add(returned);
                        break;
                    }
                }
            }

            // Reported at its head, `switch (band)`: the sections are the table's rows.
            var syntax = (SwitchStatementSyntax)switchStatement.Syntax;
            var head = Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.SwitchKeyword.SpanStart, syntax.CloseParenToken.Span.End));
            ReportTable(context.ReportDiagnostic, head, "switch statement", tally);
        }

        /// <summary>
        /// <c>OccupationRating.Add("Professional", 1.0f); OccupationRating.Add("White Collar", 1.25f); ...</c>, or
        /// <c>rates["A"] = 1.2m; rates["B"] = 1.4m; ...</c>: consecutive statements filling one collection are its initializer,
        /// written row by row.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeRowsAdded(OperationContext context, InsuranceContext insurance)
        {
            var block = (IBlockOperation)context.Operation;
            ISymbol? table = null;
            IOperation? first = null;
            var tally = default(Tally);
            foreach (var statement in block.Operations)
            {
                var target = RowAdded(statement, out var values);
                if (target == null || !SymbolEqualityComparer.Default.Equals(target, table))
                {
                    if (first != null)
                    {
                        ReportTable(context.ReportDiagnostic, first.Syntax, "collection filled row by row", tally);
                    }

                    table = target;
                    first = target == null ? null : statement;
                    tally = new Tally(Settings(insurance, statement.Syntax));
                }

                foreach (var value in values)
                {
                    tally.Add(value);
                }
            }

            if (first != null)
            {
                ReportTable(context.ReportDiagnostic, first.Syntax, "collection filled row by row", tally);
            }
        }

        /// <summary>The collection a statement adds a keyed row to (<c>x.Add(key, value...)</c>, <c>x[key] = value</c>), with the row's values.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ISymbol? RowAdded(IOperation statement, out IOperation[] values)
        {
            values = System.Array.Empty<IOperation>();
            switch ((statement as IExpressionStatementOperation)?.Operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Instance: { } collection, Arguments.Length: >= 2 } add:
                    values = add.Arguments.Skip(1).Select(a => a.Value).ToArray();
                    return collection.GetReferencedSymbol();
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection } } row:
                    values = new[] { row.Value };
                    return collection.GetReferencedSymbol();
                default:
                    return null;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static InsuranceSettings Settings(InsuranceContext insurance, SyntaxNode node) => insurance.GetSettings(node.SyntaxTree, DiagnosticIds.EmbeddedRateTable);

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, IOperation table, string shape, Tally tally) =>
            ReportTable(context.ReportDiagnostic, table.Syntax, shape, tally);

        /// <summary>
        /// Three factors or more make a table, unless every one is 0, ±1 or an allowed literal (<c>qualitygates_allowed_literals</c>):
        /// <c>basis switch { Sales => 1_000m, Payroll => 100m, Units => 1m }</c> converts units, it rates nothing.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void ReportTable(System.Action<Diagnostic> report, SyntaxNode table, string shape, Tally tally)
        {
            if (tally.Factors >= MinimumFactors && tally.Rated)
            {
                ReportTable(report, table.GetLocation(), shape, tally);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void ReportTable(System.Action<Diagnostic> report, Location table, string shape, Tally tally)
        {
            if (tally.Factors >= MinimumFactors && tally.Rated)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.EmbeddedRateTable, table, shape, tally.Factors.ToString(CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>
        /// The decimal/double factor literals of a table, its rows included: nested arrays and collection expressions, and a
        /// row written as a tuple or a construction (<c>["5403"] = new("5403", 11.42m, 2.91m)</c>, <c>[(10_000m, 0.091m), ...]</c>).
        /// </summary>
        private struct Tally
        {
            private readonly InsuranceSettings _settings;

            public Tally(InsuranceSettings settings)
            {
                _settings = settings;
                Factors = 0;
                Rated = false;
            }

            public int Factors { get; private set; }

            /// <summary>Some factor is more than a unit: neither 0, ±1 nor an allowed literal.</summary>
            public bool Rated { get; private set; }

            [MethodImpl(HotPath.Optimize)]
            public void Add(IOperation value)
            {
                switch (value.WalkDownConversions())
                {
                    case IArrayInitializerOperation rows:
                        foreach (var row in rows.ElementValues)
                        {
                            Add(row);
                        }

                        break;
                    case IObjectCreationOperation creation:
                        foreach (var argument in creation.Arguments)
                        {
                            Add(argument.Value);
                        }

                        // new RatingModel { Id = 2, Name = "White Collar", Factor = 1.25M }: a row written as an initializer.
                        foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                        {
                            if (member is ISimpleAssignmentOperation cell)
                            {
                                Add(cell.Value);
                            }
                        }

                        break;
                    case ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            Add(element);
                        }

                        break;
                    case var literal when RateConfigurationFacts.IsFactorLiteral(literal) && literal.TryGetNumericConstant(out var number):
                        Count(number);
                        break;
                }
            }

            [MethodImpl(HotPath.Optimize)]
            public void Add(CollectionExpressionSyntax collection)
            {
                foreach (var element in collection.Elements)
                {
                    if (element is ExpressionElementSyntax expression)
                    {
                        Add(expression.Expression);
                    }
                }
            }

            [MethodImpl(HotPath.Optimize)]
            private void Add(ExpressionSyntax? value)
            {
                while (value is ParenthesizedExpressionSyntax || (value is PrefixUnaryExpressionSyntax minus && minus.IsKind(SyntaxKind.UnaryMinusExpression)))
                {
                    value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PrefixUnaryExpressionSyntax)value).Operand;
                }

                switch (value)
                {
                    case CollectionExpressionSyntax row:
                        Add(row);
                        break;
                    case TupleExpressionSyntax tuple:
                        foreach (var argument in tuple.Arguments)
                        {
                            Add(argument.Expression);
                        }

                        break;
                    case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList != null:
                        foreach (var argument in creation.ArgumentList.Arguments)
                        {
                            Add(argument.Expression);
                        }

                        break;
                    case LiteralExpressionSyntax literal:
                        switch (literal.Token.Value)
                        {
                            case decimal d: Count(d); break;
                            case double x when !double.IsInfinity(x) && System.Math.Abs(x) < 7.9e27: Count((decimal)x); break;
                            case float f when !float.IsInfinity(f) && System.Math.Abs(f) < 7.9e27f: Count((decimal)f); break;
                        }

                        break;
                }
            }

            [MethodImpl(HotPath.Optimize)]
            private void Count(decimal number)
            {
                Factors++;
                Rated |= number != 0 && System.Math.Abs(number) != 1 && !_settings.IsAllowedLiteral(number);
            }
        }
    }
}
