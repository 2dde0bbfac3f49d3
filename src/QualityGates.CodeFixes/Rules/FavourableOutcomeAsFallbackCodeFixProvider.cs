using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>QG2003: use the fallback outcome, or make the switch default throw for unknown values.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class FavourableOutcomeAsFallbackCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string FallbackKey = "QG2003.Fallback";
        private const string ThrowKey = "QG2003.Throw";
        private const string ThrowTitle = "Throw ArgumentOutOfRangeException for unknown values";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FavourableOutcomeAsFallback);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            var document = context.Document;
            FallbackOutcomeFix.Register(context, diagnostic, root, FallbackKey);
            diagnostic.Properties.TryGetValue(FavourableOutcomeAsFallbackAnalyzer.FallbackKindProperty, out var kind);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == "SwitchDefault" && node.FirstAncestorOrSelf<SwitchSectionSyntax>() is SwitchSectionSyntax section &&
                section.Parent is SwitchStatementSyntax statement)
            {
                var thrown = SyntaxFactory.ThrowStatement(FallbackOutcomeFix.OutOfRange(statement.Expression));
                var newSection = section.WithStatements(SyntaxFactory.SingletonList<StatementSyntax>(thrown.WithTriviaFrom(section.Statements.First())));
                context.RegisterCodeFix(CodeAction.Create(ThrowTitle, ct => FallbackOutcomeFix.ReplaceAsync(document, root, section, newSection, ct), ThrowKey), diagnostic);
            }
            else if (kind == "SwitchArm" && node.FirstAncestorOrSelf<SwitchExpressionArmSyntax>() is SwitchExpressionArmSyntax arm &&
                arm.Parent is SwitchExpressionSyntax switchExpression)
            {
                var thrown = SyntaxFactory.ThrowExpression(FallbackOutcomeFix.OutOfRange(switchExpression.GoverningExpression)).WithTriviaFrom(arm.Expression);
                context.RegisterCodeFix(CodeAction.Create(ThrowTitle, ct => FallbackOutcomeFix.ReplaceAsync(document, root, arm.Expression, thrown, ct), ThrowKey), diagnostic);
            }
        }
    }
}
