using System;
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
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.Conditional);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is IConditionalOperation conditional))
            {
                return;
            }

            // Whether the condition rests on credit alone is the rarer answer and the cheaper question: ask it first.
            var settings = insurance.GetSettings(conditional.Syntax.SyntaxTree, DiagnosticIds.AdverseDecisionSolelyOnCredit);
            string? credit = null;
            if (!CreditOnly(conditional.Condition, settings, conditional.Root(), ref credit, 0) || credit == null)
            {
                return;
            }

            var function = UnderwritingSemantics.EnclosingFunction(conditional, context.ContainingSymbol);
            bool boolDecision = UnderwritingSemantics.IsBoolDecision(function);
            bool isStatement = conditional.Type == null;
            var adverse = isStatement
                ? AdverseIn(conditional.WhenTrue, insurance, settings, boolDecision) ?? AdverseIn(conditional.WhenFalse, insurance, settings, boolDecision)
                : AdverseThrow(conditional.WhenTrue, settings) ?? AdverseThrow(conditional.WhenFalse, settings) ??
                    UnderwritingSemantics.FindOutcomeLeaf(conditional.WhenTrue, insurance, settings, boolDecision && IsReturned(conditional), favourable: false) ??
                    UnderwritingSemantics.FindOutcomeLeaf(conditional.WhenFalse, insurance, settings, boolDecision && IsReturned(conditional), favourable: false);
            if (adverse == null)
            {
                return;
            }

            var display = adverse is IThrowOperation thrown ? "throw new " + thrown.Exception!.WalkDownConversions().Type!.Name : UnderwritingSemantics.Display(adverse);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AdverseDecisionSolelyOnCredit, conditional.Condition.Syntax.GetLocation(), display, credit));
        }

        /// <summary>
        /// A throw of an exception that names an adverse outcome (DeclinedException, UnderwritingRejectedException, or one
        /// derived from such a type): a decline signalled by exception instead of returned.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? AdverseThrow(IOperation? operation, InsuranceSettings settings)
        {
            if (!(operation?.WalkDownConversions() is IThrowOperation thrown) || !(thrown.Exception?.WalkDownConversions() is IObjectCreationOperation creation))
            {
                return null;
            }

            for (var type = creation.Type as INamedTypeSymbol; type != null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                foreach (var word in NameWords.Split(type.Name))
                {
                    if (settings.IsAdverse(word))
                    {
                        return thrown;
                    }
                }
            }

            return null;
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
                // throw new DeclinedException(...): a statement, in the tree as an expression statement or a throw.
                if (AdverseThrow(statement is IExpressionStatementOperation thrown ? thrown.Operation : statement, settings) is { } adverseThrow)
                {
                    return adverseThrow;
                }

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
            if (symbol != null && settings.CreditAttributes.Matches(symbol.Name) && !IsInsurersOwnCredit(symbol.Name))
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
                case IIsPatternOperation isPattern:
                    // a is { CreditScore: < MinScore } reads a.CreditScore: the matched value is only the receiver of the
                    // members the pattern reads, and a factor only where the pattern tests it directly.
                    bool inputIsCredit = CreditOnly(isPattern.Value, settings, root, ref credit, depth);
                    return PatternCreditOnly(isPattern.Pattern, inputIsCredit, settings, root, ref credit, depth);
                case ILocalReferenceOperation local:
                    switch (depth < MaxLocalDepth ? local.FindDeclaration(root) : null)
                    {
                        case IVariableDeclaratorOperation declarator:
                            var initializer = declarator.Initializer?.Value;
                            return initializer != null && CreditOnly(initializer, settings, root, ref credit, depth + 1);
                        case IPatternOperation pattern:
                            return BoundCreditOnly(pattern, settings, root, ref credit, depth + 1);
                        default:
                            return false;
                    }
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

        /// <summary>
        /// The insurer's own credit offer, not credit information about the applicant: the charge or rate of an instalment
        /// plan's credit agreement (<c>CreditChargeRate</c>, <c>CreditAgreementApr</c>), a credit note or card.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsInsurersOwnCredit(string name)
        {
            var words = NameWords.Split(name);
            for (int i = 0; i + 1 < words.Count; i++)
            {
                if (words[i] == "credit" && Array.IndexOf(OwnCreditHeads, words[i + 1]) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] OwnCreditHeads = { "charge", "charges", "agreement", "agreements", "apr", "note", "notes", "card", "cards", "facility" };

        /// <summary>
        /// True when the local a pattern binds holds credit: <c>a.CreditScore is { } score</c> (the matched value is credit),
        /// <c>a is { CreditScore: var score }</c> (the member is, by name), <c>a.CreditReport is { Score: var s }</c> (a
        /// member of a credit value).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool BoundCreditOnly(IPatternOperation pattern, InsuranceSettings settings, IOperation root, ref string? credit, int depth)
        {
            for (IPatternOperation? current = pattern; current != null;)
            {
                var matched = PatternBindings.MatchedValue(current, out var enclosing);
                if (matched == null)
                {
                    return false;
                }

                if (enclosing == null)
                {
                    return CreditOnly(matched, settings, root, ref credit, depth);
                }

                // A member read from the pattern's input ({ Report.Score: var s } reads Report, then Score): credit when one is.
                for (var member = matched.WalkDownConversions() as IMemberReferenceOperation; member != null; member = member.Instance?.WalkDownConversions() as IMemberReferenceOperation)
                {
                    if (settings.CreditAttributes.Matches(member.Member.Name))
                    {
                        credit ??= member.Member.Name;
                        return true;
                    }
                }

                current = enclosing;
            }

            return false;
        }

        /// <summary>
        /// True when every value the pattern tests is credit: a value it compares, negates or type-tests must be credit
        /// itself (<paramref name="inputIsCredit"/>); a property subpattern moves to the member, which is credit when its
        /// name matches the list or it is a member of a credit value. Presence (<c>{ }</c>, <c>var x</c>, <c>_</c>) is no factor.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool PatternCreditOnly(IPatternOperation pattern, bool inputIsCredit, InsuranceSettings settings, IOperation root, ref string? credit, int depth)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return inputIsCredit && CreditOnly(constant.Value, settings, root, ref credit, depth);
                case IRelationalPatternOperation relational:
                    return inputIsCredit && CreditOnly(relational.Value, settings, root, ref credit, depth);
                case INegatedPatternOperation negated:
                    return PatternCreditOnly(negated.Pattern, inputIsCredit, settings, root, ref credit, depth);
                case IBinaryPatternOperation binary:
                    return PatternCreditOnly(binary.LeftPattern, inputIsCredit, settings, root, ref credit, depth) &&
                        PatternCreditOnly(binary.RightPattern, inputIsCredit, settings, root, ref credit, depth);
                case IDiscardPatternOperation _:
                    return true;
                case IDeclarationPatternOperation _:
                case ITypePatternOperation _:
                    return inputIsCredit || !IsTypeTest(pattern);
                case IRecursivePatternOperation recursive:
                    if (!inputIsCredit && IsTypeTest(recursive))
                    {
                        return false;
                    }

                    foreach (var positional in recursive.DeconstructionSubpatterns)
                    {
                        if (!PatternCreditOnly(positional, inputIsCredit, settings, root, ref credit, depth))
                        {
                            return false;
                        }
                    }

                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        var member = subpattern.Member.GetReferencedSymbol();
                        bool memberIsCredit = member != null && settings.CreditAttributes.Matches(member.Name);
                        if (memberIsCredit)
                        {
                            credit ??= member!.Name;
                        }

                        if (!PatternCreditOnly(subpattern.Pattern, inputIsCredit || memberIsCredit, settings, root, ref credit, depth))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return inputIsCredit;
            }
        }

        /// <summary>A pattern that narrows its input to another type (<c>a is Commercial { ... }</c>): the type is a factor.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTypeTest(IPatternOperation pattern) =>
            !SymbolEqualityComparer.Default.Equals(InsuranceContext.UnwrapNullable(pattern.InputType), InsuranceContext.UnwrapNullable(pattern.NarrowedType));
    }
}
