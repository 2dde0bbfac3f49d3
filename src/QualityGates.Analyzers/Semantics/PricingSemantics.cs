using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Building blocks shared by the premium-calculation rules (QG1001-QG1010).</summary>
    public static class PricingSemantics
    {
        /// <summary>Diagnostic property keys read by the code fixes.</summary>
        public const string FixableProperty = "Fixable";
        public const string ModeProperty = "Mode";
        public const string TargetTypeProperty = "TargetType";
        public const string KindProperty = "Kind";
        public const string NameProperty = "Name";

        private static readonly string[] ExposureWords = { "exposure", "count", "days", "months", "years", "term", "units", "duration", "vehicles", "drivers", "insureds", "instalments", "installments" };
        private static readonly string[] ReductionWords = { "discount", "credit", "rebate", "reduction", "allowance", "deduction", "bonus" };
        private static readonly string[] LowerBoundWords = { "minimum", "min", "floor" };
        private static readonly string[] CurrencyWords = { "currency" };
        private static readonly char[] Whitespace = { ' ', '\r', '\n', '\t' };
        private static readonly string[] StatisticalMathMethods = { "Pow", "Exp", "Log", "Log10", "Sqrt" };

        /// <summary>
        /// Registers an operation action that runs only in members of the wanted scope, read per operation from the scope
        /// cache (settled per type before any body is analyzed). Cheaper than registering from a block start, which costs
        /// the driver an action object and a builder per method of pricing code.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static void RegisterScopedOperationAction(this CompilationStartAnalysisContext context, InsuranceContext insurance, Scope scope, Action<OperationContext, Scope> action, ImmutableArray<OperationKind> kinds) =>
            context.RegisterBodyOperationAction(
                [MethodImpl(HotPath.Optimize)] (c) =>
                {
                    var actual = insurance.GetScope(c.ContainingSymbol);
                    if ((actual & scope) != 0)
                    {
                        action(c, actual);
                    }
                },
                kinds);

        /// <summary>An operation-block action that runs only for members in the wanted scope, for rules that look at a whole method body at once.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static void RegisterScopedBlock(this CompilationStartAnalysisContext context, InsuranceContext insurance, Scope scope, Action<OperationBlockAnalysisContext> action) =>
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (block) =>
            {
                if (insurance.IsInScope(block.OwningSymbol, scope))
                {
                    action(block);
                }
            });

        /// <summary>Math.Round, MathF.Round, decimal/double/float.Round and IFloatingPoint&lt;T&gt;.Round.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsRound(IMethodSymbol method, WellKnownTypes types) => method.Name == "Round" && IsNumericHelperType(method.ContainingType, types);

        /// <summary>Floor, Ceiling or Truncate of Math, MathF or decimal (the explicit truncations).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsTruncation(IMethodSymbol method, WellKnownTypes types) =>
            (method.Name == "Floor" || method.Name == "Ceiling" || method.Name == "Truncate") && IsNumericHelperType(method.ContainingType, types);

        /// <summary>Math.Pow/Exp/Log/Sqrt: values computed with them are actuarial or statistical, not premiums.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsStatisticalMath(IOperation? operation, WellKnownTypes types) =>
            operation?.WalkDownConversions() is IInvocationOperation invocation &&
            StatisticalMathMethods.Contains(invocation.TargetMethod.Name) && IsNumericHelperType(invocation.TargetMethod.ContainingType, types);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNumericHelperType(INamedTypeSymbol? type, WellKnownTypes types)
        {
            if (type == null)
            {
                return false;
            }

            var special = type.SpecialType;
            return WellKnownTypes.Is(type, types.Math) || WellKnownTypes.Is(type, types.MathF) ||
                special == SpecialType.System_Decimal || special == SpecialType.System_Double || special == SpecialType.System_Single ||
                (type.Name == "IFloatingPoint" && type.ContainingNamespace?.ToDisplayString() == "System.Numerics");
        }

        /// <summary>The argument bound to a parameter of the given type, if any.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IArgumentOperation? FindArgument(this IInvocationOperation invocation, ITypeSymbol? parameterType) =>
            parameterType == null ? null : invocation.Arguments.FirstOrDefault(a => a.Parameter != null && SymbolEqualityComparer.Default.Equals(a.Parameter.Type, parameterType));

        /// <summary>True when the method takes an IFormatProvider (CultureInfo, NumberFormatInfo...).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool TakesFormatProvider(IMethodSymbol method, WellKnownTypes types) =>
            method.Parameters.Any(p => WellKnownTypes.Is(p.Type, types.IFormatProvider) || WellKnownTypes.Is(p.Type, types.CultureInfo));

        /// <summary>A numeric literal written in the code (optionally negated), not a named constant.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsNumericLiteral(IOperation operation, out decimal value)
        {
            value = 0;
            var op = operation.WalkDownConversions();
            if (op is IUnaryOperation unary && (unary.OperatorKind == UnaryOperatorKind.Minus || unary.OperatorKind == UnaryOperatorKind.Plus))
            {
                op = unary.Operand.WalkDownConversions();
            }

            return op is ILiteralOperation && operation.TryGetNumericConstant(out value);
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsDecimalOrFloatingPoint(ITypeSymbol? type)
        {
            var special = type == null ? SpecialType.None : InsuranceContext.UnwrapNullable(type).SpecialType;
            return special == SpecialType.System_Decimal || special == SpecialType.System_Double || special == SpecialType.System_Single;
        }

        /// <summary>Exposure, count and term values (Exposure, VehicleCount, TermDays): divisors that may be zero.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsExposureName(string name) => NameWords.LastMatchingWordIndex(NameWords.Split(name), ExposureWords) >= 0;

        /// <summary>Discount, credit, rebate... amounts that lower a premium.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsReductionName(string name) => NameWords.LastMatchingWordIndex(NameWords.Split(name), ReductionWords) >= 0;

        /// <summary>MinimumPremium, MinPremium, PremiumFloor: a lower bound of the premium.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsLowerBoundName(string name) => NameWords.Split(name).Any(w => LowerBoundWords.Contains(w));

        [MethodImpl(HotPath.Optimize)]
        public static bool IsCurrencyName(string name) => NameWords.LastMatchingWordIndex(NameWords.Split(name), CurrencyWords) >= 0;

        /// <summary>The source text of an operation, shortened for messages.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string Describe(IOperation operation)
        {
            var text = operation.Syntax.ToString();
            text = string.Join(" ", text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        /// <summary>"Math.Round", "decimal.Parse": the method as a reader writes it.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string DisplayName(IMethodSymbol method) =>
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "." + method.Name;

        /// <summary>True when the statement always leaves the enclosing block (throw, return, break, continue).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool AlwaysExits(IOperation? operation)
        {
            switch (operation)
            {
                case null:
                    return false;
                case IThrowOperation _:
                case IReturnOperation _:
                case IBranchOperation _:
                    return true;
                case IExpressionStatementOperation statement:
                    return statement.Operation is IThrowOperation;
                case IBlockOperation block:
                    return block.Operations.Any(AlwaysExits);
                default:
                    return false;
            }
        }

        /// <summary>The statement of a block that contains the operation (to look at the statements before it).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? EnclosingStatement(IOperation operation, out IBlockOperation? block)
        {
            for (var current = operation; current.Parent != null; current = current.Parent)
            {
                if (current.Parent is IBlockOperation b)
                {
                    block = b;
                    return current;
                }
            }

            block = null;
            return null;
        }

        /// <summary>True when the operation mentions the symbol anywhere inside it.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool References(this IOperation operation, ISymbol symbol) =>
            operation.DescendantsAndSelf().Any(o => SymbolEqualityComparer.Default.Equals(o.GetReferencedSymbol(), symbol) && !(o is IInvocationOperation));

        /// <summary>The owning method of an operation block, for attribute checks such as [RoundingRule].</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool OwnerHasAttribute(ISymbol owner, string shortName)
        {
            for (ISymbol? s = owner; s != null; s = s.ContainingSymbol)
            {
                if (InsuranceContext.HasAttribute(s, shortName))
                {
                    return true;
                }

                if (!(s is IMethodSymbol m) || (m.MethodKind != MethodKind.LambdaMethod && m.MethodKind != MethodKind.LocalFunction))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>True when the condition compares the symbol (x != 0, x > 0, x is 0, 0 == x...).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool Compares(IOperation? condition, ISymbol symbol)
        {
            if (condition == null)
            {
                return false;
            }

            foreach (var op in condition.DescendantsAndSelf())
            {
                switch (op)
                {
                    case IBinaryOperation b when IsComparison(b.OperatorKind) &&
                        (IsSymbol(b.LeftOperand, symbol) || IsSymbol(b.RightOperand, symbol)):
                        return true;
                    case IIsPatternOperation pattern when IsSymbol(pattern.Value, symbol) || AtZeroOfPattern(pattern, symbol) != null:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a pattern on the symbol's owner says when the symbol is zero: a property pattern on it (<c>policy is {
        /// TermDays: &gt; 0 }</c>: false, as the whole pattern fails with it) or a list pattern when the symbol is the
        /// owner's <c>Count</c> or <c>Length</c> (<c>devices is []</c>: true). Null when the pattern does not test it.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool? AtZeroOfPattern(IIsPatternOperation test, ISymbol symbol)
        {
            switch (test.Pattern)
            {
                case IRecursivePatternOperation recursive:
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        if (sub.Member is IMemberReferenceOperation member && SymbolEqualityComparer.Default.Equals(member.Member, symbol))
                        {
                            // Every other part must match as well: zero failing this part fails the whole, zero passing it tells nothing.
                            return MatchesZero(sub.Pattern) == false ? false : (bool?)null;
                        }
                    }

                    return null;
                default:
                    return IsLengthOf(symbol, test.Value.Type) ? MatchesEmpty(test.Pattern) : null;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsLengthOf(ISymbol symbol, ITypeSymbol? type) =>
            symbol is IPropertySymbol { Name: "Count" or "Length" } && type != null &&
            (SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type) || type.AllInterfaces.Contains(symbol.ContainingType, SymbolEqualityComparer.Default));

        /// <summary>Whether a pattern matches an empty list: <c>[]</c> and <c>[..]</c> do, <c>[_, ..]</c> does not; null when it cannot be told.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool? MatchesEmpty(IPatternOperation pattern) =>
            Combined(pattern, [MethodImpl(HotPath.Optimize)] static (leaf) => leaf is IListPatternOperation list ? list.Patterns.All(p => p is ISlicePatternOperation) : null);

        /// <summary><c>not</c>, <c>and</c> and <c>or</c> of patterns, three-valued, over what <paramref name="leaf"/> says of the rest.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool? Combined(IPatternOperation pattern, Func<IPatternOperation, bool?> leaf)
        {
            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return !Combined(negated.Pattern, leaf);
                case IBinaryPatternOperation binary:
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? Combined(binary.LeftPattern, leaf) | Combined(binary.RightPattern, leaf)
                        : Combined(binary.LeftPattern, leaf) & Combined(binary.RightPattern, leaf);
                default:
                    return leaf(pattern);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsComparison(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Equals || kind == BinaryOperatorKind.NotEquals || kind == BinaryOperatorKind.LessThan ||
            kind == BinaryOperatorKind.LessThanOrEqual || kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual;

        /// <summary>
        /// The rounded or floored value is the total or the share of an allocation whose remainder the member computes
        /// (<c>var share = Math.Floor(total / n); var first = total - share * (n - 1);</c>): it lands in a local that is the
        /// minuend of a subtraction whose subtrahend multiplies, or that is multiplied in such a subtrahend. The remainder
        /// goes somewhere, so the rounding loses nothing: it is the point of the code.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsAllocatedWithRemainder(IOperation value)
        {
            // decimal.Floor(total * 100m / n) / 100m: the share floored in minor units and restated in major ones.
            var local = value.ReceivingLocal() ??
                (value.WalkUpConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Multiply } scaled &&
                 IsPowerOfTen(scaled.OtherOperand(value))
                    ? scaled.ReceivingLocal()
                    : null);
            if (local == null)
            {
                return false;
            }

            foreach (var operation in value.Root().Descendants())
            {
                if (IsRemainder(operation, out var whole, out var product) &&
                    (IsSymbol(whole, local) || IsSymbol(product.LeftOperand, local) || IsSymbol(product.RightOperand, local)))
                {
                    return true;
                }

                // minorUnits / parts and minorUnits % parts: whole units shared out, the remainder spread by the same member.
                if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder } modulo && IsSymbol(modulo.LeftOperand, local))
                {
                    return true;
                }

                // var cgst = Math.Round(gst / 2, 2); var sgst = gst - cgst: a total split in two, the second share the remainder.
                if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } split && IsSymbol(split.LeftOperand, local) &&
                    split.RightOperand.WalkDownConversions() is ILocalReferenceOperation share && share.SingleValue(operation.Root()) is { } shareValue &&
                    shareValue.DescendantsAndSelf().Any(o => o is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Multiply } part &&
                        (IsSymbol(part.LeftOperand, local) || IsSymbol(part.RightOperand, local))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>10, 100, 1000...: a factor that restates an amount in other units exactly (cents, paise).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsPowerOfTen(IOperation operand)
        {
            if (!operand.TryGetNumericConstant(out var value) || value < 10)
            {
                return false;
            }

            while (value >= 10 && value % 10 == 0)
            {
                value /= 10;
            }

            return value == 1;
        }

        /// <summary>The member a return belongs to is named as money (<c>return ...;</c> in <c>CalculatePremium</c>); a lambda's return has no name.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ISymbol? MoneyMemberReturned(IReturnOperation ret, ISymbol owner, InsuranceContext insurance) =>
            UnderwritingSemantics.EnclosingFunction(ret, owner) is { MethodKind: not MethodKind.AnonymousFunction } function &&
            insurance.GetValueKind(function.AssociatedSymbol ?? function) == ValueKind.Money ? function.AssociatedSymbol ?? function : null;

        /// <summary>
        /// <c>Math.Round(x * 5) / 5</c> or <c>Math.Round(x / 0.05m) * 0.05m</c>: one rounding to a grid (the nearest fifth, the
        /// nearest 5 cents), spelled as three operations.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsRoundToGrid(IInvocationOperation round)
        {
            if (round.Arguments.Length == 0 || !(round.Arguments[0].Value.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } inner) ||
                !(round.WalkUpConversions() is IBinaryOperation outer) || outer.OperatorKind == inner.OperatorKind ||
                !(outer.OperatorKind == BinaryOperatorKind.Multiply || outer.OperatorKind == BinaryOperatorKind.Divide) ||
                !outer.RightOperand.TryGetNumericConstant(out var step) || !inner.RightOperand.TryGetNumericConstant(out var innerStep))
            {
                return false;
            }

            return step == innerStep;
        }

        /// <summary>
        /// The value holds the remainder of an allocation of rounded shares (<c>(Amount - share * parts) * 100m</c>, where
        /// <c>share</c> was rounded or floored): a difference of amounts in minor units, which converts to whole cents exactly.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsRemainderOfRoundedShares(IOperation value, WellKnownTypes types)
        {
            var root = value.Root();

            foreach (var operation in value.DescendantsAndSelf())
            {
                if (IsRemainder(operation, out _, out var product) && (IsRoundedLocal(product.LeftOperand, root, types) || IsRoundedLocal(product.RightOperand, root, types)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>whole - share * n</c>: what an allocation of equal shares leaves over.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsRemainder(IOperation operation, out IOperation whole, out IBinaryOperation product)
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } subtraction &&
                subtraction.RightOperand.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply)
            {
                whole = subtraction.LeftOperand;
                product = multiply;
                return true;
            }

            whole = null!;
            product = null!;
            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsRoundedLocal(IOperation operand, IOperation root, WellKnownTypes types) =>
            operand.WalkDownConversions() is ILocalReferenceOperation local && local.InitialValue(root)?.WalkDownConversions() is IInvocationOperation call &&
            (IsRound(call.TargetMethod, types) || IsTruncation(call.TargetMethod, types));

        /// <summary>True when the operation reads exactly this symbol (same member of the same receiver text).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsSymbol(IOperation operation, ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(operation.WalkDownConversions().GetReferencedSymbol(), symbol);

        /// <summary>
        /// True when, on the way up from the operation, a condition, short-circuit or earlier exiting statement (if (x == 0) throw)
        /// tests the symbol, or an earlier guard call (ArgumentOutOfRangeException.ThrowIfZero(x)) receives it.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsGuarded(IOperation operation, ISymbol symbol)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, child) &&
                        Guards(conditional.Condition, symbol, reachedWhen: ReferenceEquals(conditional.WhenTrue, child)):
                        return true;
                    case IBinaryOperation logical when (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd || logical.OperatorKind == BinaryOperatorKind.ConditionalOr) &&
                        ReferenceEquals(logical.RightOperand, child) &&
                        Guards(logical.LeftOperand, symbol, reachedWhen: logical.OperatorKind == BinaryOperatorKind.ConditionalAnd):
                        return true;
                    // while (n > 0) { ... x / n ... } and for (...; n > 0; ...): the body runs only after the test.
                    case IWhileLoopOperation loop when loop.ConditionIsTop && ReferenceEquals(loop.Body, child) && Guards(loop.Condition, symbol, reachedWhen: true):
                        return true;
                    case IForLoopOperation loop when ReferenceEquals(loop.Body, child) && Guards(loop.Condition, symbol, reachedWhen: true):
                        return true;
                    // n switch { 0 => 0m, _ => x / n } or n switch { > 0 => x / n, _ => 0m }: zero is taken earlier or excluded here.
                    case ISwitchExpressionArmOperation arm when ReferenceEquals(arm.Value, child) && arm.Parent is ISwitchExpressionOperation switchExpression &&
                        IsSymbol(switchExpression.Value, symbol) && ArmExcludesZero(switchExpression, arm):
                        return true;
                    // switch (n) { case 0: return 0m; default: return x / n; } or case 12: return x / n;
                    case ISwitchCaseOperation section when section.Parent is ISwitchOperation switchStatement && IsSymbol(switchStatement.Value, symbol) &&
                        SectionExcludesZero(switchStatement, section):
                        return true;
                    // rows.Where(r => r.Reserve != 0m).Select(r => r.Paid / r.Reserve): the query only passes on what the filter let through.
                    case IAnonymousFunctionOperation lambda when IsFilteredBy(lambda, symbol):
                        return true;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (ReferenceEquals(statement, child))
                            {
                                break;
                            }

                            if (IsGuardStatement(statement, symbol))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// The lambda of a query step (<c>Select</c>, <c>Sum</c>, ...) whose source was filtered by a <c>Where</c> that guards
        /// the symbol, through steps that keep the elements (ordering, <c>ToList</c>, <c>Take</c>, ...).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsFilteredBy(IAnonymousFunctionOperation lambda, ISymbol symbol)
        {
            if (!(lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation step } }) || !step.TargetMethod.IsExtensionMethod || step.Arguments.Length == 0)
            {
                return false;
            }

            // g.Average(r => r.Paid / r.Reserve) inside rows.Where(...).GroupBy(...).ToDictionary(g => ...): the group holds
            // what the enclosing query let through.
            var first = step.Arguments[0].Value.WalkDownConversions();
            if (first is IParameterReferenceOperation group)
            {
                for (var outer = lambda.Parent; outer != null; outer = outer.Parent)
                {
                    if (outer is IAnonymousFunctionOperation enclosing && enclosing.Symbol.Parameters.Contains(group.Parameter))
                    {
                        return IsFilteredBy(enclosing, symbol);
                    }
                }

                return false;
            }

            for (var source = first as IInvocationOperation; source != null && source.TargetMethod.IsExtensionMethod && source.Arguments.Length > 0;
                source = source.Arguments[0].Value.WalkDownConversions() as IInvocationOperation)
            {
                switch (source.TargetMethod.Name)
                {
                    case "Where" when source.Arguments.Length == 2 &&
                        source.Arguments[1].Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Body.Operations: { Length: 1 } body } } &&
                        body[0] is IReturnOperation { ReturnedValue: { } predicate } && Guards(predicate, symbol, reachedWhen: true):
                        return true;
                    case "Where":
                    case "OrderBy":
                    case "OrderByDescending":
                    case "ThenBy":
                    case "ThenByDescending":
                    case "ToList":
                    case "ToArray":
                    case "AsEnumerable":
                    case "Take":
                    case "Skip":
                    case "Distinct":
                    case "GroupBy":
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// A condition that tests the symbol guards code reached when it is <paramref name="reachedWhen"/>, unless it is
        /// known to be that value with the symbol at zero: <c>if (months &gt; 12) throw ...;</c> lets zero through, and
        /// <c>n &gt; 0 ? 0 : x / n</c> divides only by zero. A test the rule cannot evaluate (<c>n &lt; minimum</c>) still counts.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool Guards(IOperation? condition, ISymbol symbol, bool reachedWhen) =>
            condition != null && Compares(condition, symbol) && AtZero(condition, symbol) != reachedWhen;

        /// <summary>The condition's value when the symbol is zero: true, false, or null when it cannot be told.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool? AtZero(IOperation condition, ISymbol symbol)
        {
            switch (condition.WalkDownConversions())
            {
                // bool? operators are three-valued: false & unknown is false, true | unknown is true, !unknown is unknown.
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return !AtZero(not.Operand, symbol);
                case IBinaryOperation logical when logical.OperatorKind == BinaryOperatorKind.ConditionalAnd || logical.OperatorKind == BinaryOperatorKind.And:
                    return AtZero(logical.LeftOperand, symbol) & AtZero(logical.RightOperand, symbol);
                case IBinaryOperation logical when logical.OperatorKind == BinaryOperatorKind.ConditionalOr || logical.OperatorKind == BinaryOperatorKind.Or:
                    return AtZero(logical.LeftOperand, symbol) | AtZero(logical.RightOperand, symbol);
                case IBinaryOperation comparison when IsComparison(comparison.OperatorKind):
                    if (IsSymbol(comparison.LeftOperand, symbol) && comparison.RightOperand.TryGetNumericConstant(out var right))
                    {
                        return Compare(comparison.OperatorKind, 0m, right);
                    }

                    if (IsSymbol(comparison.RightOperand, symbol) && comparison.LeftOperand.TryGetNumericConstant(out var left))
                    {
                        return Compare(comparison.OperatorKind, left, 0m);
                    }

                    return null;
                case IIsPatternOperation pattern when IsSymbol(pattern.Value, symbol):
                    return MatchesZero(pattern.Pattern);
                case IIsPatternOperation pattern:
                    return AtZeroOfPattern(pattern, symbol);
                default:
                    return null;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool? Compare(BinaryOperatorKind kind, decimal left, decimal right)
        {
            switch (kind)
            {
                case BinaryOperatorKind.Equals: return left == right;
                case BinaryOperatorKind.NotEquals: return left != right;
                case BinaryOperatorKind.LessThan: return left < right;
                case BinaryOperatorKind.LessThanOrEqual: return left <= right;
                case BinaryOperatorKind.GreaterThan: return left > right;
                case BinaryOperatorKind.GreaterThanOrEqual: return left >= right;
                default: return null;
            }
        }

        /// <summary>An arm whose own pattern rejects zero, or that an earlier arm taking zero (without a when) comes before.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ArmExcludesZero(ISwitchExpressionOperation switchExpression, ISwitchExpressionArmOperation arm)
        {
            foreach (var earlier in switchExpression.Arms)
            {
                if (ReferenceEquals(earlier, arm))
                {
                    return MatchesZero(arm.Pattern) == false;
                }

                if (earlier.Guard == null && MatchesZero(earlier.Pattern) == true)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A section none of whose labels takes zero, and which is not the default, unless another section's label (without
        /// a when) takes zero first: C# tries every label before the default.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool SectionExcludesZero(ISwitchOperation switchStatement, ISwitchCaseOperation section)
        {
            foreach (var clause in section.Clauses)
            {
                if (clause.CaseKind == CaseKind.Default)
                {
                    return switchStatement.Cases.Any(other => !ReferenceEquals(other, section) && other.Clauses.Any(c => ClauseMatchesZero(c) == true));
                }

                if (ClauseMatchesZero(clause) != false)
                {
                    return false;
                }
            }

            return section.Clauses.Length > 0;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool? ClauseMatchesZero(ICaseClauseOperation clause)
        {
            switch (clause)
            {
                case ISingleValueCaseClauseOperation single:
                    return single.Value.TryGetNumericConstant(out var value) ? value == 0 : (bool?)null;
                case IPatternCaseClauseOperation patternClause:
                    var matches = MatchesZero(patternClause.Pattern);
                    return matches == true && patternClause.Guard != null ? null : matches; // a when may still reject zero
                default:
                    return null;
            }
        }

        /// <summary>Whether a pattern matches the number 0: true, false, or null when it cannot be told.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool? MatchesZero(IPatternOperation pattern) => Combined(pattern, ZeroLeaf);

        private static readonly Func<IPatternOperation, bool?> ZeroLeaf = MatchesZeroLeaf;

        [MethodImpl(HotPath.Optimize)]
        private static bool? MatchesZeroLeaf(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.TryGetNumericConstant(out var value) ? value == 0 : (bool?)null;
                case IRelationalPatternOperation relational when relational.Value.TryGetNumericConstant(out var bound):
                    return Compare(relational.OperatorKind, 0m, bound);
                case IDiscardPatternOperation _:
                    return true;
                case IDeclarationPatternOperation declaration:
                    return declaration.MatchesNull || SymbolEqualityComparer.Default.Equals(declaration.InputType, declaration.NarrowedType) ? true : (bool?)null;
                case ITypePatternOperation type:
                    return SymbolEqualityComparer.Default.Equals(type.InputType, type.NarrowedType) ? true : (bool?)null;
                default:
                    return null;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool ThrowsAtZero(IInvocationOperation call, ISymbol symbol)
        {
            // ArgumentOutOfRangeException.ThrowIfLessThan(n, 1), ThrowIfLessThanOrEqual(n, 0), ThrowIfEqual(n, 0): zero throws.
            if (call.Arguments.Length < 2 || !IsSymbol(call.Arguments[0].Value, symbol) || !call.Arguments[1].Value.TryGetNumericConstant(out var bound))
            {
                return false;
            }

            switch (call.TargetMethod.Name)
            {
                case "ThrowIfLessThan": return bound > 0;
                case "ThrowIfLessThanOrEqual": return bound >= 0;
                case "ThrowIfEqual": return bound == 0;
                default: return false;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsGuardStatement(IOperation statement, ISymbol symbol)
        {
            switch (statement)
            {
                case IConditionalOperation ifStatement:
                    return AlwaysExits(ifStatement.WhenTrue) && Guards(ifStatement.Condition, symbol, reachedWhen: false);
                case IExpressionStatementOperation expression when expression.Operation is IInvocationOperation call:
                    var name = call.TargetMethod.Name;
                    return ((name.IndexOf("Zero", StringComparison.Ordinal) >= 0 || name.IndexOf("Positive", StringComparison.Ordinal) >= 0) &&
                        call.Arguments.Any(a => IsSymbol(a.Value, symbol))) || ThrowsAtZero(call, symbol);
                default:
                    return false;
            }
        }
    }
}
