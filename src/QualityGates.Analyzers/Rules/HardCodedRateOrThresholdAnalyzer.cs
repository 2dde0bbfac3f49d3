using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG1006: a numeric literal multiplied, divided, added or subtracted with money or a rate in pricing code, or compared
    /// in underwriting code (age &gt; 30, claims &gt;= 3, also as a relational pattern: { Claims: &gt;= 3 }, age switch { &gt; 30 => ... }).
    /// A literal branch of a ?: operand counts as an operand (basePremium * (age &lt; 25 ? 1.6m : 1m)). 0, ±1, the allowed
    /// literals, named constants and a fixed-year divisor that QG3003 reports (premium * days / 365) are fine.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedRateOrThresholdAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardCodedRateOrThreshold);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (c, scope) =>
                {
                    // The initializer of a const or static readonly field is where a named rate belongs.
                    if (!IsNamedConstantInitializer(c.ContainingSymbol))
                    {
                        Analyze(c, insurance, scope);
                    }
                },
                OperationKinds.BinaryOrCompoundAssignment);

            // A relational pattern is the same comparison as age > 30, written as a rule table row.
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Underwriting,
                [MethodImpl(HotPath.Optimize)] (c, scope) =>
                {
                    if (!IsNamedConstantInitializer(c.ContainingSymbol))
                    {
                        var pattern = (IRelationalPatternOperation)c.Operation;
                        Check(c, insurance, pattern.OperatorKind, pattern.Value, TestedValue(pattern), "threshold");
                    }
                },
                OperationKinds.RelationalPattern);
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNamedConstantInitializer(ISymbol symbol) =>
            symbol is IFieldSymbol field && (field.IsConst || (field.IsStatic && field.IsReadOnly));

        /// <summary>
        /// What a relational pattern compares: the member of its property subpattern, or the value of the is/switch it
        /// belongs to (through and/or/not). Only names the constant the fix extracts; the pattern itself when none is found.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation TestedValue(IRelationalPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is IBinaryPatternOperation || current.Parent is INegatedPatternOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IPropertySubpatternOperation property: return property.Member;
                case IIsPatternOperation isPattern: return isPattern.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }: return switchExpression.Value;
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } }: return switchStatement.Value;
                default: return pattern;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance, Scope scope)
        {
            // premium *= 1.15m is premium = premium * 1.15m: the target is never a literal, so only the value is one.
            if (!context.Operation.TryGetArithmetic(out var kind, out var left, out var right))
            {
                return;
            }

            string? what;
            if ((scope & Scope.Pricing) != 0 && IsPricingArithmetic(kind))
            {
                what = null;
            }
            else if ((scope & Scope.Underwriting) != 0 && IsRelational(kind))
            {
                what = "threshold";
            }
            else
            {
                return;
            }

            Check(context, insurance, kind, left, right, what);

            // premium * days / 365: the 365 is a day-count basis, QG3003's finding (and its allowed_daycount_basis).
            if (what != null || kind != BinaryOperatorKind.Divide || !DateTimeFacts.IsFixedYearProration(context.Operation, insurance, out _, out _))
            {
                Check(context, insurance, kind, right, left, what);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Check(OperationContext context, InsuranceContext insurance, BinaryOperatorKind operatorKind, IOperation literal, IOperation other, string? what)
        {
            // basePremium * (age < 25 ? 1.6m : 1m): each branch is the operand in its case, so a branch literal is checked
            // as one; the neutral branch (0, ±1, an allowed literal) stays unreported like any such literal.
            if (literal.WalkDownConversions() is IConditionalOperation conditional && conditional.WhenFalse != null)
            {
                Check(context, insurance, operatorKind, conditional.WhenTrue, other, what);
                Check(context, insurance, operatorKind, conditional.WhenFalse, other, what);
                return;
            }

            if (!PricingSemantics.IsNumericLiteral(literal, out var value) || value == 0 || value == 1 || value == -1 || other.ConstantValue.HasValue)
            {
                return;
            }

            if (what == null)
            {
                var kind = other.GetValueKind(insurance);
                if (kind == ValueKind.None)
                {
                    return;
                }

                bool additive = operatorKind == BinaryOperatorKind.Add || operatorKind == BinaryOperatorKind.Subtract;
                what = additive && kind == ValueKind.Money ? "amount" : "rate or factor";
            }

            if (insurance.GetSettings(literal.Syntax.SyntaxTree, DiagnosticIds.HardCodedRateOrThreshold).IsAllowedLiteral(value))
            {
                return;
            }

            var syntax = literal.WalkDownConversions().Syntax;
            if (syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax negated)
            {
                syntax = negated;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(PricingSemantics.NameProperty, ConstantName(other, what));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedRateOrThreshold, syntax.GetLocation(), properties, syntax.ToString(), what));
        }

        /// <summary>A name for the extracted constant: the other operand's name plus what the literal is (AgeThreshold, BasePremiumFactor).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string ConstantName(IOperation other, string what)
        {
            var suffix = what == "amount" ? "Amount" : what == "threshold" ? "Threshold" : "Factor";
            var name = other.WalkDownConversions().GetReferencedSymbol()?.Name.TrimStart('_', '@') ?? string.Empty;
            if (name.Length == 0 || !char.IsLetter(name[0]))
            {
                return suffix;
            }

            name = char.ToUpperInvariant(name[0]) + name.Substring(1);
            return name.EndsWith(suffix, System.StringComparison.Ordinal) ? name : name + suffix;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsPricingArithmetic(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Add || kind == BinaryOperatorKind.Subtract || kind == BinaryOperatorKind.Multiply || kind == BinaryOperatorKind.Divide;

        [MethodImpl(HotPath.Optimize)]
        private static bool IsRelational(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual ||
            kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual;
    }
}
