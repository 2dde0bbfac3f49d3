using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG1003: a cast of money from decimal/double to an integral type (rounds toward zero), and Floor/Ceiling/Truncate of
    /// money in pricing code, unless the method is a documented [RoundingRule].
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImplicitRoundingByTruncationAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ImplicitRoundingByTruncation);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(insurance, Scope.Any, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeCast(c, insurance), OperationKinds.Conversion);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeCall(c, insurance), OperationKinds.Invocation);
        }

        /// <summary>
        /// Whole-dollar-down and round-up-to-$10 rules exist; a member marked [RoundingRule] (or in a type so marked) states
        /// that intent. Asked only for a finding, not per operation.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsRoundingRule(ISymbol owner) => PricingSemantics.OwnerHasAttribute(owner, "RoundingRule");

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCast(OperationContext context, InsuranceContext insurance)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.IsImplicit || conversion.OperatorMethod != null || !InsuranceContext.IsIntegral(conversion.Type) ||
                !PricingSemantics.IsDecimalOrFloatingPoint(conversion.Operand.Type))
            {
                return;
            }

            // (long)Math.Round(premium * 100, mode) converts cents after an explicit rounding: fine.
            if (conversion.Operand.WalkDownConversions() is IInvocationOperation call &&
                (PricingSemantics.IsRound(call.TargetMethod, insurance.Types) || PricingSemantics.IsTruncation(call.TargetMethod, insurance.Types)))
            {
                return;
            }

            if (conversion.Operand.GetValueKind(insurance) != ValueKind.Money)
            {
                return;
            }

            if (IsRoundingRule(context.ContainingSymbol) || IsNamedNonMoneyResult(conversion, context.ContainingSymbol) ||
                PricingSemantics.IsRemainderOfRoundedShares(conversion.Operand, insurance.Types))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ImplicitRoundingByTruncation,
                conversion.Syntax.GetLocation(),
                FixProperties(conversion, insurance),
                "The cast to " + conversion.Type!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                PricingSemantics.Describe(conversion.Operand),
                "zero"));
        }

        /// <summary>
        /// True when the cast's result goes to a local, member, parameter or return value whose last word says it is not
        /// money (int bandIndex = (int)(sumInsured / bandWidth), int SumInsuredBand(...) =&gt; ...): the whole number is a band,
        /// index or count, so dropping the fraction is the intent. A result named nothing in particular is still money.
        /// Asked only for a finding, not per operation.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsNamedNonMoneyResult(IOperation cast, ISymbol containingSymbol)
        {
            ISymbol? named;
            switch (cast.WalkUpConversions())
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    named = declarator.Symbol;
                    break;
                case ISimpleAssignmentOperation assignment:
                    named = assignment.Target.GetReferencedSymbol();
                    break;
                case IArgumentOperation argument:
                    named = argument.Parameter;
                    break;
                case IReturnOperation ret:
                    named = ReturningFunction(ret, containingSymbol);
                    break;
                // switch ((int)collisionDeductible) { case 250: ... }: the whole number picks a row, it is a key.
                case ISwitchOperation _:
                case ISwitchExpressionOperation _:
                    return true;
                default:
                    return false;
            }

            return named != null && InsuranceContext.HasNonMoneyHeadWord(named.Name);
        }

        /// <summary>The local function, method or property whose value a return gives; null in a lambda (it has no name).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ISymbol? ReturningFunction(IReturnOperation ret, ISymbol containingSymbol) =>
            UnderwritingSemantics.EnclosingFunction(ret, containingSymbol) switch
            {
                { MethodKind: MethodKind.AnonymousFunction } => null,
                { AssociatedSymbol: IPropertySymbol property } => property,
                { } function => function,
                null => containingSymbol,
            };

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCall(OperationContext context, InsuranceContext insurance)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!PricingSemantics.IsTruncation(invocation.TargetMethod, insurance.Types) || invocation.Arguments.Length == 0 ||
                invocation.Arguments[0].Value.GetValueKind(insurance) != ValueKind.Money)
            {
                return;
            }

            if (IsRoundingRule(context.ContainingSymbol) || PricingSemantics.IsAllocatedWithRemainder(invocation))
            {
                return;
            }

            string direction;
            switch (invocation.TargetMethod.Name)
            {
                case "Floor": direction = "negative infinity"; break;
                case "Ceiling": direction = "positive infinity"; break;
                default: direction = "zero"; break;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ImplicitRoundingByTruncation,
                invocation.Syntax.GetLocation(),
                FixProperties(invocation, insurance),
                PricingSemantics.DisplayName(invocation.TargetMethod),
                PricingSemantics.Describe(invocation.Arguments[0].Value),
                direction));
        }

        /// <summary>The midpoint mode the fix rounds with: the configured policy, else AwayFromZero (as QG1002's fix).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ImmutableDictionary<string, string?> FixProperties(IOperation operation, InsuranceContext insurance) =>
            ImmutableDictionary<string, string?>.Empty.Add(
                PricingSemantics.ModeProperty,
                insurance.GetSettings(operation.Syntax.SyntaxTree, DiagnosticIds.ImplicitRoundingByTruncation).RoundingModeForFix);
    }
}
