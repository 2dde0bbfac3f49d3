using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>Shared by QG2001 and QG2003: puts the configured fallback outcome where a favourable one was.</summary>
    internal static class FallbackOutcomeFix
    {
        /// <summary>Offers "Use Decision.Refer" when the analyzer found a safe substitute for the favourable leaf.</summary>
        public static void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, string equivalenceKey)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var replacement = Replacement(node, diagnostic);
            if (replacement == null)
            {
                return;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the fallback outcome '" + replacement.ToString() + "'",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))),
                    equivalenceKey),
                diagnostic);
        }

        private static ExpressionSyntax? Replacement(SyntaxNode node, Diagnostic diagnostic)
        {
            if (diagnostic.Properties.TryGetValue(UnderwritingSemantics.FallbackMemberProperty, out var member) && member != null)
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access: return access.WithName(SyntaxFactory.IdentifierName(member));
                    case IdentifierNameSyntax _: return SyntaxFactory.IdentifierName(member);
                }
            }

            if (diagnostic.Properties.ContainsKey(UnderwritingSemantics.FallbackLiteralProperty) && node.IsKind(SyntaxKind.TrueLiteralExpression))
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
            }

            return null;
        }

        /// <summary>The ArgumentOutOfRangeException a fail-safe default throws, naming the switched value when it is a name.</summary>
        public static ExpressionSyntax OutOfRange(ExpressionSyntax governing)
        {
            var type = SyntaxFactory.ParseTypeName("System.ArgumentOutOfRangeException").WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
            var value = governing.WithoutTrivia();
            var arguments = value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax
                ? SyntaxFactory.ParseArgumentList("(nameof(" + value + "), " + value + ", null)")
                : SyntaxFactory.ArgumentList();
            return SyntaxFactory.ObjectCreationExpression(type, arguments, null);
        }

        public static Task<Document> ReplaceAsync(Document document, SyntaxNode root, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken _) =>
            Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)));
    }
}
