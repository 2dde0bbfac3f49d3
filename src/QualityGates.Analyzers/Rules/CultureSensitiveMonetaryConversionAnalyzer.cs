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
    /// QG1007: decimal/double/float Parse and TryParse, Convert.ToDecimal/ToDouble of text, and ToString(), string
    /// interpolation, composite formatting (string.Format, StringBuilder.AppendFormat) or string concatenation of money,
    /// without a format provider, in pricing or underwriting code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CultureSensitiveMonetaryConversionAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Values of <see cref="PricingSemantics.KindProperty"/>: how the fix adds the provider.</summary>
        public const string AppendProvider = "Append";
        public const string InsertStylesAndProvider = "TryParse";
        public const string WrapInvariant = "Interpolation";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CultureSensitiveMonetaryConversion);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, _) =>
                {
                    if (insurance.Types.IFormatProvider != null)
                    {
                        AnalyzeInvocation(c, insurance, IsDisplayCode(c.ContainingSymbol));
                    }
                },
                OperationKinds.Invocation);
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, _) =>
                {
                    if (insurance.Types.IFormatProvider != null && !IsDisplayCode(c.ContainingSymbol))
                    {
                        AnalyzeInterpolation(c, insurance);
                    }
                },
                OperationKinds.InterpolatedString);
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, _) =>
                {
                    if (insurance.Types.IFormatProvider != null && !IsDisplayCode(c.ContainingSymbol))
                    {
                        AnalyzeConcatenation(c, insurance);
                    }
                },
                OperationKinds.BinaryOrCompoundAssignment);
        }

        /// <summary>
        /// "Premium: " + premium and text += premium call premium.ToString() with the current culture, exactly as
        /// premium.ToString() does. Reported on the money operand, so that each one in a chain is reported once.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConcatenation(OperationContext context, InsuranceContext insurance)
        {
            IOperation? value;
            IOperation? other = null;
            switch (context.Operation)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String:
                    value = binary.RightOperand;
                    other = binary.LeftOperand;
                    break;
                case ICompoundAssignmentOperation compound when compound.OperatorKind == BinaryOperatorKind.Add && compound.Type?.SpecialType == SpecialType.System_String:
                    value = compound.Value;
                    break;
                default:
                    return;
            }

            Report(context, insurance, value);
            if (other != null)
            {
                Report(context, insurance, other);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, InsuranceContext insurance, IOperation operand)
        {
            var money = operand.WalkDownConversions();
            if (ReferenceEquals(money, operand) || !IsMoneyValue(money, insurance))
            {
                // No conversion: the operand is already a string (or a nested concatenation, reported on its own).
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.KindProperty, string.Empty);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CultureSensitiveMonetaryConversion,
                money.Syntax.GetLocation(),
                properties,
                "The concatenation of '" + PricingSemantics.Describe(money) + "'"));
        }

        /// <summary>
        /// string.Format(format, ...) and StringBuilder.AppendFormat(format, ...) without a provider: the composite
        /// format of a money argument ({0}, {0:C}, {0:N2}) uses the current culture. Returns the first money argument.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? MoneyFormatArgument(IInvocationOperation invocation, InsuranceContext insurance)
        {
            var method = invocation.TargetMethod;
            bool composite = (method.Name == "Format" && method.IsStatic && method.ContainingType.SpecialType == SpecialType.System_String) ||
                (method.Name == "AppendFormat" && !method.IsStatic && method.ContainingType.Name == "StringBuilder" &&
                 method.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Text");
            if (!composite)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value.WalkDownConversions();
                if (value is IArrayCreationOperation array && array.Initializer != null)
                {
                    foreach (var element in array.Initializer.ElementValues)
                    {
                        var boxed = element.WalkDownConversions();
                        if (IsMoneyValue(boxed, insurance))
                        {
                            return boxed;
                        }
                    }
                }
                else if (!ReferenceEquals(value, argument.Value) && IsMoneyValue(value, insurance))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>A decimal or floating-point value that is money: what the current culture would format.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsMoneyValue(IOperation value, InsuranceContext insurance) =>
            PricingSemantics.IsDecimalOrFloatingPoint(value.Type) && value.GetValueKind(insurance) == ValueKind.Money;

        /// <summary>An override of ToString() is display code: the current culture is what the user reads.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsDisplayCode(ISymbol member) => member is IMethodSymbol m && m.IsOverride && m.Name == nameof(ToString) && m.Parameters.IsEmpty;

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeInvocation(OperationContext context, InsuranceContext insurance, bool display)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            // Name and type tests first: every invocation of pricing code passes here, and few are conversions.
            string? kind = null;
            string? styles = null;
            string? name = null;
            var containing = method.ContainingType.SpecialType;
            bool numeric = containing == SpecialType.System_Decimal || containing == SpecialType.System_Double || containing == SpecialType.System_Single;
            if (numeric && method.IsStatic && method.Name == "Parse")
            {
                kind = AppendProvider;
            }
            else if (numeric && method.IsStatic && method.Name == "TryParse")
            {
                // TryParse(s, out x) has no provider overload before .NET 7; the one with styles exists everywhere.
                // Span overloads without a provider are reported without a fix.
                kind = invocation.Arguments.Length == 2 ? InsertStylesAndProvider : string.Empty;
                styles = containing == SpecialType.System_Decimal
                    ? "System.Globalization.NumberStyles.Number"
                    : "System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands";
            }
            else if (WellKnownTypes.Is(method.ContainingType, insurance.Types.Convert) && IsConvertToFraction(method) && !IsBoxedNumber(invocation))
            {
                kind = AppendProvider;
            }
            else if (!display && !method.IsStatic && method.Name == nameof(ToString) && ReceiverOf(invocation) is IOperation receiver &&
                IsMoneyValue(receiver, insurance))
            {
                // Nullable<T>.ToString() has no provider overload: reported, but appending one would not compile.
                kind = receiver.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && !(invocation.Instance is IConditionalAccessInstanceOperation) ? string.Empty : AppendProvider;
                name = PricingSemantics.Describe(receiver) + ".ToString";
            }
            else if (!display && (method.Name == "Format" || method.Name == "AppendFormat") && MoneyFormatArgument(invocation, insurance) is IOperation formatted)
            {
                // The provider goes first (string.Format(provider, format, ...)): reported without a fix.
                kind = string.Empty;
                name = PricingSemantics.DisplayName(method) + " of '" + PricingSemantics.Describe(formatted) + "'";
            }

            if (kind == null || PricingSemantics.TakesFormatProvider(method, insurance.Types))
            {
                return;
            }

            name ??= PricingSemantics.DisplayName(method);

            var properties = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.KindProperty, kind);
            if (styles != null)
            {
                properties = properties.Add(PricingSemantics.ModeProperty, styles);
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CultureSensitiveMonetaryConversion, invocation.Syntax.GetLocation(), properties, name));
        }

        /// <summary>The value ToString() is called on: for premium?.ToString() the premium, not the conditional-access placeholder.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? ReceiverOf(IInvocationOperation invocation)
        {
            if (!(invocation.Instance is IConditionalAccessInstanceOperation))
            {
                return invocation.Instance;
            }

            for (var parent = invocation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull.DescendantsAndSelf().Contains(invocation))
                {
                    return access.Operation;
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeInterpolation(OperationContext context, InsuranceContext insurance)
        {
            var interpolated = (IInterpolatedStringOperation)context.Operation;
            var hole = interpolated.Parts.Select(HoleOf)
                .FirstOrDefault(e => e != null && IsMoneyValue(e, insurance));
            if (hole == null || ProviderChosenByConsumer(interpolated, insurance))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.KindProperty, WrapInvariant);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CultureSensitiveMonetaryConversion,
                interpolated.Syntax.GetLocation(),
                properties,
                "The interpolation of '" + PricingSemantics.Describe(hole) + "'"));
        }

        /// <summary>The formatted value of a hole: {premium}, or the AppendFormatted(premium) of a handler (sb.Append($"..."), custom handlers).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? HoleOf(IInterpolatedStringContentOperation part) => part switch
        {
            IInterpolationOperation interpolation => interpolation.Expression,
            IInterpolatedStringAppendOperation append when append.Kind == OperationKind.InterpolatedStringAppendFormatted &&
                append.AppendCall is IInvocationOperation call && call.Arguments.Length > 0 => call.Arguments[0].Value.WalkDownConversions(),
            _ => null,
        };

        /// <summary>FormattableString/IFormattable targets and handlers given a provider (string.Create(provider, $"...")) format later, with a chosen culture.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ProviderChosenByConsumer(IOperation interpolated, InsuranceContext insurance)
        {
            var parent = interpolated.Parent;
            while (parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IConversionOperation conversion:
                    return conversion.Type?.SpecialType != SpecialType.System_String && conversion.Type?.SpecialType != SpecialType.System_Object;
                case IInterpolatedStringHandlerCreationOperation handler:
                    return handler.HandlerCreation is IObjectCreationOperation creation && creation.Arguments.Any(a =>
                        a.Parameter != null && WellKnownTypes.Is(InsuranceContext.UnwrapNullable(a.Parameter.Type), insurance.Types.IFormatProvider) &&
                        !(a.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: null }));
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>Convert.ToDecimal(policy.SumInsured)</c> with an <c>int?</c>: the object overload was chosen only to box a number,
        /// which converts without text and so without a culture.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsBoxedNumber(IInvocationOperation invocation) =>
            invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is IConversionOperation { IsImplicit: true, Operand.Type: { } source } &&
            InsuranceContext.IsNumeric(source);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsConvertToFraction(IMethodSymbol method) =>
            (method.Name == "ToDecimal" || method.Name == "ToDouble" || method.Name == "ToSingle") && method.Parameters.Length == 1 &&
            (method.Parameters[0].Type.SpecialType == SpecialType.System_String || method.Parameters[0].Type.SpecialType == SpecialType.System_Object);
    }
}
