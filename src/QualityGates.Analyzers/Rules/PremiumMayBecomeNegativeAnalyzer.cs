using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG1009 (opt-in): money minus a discount or credit, or money * (1 - x), with no Math.Max/Min/Clamp and no comparison
    /// with a minimum premium (or zero) around or after it in the method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PremiumMayBecomeNegativeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PremiumMayBecomeNegative);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterScopedBlock(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (block) =>
            {
                var all = block.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).ToList();
                var bounds = all.Where(o => IsBound(o, insurance)).ToList();
                foreach (var candidate in all.Where(o => IsReduction(o, insurance)))
                {
                    // A bound that wraps the reduction or comes after it (clamp before return) keeps the premium in range.
                    bool bounded = bounds.Any(b => (b.Syntax.SpanStart >= candidate.Syntax.SpanStart || b.Syntax.Span.Contains(candidate.Syntax.Span)) &&
                        BoundsTheAmount(b, candidate, insurance));
                    if (!bounded)
                    {
                        block.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PremiumMayBecomeNegative, candidate.Syntax.GetLocation(), PricingSemantics.Describe(candidate)));
                    }
                }
            });

        [MethodImpl(HotPath.Optimize)]
        private static bool IsReduction(IOperation operation, InsuranceContext insurance)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } subtract:
                    return subtract.LeftOperand.GetValueKind(insurance) == ValueKind.Money && IsReductionValue(subtract.RightOperand);
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract } compound:
                    return compound.Target.GetValueKind(insurance) == ValueKind.Money && IsReductionValue(compound.Value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply:
                    return ((IsOneMinus(multiply.RightOperand) && multiply.LeftOperand.GetValueKind(insurance) == ValueKind.Money) ||
                        (IsOneMinus(multiply.LeftOperand) && multiply.RightOperand.GetValueKind(insurance) == ValueKind.Money)) &&
                        !IsComplementaryWeight(multiply);
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply } compound:
                    return compound.Target.GetValueKind(insurance) == ValueKind.Money && IsOneMinus(compound.Value);
                default:
                    return false;
            }
        }

        /// <summary>A discount, credit, rebate... value (variable, member or call).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsReductionValue(IOperation operation)
        {
            var op = operation.WalkDownConversions();
            if (op is IBinaryOperation sum && (sum.OperatorKind == BinaryOperatorKind.Add || sum.OperatorKind == BinaryOperatorKind.Multiply))
            {
                return IsReductionValue(sum.LeftOperand) || IsReductionValue(sum.RightOperand);
            }

            var symbol = op.GetReferencedSymbol();
            return symbol != null && PricingSemantics.IsReductionName(symbol.Name);
        }

        /// <summary>
        /// (1 - x) with a non-constant x: a discount that exceeds 100 % turns the premium negative. Not (1 - 1 / x): the
        /// complement of a reciprocal (the share of losses a development factor says is still unreported) is no discount.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsOneMinus(IOperation operation) =>
            operation.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } subtract &&
            PricingSemantics.IsNumericLiteral(subtract.LeftOperand, out var one) && one == 1 && !subtract.RightOperand.ConstantValue.HasValue &&
            !(subtract.RightOperand.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } reciprocal &&
                PricingSemantics.IsNumericLiteral(reciprocal.LeftOperand, out var numerator) && numerator == 1) &&
            !IsCappedBelowOne(subtract.RightOperand);

        /// <summary><c>var share = Math.Min(0.8m, depreciation); ... * (1 - share)</c>: capped below one beforehand, 1 - x stays positive.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsCappedBelowOne(IOperation operand)
        {
            var value = operand.WalkDownConversions();
            if (value is ILocalReferenceOperation local)
            {
                value = local.SingleValue(local.Root())?.WalkDownConversions();
            }

            if (!(value is IInvocationOperation { TargetMethod.Name: "Min" or "Clamp" } call) || call.Arguments.Length < 2)
            {
                return false;
            }

            // Min(cap, x) or Min(x, cap); Clamp(x, low, high): the cap is the constant.
            var caps = call.TargetMethod.Name == "Clamp" ? new[] { call.Arguments[call.Arguments.Length - 1] } : call.Arguments.ToArray();
            return caps.Any(a => a.Value.TryGetNumericConstant(out var cap) && cap <= 1);
        }

        /// <summary>
        /// <c>z * actual + (1 - z) * expected</c>: when the same sum also weighs something by z, z and 1 - z are the two weights
        /// of a blend (credibility, experience rating), not a discount taken off the premium.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsComplementaryWeight(IBinaryOperation multiply)
        {
            var oneMinus = (IBinaryOperation)(IsOneMinus(multiply.RightOperand) ? multiply.RightOperand : multiply.LeftOperand).WalkDownConversions();
            var weight = oneMinus.RightOperand.WalkDownConversions().GetReferencedSymbol();
            if (weight == null)
            {
                return false;
            }

            IOperation sum = multiply;
            while (sum.Parent is IConversionOperation || sum.Parent is IParenthesizedOperation ||
                sum.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
            {
                sum = sum.Parent;
            }

            return !ReferenceEquals(sum, multiply) && sum.DescendantsAndSelf().Any(o =>
                !ReferenceEquals(o, multiply) && o is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } other &&
                (SymbolEqualityComparer.Default.Equals(other.LeftOperand.WalkDownConversions().GetReferencedSymbol(), weight) ||
                 SymbolEqualityComparer.Default.Equals(other.RightOperand.WalkDownConversions().GetReferencedSymbol(), weight)));
        }

        /// <summary>Math.Max/Min/Clamp, or a comparison with a minimum premium or with zero.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsBound(IOperation operation, InsuranceContext insurance)
        {
            switch (operation)
            {
                case IInvocationOperation call:
                    var name = call.TargetMethod.Name;
                    // Math.Max, decimal.Max, and a money type's own (net.Max(MinimumPremium), Money.Max(a, b)).
                    return (name == "Max" || name == "Min" || name == "Clamp") &&
                        (WellKnownTypes.Is(call.TargetMethod.ContainingType, insurance.Types.Math) || PricingSemantics.IsDecimalOrFloatingPoint(call.TargetMethod.ContainingType) ||
                         SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, call.TargetMethod.ReturnType));
                case IBinaryOperation comparison when PricingSemantics.IsComparison(comparison.OperatorKind) &&
                    comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals:
                    return IsLowerBound(comparison.LeftOperand) || IsLowerBound(comparison.RightOperand);
                default:
                    return false;
            }
        }

        /// <summary>
        /// A comparison with zero bounds the reduction only when it tests an amount: the reduction itself, the local it
        /// lands in, what it reads, or a money value (<c>notes.Count &gt; 0</c> bounds nothing). Math.Max/Min/Clamp and a
        /// comparison with a minimum-premium member are bounds wherever they are.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool BoundsTheAmount(IOperation bound, IOperation reduction, InsuranceContext insurance)
        {
            if (!(bound is IBinaryOperation comparison) || !(PricingSemantics.IsNumericLiteral(comparison.LeftOperand, out _) || PricingSemantics.IsNumericLiteral(comparison.RightOperand, out _)))
            {
                return true;
            }

            var tested = (PricingSemantics.IsNumericLiteral(comparison.LeftOperand, out _) ? comparison.RightOperand : comparison.LeftOperand).WalkDownConversions();
            if (tested.Syntax.Span.Contains(reduction.Syntax.Span) || tested.GetValueKind(insurance) == ValueKind.Money)
            {
                return true;
            }

            var symbol = tested.GetReferencedSymbol();
            if (symbol == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(reduction.ReceivingLocal(), symbol))
            {
                return true;
            }

            foreach (var read in reduction.DescendantsAndSelf())
            {
                if (SymbolEqualityComparer.Default.Equals(read.GetReferencedSymbol(), symbol))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsLowerBound(IOperation operation)
        {
            if (PricingSemantics.IsNumericLiteral(operation, out var value))
            {
                return value == 0;
            }

            var symbol = operation.WalkDownConversions().GetReferencedSymbol();
            return symbol != null && PricingSemantics.IsLowerBoundName(symbol.Name);
        }
    }
}
