using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2008: a branch whose condition reads only credit attributes and whose body declines, cancels or non-renews.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AdverseDecisionSolelyOnCreditAnalyzer : InsuranceAnalyzer
    {
        private const int MaxLocalDepth = 3;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AdverseDecisionSolelyOnCredit);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.Conditional);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationAnalysisContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is IConditionalOperation conditional))
            {
                return;
            }

            // Whether the condition rests on credit alone is the rarer answer and the cheaper question: ask it first.
            var settings = insurance.GetSettings(conditional.Syntax.SyntaxTree, DiagnosticIds.AdverseDecisionSolelyOnCredit);
            string? credit = null;
            if (!CreditOnly(conditional.Condition, settings, Root(conditional), ref credit, 0) || credit == null)
            {
                return;
            }

            var function = UnderwritingSemantics.EnclosingFunction(conditional, context.ContainingSymbol);
            bool boolDecision = UnderwritingSemantics.IsBoolDecision(function);
            bool isStatement = conditional.Type == null;
            var adverse = isStatement
                ? AdverseIn(conditional.WhenTrue, insurance, settings, boolDecision) ?? AdverseIn(conditional.WhenFalse, insurance, settings, boolDecision)
                : UnderwritingSemantics.FindOutcomeLeaf(conditional.WhenTrue, insurance, settings, boolDecision && IsReturned(conditional), favourable: false)
                    ?? UnderwritingSemantics.FindOutcomeLeaf(conditional.WhenFalse, insurance, settings, boolDecision && IsReturned(conditional), favourable: false);
            if (adverse == null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AdverseDecisionSolelyOnCredit, conditional.Condition.Syntax.GetLocation(), UnderwritingSemantics.Display(adverse), credit));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsReturned(IOperation operation) => operation.WalkUpConversions() is IReturnOperation;

        /// <summary>The adverse outcome a branch returns or assigns directly (not under a further condition, which adds a factor).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? AdverseIn(IOperation? branch, InsuranceContext insurance, InsuranceSettings settings, bool boolDecision)
        {
            var statements = branch is IBlockOperation block ? block.Operations : (branch == null ? ImmutableArray<IOperation>.Empty : ImmutableArray.Create(branch));
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case IReturnOperation ret:
                        var leaf = UnderwritingSemantics.FindOutcomeLeaf(ret.ReturnedValue, insurance, settings, boolDecision, favourable: false);
                        if (leaf != null)
                        {
                            return leaf;
                        }

                        break;
                    case IExpressionStatementOperation expression when expression.Operation is ISimpleAssignmentOperation assignment && insurance.IsDecisionEnum(assignment.Target.Type):
                        var assigned = UnderwritingSemantics.FindOutcomeLeaf(assignment.Value, insurance, settings, boolIsDecision: false, favourable: false);
                        if (assigned != null)
                        {
                            return assigned;
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>
        /// The declaration of a local: down from the method's root, always into the child that holds the declaration's span.
        /// Neither a walk of the whole method per condition nor the semantic model, whose lookups take locks the compiler's
        /// own binding holds in a parallel build. A declaration that is not a declarator (a pattern or out variable) gives null.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IVariableDeclaratorOperation? Declarator(ILocalReferenceOperation local, IOperation root)
        {
            var references = local.Local.DeclaringSyntaxReferences;
            if (references.Length != 1 || references[0].SyntaxTree != root.Syntax.SyntaxTree || !root.Syntax.Span.Contains(references[0].Span))
            {
                return null;
            }

            var span = references[0].Span;
            for (IOperation? current = root; current != null;)
            {
                if (current.Kind == OperationKind.VariableDeclarator && current.Syntax.Span == span)
                {
                    return (IVariableDeclaratorOperation)current;
                }

                IOperation? next = null;
                foreach (var child in current.ChildOperations)
                {
                    if (child.Syntax.Span.Contains(span))
                    {
                        next = child;
                        break;
                    }
                }

                current = next;
            }

            return null;
        }

        /// <summary>
        /// True when every value the condition reads is a credit attribute (or a local computed only from them); constants,
        /// static thresholds and <c>this</c> do not count as factors. Records the first credit attribute's name. Runs for
        /// every condition in scope, so it allocates nothing (no closures, no boxed enumerators).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool CreditOnly(IOperation operation, InsuranceSettings settings, IOperation root, ref string? credit, int depth)
        {
            var op = operation.WalkDownConversions();
            if (op.ConstantValue.HasValue || op is IInstanceReferenceOperation)
            {
                return true;
            }

            ISymbol? symbol = op.GetReferencedSymbol();
            if (symbol != null && settings.CreditAttributes.Matches(symbol.Name))
            {
                credit ??= symbol.Name;
                return true;
            }

            switch (op)
            {
                case IFieldReferenceOperation field when field.Field.IsStatic && (field.Field.IsReadOnly || field.Field.IsConst):
                    return true;
                case IMemberReferenceOperation member when member.Instance != null:
                    return CreditOnly(member.Instance, settings, root, ref credit, depth);
                case IMemberReferenceOperation _:
                    return false;
                case IParameterReferenceOperation _:
                    return false;
                case ILocalReferenceOperation local:
                    var initializer = Declarator(local, root)?.Initializer?.Value;
                    return initializer != null && depth < MaxLocalDepth && CreditOnly(initializer, settings, root, ref credit, depth + 1);
                case IInvocationOperation invocation:
                    if (invocation.Instance != null && !CreditOnly(invocation.Instance, settings, root, ref credit, depth))
                    {
                        return false;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (!CreditOnly(argument.Value, settings, root, ref credit, depth))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    foreach (var child in op.ChildOperations)
                    {
                        if (!CreditOnly(child, settings, root, ref credit, depth))
                        {
                            return false;
                        }
                    }

                    return true;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
