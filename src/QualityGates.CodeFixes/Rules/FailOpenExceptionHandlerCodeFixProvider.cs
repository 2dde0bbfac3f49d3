using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>QG2001: return the fallback outcome (Refer) from the handler, or rethrow.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class FailOpenExceptionHandlerCodeFixProvider : InsuranceCodeFixProvider
    {
        private const string FallbackKey = "QG2001.Fallback";
        private const string RethrowKey = "QG2001.Rethrow";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FailOpenExceptionHandler);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            diagnostic.Properties.TryGetValue(FailOpenExceptionHandlerAnalyzer.ExitKindProperty, out var kind);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == "FallThrough")
            {
                if (node.FirstAncestorOrSelf<CatchClauseSyntax>() is CatchClauseSyntax clause && clause.Block != null)
                {
                    var block = clause.Block.AddStatements(SyntaxFactory.ThrowStatement().WithAdditionalAnnotations(Formatter.Annotation));
                    Register(context, diagnostic, root, clause.Block, block);
                }

                return;
            }

            FallbackOutcomeFix.Register(context, diagnostic, root, FallbackKey);
            if (kind == "Return" && node.FirstAncestorOrSelf<ReturnStatementSyntax>() is ReturnStatementSyntax ret)
            {
                Register(context, diagnostic, root, ret, SyntaxFactory.ThrowStatement().WithTriviaFrom(ret));
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode oldNode, SyntaxNode newNode)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Rethrow the exception", ct => FallbackOutcomeFix.ReplaceAsync(document, root, oldNode, newNode, ct), RethrowKey),
                diagnostic);
        }
    }
}
