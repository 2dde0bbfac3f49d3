using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1005: divides in the type the quotient is converted to: a literal divisor gets its suffix (365 → 365m), otherwise
    /// the dividend is cast ((decimal)days / termDays).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class IntegerDivisionInMonetaryArithmeticCodeFixProvider : InsuranceCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IntegerDivisionInMonetaryArithmetic);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            // Without a decimal/double target (integral money arithmetic) a cast would not compile back into the int.
            if (!diagnostic.Properties.TryGetValue(PricingSemantics.TargetTypeProperty, out var target) || target == null ||
                !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BinaryExpressionSyntax division) ||
                !division.IsKind(SyntaxKind.DivideExpression))
            {
                return;
            }

            // One equivalence key for every target type, so Fix All fixes decimal and double quotients together.
            string title = "Divide as " + target + " (keep the fraction)";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, division, target, ct), nameof(IntegerDivisionInMonetaryArithmeticCodeFixProvider)),
                diagnostic);
        }

        private static string Suffix(string target) => target == "decimal" ? "m" : target == "float" ? "f" : ".0";

        /// <summary>365 → 365m / 365f / 365.0; null for anything but a plain int literal.</summary>
        private static LiteralExpressionSyntax? Suffixed(LiteralExpressionSyntax literal, string target)
        {
            if (!(literal.Token.Value is int value))
            {
                return null;
            }

            var text = literal.Token.Text + Suffix(target);
            var token = target == "decimal" ? SyntaxFactory.Literal(text, (decimal)value)
                : target == "float" ? SyntaxFactory.Literal(text, (float)value)
                : SyntaxFactory.Literal(text, (double)value);
            return literal.WithToken(token.WithTriviaFrom(literal.Token));
        }

        private static async Task<Document> FixAsync(Document document, BinaryExpressionSyntax division, string target, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            BinaryExpressionSyntax fixedDivision;
            if (division.Right is LiteralExpressionSyntax divisor && Suffixed(divisor, target) is LiteralExpressionSyntax suffixedDivisor)
            {
                fixedDivision = division.WithRight(suffixedDivisor);
            }
            else if (division.Left is LiteralExpressionSyntax dividend && Suffixed(dividend, target) is LiteralExpressionSyntax suffixedDividend)
            {
                fixedDivision = division.WithLeft(suffixedDividend);
            }
            else
            {
                var type = SyntaxFactory.ParseTypeName(target);
                var left = division.Left.WithoutTrivia();
                var operand = left is IdentifierNameSyntax || left is MemberAccessExpressionSyntax || left is InvocationExpressionSyntax ||
                    left is ElementAccessExpressionSyntax || left is ParenthesizedExpressionSyntax
                    ? left
                    : SyntaxFactory.ParenthesizedExpression(left);
                fixedDivision = division.WithLeft(SyntaxFactory.CastExpression(type, operand).WithTriviaFrom(division.Left));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(division, fixedDivision));
        }
    }
}
