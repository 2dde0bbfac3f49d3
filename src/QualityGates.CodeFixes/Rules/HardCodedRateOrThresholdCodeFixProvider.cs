using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>QG1006: extracts the literal to a private const of the containing type and uses the constant instead.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class HardCodedRateOrThresholdCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardCodedRateOrThreshold);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var literal = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
                var type = literal?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                var literalType = literal == null ? null : semanticModel.GetTypeInfo(literal, context.CancellationToken).Type;
                if (literal == null || type == null || literalType == null || literalType.SpecialType == SpecialType.None ||
                    !diagnostic.Properties.TryGetValue(PricingSemantics.NameProperty, out var baseName) || baseName == null)
                {
                    continue;
                }

                var name = UniqueName(semanticModel.GetDeclaredSymbol(type, context.CancellationToken), baseName);
                var typeName = literalType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Extract to constant '" + name + "'",
                        ct => FixAsync(context.Document, literal, type, typeName, name, ct),
                        nameof(HardCodedRateOrThresholdCodeFixProvider)),
                    diagnostic);
            }
        }

        private static string UniqueName(INamedTypeSymbol? type, string baseName)
        {
            var name = baseName;
            for (int i = 2; type != null && type.GetMembers(name).Length > 0; i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        private static async Task<Document> FixAsync(Document document, ExpressionSyntax literal, TypeDeclarationSyntax type, string typeName, string name, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var constant = SyntaxFactory.ParseMemberDeclaration("private const " + typeName + " " + name + " = " + literal.WithoutTrivia().ToFullString() + ";");
            if (constant == null)
            {
                return document;
            }

            // Versioned rate tables are the real home; a named constant is the first step and shows up in review.
            var newType = type.ReplaceNode(literal, SyntaxFactory.IdentifierName(name).WithTriviaFrom(literal));
            // Same indentation and line ending as the type's first member, so the file keeps its own style.
            var first = newType.Members[0];
            var indentation = first.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var endOfLine = type.OpenBraceToken.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            constant = constant
                .WithLeadingTrivia(indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
                .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.None) ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine);
            newType = newType.WithMembers(newType.Members.Insert(0, constant));
            return document.WithSyntaxRoot(root.ReplaceNode(type, newType));
        }
    }
}
