using System.Collections.Generic;
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
    /// QG4002: in pricing scope, a rate or monetary value that silently becomes a literal when it is missing:
    /// <c>x ?? 100</c>, <c>GetValueOrDefault(key, 1.0m)</c> (or the implicit 0), a TryGetValue false branch yielding a literal,
    /// a catch that returns or assigns a literal, the default of an inline table keyed by constants
    /// (<c>mode switch { Annual =&gt; 1m, Monthly =&gt; 0.09m, _ =&gt; 1m }</c>, or the statement form).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SilentFallbackForMissingRateAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property: which rewrite the code fix applies (Coalesce, Dictionary, Nullable); absent = no fix.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Diagnostic property: the exception message the fix uses.</summary>
        public const string MessageProperty = "Message";

        public const string CoalesceFix = "Coalesce";
        public const string DictionaryFix = "Dictionary";
        public const string NullableFix = "Nullable";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SilentFallbackForMissingRate);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeCoalesce(op, insurance), OperationKinds.Coalesce);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeGetValueOrDefault(op, insurance), OperationKinds.Invocation);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeConditional(op, insurance), OperationKinds.Conditional);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeFallThrough(op, insurance), OperationKinds.Block);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeCatch(op, insurance), OperationKinds.CatchClause);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeSwitchExpression(op, insurance), OperationKinds.SwitchExpression);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeSwitch(op, insurance), OperationKinds.Switch);
        }

        /// <summary>
        /// An inline rate table whose default is a literal: <c>mode switch { Annual =&gt; 1.00m, Monthly =&gt; 0.09m, _ =&gt; 1.00m }</c>.
        /// The cases are keys (constants), so the discard is the "key not found" path, as a dictionary's fallback. Bands
        /// (<c>&lt;= 2000 =&gt; 0.85m, _ =&gt; 1.30m</c>) are not lookups: there the discard is the top band.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchExpression(OperationContext context, InsuranceContext insurance)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            var arms = switchExpression.Arms;
            if (arms.Length < MinimumKeys + 1 || !(arms[arms.Length - 1] is { Pattern: IDiscardPatternOperation, Guard: null } fallback))
            {
                return;
            }

            var keys = new HashSet<object>();
            for (var i = 0; i < arms.Length - 1; i++)
            {
                if (arms[i].Guard != null || !AddKeys(arms[i].Pattern, keys))
                {
                    return;
                }
            }

            if (IsKeyedTable(switchExpression.Value.Type, keys))
            {
                ReportTableDefault(context, insurance, fallback.Value, context.Operation);
            }
        }

        /// <summary>The statement form: <c>switch (mode) { case Annual: return 1.00m; ... default: return 1.00m; }</c>.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitch(OperationContext context, InsuranceContext insurance)
        {
            var switchStatement = (ISwitchOperation)context.Operation;
            var sections = switchStatement.Cases;
            var fallback = sections.Length < MinimumKeys ? null : (sections.Length > MinimumKeys ? DefaultLiteral(sections) : null) ?? InitialValueOfTheAssignedLocal(switchStatement);
            if (fallback == null)
            {
                return;
            }

            if (IsKeyedTable(switchStatement.Value.Type, SectionKeys(sections, allowDefault: true)))
            {
                ReportTableDefault(context, insurance, fallback, fallback);
            }
        }

        /// <summary>The constant keys of a switch statement's sections; null when a label is no key (or is a default, unless allowed).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static HashSet<object>? SectionKeys(ImmutableArray<ISwitchCaseOperation> sections, bool allowDefault)
        {
            var keys = new HashSet<object>();
            foreach (var section in sections)
            {
                foreach (var clause in section.Clauses)
                {
                    if (!(clause.CaseKind == CaseKind.Default && allowDefault) &&
                        !(clause is ISingleValueCaseClauseOperation single && AddKey(single.Value, keys)) &&
                        !(clause is IPatternCaseClauseOperation { Guard: null } pattern && AddKeys(pattern.Pattern, keys)))
                    {
                        return null;
                    }
                }
            }

            return keys;
        }

        /// <summary>Keys that make a lookup, whose default is the miss: not an enum's group of members, not bands of counts.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsKeyedTable(ITypeSymbol? type, HashSet<object>? keys) =>
            keys != null && CoversEveryMember(type, keys) && !IsCountBands(type, keys);

        /// <summary>
        /// <c>double factor = 0.0; switch (rating) { case "A": factor = 1.1; break; case "B": factor = 1.3; break; }</c>: with no
        /// <c>default:</c>, a key the cases do not list leaves the local as it was initialized, and that literal is the fallback.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? InitialValueOfTheAssignedLocal(ISwitchOperation switchStatement)
        {
            ILocalReferenceOperation? assigned = null;
            foreach (var section in switchStatement.Cases)
            {
                ILocalReferenceOperation? local = null;
                foreach (var clause in section.Clauses)
                {
                    if (clause.CaseKind == CaseKind.Default)
                    {
                        return null;
                    }
                }

                foreach (var statement in section.Body)
                {
                    if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment })
                    {
                        // premium = premium / 4: a case that transforms the value looks nothing up.
                        if (assignment.Value.ReferencesTo(target.Local).Any())
                        {
                            return null;
                        }

                        local = target;
                    }
                }

                if (local == null || (assigned != null && !SymbolEqualityComparer.Default.Equals(local.Local, assigned.Local)))
                {
                    return null;
                }

                assigned = local;
            }

            return LiteralInitialValueAt(assigned, switchStatement);
        }

        /// <summary>The numeric literal a local was declared with, when it still holds it at <paramref name="at"/>.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? LiteralInitialValueAt(ILocalReferenceOperation? local, IOperation at)
        {
            var initial = local?.InitialValueAt(at);
            return initial != null && RateConfigurationFacts.IsNumericLiteral(initial, out _) ? initial : null;
        }

        /// <summary>The literal a <c>default:</c> section yields (<c>return 1m;</c>, or <c>factor = 1m; break;</c>), or null.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? DefaultLiteral(ImmutableArray<ISwitchCaseOperation> sections)
        {
            foreach (var section in sections)
            {
                foreach (var clause in section.Clauses)
                {
                    if (clause.CaseKind == CaseKind.Default)
                    {
                        var body = section.Body;
                        return body.Length >= 1 && (body.Length == 1 || body[1] is IBranchOperation) ? LiteralYieldedBy(body[0]) : null;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Over an enum, a default that stands for declared members is a group ("every other class"), not a miss: the table
        /// misses a rate only when its keys name every member and the default catches values the enum does not declare.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool CoversEveryMember(ITypeSymbol? type, HashSet<object> keys)
        {
            type = type == null ? null : InsuranceContext.UnwrapNullable(type);
            if (type?.TypeKind != TypeKind.Enum)
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && !keys.Contains(field.ConstantValue!))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>yearsHeld switch { 0 =&gt; 1.45m, 1 =&gt; 1.30m, 2 =&gt; 1.18m, 3 or 4 =&gt; 1.08m, _ =&gt; 1.00m }</c>: whole numbers
        /// counted from 0 without a gap (claims, years held, convictions) are bands, and the default is "more than that",
        /// the top band. Codes and groups, which start elsewhere or leave gaps, stay lookups.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsCountBands(ITypeSymbol? type, HashSet<object> keys)
        {
            if (!InsuranceContext.IsIntegral(type))
            {
                return false;
            }

            for (long expected = 0; expected < keys.Count; expected++)
            {
                if (!keys.Any(k => k is System.IConvertible c && !(k is string) && !(k is bool) && c.ToInt64(System.Globalization.CultureInfo.InvariantCulture) == expected))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Two keys at least: a switch with one case and a default is an if/else, not a table.</summary>
        private const int MinimumKeys = 2;

        /// <summary>Adds the constants a key pattern (a constant, or an <c>or</c> of constants) matches; false for any other pattern.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool AddKeys(IPatternOperation pattern, HashSet<object> keys) => pattern switch
        {
            IConstantPatternOperation constant => AddKey(constant.Value, keys),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => AddKeys(or.LeftPattern, keys) && AddKeys(or.RightPattern, keys),
            _ => false,
        };

        /// <summary>Adds a case's constant key; false when the case is no constant (or is null, which no table looks up).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool AddKey(IOperation value, HashSet<object> keys)
        {
            if (!(value.ConstantValue.Value is { } key))
            {
                return false;
            }

            keys.Add(key);
            return true;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void ReportTableDefault(OperationContext context, InsuranceContext insurance, IOperation literal, IOperation result)
        {
            var settings = insurance.GetSettings(literal.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            if (!IsReportableLiteral(literal, settings))
            {
                return;
            }

            var kind = RateConfigurationFacts.KindOfConsumer(result, context.ContainingSymbol, insurance, out var name);
            if (kind != ValueKind.None)
            {
                Report(context, literal.Syntax, kind, name, literal.Syntax.ToString(), null, null);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCoalesce(OperationContext context, InsuranceContext insurance)
        {
            var owner = context.ContainingSymbol;
            var coalesce = (ICoalesceOperation)context.Operation;
            var settings = insurance.GetSettings(coalesce.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            if (!IsReportableLiteral(coalesce.WhenNull, settings))
            {
                return;
            }

            // match.Factor ?? match.Additive ?? 0m: the literal stands in for every value of the chain; the first one that
            // names what it is, or where the whole chain lands, says what is missing.
            IOperation chain = coalesce;
            var kind = RateConfigurationFacts.KindOfSource(coalesce.Value, insurance, settings, out var name);
            while (kind == ValueKind.None && chain.WalkUpConversions() is ICoalesceOperation outer && ReferenceEquals(outer.WhenNull.WalkDownConversions(), chain))
            {
                chain = outer;
                kind = RateConfigurationFacts.KindOfSource(outer.Value, insurance, settings, out name);
            }

            if (kind == ValueKind.None)
            {
                kind = RateConfigurationFacts.KindOfConsumer(chain, owner, insurance, out name);
            }

            if (kind != ValueKind.None && !IsTryOutPlaceholder(chain))
            {
                Report(context, coalesce.WhenNull.Syntax, kind, name, coalesce.WhenNull.Syntax.ToString(), CoalesceFix, coalesce.Value.Syntax.ToString());
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeGetValueOrDefault(OperationContext context, InsuranceContext insurance)
        {
            var owner = context.ContainingSymbol;
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name != "GetValueOrDefault")
            {
                if (method.Name.EndsWith("OrDefault", System.StringComparison.Ordinal))
                {
                    AnalyzeQueryOrDefault(context, insurance, invocation);
                }

                return;
            }

            var settings = insurance.GetSettings(invocation.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            bool nullable = method.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            var receiver = method.IsExtensionMethod || (method.IsStatic && invocation.Arguments.Length > 0) ? invocation.Arguments.FirstOrDefault()?.Value : invocation.Instance;
            if (receiver == null)
            {
                return;
            }

            // The fallback: the explicit last argument, or the type's default when it is left out.
            var fallback = invocation.Arguments.LastOrDefault(a => a.Parameter != null && a.Parameter.Name == "defaultValue");
            bool implicitDefault = fallback == null || fallback.ArgumentKind == ArgumentKind.DefaultValue;
            if (!nullable && (fallback == null && invocation.Arguments.Length < 2))
            {
                return; // not a dictionary lookup
            }

            if (!implicitDefault && !IsReportableLiteral(fallback!.Value, settings))
            {
                return;
            }

            if (implicitDefault && settings.AllowedFallbackValues.Contains(0m))
            {
                return;
            }

            var kind = Classify(receiver, invocation, owner, insurance, settings, out var name);
            if (kind == ValueKind.None || IsTryOutPlaceholder(invocation))
            {
                return;
            }

            var location = implicitDefault ? invocation.Syntax : fallback!.Value.Syntax;
            string shown = implicitDefault ? "0" : fallback!.Value.Syntax.ToString();
            string? fix = implicitDefault ? null : (nullable ? NullableFix : (invocation.Instance == null && HasTryGetValue(receiver.Type) && invocation.Syntax.ToString().StartsWith(receiver.Syntax.ToString(), System.StringComparison.Ordinal) ? DictionaryFix : null));
            string missing = nullable ? receiver.Syntax.ToString() : receiver.Syntax + "[" + (invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value.Syntax.ToString() : string.Empty) + "]";
            Report(context, location, kind, name, shown, fix, missing);
        }

        /// <summary>
        /// <c>rules.Where(r =&gt; r.Applies(cover)).Select(r =&gt; r.BasePrice(cover)).FirstOrDefault()</c>: a query of numbers that
        /// finds nothing gives 0 (or the literal given as its default), a price nobody filed.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeQueryOrDefault(OperationContext context, InsuranceContext insurance, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!(method.ContainingType is { Name: "Enumerable" or "Queryable" } linq) || linq.ContainingNamespace?.ToDisplayString() != "System.Linq" ||
                invocation.Type == null || invocation.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || !InsuranceContext.IsNumeric(invocation.Type) ||
                invocation.Arguments.Length == 0)
            {
                return;
            }

            var settings = insurance.GetSettings(invocation.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            var fallback = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "defaultValue" && a.ArgumentKind == ArgumentKind.Explicit);
            if (fallback != null ? !IsReportableLiteral(fallback.Value, settings) : settings.AllowedFallbackValues.Contains(0m))
            {
                return;
            }

            var kind = KindOfQuery(invocation.Arguments[0].Value, insurance, settings, out var name);
            if (kind == ValueKind.None)
            {
                kind = RateConfigurationFacts.KindOfConsumer(invocation, context.ContainingSymbol, insurance, out name);
            }

            if (kind != ValueKind.None)
            {
                Report(context, fallback?.Value.Syntax ?? invocation.Syntax, kind, name, fallback?.Value.Syntax.ToString() ?? "0", null, null);
            }
        }

        /// <summary>What a query's elements are: what its Select returns, else the collection it starts from (<c>_baseRates.Where(...)</c>).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ValueKind KindOfQuery(IOperation sequence, InsuranceContext insurance, InsuranceSettings settings, out string? name)
        {
            var current = sequence.WalkDownConversions();
            while (current is IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } step)
            {
                if (step.TargetMethod.Name == "Select" && step.Arguments.Length == 2 &&
                    step.Arguments[1].Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation selector } &&
                    selector.Body.Operations.LastOrDefault() is IReturnOperation { ReturnedValue: { } selected })
                {
                    name = selected.WalkDownConversions().GetReferencedSymbol()?.Name;
                    return selected.GetValueKind(insurance);
                }

                current = step.Arguments[0].Value.WalkDownConversions();
            }

            return RateConfigurationFacts.KindOfSource(current, insurance, settings, out name);
        }

        /// <summary>
        /// <c>rates.TryGetValue(k, out var r) ? r : 1m</c> and <c>if (!rates.TryGetValue(k, out var r)) return 1m;</c>, also for
        /// other Try* lookups and for a ContainsKey test (<c>if (rates.ContainsKey(k)) return rates[k]; return 1m;</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeTryGetValue(OperationContext context, InsuranceContext insurance, IConditionalOperation conditional, IOperation? nextStatement)
        {
            var owner = context.ContainingSymbol;
            var tryGet = FindLookup(conditional.Condition, insurance, false, out bool negated);
            if (tryGet == null)
            {
                return;
            }

            var settings = insurance.GetSettings(conditional.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);

            var whenMissing = nextStatement == null ? (negated ? conditional.WhenTrue : conditional.WhenFalse) : (negated ? null : nextStatement);

            var literal = LiteralYieldedBy(whenMissing);
            if (literal == null || !IsReportableLiteral(literal, settings))
            {
                return;
            }

            // The out variable names the value best ("out var factor"), then the dictionary, then where the result goes.
            var outArgument = tryGet.Arguments.LastOrDefault(a => a.Parameter?.RefKind == RefKind.Out);
            string? name = null;
            var kind = outArgument == null ? ValueKind.None : RateConfigurationFacts.KindOfSource(outArgument.Value, insurance, settings, out name);
            if (kind == ValueKind.None)
            {
                var dictionary = tryGet.Instance ?? tryGet.Arguments.FirstOrDefault()?.Value;

                // A ternary's value lands where the ternary goes (found ? (decimal)htRates[k] : 0.05m in a rate method),
                // unless what was looked up is a count (quotesByProducer's int): a table of counts holds no rates.
                kind = RateConfigurationFacts.KindOfSource(dictionary, insurance, settings, out name);
                if (kind == ValueKind.None && !InsuranceContext.IsIntegral(outArgument?.Value.Type))
                {
                    kind = RateConfigurationFacts.KindOfConsumer(conditional.Type != null ? conditional : literal, owner, insurance, out name);
                }
            }

            if (kind != ValueKind.None && !IsTryOutPlaceholder(conditional.Type != null ? conditional : literal))
            {
                Report(context, literal.Syntax, kind, name, literal.Syntax.ToString(), null, null);
            }
        }

        /// <summary>
        /// The Try*/ContainsKey lookup a condition tests, also as a conjunct of a guard (<c>ht != null &amp;&amp; ht.ContainsKey(k)</c>):
        /// when a conjunction fails the lookup may have missed. Not through <c>||</c>: there the other operand also picks the
        /// branch, so the literal may be a deliberate value rather than the miss's. <paramref name="negated"/> is true when
        /// the condition holds on the miss.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IInvocationOperation? FindLookup(IOperation condition, InsuranceContext insurance, bool outerNot, out bool negated)
        {
            negated = outerNot;
            switch (condition.WalkDownConversions())
            {
                case IUnaryOperation negation when negation.OperatorKind == UnaryOperatorKind.Not:
                    return FindLookup(negation.Operand, insurance, !outerNot, out negated);
                case IBinaryOperation conjunction when conjunction.OperatorKind == BinaryOperatorKind.ConditionalAnd:
                    return FindLookup(conjunction.LeftOperand, insurance, outerNot, out negated) ?? FindLookup(conjunction.RightOperand, insurance, outerNot, out negated);
                case IInvocationOperation call when IsTryLookup(call.TargetMethod) || IsKeyTest(call):
                    return call;
                default:
                    return EmptyQuery(condition, insurance, ref negated);
            }
        }

        /// <summary>
        /// <c>rows.Length == 0</c>, <c>rows.Count == 0</c>, <c>rows.Count() == 0</c>, <c>!rows.Any()</c>, <c>row == null</c>,
        /// <c>row is null</c> (or their "found" forms) where the local was filled by a query of a table whose name says it
        /// holds rates (<c>_dtOccupancyRates.Select(...)</c>, <c>_factors.Where(...).ToList()</c>,
        /// <c>rateTable.FirstOrDefault(...)</c>): the query found nothing. Returns the query; an input collection (a
        /// parameter, a member) is not a lookup, so an empty one is not a missing rate.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IInvocationOperation? EmptyQuery(IOperation condition, InsuranceContext insurance, ref bool negated)
        {
            IOperation? tested;
            bool missWhenTrue;
            switch (condition.WalkDownConversions())
            {
                case IBinaryOperation compare when compare.RightOperand.ConstantValue.HasValue:
                    tested = CountOrItself(compare.LeftOperand, out bool counted);
                    var constant = compare.RightOperand.ConstantValue.Value;
                    bool countIsZero = counted && constant is int count && count == 0;
                    if (countIsZero && (compare.OperatorKind == BinaryOperatorKind.Equals || compare.OperatorKind == BinaryOperatorKind.LessThanOrEqual))
                    {
                        missWhenTrue = true;
                    }
                    else if (countIsZero && (compare.OperatorKind == BinaryOperatorKind.NotEquals || compare.OperatorKind == BinaryOperatorKind.GreaterThan))
                    {
                        missWhenTrue = false;
                    }
                    else if (!counted && constant == null && (compare.OperatorKind == BinaryOperatorKind.Equals || compare.OperatorKind == BinaryOperatorKind.NotEquals))
                    {
                        missWhenTrue = compare.OperatorKind == BinaryOperatorKind.Equals;
                    }
                    else
                    {
                        return null;
                    }

                    break;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: { ConstantValue: { HasValue: true, Value: null } } } } isNull:
                    tested = isNull.Value;
                    missWhenTrue = true;
                    break;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: { ConstantValue: { HasValue: true, Value: null } } } } } notNull:
                    tested = notNull.Value;
                    missWhenTrue = false;
                    break;
                case IInvocationOperation any when any.TargetMethod.Name == "Any" && any.Arguments.Length == 1 && any.TargetMethod.IsExtensionMethod:
                    tested = any.Arguments[0].Value;
                    missWhenTrue = false;
                    break;
                default:
                    return null;
            }

            // chargeRates.Rows.Count > 0: a DataTable's rows.
            if (tested?.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Rows", Instance: { } rowsOf })
            {
                tested = rowsOf;
            }

            if (!(tested?.WalkDownConversions() is ILocalReferenceOperation local))
            {
                return null;
            }

            // The query reads a table named for rates, or fills a local named for them (DataTable chargeRates = GetQuery(...)).
            var settings = insurance.GetSettings(condition.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            if (!(local.InitialValue(condition.Root())?.WalkDownConversions() is IInvocationOperation query) ||
                !(QueriesRateTable(query, settings) || InsuranceContext.ClassifyName(local.Local.Name, settings) != ValueKind.None))
            {
                return null;
            }

            negated = missWhenTrue ? !negated : negated;
            return query;
        }

        /// <summary>The collection whose <c>Length</c>, <c>Count</c> or <c>Count()</c> this reads (counted), or the value itself.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation CountOrItself(IOperation operation, out bool counted)
        {
            counted = true;
            switch (operation.WalkDownConversions())
            {
                case IPropertyReferenceOperation { Property: { Name: "Length" } or { Name: "Count" }, Instance: { } instance }:
                    return instance;
                case IInvocationOperation { TargetMethod: { Name: "Count", IsExtensionMethod: true }, Arguments: { Length: 1 } arguments }:
                    return arguments[0].Value;
                default:
                    counted = false;
                    return operation;
            }
        }

        /// <summary>
        /// A query (Select, Where, Find, FirstOrDefault, a chain of them) of a table named for rates or factors: down the chain
        /// to the table, whose name decides (<c>_dtOccupancyRates</c>, <c>territoryFactors</c>, <c>RateTable</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool QueriesRateTable(IInvocationOperation query, InsuranceSettings settings)
        {
            IOperation? source = query;
            while (source is IInvocationOperation call)
            {
                source = (call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null))?.WalkDownConversions();
            }

            var table = source?.GetReferencedSymbol();
            return table != null && (table is IFieldSymbol || table is IPropertySymbol || table is ILocalSymbol || table is IParameterSymbol) &&
                InsuranceContext.ClassifyName(table.Name, settings) != ValueKind.None;
        }

        /// <summary>
        /// <c>rate = match ?? 0m;</c> in <c>bool TryGetRate(string key, out decimal rate)</c>: the Try convention. The bool
        /// reports the miss; the out value is a placeholder the caller does not read.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTryOutPlaceholder(IOperation fallback)
        {
            var value = fallback;
            while (value.Parent is IConversionOperation ||
                (value.Parent is ICoalesceOperation coalesce && ReferenceEquals(coalesce.WhenNull, value)) ||
                (value.Parent is IConditionalOperation conditional && (ReferenceEquals(conditional.WhenTrue, value) || ReferenceEquals(conditional.WhenFalse, value))))
            {
                value = value.Parent;
            }

            return value.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Value, value) &&
                assignment.Target is IParameterReferenceOperation target && target.Parameter.RefKind == RefKind.Out &&
                target.Parameter.ContainingSymbol is IMethodSymbol method && IsTryLookup(method);
        }

        /// <summary>
        /// <c>if (found) return r; return 1m;</c>: the miss is the statement after an <c>if</c> without <c>else</c>. It is
        /// looked at from the block, which holds both statements: a finding outside the operation whose action reported
        /// it would not be local to it, and the IDE drops such findings when it re-analyzes the member.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeFallThrough(OperationContext context, InsuranceContext insurance)
        {
            var statements = ((IBlockOperation)context.Operation).Operations;
            for (int i = 0; i < statements.Length; i++)
            {
                if (statements[i] is IConditionalOperation conditional)
                {
                    if (conditional.WhenFalse == null && i + 1 < statements.Length)
                    {
                        AnalyzeTryGetValue(context, insurance, conditional, statements[i + 1]);
                    }

                    if (i == 0 || !KeyChain.IsReturningRow(statements[i - 1]))
                    {
                        AnalyzeKeyChain(context, insurance, conditional, statements, i + 1);
                    }
                }
                else if (statements[i] is ITryOperation attempt && i + 1 < statements.Length)
                {
                    AnalyzeAfterCatch(context, insurance, attempt, statements[i + 1]);
                }
                else if (statements[i] is ISwitchOperation switchStatement && i + 1 < statements.Length)
                {
                    AnalyzeAfterSwitch(context, insurance, switchStatement, statements[i + 1]);
                }
            }
        }

        /// <summary>
        /// <c>switch (limit) { case 200000: return 1.15m; case 300000: return 1.24m; } return 1.00m;</c>: every section returns,
        /// so only a key the cases do not list reaches the literal after the switch, its default.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeAfterSwitch(OperationContext context, InsuranceContext insurance, ISwitchOperation switchStatement, IOperation next)
        {
            var sections = switchStatement.Cases;
            if (sections.Length < MinimumKeys || !(next is IReturnOperation { ReturnedValue: { } literal }) ||
                !RateConfigurationFacts.IsNumericLiteral(literal, out _))
            {
                return;
            }

            foreach (var section in sections)
            {
                if (!(section.Body.LastOrDefault() is IReturnOperation || (section.Body.Length >= 2 && section.Body[section.Body.Length - 1] is IBranchOperation && section.Body[section.Body.Length - 2] is IReturnOperation)))
                {
                    return;
                }
            }

            // No default: every label must be a key.
            if (IsKeyedTable(switchStatement.Value.Type, SectionKeys(sections, allowDefault: false)))
            {
                ReportTableDefault(context, insurance, literal, literal);
            }
        }

        /// <summary>
        /// <c>try { return table.Rate(k); } catch (Exception) { } return 0m;</c>: a handler that falls through to a literal
        /// return yields that literal on the failure, as <c>catch { return 0m; }</c> would.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeAfterCatch(OperationContext context, InsuranceContext insurance, ITryOperation attempt, IOperation next)
        {
            if (attempt.Catches.IsEmpty || !(next is IReturnOperation { ReturnedValue: { } literal }) || !UnderwritingSemantics.EndsInJump(attempt.Body))
            {
                return;
            }

            var settings = insurance.GetSettings(literal.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            if (!IsReportableLiteral(literal, settings))
            {
                return;
            }

            foreach (var handler in attempt.Catches)
            {
                if (!UnderwritingSemantics.EndsInJump(handler.Handler) && !ReportsTheMiss(handler.Handler, insurance, settings))
                {
                    var kind = RateConfigurationFacts.KindOfConsumer(literal, context.ContainingSymbol, insurance, out var name);
                    if (kind != ValueKind.None)
                    {
                        Report(context, literal.Syntax, kind, name, literal.Syntax.ToString(), null, null);
                    }

                    return;
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConditional(OperationContext context, InsuranceContext insurance)
        {
            var conditional = (IConditionalOperation)context.Operation;
            AnalyzeTryGetValue(context, insurance, conditional, null);

            // The ternary spelling of a keyed table (zone == "A" ? 1.2m : zone == "B" ? 1.4m : 1.0m), from its head; the
            // statement spelling is read from its block, which also holds the statements after it.
            if (conditional.Type != null && !(conditional.Parent is IConditionalOperation parent && parent.WhenFalse == conditional))
            {
                AnalyzeKeyChain(context, insurance, conditional, ImmutableArray<IOperation>.Empty, 0);
            }
        }

        /// <summary>
        /// A keyed table written as tests of one value against constants, each yielding a literal:
        /// <c>if (zone == "A") f = 1.2m; else if (zone == "B") f = 1.4m; else f = 1.0m;</c>, the same with <c>return</c>s and
        /// no <c>else</c> (<c>if (zone == "A") return 1.2m; if (zone == "B") return 1.4m; return 1.0m;</c>), or as a ternary.
        /// The last literal, or the local's initial value when no branch is left, is what a key not listed gets: the
        /// fallback of a switch with a default.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeKeyChain(OperationContext context, InsuranceContext insurance, IConditionalOperation head, ImmutableArray<IOperation> following, int next)
        {
            if (!KeyChain.MayBeRow(head))
            {
                return;
            }

            var chain = new KeyChain(head.Type != null);
            IOperation? rest = head;
            while (rest is IConditionalOperation row)
            {
                if (!chain.AddRow(row.Condition, row.WhenTrue))
                {
                    return;
                }

                rest = row.WhenFalse;
            }

            IOperation? fallback;
            if (rest != null)
            {
                fallback = chain.Yielded(rest);
            }
            else if (chain.Returns)
            {
                // if (...) return 1.2m; if (...) return 1.4m; return 1.0m;
                fallback = null;
                for (; next < following.Length; next++)
                {
                    if (!(following[next] is IConditionalOperation { WhenFalse: null } row))
                    {
                        fallback = chain.Yielded(following[next]);
                        break;
                    }

                    if (!chain.AddRow(row.Condition, row.WhenTrue))
                    {
                        return;
                    }
                }
            }
            else
            {
                fallback = chain.Target is ILocalSymbol ? chain.InitialValue(head) : null;
            }

            if (fallback != null && chain.Rows >= MinimumKeys && IsKeyedTable(chain.KeyType, chain.Keys))
            {
                ReportTableDefault(context, insurance, fallback, head.Type != null ? head : fallback);
            }
        }

        /// <summary>The rows of a keyed table written as conditions: one tested value, constant keys, a literal per row.</summary>
        private sealed class KeyChain
        {
            private readonly bool _ternary;
            private ISymbol? _key;
            private ILocalReferenceOperation? _assigned;

            public KeyChain(bool ternary) => _ternary = ternary;

            public HashSet<object> Keys { get; } = new HashSet<object>();

            public ITypeSymbol? KeyType { get; private set; }

            public int Rows { get; private set; }

            /// <summary>The rows return their values (rather than assign them to <see cref="Target"/>).</summary>
            public bool Returns { get; private set; }

            public ISymbol? Target { get; private set; }

            /// <summary><c>if (zone == "A") return 1.2m;</c>: a row of a chain whose later rows are the statements after it.</summary>
            [MethodImpl(HotPath.Optimize)]
            public static bool IsReturningRow(IOperation statement)
            {
                if (!(statement is IConditionalOperation { WhenFalse: null } row) || !MayBeRow(row))
                {
                    return false;
                }

                var chain = new KeyChain(false);
                return chain.AddRow(row.Condition, row.WhenTrue) && chain.Returns;
            }

            /// <summary>A cheap first test, before anything is allocated: the condition is an equality test and the branch yields a literal.</summary>
            [MethodImpl(HotPath.Optimize)]
            public static bool MayBeRow(IConditionalOperation row)
            {
                var yield = row.WhenTrue is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : row.WhenTrue;
                var value = yield switch
                {
                    IReturnOperation returned => returned.ReturnedValue,
                    IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } => assignment.Value,
                    _ => yield,
                };
                return value != null && value.WalkDownConversions() is ILiteralOperation or IUnaryOperation &&
                    row.Condition.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.ConditionalOr } or IIsPatternOperation or IInvocationOperation { TargetMethod.Name: "Equals" };
            }

            [MethodImpl(HotPath.Optimize)]
            public bool AddRow(IOperation condition, IOperation yield)
            {
                if (!AddKeys(condition) || Yielded(yield) == null)
                {
                    return false;
                }

                Rows++;
                return true;
            }

            /// <summary>The numeric literal a branch yields the same way as the rows before it (returned, assigned to the same target, or a ternary's arm).</summary>
            [MethodImpl(HotPath.Optimize)]
            public IOperation? Yielded(IOperation branch)
            {
                if (!_ternary && branch is IBlockOperation { Operations.Length: 1 } block)
                {
                    branch = block.Operations[0];
                }

                IOperation? value;
                ISymbol? target = null;
                switch (branch)
                {
                    case IReturnOperation { ReturnedValue: { } returned } when !_ternary && (Rows == 0 || Returns):
                        value = returned;
                        Returns = true;
                        break;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } when !_ternary && !Returns:
                        value = assignment.Value;
                        target = assignment.Target.GetReferencedSymbol();
                        if (target == null || (Target != null && !SymbolEqualityComparer.Default.Equals(target, Target)))
                        {
                            return null;
                        }

                        _assigned ??= assignment.Target as ILocalReferenceOperation;
                        Target = target;
                        break;
                    default:
                        value = _ternary ? branch : null;
                        break;
                }

                return value != null && RateConfigurationFacts.IsNumericLiteral(value, out _) ? value : null;
            }

            /// <summary>With no <c>else</c>, a key not listed leaves the assigned local as it was declared.</summary>
            [MethodImpl(HotPath.Optimize)]
            public IOperation? InitialValue(IOperation head) => LiteralInitialValueAt(_assigned, head);

            /// <summary><c>zone == "A"</c>, <c>"A" == zone</c>, <c>zone.Equals("A")</c>, <c>string.Equals(zone, "A", ...)</c>, <c>zone is "A" or "B"</c>, or an <c>||</c> of those.</summary>
            [MethodImpl(HotPath.Optimize)]
            private bool AddKeys(IOperation condition)
            {
                switch (condition.WalkDownConversions())
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                        return AddKeys(or.LeftOperand) && AddKeys(or.RightOperand);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                        return equals.RightOperand.ConstantValue.HasValue ? AddKey(equals.LeftOperand, equals.RightOperand) : AddKey(equals.RightOperand, equals.LeftOperand);
                    case IIsPatternOperation isPattern:
                        return Tested(isPattern.Value) && SilentFallbackForMissingRateAnalyzer.AddKeys(isPattern.Pattern, Keys);
                    case IInvocationOperation { TargetMethod.Name: "Equals" } call when call.Arguments.Length >= 1:
                        return call.Instance != null
                            ? AddKey(call.Instance, call.Arguments[0].Value)
                            : call.Arguments.Length >= 2 && (call.Arguments[1].Value.ConstantValue.HasValue ? AddKey(call.Arguments[0].Value, call.Arguments[1].Value) : AddKey(call.Arguments[1].Value, call.Arguments[0].Value));
                    default:
                        return false;
                }
            }

            [MethodImpl(HotPath.Optimize)]
            private bool AddKey(IOperation tested, IOperation key) => Tested(tested) && SilentFallbackForMissingRateAnalyzer.AddKey(key, Keys);

            /// <summary>Every row tests the same value; a bool has no key a test could miss.</summary>
            [MethodImpl(HotPath.Optimize)]
            private bool Tested(IOperation tested)
            {
                tested = tested.WalkDownConversions();
                var symbol = tested.GetReferencedSymbol();
                if (symbol == null || tested.ConstantValue.HasValue || tested.Type?.SpecialType == SpecialType.System_Boolean || (_key != null && !SymbolEqualityComparer.Default.Equals(symbol, _key)))
                {
                    return false;
                }

                _key = symbol;
                KeyType = tested.Type;
                return true;
            }
        }

        /// <summary>
        /// TryGetValue, or any other bool Try* method with an out value (a rate table's TryLookup, TryGetRate, TryParse):
        /// its false branch is the "not found" path whatever the method is called.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTryLookup(IMethodSymbol method)
        {
            if (method.ReturnType.SpecialType != SpecialType.System_Boolean || !method.Name.StartsWith("Try", System.StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.Out)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>rates.ContainsKey(k)</c>, or <c>Contains(k)</c> of a dictionary (Hashtable has no TryGetValue): the legacy
        /// "is the key there" test before reading <c>rates[k]</c>. A list's Contains is membership, not a lookup.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsKeyTest(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (call.Instance == null || method.ReturnType.SpecialType != SpecialType.System_Boolean || method.Parameters.Length != 1)
            {
                return false;
            }

            if (method.Name == "ContainsKey")
            {
                return true;
            }

            var type = call.Instance.Type;
            return method.Name == "Contains" && type != null && (IsDictionaryInterface(type) || type.AllInterfaces.Any(IsDictionaryInterface));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDictionaryInterface(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Interface && (type.Name == "IDictionary" || type.Name == "IReadOnlyDictionary") &&
            type.ContainingNamespace?.ToDisplayString() is string ns && (ns == "System.Collections" || ns == "System.Collections.Generic");

        /// <summary>
        /// A catch in a rate/money member that returns (or assigns to a rate) a literal, unless the handler also refers or
        /// declines the case, throws, or records the failure: then the literal is "no price", not a made-up rate.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCatch(OperationContext context, InsuranceContext insurance)
        {
            var owner = context.ContainingSymbol;
            var handler = ((ICatchClauseOperation)context.Operation).Handler;
            var settings = insurance.GetSettings(handler.Syntax.SyntaxTree, DiagnosticIds.SilentFallbackForMissingRate);
            bool? reportsMiss = null;
            foreach (var statement in handler.Operations)
            {
                ValueKind kind = ValueKind.None;
                string? name = null;
                IOperation? literal = null;
                if (statement is IReturnOperation ret && ret.ReturnedValue != null && IsReportableLiteral(ret.ReturnedValue, settings))
                {
                    literal = ret.ReturnedValue;
                    kind = RateConfigurationFacts.KindOfConsumer(literal, owner, insurance, out name);
                }
                else if (statement is IExpressionStatementOperation expression && expression.Operation is ISimpleAssignmentOperation assignment && IsReportableLiteral(assignment.Value, settings) && !IsTryOutPlaceholder(assignment.Value))
                {
                    literal = assignment.Value;
                    kind = RateConfigurationFacts.KindOfConsumer(literal, owner, insurance, out name);
                }

                if (literal != null && kind != ValueKind.None && !(reportsMiss ??= ReportsTheMiss(handler, insurance, settings)))
                {
                    Report(context, literal.Syntax, kind, name, literal.Syntax.ToString(), null, null);
                }
            }
        }

        /// <summary>
        /// The handler tells someone the rate is missing: it throws, makes a recording call (QG2002's notion: Add, Record,
        /// Refer, Fail..., not logging), or assigns an adverse or referral outcome to a decision or status.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ReportsTheMiss(IOperation handler, InsuranceContext insurance, InsuranceSettings settings)
        {
            foreach (var op in UnderwritingSemantics.DescendantsInSameFunction(handler))
            {
                switch (op)
                {
                    case IThrowOperation _:
                        return true;
                    case IInvocationOperation call when UnderwritingSemantics.IsRecordingCall(call.TargetMethod):
                        return true;
                    case ISimpleAssignmentOperation assignment when
                        (assignment.Target.Type?.SpecialType != SpecialType.System_String || UnderwritingSemantics.IsStringOutcome(assignment.Target)) &&
                        UnderwritingSemantics.IsAdverseOrFallback(assignment.Value, insurance, settings, boolIsDecision: false):
                        return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static ValueKind Classify(IOperation? source, IOperation result, ISymbol owner, InsuranceContext insurance, InsuranceSettings settings, out string? name)
        {
            var kind = RateConfigurationFacts.KindOfSource(source, insurance, settings, out name);
            return kind != ValueKind.None ? kind : RateConfigurationFacts.KindOfConsumer(result, owner, insurance, out name);
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsReportableLiteral(IOperation value, InsuranceSettings settings) =>
            RateConfigurationFacts.IsNumericLiteral(value, out var number) && !settings.AllowedFallbackValues.Contains(System.Math.Abs(number));

        [MethodImpl(HotPath.Optimize)]
        private static IOperation? LiteralYieldedBy(IOperation? branch)
        {
            switch (branch)
            {
                case IBlockOperation block when block.Operations.Length == 1:
                    return LiteralYieldedBy(block.Operations[0]);
                case IReturnOperation ret:
                    return ret.ReturnedValue;
                // if (!rates.TryGetValue(k, out rate)) rate = 1.5m; : the value lands in the assignment's target.
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }:
                    return assignment.Value;
                case null:
                    return null;
                default:
                    return branch is IExpressionStatementOperation ? null : branch; // a ternary's arm is the value itself
            }
        }

        /// <summary>
        /// <c>_promoDiscounts.GetValueOrDefault(promoCode)</c>: an unknown code gets no discount. A reduction that falls back
        /// to 0 charges the full price, the safe side, unlike a rate or a factor at 0 (a discount factor is a factor).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsNoReduction(string? name, string fallback) =>
            name != null && NameWords.HeadIs(NameWords.Split(name), ReductionWords) &&
            decimal.TryParse(fallback.TrimEnd('m', 'M', 'd', 'D', 'f', 'F'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value == 0;

        private static readonly string[] ReductionWords = { "discount", "discounts", "credit", "credits", "rebate", "rebates", "reduction", "reductions", "concession", "concessions", "allowance" };

        [MethodImpl(HotPath.Optimize)]
        private static bool HasTryGetValue(ITypeSymbol? type) =>
            type != null && (type.GetMembers("TryGetValue").Length > 0 || type.AllInterfaces.Any(i => i.GetMembers("TryGetValue").Length > 0));

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, SyntaxNode location, ValueKind kind, string? name, string fallback, string? fix, string? missing)
        {
            if (IsNoReduction(name, fallback))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (fix != null && missing != null)
            {
                properties = properties.Add(FixProperty, fix).Add(MessageProperty, "Missing " + (kind == ValueKind.Money ? "amount" : "rate") + ": " + missing);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SilentFallbackForMissingRate,
                location.GetLocation(),
                properties,
                RateConfigurationFacts.Describe(kind, name),
                fallback));
        }
    }
}
