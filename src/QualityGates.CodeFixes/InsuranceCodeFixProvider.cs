using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace QualityGates.CodeFixes
{
    /// <summary>
    /// The shape the syntax-only fixes share: Fix All by batch, the document's root read once, and one callback per
    /// diagnostic that registers the fix (or returns when the diagnostic offers none).
    /// </summary>
    public abstract class InsuranceCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                RegisterFix(context, diagnostic, root);
            }
        }

        /// <summary>Registers the fix for one diagnostic; <paramref name="root"/> is the document's syntax root.</summary>
        protected abstract void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root);
    }
}
