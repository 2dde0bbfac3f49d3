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
    /// QG1004 (opt-in): a Round result that flows (directly or through a local) into * or /, or into a += inside a loop,
    /// when the result of that chain is money. Round once at the end, unless the manual mandates the step.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IntermediateRoundingAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.IntermediateRounding);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterScopedBlock(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (block) =>
            {
                // Per-coverage and per-factor rounding mandated by the manual (ISO whole-dollar per coverage, NCCI mod to 2 dp).
                var settings = insurance.GetSettings(block.OwningSymbol, DiagnosticIds.IntermediateRounding);
                if (PricingSemantics.OwnerHasAttribute(block.OwningSymbol, "RoundingStep") || settings.AllowedIntermediateRounding.Contains(block.OwningSymbol.Name))
                {
                    return;
                }

                var all = block.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).ToList();
                foreach (var round in all.OfType<IInvocationOperation>().Where(i => PricingSemantics.IsRound(i.TargetMethod, insurance.Types)))
                {
                    if (PricingSemantics.IsAllocatedWithRemainder(round) || PricingSemantics.IsRoundToGrid(round))
                    {
                        continue;
                    }

                    // Math.Round(basePremium, 2) stored in "rounded" is still money, whatever the local is called.
                    bool moneyIn = round.Arguments.Length > 0 && round.Arguments[0].Value.GetValueKind(insurance) == ValueKind.Money;
                    var sink = FindSink(round, insurance, moneyIn, block.OwningSymbol);
                    var local = sink == null ? RoundedLocal(round) : null;
                    if (local != null && !settings.AllowedIntermediateRounding.Contains(local.Name))
                    {
                        sink = all.OfType<ILocalReferenceOperation>()
                            .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && MayReach(round, r))
                            .Select(r => FindSink(r, insurance, moneyIn, block.OwningSymbol))
                            .FirstOrDefault(s => s != null);
                    }

                    if (sink != null)
                    {
                        block.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IntermediateRounding, round.Syntax.GetLocation(), local?.Name ?? PricingSemantics.Describe(round), sink));
                    }
                }
            });

        /// <summary>The money the value feeds through * or / (or a loop-carried +=), described for the message; null if none.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? FindSink(IOperation value, InsuranceContext insurance, bool moneyIn, ISymbol owner)
        {
            var parent = value.WalkUpConversions();
            if (parent is ICompoundAssignmentOperation compound && compound.OperatorKind == BinaryOperatorKind.Add &&
                compound.Target.GetValueKind(insurance) == ValueKind.Money && IsInLoop(compound))
            {
                return PricingSemantics.Describe(compound.Target);
            }

            if (!(parent is IBinaryOperation binary) || (binary.OperatorKind != BinaryOperatorKind.Multiply && binary.OperatorKind != BinaryOperatorKind.Divide))
            {
                return null;
            }

            // var paise = gst * 100m: a rounded amount restated in minor units; decimal scales by a power of ten exactly.
            if (PricingSemantics.IsPowerOfTen(binary.OtherOperand(value)) &&
                !(binary.WalkUpConversions() is IBinaryOperation))
            {
                return null;
            }

            // Climb to the whole arithmetic chain and ask whether it is money.
            IOperation top = binary;
            for (var up = top.WalkUpConversions(); up is IBinaryOperation b && Semantics.OperationExtensions.IsArithmetic(b.OperatorKind); up = top.WalkUpConversions())
            {
                top = up;
            }

            // return Math.Round(annualChange * proRataFactor, 2, ...): the chain is rounded again on its way to where it lands.
            var consumer = top.WalkUpConversions();
            while (consumer is IArgumentOperation { Parent: IInvocationOperation outer } && PricingSemantics.IsRound(outer.TargetMethod, insurance.Types))
            {
                consumer = outer.WalkUpConversions();
            }

            switch (consumer)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target.GetValueKind(insurance) == ValueKind.Money:
                    return PricingSemantics.Describe(assignment.Target);
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator && insurance.GetValueKind(declarator.Symbol) == ValueKind.Money:
                    return declarator.Symbol.Name;
            }

            if (moneyIn || top.GetValueKind(insurance) == ValueKind.Money)
            {
                return PricingSemantics.Describe(top);
            }

            // ... returned from AdditionalPremium: the value is what the member is named for.
            return consumer is IReturnOperation ret ? PricingSemantics.MoneyMemberReturned(ret, owner, insurance)?.Name : null;
        }

        /// <summary>
        /// Whether the value stored at <paramref name="store"/> can be what <paramref name="read"/> reads: the read comes later,
        /// or both run in one loop, and the two are not in branches that exclude each other (the two arms of an if, two
        /// sections of a switch: <c>case 5: r = f * r; break; case 6: r = Math.Round(r, 2); break;</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool MayReach(IOperation store, IOperation read)
        {
            var storePath = new Dictionary<IOperation, IOperation>();
            for (IOperation child = store; child.Parent != null; child = child.Parent)
            {
                storePath[child.Parent] = child;
            }

            IOperation readChild = read;
            var common = read.Parent;
            while (common != null && !storePath.ContainsKey(common))
            {
                readChild = common;
                common = common.Parent;
            }

            if (common == null)
            {
                return true;
            }

            var storeChild = storePath[common];
            switch (common)
            {
                case IConditionalOperation conditional when (storeChild == conditional.WhenTrue && readChild == conditional.WhenFalse) || (storeChild == conditional.WhenFalse && readChild == conditional.WhenTrue):
                case ISwitchOperation _ when storeChild is ISwitchCaseOperation && readChild is ISwitchCaseOperation && storeChild != readChild:
                case ISwitchExpressionOperation _ when storeChild is ISwitchExpressionArmOperation && readChild is ISwitchExpressionArmOperation && storeChild != readChild:
                    return false;
            }

            // premium = Math.Round(f * premium, 2): the premium read inside is the value before the store.
            var stored = store.WalkUpConversions() is IAssignmentOperation or IVariableInitializerOperation ? store.WalkUpConversions()! : store;
            return read.Syntax.SpanStart >= stored.Syntax.Span.End || common is ILoopOperation || IsInLoop(common);
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsInLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is ILoopOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The local a Round result is stored in (var r = Math.Round(...); or r = Math.Round(...);).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ILocalSymbol? RoundedLocal(IOperation round)
        {
            switch (round.WalkUpConversions())
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local:
                    return local.Local;
                default:
                    return null;
            }
        }
    }
}
