using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using QualityGates.Analyzers;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1008: when the divisor is a parameter of the method (or local function) being divided in, a guard clause at the
    /// start of its body: if (x == 0) throw new ArgumentOutOfRangeException(nameof(x)). Other divisors (fields, locals,
    /// members of other objects) have no place where a guard is obviously right, so they get no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DivisorMayBeZeroCodeFixProvider)), Shared]
    public sealed class DivisorMayBeZeroCodeFixProvider : SemanticCodeFixProvider
    {
        private const string EquivalenceKey = "QG1008.GuardClause";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DivisorMayBeZero);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var divisor = node switch
            {
                BinaryExpressionSyntax binary => binary.Right,
                AssignmentExpressionSyntax compound => compound.Right,
                InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } call => call.ArgumentList.Arguments[1].Expression,
                _ => null,
            };

            if (divisor == null || !(model.GetSymbolInfo(WithoutCasts(divisor), cancellationToken).Symbol is IParameterSymbol parameter) ||
                parameter.RefKind == RefKind.Out || !(parameter.ContainingSymbol is IMethodSymbol method))
            {
                yield break;
            }

            // The function that declares the parameter, when the division is in its body (not in a base(...) call).
            var function = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).Parent?.Parent;
            var (body, expressionBody) = Bodies(function);
            SyntaxNode? code = (SyntaxNode?)body ?? expressionBody?.Expression;
            if (function == null || code == null || !code.Span.Contains(node.Span) || (body == null && method.IsAsync))
            {
                yield break;
            }

            // A guard at the start says nothing about a value assigned later in the method.
            if (model.AnalyzeDataFlow(code)?.WrittenInside.Contains(parameter) != false)
            {
                yield break;
            }

            var name = SyntaxFacts.GetKeywordKind(parameter.Name) == SyntaxKind.None ? parameter.Name : "@" + parameter.Name;
            bool returnsValue = !method.ReturnsVoid && method.MethodKind != MethodKind.Constructor && method.MethodKind != MethodKind.StaticConstructor;
            yield return new Fix(
                "Throw ArgumentOutOfRangeException when " + name + " is 0",
                EquivalenceKey,
                editor => editor.ReplaceNode(function, (current, _) => AddGuard(current, name, returnsValue)));
        }

        private static ExpressionSyntax WithoutCasts(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax p:
                        expression = p.Expression;
                        break;
                    case CastExpressionSyntax c:
                        expression = c.Expression;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static (BlockSyntax? Body, ArrowExpressionClauseSyntax? ExpressionBody) Bodies(SyntaxNode? function) => function switch
        {
            BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody),
            _ => (null, null),
        };

        /// <summary>Inserts the guard after the guards already at the start of the body (once per parameter).</summary>
        private static SyntaxNode AddGuard(SyntaxNode function, string name, bool returnsValue)
        {
            var endOfLine = SyntaxEditing.EndOfLine(function);
            var (body, expressionBody) = Bodies(function);
            if (body == null && expressionBody != null)
            {
                // => expr; becomes { return expr; } so that the guard can come first.
                var expression = expressionBody.Expression.WithoutTrivia();
                StatementSyntax statement = returnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);
                body = SyntaxFactory.Block(statement).WithAdditionalAnnotations(Formatter.Annotation);
                var semicolon = function is BaseMethodDeclarationSyntax m ? m.SemicolonToken : ((LocalFunctionStatementSyntax)function).SemicolonToken;
                body = body.WithTrailingTrivia(semicolon.TrailingTrivia);
                function = function switch
                {
                    BaseMethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    _ => function,
                };

                // The space that stood before "=>" would end the signature line.
                var beforeBrace = Bodies(function).Body!.OpenBraceToken.GetPreviousToken();
                function = function.ReplaceToken(beforeBrace, beforeBrace.WithTrailingTrivia());
                (body, _) = Bodies(function);
            }

            if (body == null)
            {
                return function;
            }

            int index = 0;
            while (index < body.Statements.Count && GuardedName(body.Statements[index]) is string guarded)
            {
                if (guarded == name)
                {
                    return function;
                }

                index++;
            }

            var guard = SyntaxFactory.ParseStatement("if (" + name + " == 0) throw new System.ArgumentOutOfRangeException(nameof(" + name + "));");
            var creation = guard.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().First();
            guard = guard.ReplaceNode(creation.Type, SyntaxEditing.QualifiedTypeName(creation.Type.ToString()))
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return function.ReplaceNode(body, body.WithStatements(body.Statements.Insert(index, guard)));
        }

        /// <summary>x for a statement of the form if (x == 0) throw ...; null for anything else.</summary>
        private static string? GuardedName(StatementSyntax statement) =>
            statement is IfStatementSyntax { Else: null, Statement: ThrowStatementSyntax } ifStatement &&
            ifStatement.Condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } condition &&
            condition.Left is IdentifierNameSyntax identifier && condition.Right is LiteralExpressionSyntax
                ? identifier.Identifier.ValueText
                : null;
    }
}
