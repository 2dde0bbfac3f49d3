using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace QualityGates.Core.Complexity;

/// <summary>One member with a body and its cyclomatic complexity; lines are 1-based and inclusive, attributes left out.</summary>
public sealed record MemberComplexity(string Name, int Line, int EndLine, int Complexity);

/// <summary>
/// McCabe cyclomatic complexity from Roslyn syntax only (no compilation): 1 + one per decision point. Decision points:
/// if (an else-if is an if), each case label, each switch-expression arm except a bare discard arm, while, do, for,
/// foreach, catch, &amp;&amp;, ||, ??, ??=, ?:, ?., each when-clause (case, arm, catch filter), and each pattern
/// combinator and/or. Members measured: methods, constructors, destructors, operators, accessors and expression-bodied
/// properties/indexers with a body, local functions (their own entry, not counted in the enclosing member), field and
/// property initializers that hold a lambda, and top-level statements. Lambdas count in the member that owns them.
/// Auto-accessors and bodiless (abstract, extern, interface, partial) declarations are not members here.
/// </summary>
public static class CyclomaticComplexity
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static IReadOnlyList<MemberComplexity> Measure(string source) =>
        Measure(CSharpSyntaxTree.ParseText(source, ParseOptions));

    public static IReadOnlyList<MemberComplexity> Measure(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        var result = new List<MemberComplexity>();
        foreach (var node in root.DescendantNodes())
        {
            var name = OwnerName(node);
            if (name != null)
            {
                result.Add(Entry(tree, node, name));
            }
        }

        var globals = root.ChildNodes().OfType<GlobalStatementSyntax>().ToList();
        if (globals.Count > 0)
        {
            int cc = 1 + globals.Sum(g => Decisions(g));
            var first = tree.GetLineSpan(globals[0].Span).StartLinePosition.Line + 1;
            var last = tree.GetLineSpan(globals[^1].Span).EndLinePosition.Line + 1;
            result.Add(new MemberComplexity("<top-level statements>", first, last, cc));
        }

        return result.OrderBy(m => m.Line).ToList(); // stable: document order within a line
    }

    /// <summary>Sum over the members: the file's complexity.</summary>
    public static int FileComplexity(IEnumerable<MemberComplexity> members) => members.Sum(m => m.Complexity);

    private static MemberComplexity Entry(SyntaxTree tree, SyntaxNode node, string name)
    {
        int start = node.ChildNodesAndTokens().FirstOrDefault(c => !c.IsKind(SyntaxKind.AttributeList)).SpanStart;
        if (node is VariableDeclaratorSyntax or PropertyDeclarationSyntax)
        {
            start = node.SpanStart;
        }

        var span = tree.GetLineSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, node.Span.End));
        return new MemberComplexity(name, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1, 1 + Decisions(node));
    }

    /// <summary>The display name when the node is a measured member, else null.</summary>
    private static string? OwnerName(SyntaxNode node)
    {
        switch (node)
        {
            case MethodDeclarationSyntax m when HasBody(m.Body, m.ExpressionBody):
                return Container(m) + m.Identifier.ValueText + Parameters(m.ParameterList);
            case ConstructorDeclarationSyntax c when HasBody(c.Body, c.ExpressionBody):
                return Container(c) + (c.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(c.ParameterList);
            case DestructorDeclarationSyntax d when HasBody(d.Body, d.ExpressionBody):
                return Container(d) + "Finalize()";
            case OperatorDeclarationSyntax o when HasBody(o.Body, o.ExpressionBody):
                return Container(o) + "operator " + o.OperatorToken.Text + Parameters(o.ParameterList);
            case ConversionOperatorDeclarationSyntax co when HasBody(co.Body, co.ExpressionBody):
                return Container(co) + co.ImplicitOrExplicitKeyword.Text + " operator " + co.Type + Parameters(co.ParameterList);
            case AccessorDeclarationSyntax a when HasBody(a.Body, a.ExpressionBody) && a.Parent?.Parent is BasePropertyDeclarationSyntax owner:
                return Container(owner) + PropertyName(owner) + "." + a.Keyword.Text;
            case PropertyDeclarationSyntax p when p.ExpressionBody != null:
                return Container(p) + p.Identifier.ValueText + ".get";
            case PropertyDeclarationSyntax p when p.Initializer != null && HasLambda(p.Initializer):
                return Container(p) + p.Identifier.ValueText;
            case IndexerDeclarationSyntax i when i.ExpressionBody != null:
                return Container(i) + "this[].get";
            case LocalFunctionStatementSyntax lf when HasBody(lf.Body, lf.ExpressionBody):
                return LocalContainer(lf) + lf.Identifier.ValueText + Parameters(lf.ParameterList);
            case VariableDeclaratorSyntax v when v.Initializer != null && v.Parent?.Parent is BaseFieldDeclarationSyntax field && HasLambda(v.Initializer):
                return Container(field) + v.Identifier.ValueText;
            default:
                return null;
        }
    }

    private static bool HasBody(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow) => body != null || arrow != null;

    private static bool HasLambda(SyntaxNode node) => node.DescendantNodesAndSelf().OfType<AnonymousFunctionExpressionSyntax>().Any();

    private static string PropertyName(BasePropertyDeclarationSyntax p) => p switch
    {
        PropertyDeclarationSyntax prop => prop.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        _ => "?",
    };

    private static string Parameters(BaseParameterListSyntax list) =>
        "(" + string.Join(", ", list.Parameters.Select(p => p.Type?.ToString() ?? p.Identifier.ValueText)) + ")";

    /// <summary>"Outer.Inner." for a member (no namespace: names are unique within a file in practice).</summary>
    private static string Container(SyntaxNode member)
    {
        var names = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse();
        var builder = new StringBuilder();
        foreach (var n in names)
        {
            builder.Append(n).Append('.');
        }

        return builder.ToString();
    }

    private static string LocalContainer(LocalFunctionStatementSyntax local)
    {
        var owner = local.Ancestors().Select(OwnerName).FirstOrDefault(n => n != null);
        return owner != null ? owner + "." : Container(local);
    }

    /// <summary>Decision points inside a member, leaving out nested local functions (they are members of their own).</summary>
    private static int Decisions(SyntaxNode member)
    {
        int count = 0;
        foreach (var node in member.DescendantNodes(n => n == member || n is not LocalFunctionStatementSyntax))
        {
            if (node is LocalFunctionStatementSyntax)
            {
                continue;
            }

            count += Weight(node);
        }

        return count;
    }

    private static int Weight(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.DoStatement or SyntaxKind.ForStatement
            or SyntaxKind.ForEachStatement or SyntaxKind.ForEachVariableStatement or SyntaxKind.CatchClause => 1,
        SyntaxKind.CaseSwitchLabel or SyntaxKind.CasePatternSwitchLabel => 1,
        SyntaxKind.SwitchExpressionArm => ((SwitchExpressionArmSyntax)node).Pattern is DiscardPatternSyntax && ((SwitchExpressionArmSyntax)node).WhenClause == null ? 0 : 1,
        SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression or SyntaxKind.CoalesceAssignmentExpression => 1,
        SyntaxKind.ConditionalExpression or SyntaxKind.ConditionalAccessExpression => 1,
        SyntaxKind.WhenClause or SyntaxKind.CatchFilterClause => 1,
        SyntaxKind.AndPattern or SyntaxKind.OrPattern => 1,
        _ => 0,
    };

    /// <summary>Formats "Name (CC n)" for messages.</summary>
    public static string Describe(MemberComplexity m) => string.Create(CultureInfo.InvariantCulture, $"{m.Name} (CC {m.Complexity}, lines {m.Line}-{m.EndLine})");
}
