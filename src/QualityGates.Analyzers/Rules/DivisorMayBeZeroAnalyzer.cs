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
    /// QG1008: division or modulo by a money, exposure, count or term value with no guard against zero earlier in the
    /// method. Warning for double/float (silent Infinity/NaN), Info for decimal and integers (they throw).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DivisorMayBeZeroAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Where a division happens: <c>a / b</c>, <c>a % b</c>, <c>a /= b</c> and <c>a %= b</c>.</summary>
        private static readonly ImmutableArray<OperationKind> DivisionKinds = ImmutableArray.Create(OperationKind.Binary, OperationKind.CompoundAssignment, OperationKind.Invocation);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DivisorMayBeZero);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, _) =>
                {
                    switch (c.Operation)
                    {
                        case IBinaryOperation binary when IsDivision(binary.OperatorKind):
                            Check(c, insurance, binary, binary.RightOperand, DivisionType(binary.OperatorMethod, binary.Type, insurance, binary.Syntax.SyntaxTree));
                            break;
                        case ICompoundAssignmentOperation compound when IsDivision(compound.OperatorKind):
                            Check(c, insurance, compound, compound.Value, DivisionType(compound.OperatorMethod, compound.Target.Type, insurance, compound.Syntax.SyntaxTree));
                            break;
                        // decimal.Divide(daysNotUsed, originalDaysCovered), decimal.Remainder, Math.DivRem: the operators by name.
                        case IInvocationOperation call when call.Arguments.Length >= 2 && IsDivisionMethod(call.TargetMethod, insurance.Types):
                            Check(c, insurance, call, call.Arguments[1].Value, call.Arguments[1].Value.Type);
                            break;
                    }
                },
                DivisionKinds);

        /// <summary>
        /// The numeric type the division happens in. A configured money type's own operator (Money / decimal) divides its
        /// amount by the number it takes, so that parameter's type says whether zero throws or gives Infinity. Other
        /// operators (TimeSpan / double, Money / Money) have their own behaviour at zero and are not checked.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static ITypeSymbol? DivisionType(IMethodSymbol? userOperator, ITypeSymbol? builtInType, InsuranceContext insurance, SyntaxTree tree)
        {
            if (userOperator == null)
            {
                return builtInType;
            }

            if (userOperator.Parameters.Length != 2 ||
                !InsuranceContext.IsMoneyType(userOperator.Parameters[0].Type, insurance.GetSettings(tree, DiagnosticIds.DivisorMayBeZero)))
            {
                return null;
            }

            var divisor = userOperator.Parameters[1].Type;
            return InsuranceContext.IsNumeric(divisor) ? divisor : null;
        }

        /// <summary>
        /// trip.TripDays(), items.Count(): a parameterless method (or an extension method on its receiver) reads a value of
        /// its object like a computed property does. Methods that take arguments compute something else and are not checked.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsParameterless(IMethodSymbol method) =>
            method.Parameters.Length == 0 || (method.IsExtensionMethod && method.ReducedFrom == null && method.Parameters.Length == 1);

        /// <summary>
        /// A local that nothing writes after its declaration, declared with a non-zero constant or a choice between such
        /// constants: <c>var daysInYear = leap ? 366m : 365m;</c>. Asked only of a division about to be reported.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool HoldsOnlyNonZeroConstants(IOperation divisor) =>
            divisor.WalkDownConversions() is ILocalReferenceOperation read &&
            read.SingleValue(read.Root()).EveryChoice(value => value.TryGetNumericConstant(out var number) && number != 0);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDivisionMethod(IMethodSymbol method, WellKnownTypes types) =>
            method.IsStatic && (((method.Name == "Divide" || method.Name == "Remainder") && method.ContainingType.SpecialType == SpecialType.System_Decimal) ||
                (method.Name == "DivRem" && WellKnownTypes.Is(method.ContainingType, types.Math)));

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDivision(BinaryOperatorKind kind) => kind == BinaryOperatorKind.Divide || kind == BinaryOperatorKind.Remainder;

        /// <summary><c>g.Count()</c> of a <c>GroupBy</c> group: a group exists only because an element fell into it.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsGroupCount(IOperation divisor)
        {
            var receiver = divisor.WalkDownConversions() switch
            {
                IInvocationOperation { TargetMethod: { Name: "Count" or "LongCount", IsExtensionMethod: true }, Arguments.Length: 1 } count => count.Arguments[0].Value,
                _ => null,
            };
            return receiver?.WalkDownConversions().Type is INamedTypeSymbol type && (IsGrouping(type) || type.AllInterfaces.Any(IsGrouping));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsGrouping(INamedTypeSymbol type) => type.Name == "IGrouping" && type.ContainingNamespace?.ToDisplayString() == "System.Linq";

        [MethodImpl(HotPath.Optimize)]
        private static void Check(OperationContext context, InsuranceContext insurance, IOperation division, IOperation divisor, ITypeSymbol? type)
        {
            if (divisor.ConstantValue.HasValue || type == null)
            {
                return;
            }

            var symbol = divisor.WalkDownConversions().GetReferencedSymbol();
            if (symbol == null || (symbol is IMethodSymbol method && !IsParameterless(method)) || symbol is IFieldSymbol { IsConst: true })
            {
                return;
            }

            if (insurance.GetValueKind(symbol) != ValueKind.Money && !PricingSemantics.IsExposureName(symbol.Name))
            {
                return;
            }

            // Invariants enforced elsewhere (validators, constructors) are declared with [NonZero] or in configuration.
            if (InsuranceContext.HasAttribute(symbol, "NonZero") ||
                insurance.GetSettings(division.Syntax.SyntaxTree, DiagnosticIds.DivisorMayBeZero).TrustedNonZeroMembers.Contains(symbol.Name) ||
                PricingSemantics.IsGuarded(division, symbol) || HoldsOnlyNonZeroConstants(divisor) || IsGroupCount(divisor))
            {
                return;
            }

            bool floating = InsuranceContext.IsFloatingPoint(type);
            string consequence = floating
                ? "; with " + type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + " the result silently becomes Infinity or NaN"
                : "; " + type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + " division throws DivideByZeroException";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DivisorMayBeZero,
                division.Syntax.GetLocation(),
                floating ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info,
                additionalLocations: null,
                properties: null,
                PricingSemantics.Describe(divisor),
                consequence));
        }
    }
}
