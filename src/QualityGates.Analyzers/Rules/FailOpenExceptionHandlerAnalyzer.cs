using System.Collections.Generic;
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
    /// <summary>QG2001: a catch in decision logic whose exit is a favourable outcome turns every error into an approval.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FailOpenExceptionHandlerAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property: Return, Assign or FallThrough, so the fix knows what to rewrite.</summary>
        public const string ExitKindProperty = "ExitKind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FailOpenExceptionHandler);

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
            bool decides = UnderwritingSemantics.IsDecisionFunction(function, insurance);
            bool boolDecision = UnderwritingSemantics.IsBoolDecision(function);
            var settings = insurance.GetSettings(syntax.SyntaxTree, DiagnosticIds.FailOpenExceptionHandler);
            string name = function?.Name ?? context.ContainingSymbol.Name;
            bool reported = false;

            foreach (var op in UnderwritingSemantics.DescendantsInSameFunction(clause.Handler))
            {
                IOperation? leaf = null;
                string kind = "Return";
                if (op is IReturnOperation ret && decides)
                {
                    leaf = UnderwritingSemantics.FindOutcomeLeaf(ret.ReturnedValue, insurance, settings, boolDecision, favourable: true);
                }
                else if (op is ISimpleAssignmentOperation assignment && (insurance.IsDecisionEnum(assignment.Target.Type) || UnderwritingSemantics.IsStringOutcome(assignment.Target)))
                {
                    leaf = UnderwritingSemantics.FindOutcomeLeaf(assignment.Value, insurance, settings, boolIsDecision: false, favourable: true);
                    kind = "Assign";
                }

                if (leaf != null)
                {
                    var properties = UnderwritingSemantics.FallbackProperties(leaf, settings).Add(ExitKindProperty, kind);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FailOpenExceptionHandler, leaf.Syntax.GetLocation(), properties, name, UnderwritingSemantics.Display(leaf)));
                    reported = true;
                }
            }

            if (!reported && decides && !UnderwritingSemantics.EndsInJump(clause.Handler))
            {
                var fallThrough = FavourableAfterTry(clause, insurance, settings, boolDecision);
                if (fallThrough != null)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(ExitKindProperty, "FallThrough");
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FailOpenExceptionHandler, UnderwritingSemantics.CatchHeaderLocation(syntax), properties, name, UnderwritingSemantics.Display(fallThrough)));
                }
            }
        }

        /// <summary>
        /// The favourable outcome a handler falls through to: the return right after the try statement, either of a
        /// favourable value or of a local initialised to one that the handler leaves untouched. A try that ends a loop's
        /// body falls through to the next iteration and, once the loop is done, to the statement after the loop:
        /// <c>foreach (var rule in rules) { try { ... } catch { log } } return Decision.Approve;</c> skips the failed rule
        /// and approves.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? FavourableAfterTry(ICatchClauseOperation clause, InsuranceContext insurance, InsuranceSettings settings, bool boolDecision)
        {
            if (!(clause.Parent is ITryOperation tryOperation))
            {
                return null;
            }

            IOperation statement = tryOperation;
            IBlockOperation? block;
            int index;
            while (true)
            {
                block = statement.Parent as IBlockOperation;
                index = block == null ? -1 : block.Operations.IndexOf(statement);
                bool endsLoopBody = block != null && index == block.Operations.Length - 1 && block.Parent is ILoopOperation loop && ReferenceEquals(loop.Body, block);
                if (!endsLoopBody && !(statement.Parent is ILoopOperation bodyOf && ReferenceEquals(bodyOf.Body, statement)))
                {
                    break;
                }

                statement = endsLoopBody ? block!.Parent! : statement.Parent!;
            }

            if (block == null || index < 0 || index + 1 >= block.Operations.Length || !(block.Operations[index + 1] is IReturnOperation next))
            {
                return null;
            }

            var direct = UnderwritingSemantics.FindOutcomeLeaf(next.ReturnedValue, insurance, settings, boolDecision, favourable: true);
            if (direct != null)
            {
                // reasons.Count == 0 ? Accept() : Refer(reasons), with reasons.Add(...) in the handler: the failure is recorded
                // where the return looks, so the handler's path does not reach the favourable outcome.
                return HandlerChangesItsCondition(clause.Handler, direct, next) ? null : direct;
            }

            // return decision; or return new Outcome(decision, reasons): the decision a result is built from.
            var value = next.ReturnedValue?.WalkDownConversions();
            var returned = value as ILocalReferenceOperation ?? CarriedDecision(value, insurance);
            if (returned == null)
            {
                return null;
            }

            bool handlerAssigns = UnderwritingSemantics.DescendantsInSameFunction(clause.Handler)
                .OfType<ISimpleAssignmentOperation>()
                .Any(a => a.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, returned.Local));
            if (handlerAssigns)
            {
                return null;
            }

            var declarator = block.Operations.Take(index).OfType<IVariableDeclarationGroupOperation>()
                .SelectMany(g => g.Declarations).SelectMany(d => d.Declarators)
                .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, returned.Local));
            var initializer = declarator?.Initializer?.Value ?? (declarator?.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            return UnderwritingSemantics.FindOutcomeLeaf(initializer, insurance, settings, boolDecision, favourable: true);
        }

        /// <summary>The decision-typed local a constructed result carries (<c>new Outcome(worst, reasons)</c>), or null.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ILocalReferenceOperation? CarriedDecision(IOperation? value, InsuranceContext insurance) =>
            value is IObjectCreationOperation creation
                ? creation.Arguments.Select(a => a.Value.WalkDownConversions()).OfType<ILocalReferenceOperation>().FirstOrDefault(l => insurance.IsDecisionEnum(l.Local.Type))
                : null;

        /// <summary>
        /// A local that a condition choosing the favourable leaf reads, and that the handler writes, increments, calls a
        /// method on (<c>reasons.Add(...)</c>) or passes by reference.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool HandlerChangesItsCondition(IBlockOperation handler, IOperation leaf, IReturnOperation ret)
        {
            var tested = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            for (var child = leaf; child != null && !ReferenceEquals(child, ret); child = child.Parent)
            {
                var condition = child.Parent switch
                {
                    IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, child) => conditional.Condition,
                    ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
                    _ => null,
                };
                foreach (var read in condition?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
                {
                    if (read is ILocalReferenceOperation local)
                    {
                        tested.Add(local.Local);
                    }
                }
            }

            if (tested.Count == 0)
            {
                return false;
            }

            foreach (var op in UnderwritingSemantics.DescendantsInSameFunction(handler))
            {
                var changed = op switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IInvocationOperation call => call.Instance,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };
                if (changed?.WalkDownConversions() is ILocalReferenceOperation target && tested.Contains(target.Local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
