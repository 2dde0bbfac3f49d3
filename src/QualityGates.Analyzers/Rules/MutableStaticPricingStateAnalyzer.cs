using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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
                symbolContext =>
                {
                    var member = symbolContext.Symbol;
                    if (IsMutableStaticPricingState(member, insurance))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, member.Locations[0], Display(member)));
                    }
                },
                SymbolKind.Field,
                SymbolKind.Property);

            // Writes are checked wherever they happen (a loader outside pricing scope writing a pricing static is the bug),
            // but the first test (a static member target) rejects almost every assignment at once.
            context.RegisterOperationAction(
                op =>
                {
                    var target = op.Operation switch
                    {
                        IAssignmentOperation a => a.Target,
                        IIncrementOrDecrementOperation i => i.Target,
                        _ => null,
                    };

                    var member = target?.WalkDownConversions() switch
                    {
                        IFieldReferenceOperation f when f.Field.IsStatic => (ISymbol)f.Field,
                        IPropertyReferenceOperation p when p.Property.IsStatic => p.Property,
                        _ => null,
                    };

                    if (member == null || IsInitialization(op.ContainingSymbol, member) || !IsMutableStaticPricingState(member, insurance))
                    {
                        return;
                    }

                    op.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, op.Operation.Syntax.GetLocation(), Display(member)));
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.Increment,
                OperationKind.Decrement);
        }

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
        private static bool IsInitialization(ISymbol owner, ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(owner, member) ||
            (owner is IMethodSymbol m && m.MethodKind == MethodKind.StaticConstructor && SymbolEqualityComparer.Default.Equals(m.ContainingType, member.ContainingType));

        private static string Display(ISymbol member) => member.ContainingType.Name + "." + member.Name;
    }
}
