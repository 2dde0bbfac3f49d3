using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// <summary>QG2005: insert <c>Unknown = 0</c> as the first member of an internal decision enum.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class DecisionEnumDefaultIsFavourableCodeFixProvider : InsuranceCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DecisionEnumDefaultIsFavourable);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            if (!diagnostic.Properties.ContainsKey(DecisionEnumDefaultIsFavourableAnalyzer.CanInsertUnknownProperty) ||
                !(root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<EnumDeclarationSyntax>() is EnumDeclarationSyntax declaration) ||
                declaration.Members.Count == 0)
            {
                return;
            }

            var first = declaration.Members[0];
            var unknown = SyntaxFactory.EnumMemberDeclaration(SyntaxFactory.Identifier("Unknown"))
                .WithEqualsValue(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))))
                .WithLeadingTrivia(first.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
            // Keep the layout: the new separator copies the first one's line break or space (not a comment after it),
            // and Unknown takes only the first member's indentation (its doc comment stays with it).
            var existing = declaration.Members.GetSeparators();
            var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(
                declaration.Members.SeparatorCount > 0 && declaration.Members.GetSeparator(0).TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
                    ? SyntaxFactory.TriviaList(eol)
                    : SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var members = SyntaxFactory.SeparatedList(new[] { unknown }.Concat(declaration.Members), new[] { comma }.Concat(existing));
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Insert 'Unknown = 0' as the default value", ct => FallbackOutcomeFix.ReplaceAsync(document, root, declaration, declaration.WithMembers(members), ct), "QG2005.InsertUnknown"),
                diagnostic);
        }
    }
}
