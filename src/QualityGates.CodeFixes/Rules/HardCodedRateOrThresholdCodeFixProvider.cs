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
using QualityGates.Analyzers;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1006: extracts the literal to a private const of the containing type and uses the constant instead. Fix All names
    /// each constant against the type as earlier fixes left it (LoadingFactor, LoadingFactor2), so one pass fixes them all.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class HardCodedRateOrThresholdCodeFixProvider : SemanticCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardCodedRateOrThreshold);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var literal = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
            var type = literal?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            var literalType = literal == null ? null : model.GetTypeInfo(literal, cancellationToken).Type;
            if (literal == null || type == null || literalType == null || literalType.SpecialType == SpecialType.None ||
                !diagnostic.Properties.TryGetValue(PricingSemantics.NameProperty, out var baseName) || baseName == null)
            {
                yield break;
            }

            var symbol = model.GetDeclaredSymbol(type, cancellationToken);
            var typeName = literalType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            var value = literal.WithoutTrivia().ToFullString();
            yield return new Fix(
                "Extract to constant '" + UniqueName(symbol, type, baseName) + "'",
                nameof(HardCodedRateOrThresholdCodeFixProvider),
                editor =>
                {
                    // The literal's edit runs first and picks the name against the type as it is now; the type's edit declares it.
                    string? name = null;
                    editor.ReplaceNode(literal, (current, _) =>
                    {
                        name = UniqueName(symbol, current.FirstAncestorOrSelf<TypeDeclarationSyntax>(), baseName);
                        return SyntaxFactory.IdentifierName(name).WithTriviaFrom(current);
                    });
                    editor.ReplaceNode(type, (current, _) => name == null ? current : AddConstant((TypeDeclarationSyntax)current, type, typeName, name, value));
                });
        }

        /// <summary>The base name, or base2, base3... when the type (any partial part, or a constant added by an earlier fix) has it.</summary>
        private static string UniqueName(INamedTypeSymbol? type, TypeDeclarationSyntax? declaration, string baseName)
        {
            bool Taken(string candidate) =>
                (type != null && type.GetMembers(candidate).Length > 0) ||
                (declaration != null && declaration.Members.OfType<FieldDeclarationSyntax>().Any(f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == candidate)));

            var name = baseName;
            for (int i = 2; Taken(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        private static TypeDeclarationSyntax AddConstant(TypeDeclarationSyntax type, TypeDeclarationSyntax original, string typeName, string name, string value)
        {
            if (!(SyntaxFactory.ParseMemberDeclaration("private const " + typeName + " " + name + " = " + value + ";") is MemberDeclarationSyntax constant))
            {
                return type;
            }

            // Versioned rate tables are the real home; a named constant is the first step and shows up in review.
            // Same indentation and line ending as the type's first member, so the file keeps its own style.
            var indentation = type.Members.Count == 0 ? default : type.Members[0].GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var endOfLine = original.OpenBraceToken.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            constant = constant
                .WithLeadingTrivia(indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
                .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.None) ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine);
            return type.WithMembers(type.Members.Insert(0, constant));
        }
    }
}
