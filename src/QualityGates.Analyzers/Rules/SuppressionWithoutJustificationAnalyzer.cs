using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG4004 (opt-in): <c>#pragma warning disable QGxxxx</c> without a trailing comment, and
    /// <c>[SuppressMessage(..., "QGxxxx...")]</c> without a Justification. The legacy PUW prefix of the catalog is accepted too.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SuppressionWithoutJustificationAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property: "Pragma" or "Attribute", the shape the fix completes.</summary>
        public const string ShapeProperty = "Shape";

        public const string PragmaShape = "Pragma";
        public const string AttributeShape = "Attribute";

        /// <summary>Our rule IDs, and PUW, the prefix an earlier product used for the same rules.</summary>
        private static readonly Regex OurRuleId = new Regex(@"^(QG|PUW)\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly string[] SuppressAttributes =
        {
            "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
            "System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessageAttribute",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SuppressionWithoutJustification);

        /// <summary>Suppressions are checked in every file, not only in pricing and underwriting code.</summary>
        protected override bool ScopeGated => false;

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            // Resolved at the first attribute, not at compilation start (see InsuranceContext.Types).
            var compilation = context.Compilation;
            var attributeTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SuppressAttributes.Select(compilation.GetTypeByMetadataName).Where(t => t != null).ToImmutableArray()!);

            context.RegisterSyntaxTreeAction(AnalyzePragmas);

            // Each file is walked once for attributes, not through a syntax-node action: the first syntax-node action in a
            // build makes the driver look up every node of every member in each such analyzer's table, which cost more
            // than the walk (docs/performance.md).
            context.RegisterSemanticModelAction([MethodImpl(HotPath.Optimize)] (model) =>
            {
                if (attributeTypes.Value.IsEmpty)
                {
                    return;
                }

                foreach (var node in model.SemanticModel.SyntaxTree.GetRoot(model.CancellationToken).DescendantNodes())
                {
                    if (node is AttributeSyntax attribute)
                    {
                        AnalyzeAttribute(model, attribute, attributeTypes.Value);
                    }
                }
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzePragmas(SyntaxTreeAnalysisContext context)
        {
            var root = context.Tree.GetRoot(context.CancellationToken);
            if (!root.ContainsDirectives)
            {
                return;
            }

            for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                if (!(directive is PragmaWarningDirectiveTriviaSyntax pragma) || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword) ||
                    pragma.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
                {
                    continue;
                }

                // A bare "#pragma warning disable" switches off every rule, ours included.
                var codes = pragma.ErrorCodes.Where(c => OurRuleId.IsMatch(c.ToString())).ToList();
                if (pragma.ErrorCodes.Count > 0 && codes.Count == 0)
                {
                    continue;
                }

                var span = codes.Count == 0 ? pragma.Span : TextSpan.FromBounds(codes[0].SpanStart, codes[codes.Count - 1].Span.End);
                string what = codes.Count == 0 ? "all warnings" : string.Join(", ", codes.Select(c => c.ToString()));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SuppressionWithoutJustification,
                    Location.Create(context.Tree, span),
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, PragmaShape),
                    what));
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeAttribute(SemanticModelAnalysisContext context, AttributeSyntax attribute, ImmutableArray<INamedTypeSymbol> attributeTypes)
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;

            // Cheap syntactic filter first: positional checkId present and no non-empty Justification.
            if (arguments.Count < 2 || !attribute.Name.ToString().Contains("SuppressMessage"))
            {
                return;
            }

            if (!(context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol constructor) ||
                !attributeTypes.Contains(constructor.ContainingType, SymbolEqualityComparer.Default))
            {
                return;
            }

            var positional = arguments.Where(a => a.NameEquals == null && a.NameColon == null).ToList();
            var checkIdArgument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "checkId") ?? (positional.Count > 1 ? positional[1] : null);
            if (checkIdArgument == null || !(context.SemanticModel.GetConstantValue(checkIdArgument.Expression, context.CancellationToken).Value is string checkId) || !OurRuleId.IsMatch(checkId))
            {
                return;
            }

            var justification = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");
            if (justification != null && context.SemanticModel.GetConstantValue(justification.Expression, context.CancellationToken).Value is string text && !string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            if (GeneratedCode.IsMarked(Owner(context.SemanticModel, attribute, context.CancellationToken)))
            {
                return;
            }

            int colon = checkId.IndexOf(':');
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SuppressionWithoutJustification,
                attribute.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, justification == null ? AttributeShape : null),
                (colon < 0 ? checkId : checkId.Substring(0, colon)).Trim()));
        }

        /// <summary>What the attribute is applied to (a field declaration's first variable), or what holds it; null at assembly level.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ISymbol? Owner(SemanticModel model, AttributeSyntax attribute, System.Threading.CancellationToken cancellation)
        {
            var declaration = attribute.Parent?.Parent;
            if (declaration is BaseFieldDeclarationSyntax field)
            {
                declaration = field.Declaration.Variables.FirstOrDefault();
            }

            return declaration == null || declaration is CompilationUnitSyntax
                ? null
                : model.GetDeclaredSymbol(declaration, cancellation) ?? model.GetEnclosingSymbol(declaration.SpanStart, cancellation);
        }
    }
}
