using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using QualityGates.Analyzers;
using QualityGates.Analyzers.Rules;

namespace QualityGates.CodeFixes.Rules
{
    /// <summary>QG2006: add the missing cases (throwing NotImplementedException) or a throwing default.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class NonExhaustiveDecisionSwitchCodeFixProvider : InsuranceCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonExhaustiveDecisionSwitch);

        protected override void RegisterFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root)
        {
            var document = context.Document;
            if (!diagnostic.Properties.TryGetValue(NonExhaustiveDecisionSwitchAnalyzer.MissingProperty, out var missing) || missing == null ||
                !diagnostic.Properties.TryGetValue(NonExhaustiveDecisionSwitchAnalyzer.EnumTypeProperty, out var enumType) || enumType == null ||
                !(root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<SwitchStatementSyntax>() is SwitchStatementSyntax statement))
            {
                return;
            }

            var notImplemented = SyntaxFactory.ThrowStatement(SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.ParseTypeName("System.NotImplementedException").WithAdditionalAnnotations(Simplifier.Annotation), SyntaxFactory.ArgumentList(), null));
            var cases = missing.Split(',').Select(member => SyntaxFactory.SwitchSection(
                SyntaxFactory.SingletonList<SwitchLabelSyntax>(SyntaxFactory.CaseSwitchLabel(SyntaxFactory.ParseExpression(enumType + "." + member).WithAdditionalAnnotations(Simplifier.Annotation))),
                SyntaxFactory.SingletonList<StatementSyntax>(notImplemented)).WithAdditionalAnnotations(Formatter.Annotation));
            var withCases = statement.AddSections(cases.ToArray());
            context.RegisterCodeFix(
                CodeAction.Create("Add missing cases", ct => FallbackOutcomeFix.ReplaceAsync(document, root, statement, withCases, ct), "QG2006.AddCases"),
                diagnostic);

            var defaultSection = SyntaxFactory.SwitchSection(
                SyntaxFactory.SingletonList<SwitchLabelSyntax>(SyntaxFactory.DefaultSwitchLabel()),
                SyntaxFactory.SingletonList<StatementSyntax>(SyntaxFactory.ThrowStatement(FallbackOutcomeFix.OutOfRange(statement.Expression)))).WithAdditionalAnnotations(Formatter.Annotation);
            var withDefault = statement.AddSections(defaultSection);
            context.RegisterCodeFix(
                CodeAction.Create("Add a default that throws", ct => FallbackOutcomeFix.ReplaceAsync(document, root, statement, withDefault, ct), "QG2006.AddDefault"),
                diagnostic);
        }
    }
}
