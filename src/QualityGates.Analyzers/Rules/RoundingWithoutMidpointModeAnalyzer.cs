using System;
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
    /// QG1002: Math.Round/decimal.Round without a MidpointRounding argument (banker's rounding by default), or with a mode
    /// other than the configured qualitygates_rounding_mode, in pricing code or on money and rates in underwriting code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RoundingWithoutMidpointModeAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RoundingWithoutMidpointMode);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            // Outside pricing and underwriting scope MA0193 covers generic rounding.
            // The names of MidpointRounding's members by value, read from the referenced framework on first use.
            var modeNames = new Lazy<Dictionary<object, string>>(() => ModeNames(insurance.Types.MidpointRounding!));
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, scope) =>
                {
                    if (insurance.Types.MidpointRounding != null)
                    {
                        Analyze(c, insurance, scope, modeNames);
                    }
                },
                OperationKinds.Invocation);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance, Scope scope, Lazy<Dictionary<object, string>> modeNames)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!PricingSemantics.IsRound(invocation.TargetMethod, insurance.Types) || invocation.Arguments.Length == 0)
            {
                return;
            }

            // Underwriting code rounds scores and ratios too: there only money and rates matter. In pricing code a double or
            // float that is neither is a measurement or a statistic (engine litres, a BMI, a display score; money held in
            // double is QG1001's finding), unless it is rounded to two places, the minor unit of most currencies.
            // The value's kind is asked last: it is the costly test, and most rounding in pricing code is of decimals.
            var rounded = invocation.Arguments[0].Value;
            bool mayBeMeasurement = (scope & Scope.Pricing) == 0 ||
                (InsuranceContext.IsFloatingPoint(rounded.WalkDownConversions().Type ?? insurance.Types.ObjectType) && !RoundsToCents(invocation));
            if (mayBeMeasurement && !rounded.IsMoneyOrRate(insurance))
            {
                return;
            }

            var modeArgument = invocation.FindArgument(insurance.Types.MidpointRounding);
            if (modeArgument == null && IsWholeNumber(rounded))
            {
                return;
            }

            var settings = insurance.GetSettings(invocation.Syntax.SyntaxTree, DiagnosticIds.RoundingWithoutMidpointMode);
            string used;
            if (modeArgument == null)
            {
                used = "the default MidpointRounding.ToEven (banker's rounding)";
            }
            else
            {
                // Without a policy any explicit mode is a deliberate choice (statistics, NodaMoney-style banker's rounding).
                var name = ModeName(modeArgument.Value, modeNames.Value);
                if (settings.RoundingPolicy == null || name == null || name == settings.RoundingPolicy)
                {
                    return;
                }

                used = "MidpointRounding." + name;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.ModeProperty, settings.RoundingModeForFix);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RoundingWithoutMidpointMode,
                invocation.Syntax.GetLocation(),
                properties,
                PricingSemantics.DisplayName(invocation.TargetMethod),
                used,
                // Only a configured policy is "what the tariff requires"; without one, say what to do, not what is required.
                settings.RoundingPolicy != null
                    ? "the tariff requires MidpointRounding." + settings.RoundingPolicy
                    : "state the midpoint mode the tariff requires (half-up is MidpointRounding.AwayFromZero)"));
        }

        /// <summary>
        /// <c>Math.Round((decimal)count, 2)</c>, or a local that only ever holds a converted integer: a whole number has no
        /// midpoint, so no mode changes the result.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsWholeNumber(IOperation value)
        {
            var operand = value;
            while (operand is IConversionOperation conversion)
            {
                if (InsuranceContext.IsIntegral(conversion.Operand.Type))
                {
                    return true;
                }

                operand = conversion.Operand;
            }

            return operand is ILocalReferenceOperation local && local.SingleValue(local.Root()) is { } single && !ReferenceEquals(single, value) &&
                (InsuranceContext.IsIntegral(single.Type) || (single is IConversionOperation && IsWholeNumber(single)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool RoundsToCents(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Int32 && argument.Value.TryGetNumericConstant(out var digits))
                {
                    return digits == 2;
                }
            }

            return false;
        }

        /// <summary>The enum member a constant MidpointRounding argument names; null when not constant.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? ModeName(IOperation value, Dictionary<object, string> modeNames)
        {
            var constant = value.WalkDownConversions().ConstantValue;
            return constant.HasValue && constant.Value != null && modeNames.TryGetValue(constant.Value, out var name) ? name : null;
        }

        /// <summary>Once per compilation: each field's constant is boxed anew on every read.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static Dictionary<object, string> ModeNames(INamedTypeSymbol midpointRounding)
        {
            var names = new Dictionary<object, string>();
            foreach (var field in midpointRounding.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && field.ConstantValue != null && !names.ContainsKey(field.ConstantValue))
                {
                    names.Add(field.ConstantValue, field.Name);
                }
            }

            return names;
        }
    }
}
