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
    /// <summary>QG2006: a switch statement over a decision or risk-class enum that misses members or has a silent default.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonExhaustiveDecisionSwitchAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic properties for the fix: the missing members (comma-separated) and the enum's full name.</summary>
        public const string MissingProperty = "Missing";
        public const string EnumTypeProperty = "EnumType";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonExhaustiveDecisionSwitch);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.Switch);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            if (!insurance.IsInScope(context.ContainingSymbol) || !(context.Operation is ISwitchOperation switchOperation) ||
                !(switchOperation.Syntax is SwitchStatementSyntax syntax) ||
                !(switchOperation.Value.Type is INamedTypeSymbol type) || type.TypeKind != TypeKind.Enum ||
                UnderwritingSemantics.IsFlagsEnum(type, insurance))
            {
                return;
            }

            var settings = insurance.GetSettings(syntax.SyntaxTree, DiagnosticIds.NonExhaustiveDecisionSwitch);
            if (!insurance.IsDecisionEnum(type) && !insurance.IsRiskClassEnum(type) &&
                !settings.ExhaustiveEnums.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)))
            {
                return;
            }

            var covered = new HashSet<object>();
            ISwitchCaseOperation? defaultSection = null;
            foreach (var section in switchOperation.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation _:
                            defaultSection = section;
                            break;
                        case ISingleValueCaseClauseOperation single when single.Value.ConstantValue.HasValue && single.Value.ConstantValue.Value != null:
                            covered.Add(single.Value.ConstantValue.Value);
                            break;
                        case IPatternCaseClauseOperation pattern when pattern.Guard == null:
                            AddConstants(pattern.Pattern, covered);
                            break;
                    }
                }
            }

            var missing = type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && f.ConstantValue != null && covered.Add(f.ConstantValue))
                .Select(f => f.Name)
                .ToList();

            string problem;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (defaultSection == null)
            {
                if (missing.Count == 0)
                {
                    return;
                }

                problem = "misses " + string.Join(", ", missing) + " and has no default";
                properties = properties
                    .Add(MissingProperty, string.Join(",", missing))
                    .Add(EnumTypeProperty, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
            else if (defaultSection.Body.Any(UnderwritingSemantics.EndsInThrow) || IsFailSafe(defaultSection, context, insurance, settings))
            {
                return;
            }
            else
            {
                problem = "has a default that does not throw, so " + (missing.Count == 0 ? "future members are" : string.Join(", ", missing) + " and future members are") + " handled silently";
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonExhaustiveDecisionSwitch, UnderwritingSemantics.SwitchHeaderLocation(syntax), properties, type.Name, problem));
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AddConstants(IPatternOperation pattern, HashSet<object> covered)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue && constant.Value.ConstantValue.Value != null:
                    covered.Add(constant.Value.ConstantValue.Value);
                    break;
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.Or:
                    AddConstants(binary.LeftPattern, covered);
                    AddConstants(binary.RightPattern, covered);
                    break;
            }
        }

        /// <summary>A default that refers or declines (QG2001/QG2003's recommended shape) is fail-safe, not silent.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsFailSafe(ISwitchCaseOperation section, OperationContext context, InsuranceContext insurance, InsuranceSettings settings)
        {
            foreach (var op in section.Body.SelectMany(UnderwritingSemantics.DescendantsInSameFunction))
            {
                var value = (op as IReturnOperation)?.ReturnedValue ?? (op as ISimpleAssignmentOperation)?.Value;
                if (value == null)
                {
                    continue;
                }

                bool boolDecision = UnderwritingSemantics.IsBoolDecision(UnderwritingSemantics.EnclosingFunction(op, context.ContainingSymbol));
                if (UnderwritingSemantics.IsAdverseOrFallback(value, insurance, settings, boolDecision))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
