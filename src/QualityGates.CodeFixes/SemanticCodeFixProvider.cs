using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using QualityGates.CodeFixes.Rules;

namespace QualityGates.CodeFixes
{
    /// <summary>
    /// The shape of the fixes that need the semantic model, offer more than one action, or whose edits share or nest nodes
    /// (a guard clause per method, an attribute per method, a call inside a call): one document, one SyntaxEditor, the
    /// diagnostics in source order, so a single fix and Fix All go through the same code. Edits must be computed from the
    /// current node (<see cref="SyntaxEditor.ReplaceNode(SyntaxNode, Func{SyntaxNode, SyntaxGenerator, SyntaxNode})"/>) and
    /// be idempotent when they touch a shared node.
    /// </summary>
    public abstract class SemanticCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
                await ApplyAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!await IsFixableAsync(context.Document, diagnostic, root, model, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                foreach (var fix in GetFixes(diagnostic, root, model, context.CancellationToken))
                {
                    var single = ImmutableArray.Create(diagnostic);
                    var key = fix.EquivalenceKey;
                    context.RegisterCodeFix(
                        CodeAction.Create(fix.Title, ct => ApplyAsync(context.Document, single, key, ct), key),
                        diagnostic);
                }
            }
        }

        /// <summary>A check that needs more than this document (a search of the solution) before any action is offered.</summary>
        protected virtual Task<bool> IsFixableAsync(Document document, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        /// <summary>The actions a diagnostic offers (none when no safe fix exists); planning only, no edit yet.</summary>
        protected abstract IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken);

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var imports = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (!await IsFixableAsync(document, diagnostic, editor.OriginalRoot, editor.SemanticModel, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var fix = GetFixes(diagnostic, editor.OriginalRoot, editor.SemanticModel, cancellationToken).FirstOrDefault(f => f.EquivalenceKey == equivalenceKey);
                if (fix != null)
                {
                    fix.Apply(editor);
                    if (fix.Import != null)
                    {
                        imports.Add(fix.Import);
                    }
                }
            }

            // The simplifier shortens System.Globalization.CultureInfo only where a using exists; it does not add one.
            var changed = editor.GetChangedDocument();
            var compilation = editor.SemanticModel.Compilation;
            imports.RemoveWhere(ns => SyntaxEditing.HasGlobalUsing(compilation, ns));
            if (imports.Count > 0 && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
            {
                changed = changed.WithSyntaxRoot(imports.Aggregate(unit, SyntaxEditing.AddUsing));
            }

            return changed;
        }

        /// <summary>One code action: its title, its equivalence key (which Fix All applies) and its edit.</summary>
        protected sealed class Fix
        {
            public Fix(string title, string equivalenceKey, Action<SyntaxEditor> apply, string? import = null)
            {
                Title = title;
                EquivalenceKey = equivalenceKey;
                Apply = apply;
                Import = import;
            }

            /// <summary>A namespace the edit's names need a using for (added once per document when missing).</summary>
            public string? Import { get; }

            public string Title { get; }

            public string EquivalenceKey { get; }

            public Action<SyntaxEditor> Apply { get; }
        }
    }
}
