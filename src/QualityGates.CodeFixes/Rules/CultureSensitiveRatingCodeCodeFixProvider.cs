using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>
    /// QG2011: ToUpper()/ToLower() become ToUpperInvariant()/ToLowerInvariant(); comparisons get StringComparison.Ordinal
    /// (OrdinalIgnoreCase when both sides were case-mapped, or the call asked to ignore case), an explicit
    /// CurrentCulture(IgnoreCase) becomes Ordinal(IgnoreCase), and a.CompareTo(b), which has no StringComparison
    /// overload, becomes string.Compare(a, b, StringComparison.Ordinal).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CultureSensitiveRatingCodeCodeFixProvider)), Shared]
    public sealed class CultureSensitiveRatingCodeCodeFixProvider : SemanticCodeFixProvider
    {
        private const string EquivalenceKey = "QG2011.Ordinal";
        private const string Ordinal = "Ordinal";
        private const string OrdinalIgnoreCase = "OrdinalIgnoreCase";
        private static readonly string[] CaseMappings = { "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CultureSensitiveRatingCode);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation) ||
                !(model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation) ||
                invocation.ArgumentList.Arguments.Any(a => a.NameColon != null) ||
                !(SyntaxEditing.MethodName(invocation) is SimpleNameSyntax name))
            {
                yield break;
            }

            var method = operation.TargetMethod;
            switch (method.Name)
            {
                case "ToUpper":
                case "ToLower":
                    var invariant = method.Name + "Invariant";
                    yield return new Fix("Use " + invariant + "()", EquivalenceKey, editor => editor.ReplaceNode(
                        invocation,
                        (current, _) => Rename((InvocationExpressionSyntax)current, invariant)));
                    yield break;

                case "CompareTo":
                    // a?.CompareTo(b) would need a null check of its own: left to the developer.
                    if (!(invocation.Expression is MemberAccessExpressionSyntax) || invocation.ArgumentList.Arguments.Count != 1)
                    {
                        yield break;
                    }

                    var mode = Comparison(operation.Instance, operation.Arguments[0].Value);
                    yield return new Fix("Use string.Compare with StringComparison." + mode, EquivalenceKey, editor => editor.ReplaceNode(
                        invocation,
                        (current, _) => CompareOrdinal((InvocationExpressionSyntax)current, mode)));
                    yield break;
            }

            var explicitComparison = operation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == nameof(System.StringComparison) && !a.IsImplicit);
            if (explicitComparison != null)
            {
                // CurrentCulture -> Ordinal, CurrentCultureIgnoreCase -> OrdinalIgnoreCase.
                if (!(explicitComparison.Value.WalkDownConversions() is IFieldReferenceOperation field))
                {
                    yield break;
                }

                var replacement = field.Field.Name.EndsWith("IgnoreCase", System.StringComparison.Ordinal) ? OrdinalIgnoreCase : Ordinal;
                yield return Replace(invocation, explicitComparison, replacement);
                yield break;
            }

            // string.Compare(a, b, ignoreCase): the bool becomes the comparison, when it is a constant.
            var ignoreCase = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "ignoreCase" && !a.IsImplicit);
            if (ignoreCase != null)
            {
                if (!(ignoreCase.Value.ConstantValue.Value is bool ignore))
                {
                    yield break;
                }

                yield return Replace(invocation, ignoreCase, ignore ? OrdinalIgnoreCase : Ordinal);
                yield break;
            }

            var strings = operation.Arguments.Where(a => a.Parameter?.Type.SpecialType == SpecialType.System_String).Select(a => a.Value);
            var appended = Comparison(method.IsStatic ? null : operation.Instance, strings.ToArray());
            yield return new Fix("Use StringComparison." + appended, EquivalenceKey, editor => editor.ReplaceNode(
                invocation,
                (current, _) =>
                {
                    var call = (InvocationExpressionSyntax)current;
                    return call.WithArgumentList(call.ArgumentList.WithArguments(SyntaxEditing.Append(call.ArgumentList.Arguments, ComparisonArgument(appended))));
                }));
        }

        /// <summary>Replaces the argument in place (found by position in the syntax: the operation lists omitted defaults too).</summary>
        private static Fix Replace(InvocationExpressionSyntax invocation, IArgumentOperation argument, string comparison)
        {
            int index = invocation.ArgumentList.Arguments.IndexOf(a => a == argument.Syntax);
            return new Fix("Use StringComparison." + comparison, EquivalenceKey, editor => editor.ReplaceNode(
                invocation,
                (current, _) =>
                {
                    var call = (InvocationExpressionSyntax)current;
                    if (index < 0)
                    {
                        return call;
                    }

                    var old = call.ArgumentList.Arguments[index];
                    return call.WithArgumentList(call.ArgumentList.WithArguments(
                        call.ArgumentList.Arguments.Replace(old, ComparisonArgument(comparison).WithTriviaFrom(old))));
                }));
        }

        /// <summary>OrdinalIgnoreCase when every compared string is case-mapped (the intent was "ignore case"), else Ordinal.</summary>
        private static string Comparison(IOperation? instance, params IOperation[] arguments)
        {
            var compared = (instance == null ? arguments : arguments.Prepend(instance)).ToList();
            return compared.Count >= 2 && compared.All(IsCaseMapped) ? OrdinalIgnoreCase : Ordinal;
        }

        private static bool IsCaseMapped(IOperation operation) =>
            operation.WalkDownConversions() is IInvocationOperation call && call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String &&
            CaseMappings.Contains(call.TargetMethod.Name);

        private static ArgumentSyntax ComparisonArgument(string comparison) =>
            SyntaxFactory.Argument(SyntaxEditing.QualifiedName("System.StringComparison." + comparison));

        private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax invocation, string newName)
        {
            var name = SyntaxEditing.MethodName(invocation);
            return name == null ? invocation : invocation.ReplaceNode(name, SyntaxFactory.IdentifierName(newName).WithTriviaFrom(name));
        }

        /// <summary>a.CompareTo(b) becomes string.Compare(a, b, StringComparison.Ordinal).</summary>
        private static InvocationExpressionSyntax CompareOrdinal(InvocationExpressionSyntax invocation, string comparison)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access))
            {
                return invocation;
            }

            var arguments = SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(access.Expression.WithoutTrivia()));
            arguments = SyntaxEditing.Append(arguments, invocation.ArgumentList.Arguments[0]);
            arguments = SyntaxEditing.Append(arguments, ComparisonArgument(comparison));
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)), SyntaxFactory.IdentifierName("Compare")),
                    invocation.ArgumentList.WithArguments(arguments))
                .WithTriviaFrom(invocation);
        }
    }
}
