using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>QG2004: <c>if (!X.TryParse(...)) throw new FormatException(...);</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class IgnoredTryPatternResultCodeFixProvider : InsuranceCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IgnoredTryPatternResult);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation) ||
                !(OwnStatement(invocation) is ExpressionStatementSyntax statement) ||
                !diagnostic.Properties.TryGetValue(IgnoredTryPatternResultAnalyzer.ExceptionProperty, out var exception) || exception == null ||
                !diagnostic.Properties.TryGetValue(IgnoredTryPatternResultAnalyzer.MessageProperty, out var message) || message == null)
            {
                return;
            }

            var thrown = SyntaxFactory.ThrowStatement(SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.ParseTypeName(exception).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message))))),
                null));
            var guard = SyntaxFactory.IfStatement(
                    SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, invocation.WithoutTrivia()),
                    thrown)
                .WithTriviaFrom(statement)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Throw when " + invocation.Expression.ToString() + " fails", ct => FallbackOutcomeFix.ReplaceAsync(document, root, statement, guard, ct), "QG2004.Throw"),
                diagnostic);
        }

        /// <summary>
        /// The statement that is the call (X.TryParse(...); or _ = X.TryParse(...);), or null: in lines.ForEach(l => X.TryParse(l, out v))
        /// the enclosing statement is the ForEach, which the guard must not replace.
        /// </summary>
        private static ExpressionStatementSyntax? OwnStatement(InvocationExpressionSyntax invocation)
        {
            SyntaxNode node = invocation;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard && discard.Right == node)
            {
                node = discard;
            }

            return node.Parent as ExpressionStatementSyntax;
        }
    }
}
