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
    /// QG3005: parsing gets CultureInfo.InvariantCulture (TryParse also DateTimeStyles.None, the overloads with a provider
    /// take both), a null or current-culture provider becomes the invariant one, and formatting without a format becomes
    /// ToString("yyyy-MM-dd", InvariantCulture) for calendar dates (DateOnly, date-named values, ToShortDateString) or
    /// ToString("O", InvariantCulture) for instants. (ToLongDateString() and month/day-name formats are display text, not reported.)
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CultureSensitivePolicyDateCodeFixProvider)), Shared]
    public sealed class CultureSensitivePolicyDateCodeFixProvider : SemanticCodeFixProvider
    {
        private const string EquivalenceKey = "QG3005.InvariantCulture";
        private const string CalendarDate = "yyyy-MM-dd";
        private const string RoundTrip = "O";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CultureSensitivePolicyDate);

        protected override IEnumerable<Fix> GetFixes(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation) ||
                !(model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation) ||
                invocation.ArgumentList.Arguments.Any(a => a.NameColon != null))
            {
                yield break;
            }

            var method = operation.TargetMethod;
            var arguments = invocation.ArgumentList.Arguments;
            var provider = operation.Arguments.FirstOrDefault(a => !a.IsImplicit && a.Parameter?.Type.Name == "IFormatProvider");
            if (provider != null && !(method.Name == "ToString" && arguments.Count == 1))
            {
                // A null or current-culture provider passed explicitly: replace it where it stands.
                int index = arguments.IndexOf(a => a == provider.Syntax);
                if (index >= 0)
                {
                    yield return Edit(invocation, "Use CultureInfo.InvariantCulture", list => list.Replace(list[index], Provider().WithTriviaFrom(list[index])));
                }

                yield break;
            }

            switch (method.Name)
            {
                case "Parse":
                case "ParseExact":
                case "ToDateTime":
                    if (!arguments.Any(a => !a.RefKindKeyword.IsKind(SyntaxKind.None)))
                    {
                        yield return Edit(invocation, "Use CultureInfo.InvariantCulture", list => SyntaxEditing.Append(list, Provider()));
                    }

                    break;

                case "TryParse":
                case "TryParseExact":
                    // TryParse(s, out d) -> TryParse(s, InvariantCulture, DateTimeStyles.None, out d): every date type has it.
                    if (arguments.Count >= 2 && arguments.Last().RefKindKeyword.IsKind(SyntaxKind.OutKeyword) &&
                        arguments.Take(arguments.Count - 1).All(a => a.RefKindKeyword.IsKind(SyntaxKind.None)))
                    {
                        yield return Edit(invocation, "Use CultureInfo.InvariantCulture and DateTimeStyles.None", list =>
                        {
                            var styles = SyntaxFactory.Argument(SyntaxEditing.QualifiedName("System.Globalization.DateTimeStyles.None"));
                            return SyntaxEditing.Insert(SyntaxEditing.Insert(list, list.Count - 1, Provider()), list.Count, styles);
                        });
                    }

                    break;

                case "ToString":
                    var format = operation.Arguments.FirstOrDefault(a => !a.IsImplicit && a.Parameter?.Type.SpecialType == SpecialType.System_String);
                    if (format != null)
                    {
                        yield return Edit(invocation, "Use CultureInfo.InvariantCulture", list => SyntaxEditing.Append(list, Provider()));
                    }
                    else
                    {
                        // ToString() or ToString(currentCulture): the machine format of the value.
                        var text = IsCalendarDate(operation) ? CalendarDate : RoundTrip;
                        yield return Edit(invocation, "Use ToString(\"" + text + "\", CultureInfo.InvariantCulture)", _ => FormatAndProvider(text));
                    }

                    break;

                case "ToShortDateString":
                    yield return Edit(
                        invocation,
                        "Use ToString(\"" + CalendarDate + "\", CultureInfo.InvariantCulture)",
                        _ => FormatAndProvider(CalendarDate),
                        "ToString");
                    break;
            }
        }

        private static ArgumentSyntax Provider() => SyntaxFactory.Argument(SyntaxEditing.QualifiedName(SyntaxEditing.InvariantCulture));

        private static SeparatedSyntaxList<ArgumentSyntax> FormatAndProvider(string format) =>
            SyntaxEditing.Append(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(format)))),
                Provider());

        /// <summary>A fix that rewrites the argument list (and, for ToShortDateString, the method name).</summary>
        private static Fix Edit(
            InvocationExpressionSyntax invocation,
            string title,
            System.Func<SeparatedSyntaxList<ArgumentSyntax>, SeparatedSyntaxList<ArgumentSyntax>> arguments,
            string? rename = null) =>
            new Fix(title, EquivalenceKey, editor => editor.ReplaceNode(invocation, (current, _) =>
            {
                var call = (InvocationExpressionSyntax)current;
                call = call.WithArgumentList(call.ArgumentList.WithArguments(arguments(call.ArgumentList.Arguments)));
                var name = SyntaxEditing.MethodName(call);
                return rename == null || name == null ? call : call.ReplaceNode(name, SyntaxFactory.IdentifierName(rename).WithTriviaFrom(name));
            }),
            SyntaxEditing.GlobalizationNamespace);

        /// <summary>DateOnly, or a DateTime/DateTimeOffset whose name says it is a date (EffectiveDate, dob, x.Date).</summary>
        private static bool IsCalendarDate(IInvocationOperation operation)
        {
            if (operation.TargetMethod.ContainingType?.Name == "DateOnly")
            {
                return true;
            }

            var name = operation.Instance?.WalkDownConversions().GetReferencedSymbol()?.Name;
            return name != null && (NameWords.Split(name).Contains("date") || DateTimeFacts.IsBirthDateName(name));
        }
    }
}
