using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
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
    /// <summary>QG1001: turns a float/double local, private field or private property into decimal and its literals into m literals.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class MonetaryValueUsesFloatingPointCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string Title = "Use decimal for the monetary value";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MonetaryValueUsesFloatingPoint);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            // Public API, parameters and return types change a contract: the analyzer marks only what is safe to change here.
            if (!diagnostic.Properties.ContainsKey(PricingSemantics.FixableProperty))
            {
                return;
            }

            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            var (type, initializer) = FindDeclaration(token.Parent);
            if (type == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, type, initializer, ct), nameof(MonetaryValueUsesFloatingPointCodeFixProvider)),
                diagnostic);
        }

        private static (TypeSyntax? Type, ExpressionSyntax? Initializer) FindDeclaration(SyntaxNode? node)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Parent is VariableDeclarationSyntax declaration:
                    return (declaration.Type, declarator.Initializer?.Value);
                case PropertyDeclarationSyntax property:
                    return (property.Type, property.Initializer?.Value ?? property.ExpressionBody?.Expression);
                default:
                    return (null, null);
            }
        }

        private static async Task<Document> FixAsync(Document document, TypeSyntax type, ExpressionSyntax? initializer, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            var floating = type is NullableTypeSyntax nullable ? nullable.ElementType : type;
            if (!floating.IsVar)
            {
                replacements[floating] = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword)).WithTriviaFrom(floating);
            }

            if (initializer != null)
            {
                foreach (var literal in initializer.DescendantNodesAndSelf(n => !(n is ArgumentSyntax)).OfType<LiteralExpressionSyntax>())
                {
                    var replacement = ToDecimalLiteral(literal);
                    if (replacement != null)
                    {
                        replacements[literal] = replacement;
                    }
                }
            }

            return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        }

        /// <summary>1.5 → 1.5m, 2.5d → 2.5m, 0.1f → 0.1m; integer literals convert to decimal implicitly and stay.</summary>
        internal static LiteralExpressionSyntax? ToDecimalLiteral(LiteralExpressionSyntax literal)
        {
            var token = literal.Token;
            if (!token.IsKind(SyntaxKind.NumericLiteralToken) || !(token.Value is double || token.Value is float))
            {
                return null;
            }

            var text = token.Text.TrimEnd('d', 'D', 'f', 'F');
            if (!decimal.TryParse(text.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            return literal.WithToken(SyntaxFactory.Literal(text + "m", value).WithTriviaFrom(token));
        }
    }
}
