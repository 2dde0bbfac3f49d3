using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2003: a default branch, ?? fallback or missing-key default that yields a favourable outcome.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FavourableOutcomeAsFallbackAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property: SwitchDefault (only label of its section), SwitchArm, or Other.</summary>
        public const string FallbackKindProperty = "FallbackKind";

        private static readonly string[] ClassifierWords = { "risk", "class", "code", "decision", "tier", "category", "status", "type", "band", "group", "outcome", "grade" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FavourableOutcomeAsFallback);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeSwitch(c, insurance), OperationKinds.Switch);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeSwitchExpression(c, insurance), OperationKinds.SwitchExpression);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeCoalesce(c, insurance), OperationKinds.Coalesce);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeInvocation(c, insurance), OperationKinds.Invocation);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeConditional(c, insurance), OperationKinds.Conditional);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeFallThrough(c, insurance), OperationKinds.Block);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitch(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is ISwitchOperation switchOperation) || !IsClassifier(switchOperation.Value, insurance))
            {
                return;
            }

            foreach (var section in switchOperation.Cases)
            {
                if (section.Clauses.Any(c => c.CaseKind == CaseKind.Default))
                {
                    string kind = section.Clauses.Length == 1 ? "SwitchDefault" : "Other";
                    foreach (var statement in section.Body)
                    {
                        ReportBranch(context, insurance, statement, "switch default", kind);
                    }
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeSwitchExpression(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is ISwitchExpressionOperation switchExpression) || !IsClassifier(switchExpression.Value, insurance))
            {
                return;
            }

            foreach (var arm in switchExpression.Arms)
            {
                if (arm.Pattern is IDiscardPatternOperation && arm.Guard == null)
                {
                    Report(context, insurance, arm.Value, "switch expression's discard arm", "SwitchArm");
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCoalesce(OperationContext context, InsuranceContext insurance)
        {
            // requested ?? (map.TryGetValue(k, out var d) ? d : Decision.Approve): the lookup's miss is the fallback, reported once, as that.
            if (insurance.IsInScope(context.ContainingSymbol) && context.Operation is ICoalesceOperation coalesce && !IsTryGetValueTest(coalesce.WhenNull))
            {
                Report(context, insurance, coalesce.WhenNull, "?? fallback", "Other");
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeInvocation(OperationContext context, InsuranceContext insurance)
        {
            if (!(context.Operation is IInvocationOperation invocation) || invocation.TargetMethod.Name != "GetValueOrDefault" || !insurance.IsInScope(context.ContainingSymbol))
            {
                return;
            }

            var fallback = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "defaultValue" && a.ArgumentKind == ArgumentKind.Explicit);
            if (fallback != null)
            {
                Report(context, insurance, fallback.Value, "GetValueOrDefault default", "Other");
            }
        }

        /// <summary>
        /// The miss branch of <c>if (!map.TryGetValue(k, out v))</c>, <c>map.TryGetValue(k, out v) ? v : x</c>, or the statement
        /// after an <c>if (map.TryGetValue(k, out v))</c> whose body always leaves.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConditional(OperationContext context, InsuranceContext insurance)
        {
            if (insurance.IsInScope(context.ContainingSymbol))
            {
                AnalyzeTryGetValue(context, insurance, (IConditionalOperation)context.Operation, null);
            }
        }

        /// <summary>
        /// <c>if (map.TryGetValue(k, out var d)) return d; return Decision.Approve;</c>, looked at from the block that holds
        /// both statements, so that the finding lies inside the operation being analyzed (the IDE keeps only such findings
        /// when it re-analyzes a member).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeFallThrough(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol))
            {
                return;
            }

            var statements = ((IBlockOperation)context.Operation).Operations;
            for (int i = 0; i + 1 < statements.Length; i++)
            {
                if (statements[i] is IConditionalOperation conditional && conditional.WhenFalse == null)
                {
                    AnalyzeTryGetValue(context, insurance, conditional, statements[i + 1]);
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeTryGetValue(OperationContext context, InsuranceContext insurance, IConditionalOperation conditional, IOperation? nextStatement)
        {
            if (!IsTryGetValueTest(conditional, out bool negated))
            {
                return;
            }

            var miss = nextStatement == null ? (negated ? conditional.WhenTrue : conditional.WhenFalse)
                : (!negated && UnderwritingSemantics.EndsInJump(conditional.WhenTrue) ? nextStatement : null);

            if (miss == null)
            {
                return;
            }

            if (conditional.IsRef || conditional.Type == null)
            {
                ReportBranch(context, insurance, miss, "TryGetValue miss branch", "Other");
            }
            else
            {
                Report(context, insurance, miss, "TryGetValue miss branch", "Other");
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsTryGetValueTest(IOperation value) => value.WalkDownConversions() is IConditionalOperation conditional && IsTryGetValueTest(conditional, out _);

        /// <summary><c>map.TryGetValue(k, out var d) ? ...</c> or <c>if (!map.TryGetValue(...))</c>.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTryGetValueTest(IConditionalOperation conditional, out bool negated)
        {
            var condition = conditional.Condition.WalkDownConversions();
            negated = false;
            if (condition is IUnaryOperation unary && unary.OperatorKind == UnaryOperatorKind.Not)
            {
                negated = true;
                condition = unary.Operand.WalkDownConversions();
            }

            return condition is IInvocationOperation invocation && invocation.TargetMethod.Name == "TryGetValue";
        }

        /// <summary>Statements of a fallback branch: favourable returns of a deciding function and favourable decision assignments.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void ReportBranch(OperationContext context, InsuranceContext insurance, IOperation branch, string what, string kind)
        {
            foreach (var op in UnderwritingSemantics.DescendantsInSameFunction(branch))
            {
                if (op is IReturnOperation ret && ret.ReturnedValue != null)
                {
                    var function = UnderwritingSemantics.EnclosingFunction(ret, context.ContainingSymbol);
                    if (UnderwritingSemantics.IsDecisionFunction(function, insurance))
                    {
                        Report(context, insurance, ret.ReturnedValue, what, kind, UnderwritingSemantics.IsBoolDecision(function));
                    }
                    else if (function?.ReturnType.SpecialType == SpecialType.System_String)
                    {
                        // String status codes (legacy): default: return "Quoted"; only a favourable literal is reported.
                        Report(context, insurance, ret.ReturnedValue, what, kind, boolIsDecision: false);
                    }
                }
                else if (op is ISimpleAssignmentOperation assignment &&
                    (insurance.IsDecisionEnum(assignment.Target.Type) || UnderwritingSemantics.IsStringOutcome(assignment.Target)))
                {
                    Report(context, insurance, assignment.Value, what, kind, boolIsDecision: false);
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, InsuranceContext insurance, IOperation value, string what, string kind, bool? boolIsDecision = null)
        {
            var settings = insurance.GetSettings(value.Syntax.SyntaxTree, DiagnosticIds.FavourableOutcomeAsFallback);
            bool boolDecision = boolIsDecision ?? UnderwritingSemantics.IsBoolDecision(UnderwritingSemantics.EnclosingFunction(value, context.ContainingSymbol));
            var leaf = UnderwritingSemantics.FindOutcomeLeaf(value, insurance, settings, boolDecision, favourable: true);
            if (leaf == null)
            {
                return;
            }

            var properties = UnderwritingSemantics.FallbackProperties(leaf, settings).Add(FallbackKindProperty, kind);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FavourableOutcomeAsFallback, leaf.Syntax.GetLocation(), properties, what, UnderwritingSemantics.Display(leaf)));
        }

        /// <summary>A switched value that classifies a risk: an enum, or a code/class/tier/status-named value, also normalised (statusCode.Trim().ToLowerInvariant()).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsClassifier(IOperation value, InsuranceContext insurance)
        {
            // (insured, classCode) switch { ..., _ => Decision.Approve }: a tuple is classified by any of its elements.
            if (value.WalkDownConversions() is ITupleOperation tuple)
            {
                return tuple.Elements.Any(e => IsClassifier(e, insurance));
            }

            var type = value.WalkDownConversions().Type;
            if (type != null && InsuranceContext.UnwrapNullable(type).TypeKind == TypeKind.Enum)
            {
                return true;
            }

            var symbol = value.WalkDownStringMethods().GetReferencedSymbol();
            return symbol != null && NameWords.LastMatchingWordIndex(NameWords.Split(symbol.Name), ClassifierWords) >= 0;
        }
    }
}
