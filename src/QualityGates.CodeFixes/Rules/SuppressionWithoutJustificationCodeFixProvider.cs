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
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>QG4004: add a "TODO" justification placeholder, so the missing reason is visible in review and searchable.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressionWithoutJustificationCodeFixProvider)), Shared]
    public sealed class SuppressionWithoutJustificationCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string EquivalenceKey = "QG4004.AddJustificationPlaceholder";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SuppressionWithoutJustification);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            diagnostic.Properties.TryGetValue(SuppressionWithoutJustificationAnalyzer.ShapeProperty, out var shape);
            var node = root.FindNode(diagnostic.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (shape == SuppressionWithoutJustificationAnalyzer.AttributeShape && node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is AttributeSyntax attribute)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add Justification = \"TODO\"", ct => AddJustificationAsync(context.Document, attribute, ct), EquivalenceKey),
                    diagnostic);
            }
            else if (shape == SuppressionWithoutJustificationAnalyzer.PragmaShape && node.AncestorsAndSelf().OfType<PragmaWarningDirectiveTriviaSyntax>().FirstOrDefault() is PragmaWarningDirectiveTriviaSyntax pragma)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add a // TODO justification comment", ct => AddCommentAsync(context.Document, pragma, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> AddJustificationAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || attribute.ArgumentList == null)
            {
                return document;
            }

            var justification = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Justification")),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("TODO")));
            return document.WithSyntaxRoot(root.ReplaceNode(attribute.ArgumentList, attribute.ArgumentList.AddArguments(justification)));
        }

        private static async Task<Document> AddCommentAsync(Document document, PragmaWarningDirectiveTriviaSyntax pragma, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // The comment goes right before the end of the directive, after the last code (or after "disable").
            var last = pragma.ErrorCodes.Count > 0 ? pragma.ErrorCodes.Last().GetLastToken() : pragma.DisableOrRestoreKeyword;
            var commented = last.WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment("// TODO: justification"));
            return document.WithSyntaxRoot(root.ReplaceToken(last, commented));
        }
    }
}
