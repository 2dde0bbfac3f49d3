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
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>QG3003: AddDays(365) becomes AddYears(1), which is 366 days when the term spans 29 February.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedLengthYearCodeFixProvider)), Shared]
    public sealed class FixedLengthYearCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string EquivalenceKey = "QG3003.UseAddYears";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FixedLengthYear);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            // Divisions by 365 get no fix: the right denominator (term days, filed basis) is not in the expression.
            if (!diagnostic.Properties.ContainsKey(FixedLengthYearAnalyzer.AddYearsProperty) ||
                !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation) ||
                !(invocation.Expression is MemberAccessExpressionSyntax member))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use AddYears(1)", ct => UseAddYearsAsync(context.Document, invocation, member, ct), EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document> UseAddYearsAsync(Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var oldArgument = invocation.ArgumentList.Arguments[0];
            var one = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))).WithTriviaFrom(oldArgument);
            var replacement = invocation
                .WithExpression(member.WithName(SyntaxFactory.IdentifierName("AddYears").WithTriviaFrom(member.Name)))
                .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(one)));
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
        }
    }
}
