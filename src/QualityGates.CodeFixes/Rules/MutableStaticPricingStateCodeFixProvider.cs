using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using QualityGates.Analyzers;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG4003: adds readonly to a static field whose only writes are its initializer and its type's static constructor
    /// (searched in the whole solution). A field written anywhere else, a property, a volatile field and a field of a
    /// mutable struct type (readonly would make its mutations act on copies) get no fix; nor does the diagnostic on a write.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MutableStaticPricingStateCodeFixProvider)), Shared]
    public sealed class MutableStaticPricingStateCodeFixProvider : SemanticCodeFixProvider
    {
        private const string EquivalenceKey = "QG4003.MakeReadonly";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MutableStaticPricingState);

        protected override async Task<bool> IsFixableAsync(Document document, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var field = FieldDeclaration(root, diagnostic);
            if (field == null)
            {
                return false;
            }

            // readonly applies to every variable of the declaration: each must qualify.
            foreach (var variable in field.Declaration.Variables)
            {
                if (!(model.GetDeclaredSymbol(variable, cancellationToken) is IFieldSymbol symbol) || IsMutableStruct(symbol.Type) ||
                    await IsWrittenOutsideInitializationAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var field = FieldDeclaration(root, diagnostic);
            if (field != null)
            {
                yield return new Fix("Make the field readonly", EquivalenceKey, editor => editor.ReplaceNode(field, (current, _) => MakeReadonly((FieldDeclarationSyntax)current)));
            }
        }

        /// <summary>The declaration a diagnostic on a static field's name points to; null for properties and write sites.</summary>
        private static FieldDeclarationSyntax? FieldDeclaration(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } &&
            field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.VolatileKeyword) && !field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                ? field
                : null;

        private static bool IsMutableStruct(ITypeSymbol type) =>
            type.IsValueType && type.SpecialType == SpecialType.None && type.TypeKind != TypeKind.Enum && !type.IsReadOnly;

        /// <summary>
        /// True when a reference anywhere in the solution (other projects included: a loader may set a public static)
        /// writes the field outside the static constructor of its type: assignment, ++/--, ref/out, deconstruction, &amp;.
        /// </summary>
        private static async Task<bool> IsWrittenOutsideInitializationAsync(IFieldSymbol field, Solution solution, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(field, solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root == null || !(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is SimpleNameSyntax name) || !IsWrite(name))
                {
                    continue;
                }

                var model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var owner = model?.GetEnclosingSymbol(name.SpanStart, cancellationToken);
                if (!(owner is IMethodSymbol { MethodKind: MethodKind.StaticConstructor } constructor) ||
                    !SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, field.ContainingType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the name is the target of a write, looking up through Type.Field and parentheses.</summary>
        private static bool IsWrite(SimpleNameSyntax name)
        {
            SyntaxNode node = name;
            while (node.Parent is MemberAccessExpressionSyntax access && access.Name == node ||
                   node.Parent is ParenthesizedExpressionSyntax ||
                   node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax } ||
                   node.Parent is TupleExpressionSyntax)
            {
                node = node.Parent;
            }

            switch (node.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == node;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case ArgumentSyntax argument:
                    return argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword);
                case RefExpressionSyntax _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>static decimal Rate becomes static readonly decimal Rate (readonly right after static).</summary>
        private static FieldDeclarationSyntax MakeReadonly(FieldDeclarationSyntax field)
        {
            if (field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
            {
                return field;
            }

            int index = field.Modifiers.IndexOf(SyntaxKind.StaticKeyword) + 1;
            var readonlyToken = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            return field.WithModifiers(field.Modifiers.Insert(index, readonlyToken));
        }
    }
}
