using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG4003: non-readonly static fields and static properties with a setter that hold money, rates or rate collections in
    /// pricing scope, and every write to them outside a static constructor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MutableStaticPricingStateAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MutableStaticPricingState);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterSymbolAction(
                [MethodImpl(HotPath.Optimize)] (symbolContext) =>
                {
                    var member = symbolContext.Symbol;
                    if (IsMutableStaticPricingState(member, insurance))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, member.Locations[0], Display(member)));
                    }
                },
                SymbolKind.Field,
                SymbolKind.Property);

            // Writes are checked wherever they happen (a loader outside pricing scope writing a pricing static is the bug), so
            // out of scope this must stay cheap. The names of all mutable static pricing members are collected once per
            // compilation; most compilations have none, and then no file is read at all. Otherwise each file is walked once
            // and only a write to one of those names is bound. (A syntax-node action per write kind cost the driver a call on
            // every assignment of the compilation: docs/performance.md.)
            var compilation = context.Compilation;
            var names = new Lazy<ImmutableHashSet<string>>(() => MutableStaticPricingNames(compilation, insurance, context.CancellationToken));
            context.RegisterSemanticModelAction([MethodImpl(HotPath.Optimize)] (model) =>
            {
                if (!names.Value.IsEmpty)
                {
                    AnalyzeWrites(model, names.Value, insurance);
                }
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static ImmutableHashSet<string> MutableStaticPricingNames(Compilation compilation, InsuranceContext insurance, CancellationToken cancellation) =>
            compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member, cancellation)
                .Where(m => IsMutableStaticPricingState(m, insurance))
                .Select(m => m.Name)
                .ToImmutableHashSet(StringComparer.Ordinal);

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeWrites(SemanticModelAnalysisContext context, ImmutableHashSet<string> names, InsuranceContext insurance)
        {
            var model = context.SemanticModel;
            foreach (var node in model.SyntaxTree.GetRoot(context.CancellationToken).DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                    PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression) => p.Operand,
                    // A ref or out argument is a write too (Interlocked.Exchange(ref _rate, x), Bump(ref _fee)).
                    ArgumentSyntax r when r.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || r.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) => r.Expression,
                    _ => null,
                };

                if (target != null)
                {
                    AnalyzeTarget(context, node, target, names, insurance);
                }
            }
        }

        /// <summary>Reports <paramref name="write"/> when <paramref name="target"/> (or, for a deconstruction, one of its parts) is a mutable static pricing member.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeTarget(SemanticModelAnalysisContext context, SyntaxNode write, ExpressionSyntax target, ImmutableHashSet<string> names, InsuranceContext insurance)
        {
            while (target is ParenthesizedExpressionSyntax parenthesized)
            {
                target = parenthesized.Expression;
            }

            if (target is TupleExpressionSyntax tuple)
            {
                // (Tariff.Rate, var other) = Load(): each part is written.
                foreach (var argument in tuple.Arguments)
                {
                    AnalyzeTarget(context, write, argument.Expression, names, insurance);
                }

                return;
            }

            var name = target switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };

            if (name == null || !names.Contains(name))
            {
                return;
            }

            var model = context.SemanticModel;
            var member = model.GetSymbolInfo(target, context.CancellationToken).Symbol switch
            {
                IFieldSymbol f when f.IsStatic => (ISymbol)f,
                IPropertySymbol p when p.IsStatic => p,
                _ => null,
            };

            if (member == null || !IsMutableStaticPricingState(member, insurance))
            {
                return;
            }

            var owner = Owner(model.GetEnclosingSymbol(write.SpanStart, context.CancellationToken));
            if (IsInitialization(owner, member) || IsGenerated(owner))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, write.GetLocation(), Display(member)));
        }

        /// <summary>The member whose code holds the write: a lambda or local function counts as the member it is written in.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ISymbol? Owner(ISymbol? symbol)
        {
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
            {
                symbol = nested.ContainingSymbol;
            }

            return symbol;
        }

        /// <summary>
        /// The driver skips generated files for a semantic-model action but not [GeneratedCode] members and types within a
        /// user's file, which it does skip for body actions; findings there would break the rule that generated code gets none.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsGenerated(ISymbol? owner)
        {
            for (var symbol = owner; symbol != null && !(symbol is INamespaceSymbol); symbol = symbol.ContainingSymbol)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } type &&
                        type.ContainingNamespace?.ToDisplayString() == "System.CodeDom.Compiler")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsMutableStaticPricingState(ISymbol member, InsuranceContext insurance)
        {
            if (!member.IsStatic || member.IsImplicitlyDeclared)
            {
                return false;
            }

            ITypeSymbol type;
            switch (member)
            {
                case IFieldSymbol f when !f.IsReadOnly && !f.IsConst:
                    type = f.Type;
                    break;
                case IPropertySymbol p when p.SetMethod != null:
                    type = p.Type;
                    break;
                default:
                    return false;
            }

            if (!insurance.IsInScope(member, Scope.Pricing))
            {
                return false;
            }

            if (insurance.GetValueKind(member) != ValueKind.None)
            {
                return true;
            }

            return RateConfigurationFacts.NumericElementType(type) != null &&
                   InsuranceContext.ClassifyName(member.Name, insurance.GetSettings(member, DiagnosticIds.MutableStaticPricingState)) != ValueKind.None;
        }

        /// <summary>The static constructor (or the member's own initializer) is where static state is meant to be set.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsInitialization(ISymbol? owner, ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(owner, member) ||
            (owner is IMethodSymbol m && m.MethodKind == MethodKind.StaticConstructor && SymbolEqualityComparer.Default.Equals(m.ContainingType, member.ContainingType));

        [MethodImpl(HotPath.Optimize)]
        private static string Display(ISymbol member) => member.ContainingType.Name + "." + member.Name;
    }
}
