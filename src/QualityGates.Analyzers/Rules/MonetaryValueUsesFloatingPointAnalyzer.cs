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
    /// <summary>QG1001: money declared as float/double, or a decimal amount converted to double, in pricing or underwriting code.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MonetaryValueUsesFloatingPointAnalyzer : InsuranceAnalyzer
    {
        private static readonly string[] ExternalContractAttributes = { "JsonProperty", "JsonPropertyName", "DataMember", "XmlElement", "XmlAttribute", "Column" };

        private static readonly ImmutableDictionary<string, string?> Fixable = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.FixableProperty, "true");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MonetaryValueUsesFloatingPoint);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeMember(c, insurance), SymbolKind.Field, SymbolKind.Property, SymbolKind.Method);

            context.RegisterScopedOperationAction(insurance, Scope.Any, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeLocal(c, insurance), OperationKinds.VariableDeclarator);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeConversion(c, insurance), OperationKinds.Conversion);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (c, _) => AnalyzeConvertCall(c, insurance), OperationKinds.Invocation);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeMember(SymbolAnalysisContext context, InsuranceContext insurance)
        {
            var symbol = context.Symbol;
            // The signature first: symbol actions run while the compiler is still declaring members, and the first rule to ask a
            // member's scope settles its whole type (attributes, names, settings). Most members hold no double or float; their
            // type's scope is then settled by the first body action in it, later and off this rule's clock (in builds this
            // rule's time fell by a third: docs/performance.md).
            if (symbol.IsImplicitlyDeclared || symbol.IsOverride || !HasFloatingPointInSignature(symbol) || !insurance.IsInScope(symbol) || IsExternalContract(symbol))
            {
                return;
            }

            switch (symbol)
            {
                case IFieldSymbol field:
                    var initializer = field.DeclaringSyntaxReferences.Length == 1 ? field.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) : null;
                    bool single = initializer?.Parent is VariableDeclarationSyntax declaration && declaration.Variables.Count == 1;
                    Check(context.ReportDiagnostic, insurance, field, field.Type, field.DeclaredAccessibility == Accessibility.Private && single);
                    break;
                case IPropertySymbol property when !property.IsIndexer && property.ExplicitInterfaceImplementations.IsEmpty && !InsuranceContext.ImplementsInterfaceMember(property) && !StatisticsWords.Matches(property.Name):
                    Check(context.ReportDiagnostic, insurance, property, property.Type, property.DeclaredAccessibility == Accessibility.Private);
                    break;
                case IMethodSymbol method when method.MethodKind == MethodKind.Ordinary && method.ExplicitInterfaceImplementations.IsEmpty && !InsuranceContext.ImplementsInterfaceMember(method):
                    // Return values and parameters change a signature: reported, but no automatic fix (suggest a decimal overload).
                    if (!StatisticsWords.Matches(method.Name))
                    {
                        Check(context.ReportDiagnostic, insurance, method, method.ReturnType, false);
                    }

                    CheckParameters(context, insurance, method);
                    break;
                case IMethodSymbol constructor when constructor.MethodKind == MethodKind.Constructor:
                    CheckParameters(context, insurance, constructor);
                    break;
            }
        }

        /// <summary>A record's positional parameter is its property, reported as such: not a second time as a parameter.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void CheckParameters(SymbolAnalysisContext context, InsuranceContext insurance, IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (!IsExternalContract(parameter) && !(method.MethodKind == MethodKind.Constructor && IsPositionalProperty(parameter)))
                {
                    Check(context.ReportDiagnostic, insurance, parameter, parameter.Type, false);
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsPositionalProperty(IParameterSymbol parameter)
        {
            var location = parameter.Locations.FirstOrDefault();
            return location != null && parameter.ContainingType.GetMembers(parameter.Name).Any(m => m is IPropertySymbol && m.Locations.Contains(location));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool HasFloatingPointInSignature(ISymbol symbol) => symbol switch
        {
            IFieldSymbol field => InsuranceContext.IsFloatingPoint(field.Type),
            IPropertySymbol property => InsuranceContext.IsFloatingPoint(property.Type),
            // Accessors are checked through their property; a loop, not Any: Parameters is a fresh array at each call, and
            // Any boxed it, on every method of the compilation.
            IMethodSymbol method => (method.MethodKind == MethodKind.Ordinary && InsuranceContext.IsFloatingPoint(method.ReturnType)) ||
                ((method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.Constructor) && HasFloatingPointParameter(method.Parameters)),
            _ => false,
        };

        [MethodImpl(HotPath.Optimize)]
        private static bool HasFloatingPointParameter(ImmutableArray<IParameterSymbol> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (InsuranceContext.IsFloatingPoint(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeLocal(OperationContext context, InsuranceContext insurance)
        {
            var declarator = (IVariableDeclaratorOperation)context.Operation;
            // The name test first: the initializer's tests below are only worth running on a local named as money.
            if (!InsuranceContext.IsFloatingPoint(declarator.Symbol.Type) || insurance.GetValueKind(declarator.Symbol) != ValueKind.Money)
            {
                return;
            }

            var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            if (PricingSemantics.IsStatisticalMath(initializer, insurance.Types) || IsRatioOfQuantities(initializer, insurance))
            {
                return;
            }

            bool single = declarator.Parent is IVariableDeclarationOperation declaration && declaration.Declarators.Length == 1;
            Check(context.ReportDiagnostic, insurance, declarator.Symbol, declarator.Symbol.Type, single);
        }

        /// <summary>
        /// <c>var netPremium = c.TermAssurance(x, n) / c.TemporaryAnnuityDue(x, n)</c>: a quotient of two values that are not money,
        /// divided by neither a constant nor a count or term, is a ratio (here a premium per unit of sum assured), whatever the
        /// local is called. Money divided by anything, and anything divided by a constant or an exposure, stays money.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsRatioOfQuantities(IOperation? initializer, InsuranceContext insurance)
        {
            if (!(initializer?.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division) ||
                division.LeftOperand.ConstantValue.HasValue ||
                division.LeftOperand.GetValueKind(insurance) == ValueKind.Money || division.RightOperand.GetValueKind(insurance) == ValueKind.Money)
            {
                return false;
            }

            return division.RightOperand.WalkDownConversions().GetReferencedSymbol() != null && !IsPerUnitDivisor(division.RightOperand);
        }

        /// <summary>A divisor that makes the quotient an amount per unit: a constant (<c>/ 12m</c>) or a count or term (<c>/ vehicles</c>).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsPerUnitDivisor(IOperation divisor) =>
            divisor.ConstantValue.HasValue || (divisor.WalkDownConversions().GetReferencedSymbol() is ISymbol symbol && PricingSemantics.IsExposureName(symbol.Name));

        /// <summary>
        /// Members that summarise amounts statistically (<c>Statistics</c>, <c>ReserveVariance</c>, <c>ClaimPercentiles</c>):
        /// a mean, deviation or quantile of money is an estimate in double by design (the catalog's statistical values), not
        /// an amount to book.
        /// </summary>
        private static readonly WordPatterns StatisticsWords = new WordPatterns(new[]
        {
            "statistic", "statistics", "stats", "variance", "deviation", "stddev", "stdev", "percentile*", "quantile*", "median", "mean", "average", "avg",
            "histogram", "correlation", "regression", "distribution", "dispersion", "skew*", "kurtosis",
        });

        /// <summary>
        /// A conversion of money to double that stores no amount: the argument of a logarithm, power or root (a model's
        /// <c>Math.Log10((double)sumInsured)</c> feature); a quotient by a decimal that is neither a constant nor a count or
        /// term (<c>(double)(incurred / earned)</c>: as likely a ratio of two amounts as an amount), or one side of a ratio of
        /// two amounts (<c>(double)premium / (double)quoted</c>); or a value that lands in
        /// a rate (<c>double lossRatio = ... ? 0.0 : (double)(...)</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsNotStoredAsMoney(IOperation conversion, IOperation operand, ISymbol owner, InsuranceContext insurance)
        {
            var parent = conversion.WalkUpConversions();
            if (parent is IArgumentOperation { Parent: IInvocationOperation call } && PricingSemantics.IsStatisticalMath(call, insurance.Types))
            {
                return true;
            }

            // (double)premium / (double)quoted, (double)incurred / (double)earned: both sides converted from decimal to be divided
            // into a ratio. Only a divisor that counts or is a constant (/ (double)vehicles) keeps an amount per unit.
            if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } ratio && IsFromDecimal(ratio.LeftOperand) && IsFromDecimal(ratio.RightOperand) &&
                (Unconverted(ratio.RightOperand).GetValueKind(insurance) == ValueKind.Money ||
                 (Unconverted(ratio.RightOperand).GetValueKind(insurance) == ValueKind.None && !IsPerUnitDivisor(Unconverted(ratio.RightOperand)))))
            {
                return true;
            }

            if (operand.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } quotient &&
                quotient.RightOperand.Type?.SpecialType == SpecialType.System_Decimal && quotient.RightOperand.GetValueKind(insurance) == ValueKind.None &&
                !IsPerUnitDivisor(quotient.RightOperand))
            {
                return true;
            }

            IOperation value = conversion;
            while (value.WalkUpConversions() is IConditionalOperation choice && !ReferenceEquals(choice.Condition, value))
            {
                value = choice;
            }

            // new CubeRow { EarnedPremium = (double)earnedPremium }: a member that is itself an accepted double (an external
            // contract, or one suppressed for this rule) was reported, or not, once, where it is declared.
            if (value.WalkUpConversions() is ISimpleAssignmentOperation { Target: var target } && target.GetReferencedSymbol() is { } member &&
                (member is IPropertySymbol || member is IFieldSymbol) && member.Locations.Any(l => l.IsInSource) && (IsExternalContract(member) || IsSuppressedHere(member)))
            {
                return true;
            }

            return !(value.WalkUpConversions() is IBinaryOperation) && RateConfigurationFacts.KindOfConsumer(value, owner, insurance, out _) == ValueKind.Rate;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConversion(OperationContext context, InsuranceContext insurance)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.OperatorMethod == null)
            {
                AnalyzeConversion(context, insurance, conversion, conversion.Operand);
            }
        }

        /// <summary><c>Convert.ToDouble(levyAmount)</c>, <c>decimal.ToDouble(premium)</c>: the cast spelled as a call.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConvertCall(OperationContext context, InsuranceContext insurance)
        {
            var call = (IInvocationOperation)context.Operation;
            if (IsConversionCall(call))
            {
                AnalyzeConversion(context, insurance, call, call.Arguments[0].Value);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsConversionCall(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            return (method.Name == "ToDouble" || method.Name == "ToSingle") && call.Arguments.Length == 1 && method.IsStatic &&
                (method.ContainingType.SpecialType == SpecialType.System_Decimal || (method.ContainingType.Name == "Convert" && method.ContainingType.ContainingNamespace?.Name == "System"));
        }

        /// <summary>A floating-point operand that is a decimal converted (<c>(double)earned</c>, <c>Convert.ToDouble(earned)</c>).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsFromDecimal(IOperation operand) =>
            operand.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single && Unconverted(operand).Type?.SpecialType == SpecialType.System_Decimal;

        /// <summary>What a cast or a conversion call converts.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation Unconverted(IOperation operation)
        {
            operation = operation.WalkDownConversions();
            return operation is IInvocationOperation call && IsConversionCall(call) ? call.Arguments[0].Value.WalkDownConversions() : operation;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeConversion(OperationContext context, InsuranceContext insurance, IOperation conversion, IOperation operand)
        {
            if (operand.Type?.SpecialType != SpecialType.System_Decimal ||
                !InsuranceContext.IsFloatingPoint(conversion.Type ?? insurance.Types.ObjectType) || operand.GetValueKind(insurance) != ValueKind.Money ||
                StatisticsWords.Matches(context.ContainingSymbol.Name) || IsNotStoredAsMoney(conversion, operand, context.ContainingSymbol, insurance))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MonetaryValueUsesFloatingPoint,
                conversion.Syntax.GetLocation(),
                PricingSemantics.Describe(operand),
                conversion.Type!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Check(System.Action<Diagnostic> report, InsuranceContext insurance, ISymbol symbol, ITypeSymbol type, bool fixable)
        {
            if (!InsuranceContext.IsFloatingPoint(type) || insurance.GetValueKind(symbol) != ValueKind.Money)
            {
                return;
            }

            var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
            if (location == null)
            {
                return;
            }

            report(Diagnostic.Create(
                DiagnosticDescriptors.MonetaryValueUsesFloatingPoint,
                location,
                fixable ? Fixable : null,
                symbol.Name,
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }

        /// <summary>[SuppressMessage("...", "QG1001:...", Justification = "...")] on the member.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSuppressedHere(ISymbol member) =>
            member.GetAttributes().Any(a => InsuranceContext.IsNamed(a, "SuppressMessage") && a.ConstructorArguments.Length >= 2 &&
                a.ConstructorArguments[1].Value is string checkId && checkId.StartsWith(DiagnosticIds.MonetaryValueUsesFloatingPoint, System.StringComparison.Ordinal));

        /// <summary>Serialized DTO members and interface implementations follow a contract someone else owns.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsExternalContract(ISymbol symbol) =>
            symbol.GetAttributes().Any(a => ExternalContractAttributes.Any(n => InsuranceContext.IsNamed(a, n)));

    }
}
