using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG1003, two actions: round with the policy's midpoint mode (a cast gets Math.Round(x, mode) inside it, Floor/Ceiling/
    /// Truncate becomes Round(x, mode) of the same type), or keep the truncation and state it (decimal.Truncate inside the
    /// cast, and [RoundingRule] on the method, which is what exempts a documented whole-unit rule).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplicitRoundingByTruncationCodeFixProvider)), Shared]
    public sealed class ImplicitRoundingByTruncationCodeFixProvider : SemanticCodeFixProvider
    {
        public const string RoundKey = "QG1003.RoundWithMidpointMode";
        public const string TruncateKey = "QG1003.TruncateExplicitly";
        private const string RoundingRule = "RoundingRule";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ImplicitRoundingByTruncation);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(PricingSemantics.ModeProperty, out var mode) || mode == null)
            {
                yield break;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

            // [RoundingRule] is read on the method that owns the code (lambdas and local functions included), not on
            // properties or field initializers: only there can the second action add it.
            var method = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() as BaseMethodDeclarationSyntax;
            var attribute = method == null ? null : FindRoundingRuleAttribute(model.Compilation);
            switch (node)
            {
                case CastExpressionSyntax cast:
                    var operandType = model.GetTypeInfo(cast.Expression, cancellationToken).Type;
                    string? truncate = operandType?.SpecialType switch
                    {
                        SpecialType.System_Decimal => "decimal.Truncate",
                        SpecialType.System_Double or SpecialType.System_Single => "System.Math.Truncate",
                        _ => null, // decimal? has no Math.Round overload: no fix
                    };

                    if (truncate == null)
                    {
                        yield break;
                    }

                    yield return new Fix(
                        "Round with MidpointRounding." + mode + " before the cast",
                        RoundKey,
                        editor => WrapOperand(editor, cast, "System.Math.Round", Mode(mode)));
                    if (attribute != null)
                    {
                        yield return new Fix(
                            "Truncate explicitly and mark the method [RoundingRule]",
                            TruncateKey,
                            editor =>
                            {
                                WrapOperand(editor, cast, truncate);
                                AddAttribute(editor, method!, attribute);
                            });
                    }

                    break;

                case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count == 1 && IsNumericHelper(model, invocation, cancellationToken):
                    yield return new Fix(
                        "Use Round with MidpointRounding." + mode,
                        RoundKey,
                        editor => editor.ReplaceNode(invocation, (current, _) => ToRound((InvocationExpressionSyntax)current, mode)));
                    if (attribute != null)
                    {
                        yield return new Fix(
                            "Mark the method [RoundingRule] (the truncation is the tariff's rule)",
                            TruncateKey,
                            editor => AddAttribute(editor, method!, attribute));
                    }

                    break;
            }
        }

        private static ArgumentSyntax Mode(string mode) => SyntaxFactory.Argument(SyntaxEditing.QualifiedName("System.MidpointRounding." + mode));

        /// <summary>(int)premium becomes (int)Method(premium, extra...).</summary>
        private static void WrapOperand(SyntaxEditor editor, CastExpressionSyntax cast, string method, params ArgumentSyntax[] extra) =>
            editor.ReplaceNode(cast.Expression, (current, _) =>
            {
                var value = SyntaxEditing.Unparenthesize((ExpressionSyntax)current);
                var arguments = SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()));
                arguments = extra.Aggregate(arguments, SyntaxEditing.Append);
                return SyntaxFactory.InvocationExpression(SyntaxEditing.QualifiedName(method), SyntaxFactory.ArgumentList(arguments)).WithTriviaFrom(current);
            });

        /// <summary>Math.Floor(x) becomes Math.Round(x, mode): same receiver, so MathF, decimal and double keep their overloads.</summary>
        private static InvocationExpressionSyntax ToRound(InvocationExpressionSyntax invocation, string mode)
        {
            var name = SyntaxEditing.MethodName(invocation);
            if (name == null)
            {
                return invocation;
            }

            var renamed = invocation.ReplaceNode(name, SyntaxFactory.IdentifierName("Round").WithTriviaFrom(name));
            return renamed.WithArgumentList(renamed.ArgumentList.WithArguments(SyntaxEditing.Append(renamed.ArgumentList.Arguments, Mode(mode))));
        }

        /// <summary>Only Math, MathF, decimal, double and float have Round(x, MidpointRounding) beside Floor/Ceiling/Truncate.</summary>
        private static bool IsNumericHelper(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method) || SyntaxEditing.MethodName(invocation) == null)
            {
                return false;
            }

            var type = method.ContainingType;
            switch (type.SpecialType)
            {
                case SpecialType.System_Decimal:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                    return true;
                default:
                    return (type.Name == "Math" || type.Name == "MathF") && type.ContainingNamespace?.ToDisplayString() == "System";
            }
        }

        /// <summary>QualityGates.RoundingRuleAttribute (annotations package) or a team's own attribute of that name.</summary>
        private static INamedTypeSymbol? FindRoundingRuleAttribute(Compilation compilation) =>
            compilation.GetTypeByMetadataName("QualityGates.RoundingRuleAttribute") ??
            compilation.GetSymbolsWithName(n => n == RoundingRule + "Attribute", SymbolFilter.Type).OfType<INamedTypeSymbol>().FirstOrDefault();

        /// <summary>Adds [RoundingRule] once, however many casts of the method are fixed together.</summary>
        private static void AddAttribute(SyntaxEditor editor, BaseMethodDeclarationSyntax method, INamedTypeSymbol attribute) =>
            editor.ReplaceNode(method, (current, generator) =>
            {
                var declaration = (BaseMethodDeclarationSyntax)current;
                if (declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => IsRoundingRule(a.Name)))
                {
                    return current;
                }

                var name = attribute.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                name = name.Substring(0, name.Length - "Attribute".Length);
                return generator.AddAttributes(current, generator.Attribute(SyntaxEditing.QualifiedTypeName(name)));
            });

        private static bool IsRoundingRule(NameSyntax name)
        {
            var simple = name is QualifiedNameSyntax q ? q.Right : name is AliasQualifiedNameSyntax a ? a.Name : name as SimpleNameSyntax;
            var text = simple?.Identifier.ValueText;
            return text == RoundingRule || text == RoundingRule + "Attribute";
        }
    }
}
