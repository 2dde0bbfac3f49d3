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
    /// <summary>QG1002: passes MidpointRounding.&lt;policy&gt; (AwayFromZero when no policy is configured) to the Round call.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class RoundingWithoutMidpointModeCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RoundingWithoutMidpointMode);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return;
            }

            var midpointRounding = semanticModel.Compilation.GetTypeByMetadataName("System.MidpointRounding");
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(PricingSemantics.ModeProperty, out var mode) || mode == null ||
                    !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation))
                {
                    continue;
                }

                // Named arguments would make position meaningless; leave those to the developer.
                if (invocation.ArgumentList.Arguments.Any(a => a.NameColon != null))
                {
                    continue;
                }

                int existing = -1;
                for (int i = 0; i < invocation.ArgumentList.Arguments.Count; i++)
                {
                    if (SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(invocation.ArgumentList.Arguments[i].Expression, context.CancellationToken).Type, midpointRounding))
                    {
                        existing = i;
                    }
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use MidpointRounding." + mode,
                        ct => FixAsync(context.Document, invocation, existing, mode, ct),
                        nameof(RoundingWithoutMidpointModeCodeFixProvider) + "." + mode),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, int existing, string mode, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var argument = SyntaxFactory.Argument(
                SyntaxEditing.QualifiedName("System.MidpointRounding." + mode));
            var arguments = invocation.ArgumentList.Arguments;
            arguments = existing >= 0 ? arguments.Replace(arguments[existing], argument.WithTriviaFrom(arguments[existing])) : SyntaxEditing.Append(arguments, argument);
            return document.WithSyntaxRoot(root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(arguments)));
        }
    }
}
