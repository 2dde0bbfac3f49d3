using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1009: wraps the returned or assigned value in Math.Max(minimum, ...) when a minimum-premium member (a name with
    /// a lower-bound word, as the analyzer's bound check reads it, and a money word: MinimumPremium, MinPremium,
    /// PremiumFloor, MinimumCharge) is in reach and converts to the value's type. Without one there is nothing sound to
    /// clamp to (zero is rarely the tariff's answer), so no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PremiumMayBecomeNegativeCodeFixProvider)), Shared]
    public sealed class PremiumMayBecomeNegativeCodeFixProvider : SemanticCodeFixProvider
    {
        private const string EquivalenceKey = "QG1009.ClampToMinimum";

        /// <summary>Marks a value already wrapped, so two reductions in one expression give one Math.Max.</summary>
        private static readonly SyntaxAnnotation Clamped = new SyntaxAnnotation("QG1009.Clamped");

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PremiumMayBecomeNegative);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (node)
            {
                // amount -= credit becomes amount = Math.Max(MinimumPremium, amount - credit): the target is read twice, so
                // only plain variables and members qualify.
                case AssignmentExpressionSyntax compound when compound.IsKind(SyntaxKind.SubtractAssignmentExpression) || compound.IsKind(SyntaxKind.MultiplyAssignmentExpression):
                    if (!IsPlainTarget(compound.Left))
                    {
                        yield break;
                    }

                    var targetMinimum = FindMinimum(model, compound, model.GetTypeInfo(compound.Left, cancellationToken).Type, cancellationToken);
                    if (targetMinimum != null)
                    {
                        yield return new Fix(Title(targetMinimum), EquivalenceKey, editor => editor.ReplaceNode(compound, (current, _) => ClampCompound((AssignmentExpressionSyntax)current, targetMinimum)));
                    }

                    break;

                case BinaryExpressionSyntax binary:
                    var value = ReturnedOrAssignedValue(binary);
                    if (value == null)
                    {
                        yield break;
                    }

                    var minimum = FindMinimum(model, value, model.GetTypeInfo(value, cancellationToken).Type, cancellationToken);
                    if (minimum != null)
                    {
                        yield return new Fix(
                            Title(minimum),
                            EquivalenceKey,
                            editor => editor.ReplaceNode(value, (current, _) =>
                                current.HasAnnotation(Clamped) ? current : Max(minimum, SyntaxEditing.Unparenthesize((ExpressionSyntax)current)).WithTriviaFrom(current).WithAdditionalAnnotations(Clamped)));
                    }

                    break;
            }
        }

        private static string Title(string minimum) => "Clamp to " + minimum + " with Math.Max";

        private static bool IsPlainTarget(ExpressionSyntax target) =>
            target is IdentifierNameSyntax ||
            (target is MemberAccessExpressionSyntax access && (access.Expression is ThisExpressionSyntax || access.Expression is IdentifierNameSyntax));

        /// <summary>
        /// The whole arithmetic expression the reduction belongs to, when it is what a return, an expression body, an
        /// initializer or an assignment produces; null when the reduction feeds something else (an argument, a condition).
        /// </summary>
        private static ExpressionSyntax? ReturnedOrAssignedValue(ExpressionSyntax reduction)
        {
            var value = reduction;
            while (value.Parent is ParenthesizedExpressionSyntax || value.Parent is CastExpressionSyntax ||
                   (value.Parent is BinaryExpressionSyntax parent && IsArithmetic(parent)))
            {
                value = (ExpressionSyntax)value.Parent;
            }

            return value.Parent switch
            {
                ReturnStatementSyntax _ => value,
                ArrowExpressionClauseSyntax _ => value,
                EqualsValueClauseSyntax _ => value,
                AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == value => value,
                _ => null,
            };
        }

        private static bool IsArithmetic(BinaryExpressionSyntax binary) =>
            binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression) ||
            binary.IsKind(SyntaxKind.MultiplyExpression) || binary.IsKind(SyntaxKind.DivideExpression);

        /// <summary>
        /// The minimum-premium variable or member visible at the expression, as it is written there (locals declared
        /// before it, parameters, members; instance members only outside static code); a premium-named one first.
        /// </summary>
        private static string? FindMinimum(SemanticModel model, ExpressionSyntax at, ITypeSymbol? valueType, CancellationToken cancellationToken)
        {
            if (valueType == null || !InsuranceContext.IsNumeric(valueType) || !SymbolEqualityComparer.Default.Equals(InsuranceContext.UnwrapNullable(valueType), valueType))
            {
                return null;
            }

            int position = at.SpanStart;
            bool staticCode = IsInStaticCode(model.GetEnclosingSymbol(position, cancellationToken));
            var best = model.LookupSymbols(position)
                .Where(s => IsMinimumPremiumName(s.Name))
                .Select(s => (Symbol: s, Type: ValueType(s)))
                .Where(c => c.Type != null && model.Compilation.ClassifyConversion(c.Type, valueType).IsImplicit && InsuranceContext.IsNumeric(c.Type))
                .Where(c => !(c.Symbol is ILocalSymbol) || c.Symbol.Locations.All(l => l.SourceSpan.End < position))
                .Where(c => !staticCode || c.Symbol.IsStatic || c.Symbol is ILocalSymbol || c.Symbol is IParameterSymbol)
                .OrderBy(c => NameWords.Split(c.Symbol.Name).Contains("premium") ? 0 : 1)
                .ThenBy(c => c.Symbol.Name, System.StringComparer.Ordinal)
                .Select(c => c.Symbol)
                .FirstOrDefault();
            return best?.Name;
        }

        private static bool IsMinimumPremiumName(string name) =>
            PricingSemantics.IsLowerBoundName(name) && NameWords.LastMatchingWordIndex(NameWords.Split(name), Defaults.MoneyNames) >= 0;

        private static ITypeSymbol? ValueType(ISymbol symbol) => symbol switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol p when !p.IsIndexer && p.GetMethod != null => p.Type,
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };

        private static bool IsInStaticCode(ISymbol? symbol)
        {
            // Lambdas and local functions see the members their containing method sees.
            while (symbol is IMethodSymbol m && (m.MethodKind == MethodKind.LambdaMethod || m.MethodKind == MethodKind.LocalFunction))
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol == null || symbol.IsStatic;
        }

        private static InvocationExpressionSyntax Max(string minimum, ExpressionSyntax value) =>
            SyntaxFactory.InvocationExpression(
                SyntaxEditing.QualifiedName("System.Math.Max"),
                SyntaxFactory.ArgumentList(SyntaxEditing.Append(
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(minimum))),
                    SyntaxFactory.Argument(value.WithoutTrivia()))));

        private static AssignmentExpressionSyntax ClampCompound(AssignmentExpressionSyntax compound, string minimum)
        {
            var kind = compound.IsKind(SyntaxKind.SubtractAssignmentExpression) ? SyntaxKind.SubtractExpression : SyntaxKind.MultiplyExpression;
            var right = compound.Right.WithoutTrivia();
            if (!(right is IdentifierNameSyntax || right is MemberAccessExpressionSyntax || right is InvocationExpressionSyntax ||
                  right is LiteralExpressionSyntax || right is ParenthesizedExpressionSyntax || right is ElementAccessExpressionSyntax))
            {
                right = SyntaxFactory.ParenthesizedExpression(right);
            }

            var operatorToken = kind == SyntaxKind.SubtractExpression ? SyntaxKind.MinusToken : SyntaxKind.AsteriskToken;
            var value = SyntaxFactory.BinaryExpression(kind, compound.Left.WithoutTrivia(), SyntaxEditing.SpacedToken(operatorToken), right);
            return SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    compound.Left.WithoutTrivia(),
                    SyntaxEditing.SpacedToken(SyntaxKind.EqualsToken),
                    Max(minimum, value))
                .WithTriviaFrom(compound);
        }
    }
}
