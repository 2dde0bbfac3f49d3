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
using Microsoft.CodeAnalysis.Simplification;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG4002: a missing rate throws instead of becoming a literal. <c>x ?? 100</c> becomes <c>x ?? throw ...</c>;
    /// <c>rates.GetValueOrDefault(k, 1m)</c> becomes <c>rates.TryGetValue(k, out var rate) ? rate : throw ...</c>;
    /// <c>n.GetValueOrDefault(1m)</c> becomes <c>n ?? throw ...</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SilentFallbackForMissingRateCodeFixProvider)), Shared]
    public sealed class SilentFallbackForMissingRateCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string EquivalenceKey = "QG4002.ThrowWhenMissing";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SilentFallbackForMissingRate);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            // Only ?? and GetValueOrDefault with an explicit literal: TryGetValue branches and catch blocks need a human.
            if (!diagnostic.Properties.TryGetValue(SilentFallbackForMissingRateAnalyzer.FixProperty, out var fix) ||
                !diagnostic.Properties.TryGetValue(SilentFallbackForMissingRateAnalyzer.MessageProperty, out var message) || fix == null || message == null)
            {
                return;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            context.RegisterCodeFix(
                CodeAction.Create("Throw InvalidOperationException when the rate is missing", ct => ApplyAsync(context.Document, node, fix, message, ct), EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document> ApplyAsync(Document document, SyntaxNode node, string fix, string message, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var throwExpression = SyntaxFactory.ThrowExpression(
                SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message)))))));

            if (fix == SilentFallbackForMissingRateAnalyzer.CoalesceFix && node is ExpressionSyntax fallback)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(fallback, throwExpression.WithTriviaFrom(fallback)));
            }

            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation == null || !(invocation.Expression is MemberAccessExpressionSyntax member))
            {
                return document;
            }

            ExpressionSyntax replacement;
            if (fix == SilentFallbackForMissingRateAnalyzer.NullableFix)
            {
                replacement = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, member.Expression.WithoutTrivia(), throwExpression);
            }
            else if (fix == SilentFallbackForMissingRateAnalyzer.DictionaryFix && invocation.ArgumentList.Arguments.Count == 2)
            {
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                string name = UniqueName(model, invocation, message.StartsWith("Missing amount", System.StringComparison.Ordinal) ? "amount" : "rate");
                var tryGet = SyntaxFactory.InvocationExpression(
                    member.WithName(SyntaxFactory.IdentifierName("TryGetValue")).WithoutTrivia(),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        invocation.ArgumentList.Arguments[0].WithoutTrivia(),
                        SyntaxFactory.Argument(SyntaxFactory.DeclarationExpression(SyntaxFactory.IdentifierName("var"), SyntaxFactory.SingleVariableDesignation(SyntaxFactory.Identifier(name))))
                            .WithRefKindKeyword(SyntaxFactory.Token(SyntaxKind.OutKeyword)),
                    })));
                replacement = SyntaxFactory.ConditionalExpression(tryGet, SyntaxFactory.IdentifierName(name), throwExpression);
            }
            else
            {
                return document;
            }

            if (NeedsParentheses(invocation))
            {
                replacement = SyntaxFactory.ParenthesizedExpression(replacement);
            }

            return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement.WithTriviaFrom(invocation)));
        }

        /// <summary>Parentheses unless the expression stands alone (initializer, return, argument, assignment source, arrow body).</summary>
        private static bool NeedsParentheses(ExpressionSyntax expression) =>
            !(expression.Parent is EqualsValueClauseSyntax || expression.Parent is ReturnStatementSyntax || expression.Parent is ArgumentSyntax ||
              expression.Parent is ArrowExpressionClauseSyntax || (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Right == expression));

        /// <summary>
        /// A name free at the call. Fix All fixes every lookup of a member against the same original document, so each
        /// also skips the names the lookups before it in that member take: rate, rate1, rate2 (the names one-by-one fixing gives).
        /// </summary>
        private static string UniqueName(SemanticModel? model, InvocationExpressionSyntax invocation, string baseName)
        {
            if (model == null)
            {
                return baseName;
            }

            var member = invocation.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax || a is LocalFunctionStatementSyntax);
            var earlier = member == null ? Enumerable.Empty<InvocationExpressionSyntax>() : member.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(c => c.SpanStart < invocation.SpanStart && c.ArgumentList.Arguments.Count == 2 &&
                    c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" });
            var taken = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var call in earlier)
            {
                taken.Add(NextFree(model, call.SpanStart, baseName, taken));
            }

            return NextFree(model, invocation.SpanStart, baseName, taken);
        }

        private static string NextFree(SemanticModel model, int position, string baseName, System.Collections.Generic.HashSet<string> taken)
        {
            string name = baseName;
            for (int i = 1; taken.Contains(name) || model.LookupSymbols(position, name: name).Length > 0; i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }
}
