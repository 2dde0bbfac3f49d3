using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    /// interpolated string in FormattableString.Invariant. Adds using System.Globalization when the file has none, so
    /// the result reads CultureInfo.InvariantCulture.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class CultureSensitiveMonetaryConversionCodeFixProvider : SemanticCodeFixProvider
    {
        private const string Title = "Use CultureInfo.InvariantCulture";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CultureSensitiveMonetaryConversion);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            diagnostic.Properties.TryGetValue(PricingSemantics.KindProperty, out var kind);
            diagnostic.Properties.TryGetValue(PricingSemantics.ModeProperty, out var styles);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            const string key = nameof(CultureSensitiveMonetaryConversionCodeFixProvider);
            switch (kind)
            {
                case CultureSensitiveMonetaryConversionAnalyzer.AppendProvider when node is InvocationExpressionSyntax invocation:
                    yield return new Fix(Title, key, editor => editor.ReplaceNode(invocation, (current, _) =>
                    {
                        var call = (InvocationExpressionSyntax)current;
                        return call.WithArgumentList(call.ArgumentList.WithArguments(
                            SyntaxEditing.Append(call.ArgumentList.Arguments, SyntaxFactory.Argument(SyntaxEditing.QualifiedName(SyntaxEditing.InvariantCulture)))));
                    }), SyntaxEditing.GlobalizationNamespace);
                    break;
                case CultureSensitiveMonetaryConversionAnalyzer.InsertStylesAndProvider when node is InvocationExpressionSyntax invocation && styles != null:
                    yield return new Fix(Title, key, editor => editor.ReplaceNode(invocation, (current, _) =>
                    {
                        var call = (InvocationExpressionSyntax)current;
                        var arguments = SyntaxEditing.Insert(call.ArgumentList.Arguments, 1, SyntaxFactory.Argument(Styles(styles)));
                        arguments = SyntaxEditing.Insert(arguments, 2, SyntaxFactory.Argument(SyntaxEditing.QualifiedName(SyntaxEditing.InvariantCulture)));
                        return call.WithArgumentList(call.ArgumentList.WithArguments(arguments));
                    }), SyntaxEditing.GlobalizationNamespace);
                    break;
                case CultureSensitiveMonetaryConversionAnalyzer.WrapInvariant when node is InterpolatedStringExpressionSyntax interpolated:
                    yield return new Fix(Title, key, editor => editor.ReplaceNode(interpolated, (current, _) =>
                        SyntaxFactory.InvocationExpression(
                            SyntaxEditing.QualifiedName("System.FormattableString.Invariant"),
                            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(((ExpressionSyntax)current).WithoutTrivia())))).WithTriviaFrom(current)));
                    break;
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
    }
}
