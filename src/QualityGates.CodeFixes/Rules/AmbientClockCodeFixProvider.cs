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
    /// <summary>QG3001: read the time from the TimeProvider the type already has instead of the system clock.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AmbientClockCodeFixProvider)), Shared]
    public sealed class AmbientClockCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string EquivalenceKey = "QG3001.UseInjectedTimeProvider";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AmbientClock);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            // The analyzer only offers a replacement when a TimeProvider field, property or parameter is in reach.
            if (!diagnostic.Properties.TryGetValue(AmbientClockAnalyzer.ReplacementProperty, out var replacement) || string.IsNullOrEmpty(replacement))
            {
                return;
            }

            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax read))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + replacement,
                    ct => ReplaceAsync(context.Document, read, replacement!, ct),
                    EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax read, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(read);
            return document.WithSyntaxRoot(root.ReplaceNode(read, expression));
        }
    }
}
