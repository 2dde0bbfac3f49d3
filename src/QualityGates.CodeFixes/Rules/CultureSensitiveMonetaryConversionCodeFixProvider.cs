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
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1007: passes CultureInfo.InvariantCulture (TryParse also gets the type's default NumberStyles), or wraps an
    /// interpolated string in FormattableString.Invariant.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class CultureSensitiveMonetaryConversionCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string Title = "Use CultureInfo.InvariantCulture";
        private const string InvariantCulture = "System.Globalization.CultureInfo.InvariantCulture";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CultureSensitiveMonetaryConversion);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            diagnostic.Properties.TryGetValue(PricingSemantics.KindProperty, out var kind);
            diagnostic.Properties.TryGetValue(PricingSemantics.ModeProperty, out var styles);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? replacement = null;
            switch (kind)
            {
                case CultureSensitiveMonetaryConversionAnalyzer.AppendProvider when node is InvocationExpressionSyntax invocation:
                    replacement = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(
                        SyntaxEditing.Append(invocation.ArgumentList.Arguments, SyntaxFactory.Argument(SyntaxEditing.QualifiedName(InvariantCulture)))));
                    break;
                case CultureSensitiveMonetaryConversionAnalyzer.InsertStylesAndProvider when node is InvocationExpressionSyntax invocation && styles != null:
                    var arguments = SyntaxEditing.Insert(invocation.ArgumentList.Arguments, 1, SyntaxFactory.Argument(Styles(styles)));
                    arguments = SyntaxEditing.Insert(arguments, 2, SyntaxFactory.Argument(SyntaxEditing.QualifiedName(InvariantCulture)));
                    replacement = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
                    break;
                case CultureSensitiveMonetaryConversionAnalyzer.WrapInvariant when node is InterpolatedStringExpressionSyntax interpolated:
                    replacement = SyntaxFactory.InvocationExpression(
                        SyntaxEditing.QualifiedName("System.FormattableString.Invariant"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(interpolated.WithoutTrivia())))).WithTriviaFrom(interpolated);
                    break;
            }

            if (replacement != null)
            {
                var fixedNode = replacement;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Replace(context.Document, node, fixedNode, ct), nameof(CultureSensitiveMonetaryConversionCodeFixProvider)),
                    diagnostic);
            }
        }

        /// <summary>"A | B" as an or-expression of names the simplifier can shorten one by one.</summary>
        private static ExpressionSyntax Styles(string styles)
        {
            var parts = styles.Split('|');
            ExpressionSyntax result = SyntaxEditing.QualifiedName(parts[0].Trim());
            for (int i = 1; i < parts.Length; i++)
            {
                result = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, result, SyntaxEditing.QualifiedName(parts[i].Trim()));
            }

            return result;
        }

        private static async Task<Document> Replace(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root == null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
        }
    }
}
