using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>What the QG4xxx rules share: literal factors, rate collections, and what a fallback value stands for.</summary>
    public static class RateConfigurationFacts
    {
        /// <summary>A numeric literal as written (1.5m, 100, -1, default), not a named constant.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsNumericLiteral(IOperation operation, out decimal value)
        {
            value = 0;
            var op = operation.WalkDownConversions();
            if (op is IUnaryOperation unary && (unary.OperatorKind == UnaryOperatorKind.Minus || unary.OperatorKind == UnaryOperatorKind.Plus))
            {
                op = unary.Operand.WalkDownConversions();
            }

            return (op is ILiteralOperation || op is IDefaultValueOperation) && op.Type != null && InsuranceContext.IsNumeric(op.Type) && operation.TryGetNumericConstant(out value);
        }

        /// <summary>A decimal, double or float literal: how factors are written (1.25m), unlike counts and bounds (18, 25).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsFactorLiteral(IOperation operation)
        {
            var op = operation.WalkDownConversions();
            if (op is IUnaryOperation unary && unary.OperatorKind == UnaryOperatorKind.Minus)
            {
                op = unary.Operand.WalkDownConversions();
            }

            if (!(op is ILiteralOperation) || op.Type == null)
            {
                return false;
            }

            var special = op.Type.SpecialType;
            return special == SpecialType.System_Decimal || special == SpecialType.System_Double || special == SpecialType.System_Single;
        }

        /// <summary>"rate" or "monetary value", for messages.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string Describe(ValueKind kind, string? name) =>
            (kind == ValueKind.Money ? "monetary value" : "rate") + (string.IsNullOrEmpty(name) ? string.Empty : " '" + name + "'");

        /// <summary>The numeric element (or dictionary value) type of a collection type, or null.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ITypeSymbol? NumericElementType(ITypeSymbol? type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return InsuranceContext.IsNumeric(array.ElementType) ? array.ElementType : null;
            }

            if (!(type is INamedTypeSymbol named) || !named.IsGenericType || named.SpecialType == SpecialType.System_Nullable_T)
            {
                return null;
            }

            // Dictionary<TKey, TValue>: the value; List<T>, IReadOnlyList<T>...: the element.
            var candidate = named.TypeArguments[named.TypeArguments.Length - 1];
            bool isCollection = named.AllInterfaces.Any(i => i.Name == "IEnumerable" && i.IsGenericType) || (named.TypeKind == TypeKind.Interface && named.Name.Contains("Enumerable")) ||
                                (named.TypeKind == TypeKind.Interface && (named.Name.Contains("List") || named.Name.Contains("Dictionary") || named.Name.Contains("Collection")));
            return isCollection && InsuranceContext.IsNumeric(candidate) ? candidate : null;
        }

        /// <summary>
        /// What a value stands for by the symbols around it: the symbol it reads (config?.Rate, rates.FirstOrDefault()?.Factor,
        /// a rate dictionary), else the variable, member, parameter or return it lands in.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static ValueKind KindOfSource(IOperation? operation, InsuranceContext context, InsuranceSettings settings, out string? name)
        {
            name = null;
            var op = operation?.WalkDownConversions();
            while (op is IConditionalAccessOperation access)
            {
                op = access.WhenNotNull.WalkDownConversions();
            }

            // Volatile.Read(ref s_territoryFactors): the snapshot read QG4003 recommends is still the table.
            if (op is IInvocationOperation { TargetMethod: { Name: "Read", ContainingType: { Name: "Volatile" } }, Arguments: { Length: 1 } read })
            {
                op = read[0].Value.WalkDownConversions();
            }

            if (op == null)
            {
                return ValueKind.None;
            }

            var symbol = op.GetReferencedSymbol();
            if (symbol != null)
            {
                name = symbol.Name;
                var kind = context.GetValueKind(symbol);
                if (kind == ValueKind.None && NumericElementType(TypeOf(symbol)) != null)
                {
                    kind = InsuranceContext.ClassifyName(symbol.Name, settings); // a rate table: "_territoryFactors"
                }

                if (kind != ValueKind.None)
                {
                    return kind;
                }
            }

            // _rates[key]: the element is named by its table.
            name = OperationExtensions.CollectionName(op);
            return op.GetValueKind(context);
        }

        /// <summary>What the value becomes where it lands: an assignment target, a variable, a parameter, the member's return.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ValueKind KindOfConsumer(IOperation operation, ISymbol owner, InsuranceContext context, out string? name)
        {
            name = null;
            var parent = operation.WalkUpConversions();
            ISymbol? target = null;
            switch (parent)
            {
                case ISimpleAssignmentOperation a when a.Value.WalkDownConversions() == operation.WalkDownConversions():
                    target = a.Target.GetReferencedSymbol();
                    break;
                case IVariableInitializerOperation init when init.Parent is IVariableDeclaratorOperation declarator:
                    target = declarator.Symbol;
                    break;
                case IFieldInitializerOperation fi:
                    target = fi.InitializedFields.FirstOrDefault();
                    break;
                case IPropertyInitializerOperation pi:
                    target = pi.InitializedProperties.FirstOrDefault();
                    break;
                case IArgumentOperation arg:
                    target = arg.Parameter;
                    break;
                case IReturnOperation _:
                    target = owner is IMethodSymbol m && m.AssociatedSymbol != null ? m.AssociatedSymbol : owner;
                    break;
                case IBinaryOperation b when OperationExtensions.IsArithmetic(b.OperatorKind):
                    bool isLeft = b.LeftOperand.WalkDownConversions() == operation.WalkDownConversions();
                    target = (isLeft ? b.RightOperand : b.LeftOperand).GetReferencedSymbol();
                    if (ScalesMoney(b.OperatorKind, isLeft, target, context))
                    {
                        return ValueKind.Rate;
                    }

                    break;
                // premium *= cover switch { ..., _ => 1.00m }: what multiplies an amount is a factor.
                case ICompoundAssignmentOperation ca when ca.Value.WalkDownConversions() == operation.WalkDownConversions():
                    target = ca.Target.GetReferencedSymbol();
                    if (ScalesMoney(ca.OperatorKind, false, target, context))
                    {
                        return ValueKind.Rate;
                    }

                    break;
            }

            if (target == null)
            {
                return ValueKind.None;
            }

            name = target.Name;
            return context.GetValueKind(target);
        }

        /// <summary>The value multiplies an amount, or divides one (as the divisor): it is a factor, not money.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ScalesMoney(BinaryOperatorKind kind, bool valueIsLeft, ISymbol? amount, InsuranceContext context) =>
            (kind == BinaryOperatorKind.Multiply || (kind == BinaryOperatorKind.Divide && !valueIsLeft)) && amount != null && context.GetValueKind(amount) == ValueKind.Money;

        [MethodImpl(HotPath.Optimize)]
        public static ITypeSymbol? TypeOf(ISymbol symbol)
        {
            switch (symbol)
            {
                case ILocalSymbol l: return l.Type;
                case IParameterSymbol p: return p.Type;
                case IFieldSymbol f: return f.Type;
                case IPropertySymbol pr: return pr.Type;
                case IMethodSymbol m: return m.ReturnType;
                default: return null;
            }
        }
    }
}
