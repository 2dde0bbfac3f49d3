using System;
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
    /// QG1010 (opt-in): +, - or a comparison between the money members of two instances of a type that also carries a
    /// currency, with no currency equality check before it in the method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CurrencyUnawareArithmeticAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CurrencyUnawareArithmetic);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterScopedBlock(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (block) =>
            {
                // The member's operations as every rule shares them (the body operation added matches neither filter below).
                var member = MemberOperations.Get(block.OperationBlocks);
                using var pin = member.Pin();
                var all = new ArraySegment<IOperation>(member.Operations, 0, member.Count);
                var checks = all.Where(IsCurrencyCheck).ToList();
                foreach (var binary in all.OfType<IBinaryOperation>())
                {
                    if (!IsCombining(binary.OperatorKind) || !(MoneyMemberOwner(binary.LeftOperand, insurance) is IOperation left) ||
                        !(MoneyMemberOwner(binary.RightOperand, insurance) is IOperation right))
                    {
                        continue;
                    }

                    var type = left.Type;
                    if (!SymbolEqualityComparer.Default.Equals(type, right.Type) || !HasCurrency(type) ||
                        SameInstance(left, right) || ThroughGuardOfBoth(left, right) || ThroughGuardOfBoth(right, left))
                    {
                        continue;
                    }

                    // A currency check that comes first (if/throw, a ternary condition, a guard call) covers the arithmetic.
                    if (checks.Any(c => c.Syntax.SpanStart < binary.Syntax.SpanStart))
                    {
                        continue;
                    }

                    block.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CurrencyUnawareArithmetic, binary.Syntax.GetLocation(), PricingSemantics.Describe(binary), type!.Name));
                }
            });

        /// <summary>
        /// a.Amount + Same(a, b).Amount: one operand's instance comes from a call that is handed the other instance too, a
        /// helper that sees both values before either amount is read (a currency guard returning one of them).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ThroughGuardOfBoth(IOperation instance, IOperation other)
        {
            if (!(instance.WalkDownConversions() is IInvocationOperation call))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (SameInstance(argument.Value, other))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Two members of one object (this.NetPremium + this.PolicyFee, quote.Net + quote.Fee) share its currency.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool SameInstance(IOperation left, IOperation right)
        {
            left = left.WalkDownConversions();
            right = right.WalkDownConversions();
            if (left is IInstanceReferenceOperation && right is IInstanceReferenceOperation)
            {
                return true;
            }

            var symbol = left.GetReferencedSymbol();
            if ((symbol is ILocalSymbol || symbol is IParameterSymbol) && SymbolEqualityComparer.Default.Equals(symbol, right.GetReferencedSymbol()))
            {
                return true;
            }

            return left.Syntax.ToString() == right.Syntax.ToString();
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsCombining(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Add || kind == BinaryOperatorKind.Subtract || (PricingSemantics.IsComparison(kind) && kind != BinaryOperatorKind.Equals && kind != BinaryOperatorKind.NotEquals);

        /// <summary>
        /// The instance whose money member an operand reads: <c>a</c> of <c>a.Amount</c>, also through a null-conditional
        /// read with its default (<c>a?.Amount ?? 0</c>); not a static member.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? MoneyMemberOwner(IOperation operand, InsuranceContext insurance)
        {
            var operation = operand.WalkDownConversions();
            if (operation is ICoalesceOperation coalesce)
            {
                operation = coalesce.Value.WalkDownConversions();
            }

            IOperation? instance = null;
            if (operation is IConditionalAccessOperation conditional)
            {
                instance = conditional.Operation;
                operation = conditional.WhenNotNull.WalkDownConversions();
                if (!(operation is IMemberReferenceOperation { Instance: IConditionalAccessInstanceOperation }))
                {
                    return null;
                }
            }

            if (!(operation is IMemberReferenceOperation member) || !(member is IPropertyReferenceOperation || member is IFieldReferenceOperation) ||
                member.Instance == null || insurance.GetValueKind(member.Member) != ValueKind.Money)
            {
                return null;
            }

            instance ??= member.Instance;
            return instance.Type == null ? null : instance;
        }

        /// <summary>A string or enum member named Currency* (Currency, CurrencyCode).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool HasCurrency(ITypeSymbol? type) =>
            type != null && type.GetMembers().Any(m =>
                PricingSemantics.IsCurrencyName(m.Name) &&
                ((m is IPropertySymbol p && IsCurrencyType(p.Type)) || (m is IFieldSymbol f && IsCurrencyType(f.Type))));

        [MethodImpl(HotPath.Optimize)]
        private static bool IsCurrencyType(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Enum;

        /// <summary>a.Currency == b.Currency, string.Equals(a.Currency, b.Currency), a.Currency.Equals(b.Currency), EnsureSameCurrency(a, b).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsCurrencyCheck(IOperation operation)
        {
            switch (operation)
            {
                case IBinaryOperation b when b.OperatorKind == BinaryOperatorKind.Equals || b.OperatorKind == BinaryOperatorKind.NotEquals:
                    return IsCurrencyMember(b.LeftOperand) && IsCurrencyMember(b.RightOperand);
                case IInvocationOperation call:
                    if (PricingSemantics.IsCurrencyName(call.TargetMethod.Name))
                    {
                        return true;
                    }

                    int currencies = call.Arguments.Count(a => IsCurrencyMember(a.Value)) + (call.Instance != null && IsCurrencyMember(call.Instance) ? 1 : 0);
                    return call.TargetMethod.Name == nameof(Equals) && currencies >= 2;
                default:
                    return false;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsCurrencyMember(IOperation operation) =>
            operation.WalkDownConversions() is IMemberReferenceOperation member && PricingSemantics.IsCurrencyName(member.Member.Name);
    }
}
