using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>Small syntax helpers shared by the pricing code fixes.</summary>
    internal static class SyntaxEditing
    {
        /// <summary>The culture-invariant provider, written in full for the simplifier, and the using it needs.</summary>
        public const string InvariantCulture = "System.Globalization.CultureInfo.InvariantCulture";
        public const string GlobalizationNamespace = "System.Globalization";

        /// <summary>Appends an argument after ", " (SeparatedSyntaxList.Add would write "," with no space).</summary>
        public static SeparatedSyntaxList<ArgumentSyntax> Append(SeparatedSyntaxList<ArgumentSyntax> arguments, ArgumentSyntax argument) =>
            Insert(arguments, arguments.Count, argument);

        /// <summary>Inserts an argument at a position, keeping "a, b" spacing, or one argument a line when the call is written so.</summary>
        public static SeparatedSyntaxList<ArgumentSyntax> Insert(SeparatedSyntaxList<ArgumentSyntax> arguments, int index, ArgumentSyntax argument)
        {
            var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            if (arguments.SeparatorCount > 0 && arguments.GetSeparators().All(s => s.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))))
            {
                // Math.Round(\n    premium,\n    2): the new argument gets a line of its own, indented like its neighbour.
                var endOfLine = arguments.GetSeparator(arguments.SeparatorCount - 1).TrailingTrivia.First(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine);
                var neighbour = arguments[index < arguments.Count ? index : arguments.Count - 1];
                argument = argument.WithLeadingTrivia(neighbour.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
            }

            var nodes = arguments.ToList();
            nodes.Insert(index, argument);
            var separators = Enumerable.Range(0, nodes.Count - 1)
                .Select(i => i < arguments.SeparatorCount ? arguments.GetSeparator(i) : separator);
            return SyntaxFactory.SeparatedList(nodes, separators);
        }

        /// <summary>A type name for a type position (attribute, cast), shortened by the simplifier when a using allows it.</summary>
        public static NameSyntax QualifiedTypeName(string name) =>
            SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation);

        /// <summary>The line ending the document uses (a new statement must not bring CRLF into an LF file).</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode node) =>
            node.AncestorsAndSelf().Last().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
                ? eol
                : SyntaxFactory.ElasticCarriageReturnLineFeed;

        /// <summary>An operator written " - ", as a person would (SyntaxFactory's default has no spaces until formatted).</summary>
        public static SyntaxToken SpacedToken(SyntaxKind kind) =>
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));

        /// <summary>True when some file of the compilation has "global using ns;" (a second using would be CS0105).</summary>
        public static bool HasGlobalUsing(Compilation compilation, string ns) =>
            compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit &&
                unit.Usings.Any(u => !u.GlobalKeyword.IsKind(SyntaxKind.None) && u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns));

        /// <summary>
        /// Adds "using ns;" at the top of the file, in order among the plain usings, unless the file or one of its
        /// namespaces already has it.
        /// </summary>
        public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns)
        {
            bool present = unit.Usings.Concat(unit.DescendantNodes(n => !(n is MemberDeclarationSyntax) || n is BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
                .Any(u => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns);
            if (present)
            {
                return unit;
            }

            var eol = EndOfLine(unit);
            var directive = SyntaxFactory.ParseCompilationUnit("using " + ns + ";").Usings[0].WithTrailingTrivia(eol);
            if (unit.Usings.Count == 0)
            {
                // Keep a file header above the using, and a blank line between the using and the code.
                var first = unit.GetFirstToken(includeZeroWidth: true);
                directive = directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(eol, eol);
                return unit.ReplaceToken(first, first.WithLeadingTrivia()).WithUsings(SyntaxFactory.SingletonList(directive));
            }

            int index = 0;
            while (index < unit.Usings.Count && IsPlainUsing(unit.Usings[index]) && string.CompareOrdinal(unit.Usings[index].Name?.ToString(), ns) < 0)
            {
                index++;
            }

            if (index == 0)
            {
                // The first using carries the file header: the new one takes it over.
                var old = unit.Usings[0];
                directive = directive.WithLeadingTrivia(old.GetLeadingTrivia());
                unit = unit.ReplaceNode(old, old.WithLeadingTrivia());
            }

            return unit.WithUsings(unit.Usings.Insert(index, directive));
        }

        private static bool IsPlainUsing(UsingDirectiveSyntax u) => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None);

        /// <summary>(x) is x: an argument needs no parentheses of its own.</summary>
        public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>The method's name as written (Floor in Math.Floor(x), x?.Floor(), Floor(x)), or null for other shapes.</summary>
        public static SimpleNameSyntax? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax name => name,
            _ => null,
        };

        /// <summary>System.Globalization.CultureInfo.InvariantCulture, shortened by the simplifier when a using allows it.</summary>
        public static ExpressionSyntax QualifiedName(string name) =>
            SyntaxFactory.ParseExpression(name).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation);
    }
}
