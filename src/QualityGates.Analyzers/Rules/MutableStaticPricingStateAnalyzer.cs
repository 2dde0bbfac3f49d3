using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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

            // Writes are checked wherever they happen (a loader outside pricing scope writing a pricing static is the bug).
            // Out of scope that must stay cheap: an assignment's target name is looked up in the compilation's declaration
            // table first (is any mutable static pricing member called that?), and only a hit binds the assignment.
            var compilation = context.Compilation;
            var pricingNames = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            bool IsPricingName(string name, System.Threading.CancellationToken cancellation) => pricingNames.GetOrAdd(
                name,
                n => compilation.GetSymbolsWithName(n, SymbolFilter.Member, cancellation).Any(m => IsMutableStaticPricingState(m, insurance)));

            ScopedCompilationStartContext.Unscoped(context).RegisterSyntaxNodeAction(
                [MethodImpl(HotPath.Optimize)] (node) =>
                {
                    var target = node.Node switch
                    {
                        AssignmentExpressionSyntax a => a.Left,
                        PrefixUnaryExpressionSyntax p => p.Operand,
                        PostfixUnaryExpressionSyntax p => p.Operand,
                        ArgumentSyntax r when !r.RefKindKeyword.IsKind(SyntaxKind.None) && !r.RefKindKeyword.IsKind(SyntaxKind.InKeyword) => r.Expression,
                        _ => null,
                    };

                    while (target is ParenthesizedExpressionSyntax parenthesized)
                    {
                        target = parenthesized.Expression;
                    }

                    var name = target switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        _ => null,
                    };

                    if (name == null || !IsPricingName(name, node.CancellationToken))
                    {
                        return;
                    }

                    var member = node.SemanticModel.GetSymbolInfo(target!, node.CancellationToken).Symbol switch
                    {
                        IFieldSymbol f when f.IsStatic => (ISymbol)f,
                        IPropertySymbol p when p.IsStatic => p,
                        _ => null,
                    };

                    if (member == null || IsInitialization(node.ContainingSymbol, member) || !IsMutableStaticPricingState(member, insurance))
                    {
                        return;
                    }

                    // A ref or out argument is a write too (Interlocked.Exchange(ref _rate, x), Bump(ref _fee)).
                    node.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, node.Node.GetLocation(), Display(member)));
                },
                WriteKinds);
        }

        private static readonly ImmutableArray<SyntaxKind> WriteKinds = ImmutableArray.Create(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.AddAssignmentExpression,
            SyntaxKind.SubtractAssignmentExpression,
            SyntaxKind.MultiplyAssignmentExpression,
            SyntaxKind.DivideAssignmentExpression,
            SyntaxKind.ModuloAssignmentExpression,
            SyntaxKind.AndAssignmentExpression,
            SyntaxKind.ExclusiveOrAssignmentExpression,
            SyntaxKind.OrAssignmentExpression,
            SyntaxKind.LeftShiftAssignmentExpression,
            SyntaxKind.RightShiftAssignmentExpression,
            SyntaxKind.UnsignedRightShiftAssignmentExpression,
            SyntaxKind.CoalesceAssignmentExpression,
            SyntaxKind.PreIncrementExpression,
            SyntaxKind.PreDecrementExpression,
            SyntaxKind.PostIncrementExpression,
            SyntaxKind.PostDecrementExpression,
            SyntaxKind.Argument);

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
