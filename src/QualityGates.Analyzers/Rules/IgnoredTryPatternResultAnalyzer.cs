using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2004: a Try method whose bool result is dropped while its out value is used afterwards.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IgnoredTryPatternResultAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic properties for the fix: the exception to throw and its message.</summary>
        public const string ExceptionProperty = "Exception";
        public const string MessageProperty = "Message";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.IgnoredTryPatternResult);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.Invocation);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.ReturnType.SpecialType != SpecialType.System_Boolean || !method.Name.StartsWith("Try", StringComparison.Ordinal) ||
                !IsDiscarded(invocation) || !insurance.IsInScope(context.ContainingSymbol))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out || !(argument.Value.GetReferencedSymbol() is ISymbol target))
                {
                    continue;
                }

                if (IsReadAfter(invocation, target))
                {
                    var type = method.ContainingType;
                    string call = (type.SpecialType != SpecialType.None ? type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) : type.Name) + "." + method.Name;
                    string exception = method.Name.IndexOf("Parse", StringComparison.Ordinal) >= 0 ? "System.FormatException"
                        : method.Name == "TryGetValue" ? "System.Collections.Generic.KeyNotFoundException"
                        : "System.InvalidOperationException";
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(ExceptionProperty, exception)
                        .Add(MessageProperty, call + " failed for '" + target.Name + "'.");
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IgnoredTryPatternResult, invocation.Syntax.GetLocation(), properties, call, target.Name));
                    return;
                }
            }
        }

        /// <summary>An expression statement <c>X.TryParse(...);</c> or a discard <c>_ = X.TryParse(...);</c>.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsDiscarded(IInvocationOperation invocation)
        {
            var parent = invocation.WalkUpConversions();
            if (parent is ISimpleAssignmentOperation assignment && assignment.Target is IDiscardOperation)
            {
                parent = assignment.Parent;
            }

            return parent is IExpressionStatementOperation;
        }

        /// <summary>True when the out target is read after the call in the same body.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsReadAfter(IInvocationOperation invocation, ISymbol target)
        {
            var root = invocation.Root();

            int end = invocation.Syntax.Span.End;
            return root.Descendants().Any(op =>
                op.Syntax.SpanStart >= end &&
                (op is ILocalReferenceOperation || op is IFieldReferenceOperation || op is IParameterReferenceOperation || op is IPropertyReferenceOperation) &&
                SymbolEqualityComparer.Default.Equals(op.GetReferencedSymbol(), target) &&
                !(op.Parent is ISimpleAssignmentOperation write && write.Target == op));
        }
    }
}
