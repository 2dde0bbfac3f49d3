using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2002: a catch in rule evaluation that neither rethrows nor records the failure: the rule silently passes.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExceptionSwallowedInRuleEvaluationAnalyzer : InsuranceAnalyzer
    {
        private static readonly string[] RuleElementWords = { "rule", "check", "guideline", "criterion", "criteria", "validator", "validation" };

        /// <summary>Words of a bool that holds a pass: passed, isValid, ok.</summary>
        private static readonly string[] PassWords = { "pass", "passed", "passes", "ok", "valid", "success", "succeeded", "satisfied" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ExceptionSwallowedInRuleEvaluation);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.CatchClause);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is ICatchClauseOperation clause) || !(clause.Syntax is CatchClauseSyntax syntax))
            {
                return;
            }

            var function = UnderwritingSemantics.EnclosingFunction(clause, context.ContainingSymbol);
            if (!(IsInRuleLoop(clause) || IsRuleEvaluationMethod(function)) ||
                RecordsOrRethrows(clause.Handler, insurance, insurance.GetSettings(syntax.SyntaxTree, DiagnosticIds.ExceptionSwallowedInRuleEvaluation)))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExceptionSwallowedInRuleEvaluation, UnderwritingSemantics.CatchHeaderLocation(syntax), function == null || function.MethodKind == MethodKind.AnonymousFunction ? context.ContainingSymbol.Name : function.Name));
        }

        /// <summary>Inside <c>foreach (var rule in rules)</c> or a lambda <c>rule => ...</c> whose element type or name is like a rule, check or guideline.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsInRuleLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent != null && !(parent is ILocalFunctionOperation); parent = parent.Parent)
            {
                // rules.ForEach(rule => ...), Parallel.ForEach(rules, rule => ...): the lambda runs once per rule like a loop body.
                if (parent is IAnonymousFunctionOperation lambda)
                {
                    return lambda.Symbol.Parameters.Any(p => IsRuleName(p.Type.Name) || IsRuleName(p.Name));
                }

                if (parent is IForEachLoopOperation loop && loop.Locals.Any(l => IsRuleName(l.Type.Name) || IsRuleName(l.Name)))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsRuleName(string name) => NameWords.LastMatchingWordIndex(NameWords.Split(name), RuleElementWords) >= 0;

        /// <summary>Evaluate*, Check*, Apply*Rule* methods.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsRuleEvaluationMethod(IMethodSymbol? method)
        {
            if (method == null)
            {
                return false;
            }

            var words = NameWords.Split(method.Name);
            return words.Count > 0 && (words[0] == "evaluate" || words[0] == "check" || (words[0] == "apply" && words.Skip(1).Any(w => w.StartsWith("rule", StringComparison.Ordinal))));
        }

        /// <summary>A favourable outcome (Decision.Approve, "Approved"), or true stored in a bool named for a pass (passed, isEligible, ok).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsPass(IOperation value, IOperation? target, InsuranceContext insurance, InsuranceSettings settings)
        {
            if (Outcomes.GetFavourable(value, insurance, settings, boolIsDecision: false) != null)
            {
                return true;
            }

            var name = target?.GetReferencedSymbol()?.Name;
            return name != null && value.WalkDownConversions().ConstantValue is { HasValue: true, Value: true } &&
                (InsuranceContext.IsBoolVerdictName(name) || NameWords.Split(name).Any(w => PassWords.Contains(w)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNothing(IOperation value)
        {
            var op = value.WalkDownConversions();
            return op is IDefaultValueOperation || (op.ConstantValue.HasValue && op.ConstantValue.Value == null);
        }

        /// <summary>
        /// A throw, an assignment, a value returned, or a call that records (Add, Record, Refer, Fail...) and is not logging.
        /// An assignment or return of a pass (<c>passed = true;</c>, <c>result = Decision.Approve;</c>) records no failure.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool RecordsOrRethrows(IOperation handler, InsuranceContext insurance, InsuranceSettings settings)
        {
            foreach (var op in UnderwritingSemantics.DescendantsInSameFunction(handler))
            {
                switch (op)
                {
                    case IThrowOperation _:
                    case IAssignmentOperation assignment when !(assignment.Target is IDiscardOperation) && !IsPass(assignment.Value, assignment.Target, insurance, settings):
                    // return null / default records nothing: rules.Select(rule => { try { ... } catch { return null; } }).OfType<T>()
                    // drops the failed rule as if it had never run.
                    case IReturnOperation ret when ret.ReturnedValue != null && !IsNothing(ret.ReturnedValue) && !IsPass(ret.ReturnedValue, null, insurance, settings):
                        return true;
                    case IInvocationOperation invocation when UnderwritingSemantics.IsRecordingCall(invocation.TargetMethod):
                        return true;
                }
            }

            return false;
        }
    }
}
