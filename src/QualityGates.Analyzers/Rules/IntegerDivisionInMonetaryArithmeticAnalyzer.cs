using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG1005: an integer division whose result becomes decimal/double/float, meets a money or rate operand, or is stored
    /// in a money or rate member: premium * (days / 365) is 0 for a part year.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IntegerDivisionInMonetaryArithmeticAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.IntegerDivisionInMonetaryArithmetic);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterScopedOperationAction(insurance, Scope.Any, [MethodImpl(HotPath.Optimize)] (c, _) => Analyze(c, insurance), OperationKinds.Binary);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            var division = (IBinaryOperation)context.Operation;
            // The operands' own types: (long)(premium * 100m) / 12 divides whole cents, whatever the cast was made from.
            if (division.OperatorKind != BinaryOperatorKind.Divide || division.OperatorMethod != null || !InsuranceContext.IsIntegral(division.Type) ||
                !InsuranceContext.IsIntegral(division.LeftOperand.Type) || !InsuranceContext.IsIntegral(division.RightOperand.Type))
            {
                return;
            }

            if (!(IsUsedAsMoneyOrRate(division, insurance, out var target) || IsConstantFractionMadeFractional(division, out target)) || AlsoTakesRemainder(division))
            {
                return;
            }

            var properties = target == null ? null : ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.TargetTypeProperty, target);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.IntegerDivisionInMonetaryArithmetic,
                division.Syntax.GetLocation(),
                properties,
                PricingSemantics.Describe(division)));
        }

        /// <summary>
        /// <c>Math.Pow(v, x + 1 / 2)</c>, <c>Math.Pow(q, 1 / 12)</c>: two whole constants that do not divide evenly are 0 (or
        /// cut) as integers, and the whole-number arithmetic around them ends in a fraction-capable value: the fraction was
        /// meant, whatever the value is.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsConstantFractionMadeFractional(IBinaryOperation division, out string? target)
        {
            target = null;
            if (!division.LeftOperand.TryGetNumericConstant(out var dividend) || !division.RightOperand.TryGetNumericConstant(out var divisor) ||
                divisor == 0 || dividend % divisor == 0)
            {
                return false;
            }

            var parent = division.Parent;
            while (parent is IParenthesizedOperation || (parent is IBinaryOperation arithmetic && Semantics.OperationExtensions.IsArithmetic(arithmetic.OperatorKind) && InsuranceContext.IsIntegral(arithmetic.Type)))
            {
                parent = parent.Parent;
            }

            if (parent is IConversionOperation { OperatorMethod: null } conversion && PricingSemantics.IsDecimalOrFloatingPoint(conversion.Type))
            {
                // The fix divides in the target type only where the quotient itself is converted.
                target = ReferenceEquals(conversion.Operand, division) ? InsuranceContext.UnwrapNullable(conversion.Type!).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) : null;
                return true;
            }

            return false;
        }

        /// <param name="target">decimal, double or float when the quotient is converted to it (the fix divides in that type).</param>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsUsedAsMoneyOrRate(IOperation division, InsuranceContext insurance, out string? target)
        {
            target = null;
            // A branch of ?: goes where the ?: goes (count == 0 ? 0 : claims * 1000 / count into a rate).
            IOperation current = division;
            var parent = division.Parent;
            while (parent is IParenthesizedOperation || (parent is IConditionalOperation choice && !ReferenceEquals(choice.Condition, current)))
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                // (a) the truncated quotient becomes a fraction-capable type: the fraction was wanted.
                case IConversionOperation conversion when conversion.OperatorMethod == null && PricingSemantics.IsDecimalOrFloatingPoint(conversion.Type):
                    target = InsuranceContext.UnwrapNullable(conversion.Type!).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                    return true;

                // (b) integral money arithmetic such as premiumCents * (days / 365).
                case IBinaryOperation binary when Semantics.OperationExtensions.IsArithmetic(binary.OperatorKind):
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return other.IsMoneyOrRate(insurance);

                // (c) stored in a money or rate member; months / 12 into an int "years" stays legal.
                case ISimpleAssignmentOperation assignment:
                    return assignment.Target.IsMoneyOrRate(insurance);
                case ICompoundAssignmentOperation compound:
                    return compound.Target.IsMoneyOrRate(insurance);
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return insurance.GetValueKind(declarator.Symbol) != ValueKind.None;
                case IFieldInitializerOperation fieldInitializer:
                    return fieldInitializer.InitializedFields.Length > 0 && insurance.GetValueKind(fieldInitializer.InitializedFields[0]) != ValueKind.None;
                case IPropertyInitializerOperation propertyInitializer:
                    return propertyInitializer.InitializedProperties.Length > 0 && insurance.GetValueKind(propertyInitializer.InitializedProperties[0]) != ValueKind.None;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the member also computes the remainder of the same dividend by the same divisor (pence / n and
        /// pence % n): the remainder is allocated, which is the correct split of minor units, not a lost fraction.
        /// Walked only for a division about to be reported.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool AlsoTakesRemainder(IBinaryOperation division)
        {
            var root = division.Root();

            var operations = new System.Collections.Generic.List<IOperation>();
            Semantics.OperationExtensions.AddDescendants(root, operations);
            foreach (var operation in operations)
            {
                if (operation.TryGetArithmetic(out var kind, out var dividend, out var divisor) && kind == BinaryOperatorKind.Remainder &&
                    IsSameValue(dividend, division.LeftOperand) && IsSameValue(divisor, division.RightOperand))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same constant, or the same local, parameter, field or property read through the same receiver.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSameValue(IOperation? a, IOperation? b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            a = a.WalkDownConversions();
            b = b.WalkDownConversions();
            bool constantA = a.TryGetNumericConstant(out var x);
            bool constantB = b.TryGetNumericConstant(out var y);
            if (constantA || constantB)
            {
                return constantA && constantB && x == y;
            }

            switch (a)
            {
                case ILocalReferenceOperation local:
                    return b is ILocalReferenceOperation otherLocal && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
                case IParameterReferenceOperation parameter:
                    return b is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                // An indexer read (rows[i]) depends on its arguments: not compared.
                case IMemberReferenceOperation member when member is IFieldReferenceOperation || member is IPropertyReferenceOperation { Arguments.Length: 0 }:
                    return b is IMemberReferenceOperation otherMember && SymbolEqualityComparer.Default.Equals(member.Member, otherMember.Member) &&
                        IsSameValue(member.Instance, otherMember.Instance);
                case IInstanceReferenceOperation _:
                    return b is IInstanceReferenceOperation;
                default:
                    return false;
            }
        }
    }
}
