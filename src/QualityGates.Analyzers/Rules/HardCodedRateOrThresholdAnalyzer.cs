using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG1006: a numeric literal multiplied, divided, added or subtracted with money or a rate in pricing code, or compared
    /// in underwriting code (age &gt; 30, claims &gt;= 3, also as a relational pattern: { Claims: &gt;= 3 }, age switch { &gt; 30 => ... }).
    /// A literal branch of a ?: operand counts as an operand (basePremium * (age &lt; 25 ? 1.6m : 1m)). 0, ±1, the allowed
    /// literals, named constants and a fixed-year divisor that QG3003 reports (premium * days / 365) are fine.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedRateOrThresholdAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardCodedRateOrThreshold);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, scope) =>
                {
                    // The initializer of a const or static readonly field is where a named rate belongs.
                    if (!IsNamedConstantInitializer(c.ContainingSymbol))
                    {
                        Analyze(c, insurance, scope);
                    }
                },
                OperationKinds.BinaryOrCompoundAssignment);

            // A relational pattern is the same comparison as age > 30, written as a rule table row.
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Underwriting,
                [MethodImpl(HotPath.Optimize)] (c, scope) =>
                {
                    if (!IsNamedConstantInitializer(c.ContainingSymbol))
                    {
                        var pattern = (IRelationalPatternOperation)c.Operation;
                        Check(c, insurance, pattern.OperatorKind, pattern.Value, TestedValue(pattern), "threshold");
                    }
                },
                OperationKinds.RelationalPattern);

            // RuleFor(a => a.Age).LessThanOrEqualTo(65): the validator's spelling of a.Age <= 65.
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Underwriting,
                [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeValidationRule(c, insurance),
                OperationKinds.Invocation);
        }

        private static readonly ImmutableDictionary<string, BinaryOperatorKind> ValidationComparisons = new Dictionary<string, BinaryOperatorKind>
        {
            ["GreaterThan"] = BinaryOperatorKind.GreaterThan,
            ["GreaterThanOrEqualTo"] = BinaryOperatorKind.GreaterThanOrEqual,
            ["LessThan"] = BinaryOperatorKind.LessThan,
            ["LessThanOrEqualTo"] = BinaryOperatorKind.LessThanOrEqual,
            ["InclusiveBetween"] = BinaryOperatorKind.GreaterThanOrEqual,
            ["ExclusiveBetween"] = BinaryOperatorKind.GreaterThan,
        }.ToImmutableDictionary();

        /// <summary>
        /// A FluentValidation-style comparison rule on a value chosen by <c>RuleFor</c>/<c>RuleForEach</c>
        /// (<c>RuleFor(a =&gt; a.Age).NotEmpty().LessThanOrEqualTo(65)</c>): its numbers are thresholds on that value.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeValidationRule(OperationContext context, InsuranceContext insurance)
        {
            var call = (IInvocationOperation)context.Operation;
            if (!ValidationComparisons.TryGetValue(call.TargetMethod.Name, out var kind) || IsNamedConstantInitializer(context.ContainingSymbol))
            {
                return;
            }

            int first = call.TargetMethod.IsExtensionMethod ? 1 : 0;
            var receiver = first == 1 && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
            var tested = RuleForValue(receiver);
            if (tested == null)
            {
                return;
            }

            for (int i = first; i < call.Arguments.Length; i++)
            {
                var argument = call.Arguments[i];
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.Type != null && InsuranceContext.IsNumeric(argument.Value.Type))
                {
                    Check(context, insurance, kind, argument.Value, tested, "threshold");
                }
            }
        }

        /// <summary>The value a rule builder chain started from: the body of <c>RuleFor(x =&gt; x.Age)</c>, through the rules chained after it.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? RuleForValue(IOperation? receiver)
        {
            for (var step = receiver?.WalkDownConversions() as IInvocationOperation; step != null;)
            {
                var method = step.TargetMethod;
                if ((method.Name == "RuleFor" || method.Name == "RuleForEach") && step.Arguments.Length > 0)
                {
                    var selector = step.Arguments[0].Value.WalkDownConversions();
                    var lambda = (selector as IDelegateCreationOperation)?.Target ?? selector;
                    return lambda is IAnonymousFunctionOperation { Body.Operations: { Length: 1 } body } && body[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;
                }

                var next = method.IsExtensionMethod && step.Arguments.Length > 0 ? step.Arguments[0].Value : step.Instance;
                step = next?.WalkDownConversions() as IInvocationOperation;
            }

            return null;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNamedConstantInitializer(ISymbol symbol) =>
            symbol is IFieldSymbol field && (field.IsConst || (field.IsStatic && field.IsReadOnly));

        /// <summary>
        /// What a relational pattern compares: the member of its property subpattern, or the value of the is/switch it
        /// belongs to (through and/or/not). Only names the constant the fix extracts; the pattern itself when none is found.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation TestedValue(IRelationalPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is IBinaryPatternOperation || current.Parent is INegatedPatternOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IPropertySubpatternOperation property: return property.Member;
                case IIsPatternOperation isPattern: return isPattern.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }: return switchExpression.Value;
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } }: return switchStatement.Value;
                default: return pattern;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance, Scope scope)
        {
            // premium *= 1.15m is premium = premium * 1.15m: the target is never a literal, so only the value is one.
            if (!context.Operation.TryGetArithmetic(out var kind, out var left, out var right))
            {
                return;
            }

            if (IsGridStep(context.Operation, insurance) || IsHandWrittenRounding(context.Operation, kind, insurance))
            {
                return;
            }

            string? what;
            if ((scope & Scope.Pricing) != 0 && IsPricingArithmetic(kind))
            {
                what = null;
            }
            else if ((scope & Scope.Underwriting) != 0 && IsRelational(kind))
            {
                what = "threshold";
            }
            else
            {
                return;
            }

            Check(context, insurance, kind, left, right, what);

            // premium * days / 365: the 365 is a day-count basis, QG3003's finding (and its allowed_daycount_basis). A local
            // choosing the year's length (var daysInYear = leap ? 366m : 365m; ... / daysInYear) is no rate either.
            if (what != null || kind != BinaryOperatorKind.Divide ||
                !(DateTimeFacts.IsFixedYearProration(context.Operation, insurance, out _, out _) || IsYearLengthLocal(right)))
            {
                Check(context, insurance, kind, right, left, what);
            }
        }

        /// <summary>
        /// <c>(int)(rate + .5M)</c>, <c>(int)(x / 1000 + .999M)</c>, <c>Math.Floor(x + 0.5m)</c>: a fraction added just before the
        /// value is cut to a whole number rounds it by hand (half up, or up to the next unit); the fraction is no rate.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsHandWrittenRounding(IOperation arithmetic, BinaryOperatorKind kind, InsuranceContext insurance)
        {
            if (kind != BinaryOperatorKind.Add || !(arithmetic is IBinaryOperation sum) ||
                !(sum.RightOperand.TryGetNumericConstant(out var fraction) || sum.LeftOperand.TryGetNumericConstant(out fraction)) || fraction <= 0 || fraction >= 1)
            {
                return false;
            }

            var cut = arithmetic.WalkUpConversions();
            if (cut is IArgumentOperation { Parent: IInvocationOperation call })
            {
                return PricingSemantics.IsTruncation(call.TargetMethod, insurance.Types);
            }

            for (var parent = arithmetic.Parent; parent is IConversionOperation conversion; parent = parent.Parent)
            {
                if (InsuranceContext.IsIntegral(conversion.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The 5 of <c>Math.Round(x * 5) / 5</c>: the step of a rounding to a grid, like the digits of a Round.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsGridStep(IOperation arithmetic, InsuranceContext insurance)
        {
            if (!(arithmetic is IBinaryOperation binary))
            {
                return false;
            }

            var round = binary.LeftOperand.WalkDownConversions() as IInvocationOperation
                ?? (binary.WalkUpConversions() as IArgumentOperation)?.Parent as IInvocationOperation;
            return round != null && PricingSemantics.IsRound(round.TargetMethod, insurance.Types) && PricingSemantics.IsRoundToGrid(round);
        }

        /// <param name="local">The local the number reaches the formula through, which names the extracted constant; null when written in place.</param>
        [MethodImpl(HotPath.Optimize)]
        private static void Check(OperationContext context, InsuranceContext insurance, BinaryOperatorKind operatorKind, IOperation literal, IOperation other, string? what, IOperation? local = null)
        {
            // basePremium * (age < 25 ? 1.6m : 1m): each branch is the operand in its case, so a branch literal is checked
            // as one; the neutral branch (0, ±1, an allowed literal) stays unreported like any such literal.
            if (literal.WalkDownConversions() is IConditionalOperation conditional && conditional.WhenFalse != null)
            {
                Check(context, insurance, operatorKind, conditional.WhenTrue, other, what, local);
                Check(context, insurance, operatorKind, conditional.WhenFalse, other, what, local);
                return;
            }

            // zipCode.Length > 5 checks a format, not a risk; so do the other comparisons IsNoRiskTest names.
            if (other.ConstantValue.HasValue || (what == "threshold" && IsNoRiskTest(context.Operation, other, insurance.Types)))
            {
                return;
            }

            // The literal itself, an expression of literals (1 + 0.15m, 5 * 365), or a local such a value initializes and
            // nothing writes again (var loading = 1.15m; or sprinklered ? 0.60m : 1m; ... premium * loading): reported where
            // the number is written.
            if (!IsLiteralValue(literal, out var value))
            {
                var initial = local == null ? LiteralLocalInitializer(literal) : null;
                if (initial != null)
                {
                    Check(context, insurance, operatorKind, initial, other, what, literal);
                }

                return;
            }

            if (value == 0 || value == 1 || value == -1 || IsPercentConversion(value, other))
            {
                return;
            }

            if (what == null)
            {
                var kind = other.GetValueKind(insurance);
                if (kind == ValueKind.None && operatorKind == BinaryOperatorKind.Multiply && ProductLandsInMoney(context.Operation, insurance, context.ContainingSymbol))
                {
                    kind = ValueKind.Rate; // milesPerMonth * 0.045 added to a premium: a rate per unit of exposure
                }

                if (kind == ValueKind.None)
                {
                    return;
                }

                bool additive = operatorKind == BinaryOperatorKind.Add || operatorKind == BinaryOperatorKind.Subtract;
                what = additive && kind == ValueKind.Money ? "amount" : "rate or factor";
            }

            if (insurance.GetSettings(literal.Syntax.SyntaxTree, DiagnosticIds.HardCodedRateOrThreshold).IsAllowedLiteral(value))
            {
                return;
            }

            var syntax = literal.WalkDownConversions().Syntax;
            if (syntax.Parent is PrefixUnaryExpressionSyntax negated)
            {
                syntax = negated;
            }

            // A local's number is named after the local (loading -> LoadingFactor), an operand's after what it scales.
            // Convert.ToDecimal(0.2) cannot initialize a const: no fix is offered for it.
            var properties = literal.WalkDownConversions() is IInvocationOperation
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.NameProperty, ConstantName(local ?? other, what));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedRateOrThreshold, syntax.GetLocation(), properties, syntax.ToString(), what));
        }

        /// <summary>
        /// <c>basePremium * (1.0m + 0.1m * chargeableClaims)</c>: one plus a product is a loading, and a loading that multiplies
        /// money makes the product's number a rate per unit of what it multiplies.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsLoadingOfMoney(IBinaryOperation sum, IOperation other, InsuranceContext insurance)
        {
            if (sum.OperatorKind != BinaryOperatorKind.Add || !other.TryGetNumericConstant(out var one) || one != 1)
            {
                return false;
            }

            // ... or kept as a factor first: var claimsFactor = 1.0m + 0.1m * chargeableClaims.
            switch (sum.WalkUpConversions())
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } scaled:
                    return scaled.OtherOperand(sum).GetValueKind(insurance) == ValueKind.Money;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return insurance.GetValueKind(declarator.Symbol) != ValueKind.None;
                case ISimpleAssignmentOperation assigned:
                    return assigned.Target.GetValueKind(insurance) != ValueKind.None;
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>premium += milesPerMonth * 0.045</c>, <c>var mileageCharge = miles * 0.045m</c>: a product that is added to an amount,
        /// stored as one, returned from a member named as money or split into periods first, is an amount, so its number is a
        /// rate per unit of what it multiplies.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ProductLandsInMoney(IOperation product, InsuranceContext insurance, ISymbol owner)
        {
            switch (product.WalkUpConversions())
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum:
                    var other = sum.OtherOperand(product);
                    return other.GetValueKind(insurance) == ValueKind.Money || IsLoadingOfMoney(sum, other, insurance);
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } added:
                    return added.Target.GetValueKind(insurance) == ValueKind.Money;
                case ISimpleAssignmentOperation assigned:
                    return assigned.Target.GetValueKind(insurance) == ValueKind.Money;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return insurance.GetValueKind(declarator.Symbol) == ValueKind.Money;
                // return insuranceValue * 0.04m; in CalculatePremium: the product is what the member returns, a premium.
                case IReturnOperation ret:
                    return PricingSemantics.MoneyMemberReturned(ret, owner, insurance) != null;
                // annualEarnings * 0.6m / 12: a product split into periods lands where the quotient lands.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } split when split.LeftOperand.WalkDownConversions() == product && split.RightOperand.ConstantValue.HasValue:
                    return ProductLandsInMoney(split, insurance, owner);
                default:
                    return false;
            }
        }

        /// <summary>A numeric literal (signed or not), or an expression of nothing but such literals, with its value.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsLiteralValue(IOperation operation, out decimal value)
        {
            // premium * Convert.ToDecimal(0.2): the literal spelled through a conversion call.
            if (operation.WalkDownConversions() is IInvocationOperation { TargetMethod: { Name: "ToDecimal" or "ToDouble" or "ToSingle", ContainingType.Name: "Convert" }, Arguments.Length: 1 } convert)
            {
                return IsLiteralValue(convert.Arguments[0].Value, out value);
            }

            value = 0;
            return OnlyLiterals(operation) && operation.TryGetNumericConstant(out value);
        }

        /// <summary><c>premium * discountPct * 0.01m</c>: the 0.01 turns a percentage into a fraction, as <c>/ 100</c> does.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsPercentConversion(decimal value, IOperation other)
        {
            if (value != 0.01m)
            {
                return false;
            }

            var operand = other.WalkDownConversions();
            if (operand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product)
            {
                return IsPercentConversion(value, product.LeftOperand) || IsPercentConversion(value, product.RightOperand);
            }

            var symbol = operand.GetReferencedSymbol();
            return symbol != null && NameWords.HeadIs(NameWords.Split(symbol.Name), PercentWords);
        }

        private static readonly string[] PercentWords = { "percent", "pct", "percentage", "perc" };

        [MethodImpl(HotPath.Optimize)]
        private static bool OnlyLiterals(IOperation operation)
        {
            var op = operation.WalkDownConversions();
            if (op is IUnaryOperation unary && (unary.OperatorKind == UnaryOperatorKind.Minus || unary.OperatorKind == UnaryOperatorKind.Plus))
            {
                op = unary.Operand.WalkDownConversions();
            }

            return op is ILiteralOperation || (op is IBinaryOperation binary && OnlyLiterals(binary.LeftOperand) && OnlyLiterals(binary.RightOperand));
        }

        /// <summary>
        /// The initializer of a local that <paramref name="operand"/> reads, when it is a literal value (<see cref="IsLiteralValue"/>)
        /// or a conditional choosing between such values, nothing else in the member writes the local, and this is the first
        /// use of the local in arithmetic or a comparison (so a local used twice is reported once, at its number). Null otherwise.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? LiteralLocalInitializer(IOperation operand)
        {
            var local = (operand.WalkDownConversions() as ILocalReferenceOperation)?.Local;
            // A cheap look at the declaration first: most locals are initialized with something other than literals.
            if (local == null || local.IsConst || local.DeclaringSyntaxReferences.Length != 1 ||
                !(local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }) || !LooksLiteral(initializer.Value))
            {
                return null;
            }

            var read = (ILocalReferenceOperation)operand.WalkDownConversions();
            var root = read.Root();
            var initial = read.SingleValue(root);
            // A literal value, or a conditional choosing between literal values.
            if (!initial.EveryChoice(value => IsLiteralValue(value, out _)))
            {
                return null;
            }

            foreach (var reference in root.ReferencesTo(local))
            {
                if (IsArithmeticOrComparisonOperand(reference))
                {
                    return reference.Syntax.SpanStart == read.Syntax.SpanStart ? initial : null;
                }
            }

            return null;
        }

        /// <summary>
        /// Comparisons that test no risk: a string's length (<c>zipCode.Length &gt; 5</c>) or the number of pieces a string was
        /// split into (<c>cells.Length &lt; 4</c>) check a format; a <c>for</c> loop's own counter against its bound
        /// (<c>iteration &lt; 200</c>) stops a loop; an exception filter (<c>when (attempts &lt; 3)</c>) decides on a retry.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsNoRiskTest(IOperation comparison, IOperation other, WellKnownTypes types)
        {
            var operand = other.WalkDownConversions();
            if (operand is IPropertyReferenceOperation { Property.Name: "Length" } length &&
                (length.Property.ContainingType.SpecialType == SpecialType.System_String || IsSplitText(length.Instance)))
            {
                return true;
            }

            // Sampler.NextDouble() < 0.02, or var cohort = random.Next(100); cohort < 50: a sampling probability or bucket,
            // not a risk threshold (QG2009 judges randomness in a decision).
            var drawn = operand is ILocalReferenceOperation local ? local.SingleValue(local.Root())?.WalkDownConversions() : operand;
            if (drawn != null && drawn.DescendantsAndSelf().Any(o => RandomnessFacts.RandomSource(o, types) != null))
            {
                return true;
            }

            switch (comparison.Parent)
            {
                case IForLoopOperation loop when ReferenceEquals(loop.Condition, comparison):
                    return operand is ILocalReferenceOperation counter && loop.Locals.Contains(counter.Local);
                case ICatchClauseOperation handler when ReferenceEquals(handler.Filter, comparison):
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>An array a string was split into: <c>line.Split(',')</c>, directly or through the local it initialized.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSplitText(IOperation? array)
        {
            var value = array?.WalkDownConversions();
            if (value is ILocalReferenceOperation local)
            {
                value = local.InitialValue(local.Root())?.WalkDownConversions();
            }

            // lines.Select(line => line.Split(',')).Where(cells => cells.Length >= 4): the query's element is a split line.
            if (value is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } element)
            {
                value = SplitElementSource(element);
            }

            return IsSplitCall(value);
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsSplitCall(IOperation? value) =>
            value is IInvocationOperation { TargetMethod: { Name: "Split", ContainingType.SpecialType: SpecialType.System_String } };

        /// <summary>
        /// The value each element of a query step's lambda came from, when an earlier <c>Select</c> made it: the body of
        /// that <c>Select</c>'s lambda, through the steps that keep elements (<c>Where</c>, ordering, <c>Skip</c>...).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? SplitElementSource(IParameterReferenceOperation element)
        {
            var lambda = element.Parent;
            while (lambda != null && !(lambda is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, element.Parameter.ContainingSymbol)))
            {
                lambda = lambda.Parent;
            }

            if (!(lambda?.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation step } }) || step.Arguments.Length == 0)
            {
                return null;
            }

            for (var source = step.Arguments[0].Value.WalkDownConversions() as IInvocationOperation; source != null && source.TargetMethod.IsExtensionMethod && source.Arguments.Length > 0;
                source = source.Arguments[0].Value.WalkDownConversions() as IInvocationOperation)
            {
                switch (source.TargetMethod.Name)
                {
                    case "Select" when source.Arguments.Length == 2:
                        return source.Arguments[1].Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Body.Operations: { Length: 1 } body } } &&
                            body[0] is IReturnOperation { ReturnedValue: { } returned }
                            ? returned.WalkDownConversions()
                            : null;
                    case "Where":
                    case "OrderBy":
                    case "OrderByDescending":
                    case "ToList":
                    case "ToArray":
                    case "AsEnumerable":
                    case "Skip":
                    case "Take":
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>A local that chooses between year lengths (leap ? 366m : 365m): the year's actual length, not a fixed basis.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsYearLengthLocal(IOperation operand) =>
            LiteralLocalInitializer(operand) is { } initial && initial.WalkDownConversions() is IConditionalOperation &&
            initial.EveryChoice(value => DateTimeFacts.IsYearLength(value, out _));

        [MethodImpl(HotPath.Optimize)]
        private static bool LooksLiteral(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal: return literal.IsKind(SyntaxKind.NumericLiteralExpression);
                case PrefixUnaryExpressionSyntax unary: return LooksLiteral(unary.Operand);
                case ParenthesizedExpressionSyntax parenthesized: return LooksLiteral(parenthesized.Expression);
                case BinaryExpressionSyntax binary: return LooksLiteral(binary.Left) && LooksLiteral(binary.Right);
                case ConditionalExpressionSyntax conditional: return LooksLiteral(conditional.WhenTrue) && LooksLiteral(conditional.WhenFalse);
                default: return false;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsArithmeticOrComparisonOperand(IOperation reference)
        {
            var parent = reference.Parent;
            while (parent is IConversionOperation || parent is IConditionalOperation)
            {
                parent = parent.Parent;
            }

            return parent is IBinaryOperation || parent is ICompoundAssignmentOperation;
        }

        /// <summary>A name for the extracted constant: the other operand's name plus what the literal is (AgeThreshold, BasePremiumFactor).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string ConstantName(IOperation other, string what)
        {
            var suffix = what == "amount" ? "Amount" : what == "threshold" ? "Threshold" : "Factor";
            var name = other.WalkDownConversions().GetReferencedSymbol()?.Name.TrimStart('_', '@') ?? string.Empty;
            if (name.Length == 0 || !char.IsLetter(name[0]))
            {
                return suffix;
            }

            name = char.ToUpperInvariant(name[0]) + name.Substring(1);
            return name.EndsWith(suffix, System.StringComparison.Ordinal) ? name : name + suffix;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsPricingArithmetic(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Add || kind == BinaryOperatorKind.Subtract || kind == BinaryOperatorKind.Multiply || kind == BinaryOperatorKind.Divide;

        [MethodImpl(HotPath.Optimize)]
        private static bool IsRelational(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual ||
            kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual;
    }
}
