using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG3003: AddDays(365) / TimeSpan.FromDays(365) for a term end (pricing or underwriting scope), and a day count or a
    /// monetary value divided by 365/366/360/365.25 (or multiplied by 1/365) in pricing scope.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FixedLengthYearAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property set when AddDays(365) can become AddYears(1).</summary>
        public const string AddYearsProperty = "AddYears";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FixedLengthYear);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(insurance, Scope.Any, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeInvocation(op, insurance.Types), OperationKinds.Invocation);
            context.RegisterScopedOperationAction(insurance, Scope.Pricing, [MethodImpl(HotPath.Optimize)] (op, _) => AnalyzeDivision(op, insurance), OperationKinds.BinaryOrCompoundAssignment);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeInvocation(OperationContext context, WellKnownTypes types)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (invocation.Arguments.Length != 1 || !DateTimeFacts.IsYearLength(invocation.Arguments[0].Value, out var days) || days != decimal.Truncate(days))
            {
                return;
            }

            bool addDays = method.Name == "AddDays" && invocation.Instance != null && DateTimeFacts.IsDateType(method.ContainingType, types);
            bool fromDays = method.Name == "FromDays" && method.IsStatic && WellKnownTypes.Is(method.ContainingType, types.TimeSpan);
            if (!addDays && !fromDays)
            {
                return;
            }

            var properties = addDays && days == 365m
                ? ImmutableDictionary<string, string?>.Empty.Add(AddYearsProperty, "1")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FixedLengthYear, invocation.Syntax.GetLocation(), properties, "'" + invocation.Syntax + "'", Format(days)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeDivision(OperationContext context, InsuranceContext insurance)
        {
            // premium /= 365m divides the target, like premium = premium / 365m.
            if (!DateTimeFacts.IsFixedYearProration(context.Operation, insurance, out var days, out var reported) ||
                insurance.GetSettings(reported.Syntax.SyntaxTree, DiagnosticIds.FixedLengthYear).AllowedDayCountBasis.Contains(days))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FixedLengthYear, reported.Syntax.GetLocation(), "'" + reported.Syntax + "'", Format(days)));
        }

        [MethodImpl(HotPath.Optimize)]
        private static string Format(decimal days) => days.ToString(CultureInfo.InvariantCulture);
    }
}
