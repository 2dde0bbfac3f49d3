using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>How a rule registers an operation action that takes an <see cref="OperationContext"/>.</summary>
    public static class BodyOperationActions
    {
        /// <summary>
        /// Through the rule's <see cref="BodyDispatcher"/> when the context is a rule's scoped one, as it is for every
        /// <see cref="InsuranceAnalyzer"/>; on any other context, through the compiler's operation action.
        /// </summary>
        public static void RegisterBodyOperationAction(this CompilationStartAnalysisContext context, Action<OperationContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            if (context is ScopedCompilationStartContext scoped)
            {
                scoped.RegisterBodyOperationAction(action, operationKinds);
                return;
            }

            // The compiler already checks each finding against the rule's descriptors.
            context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => action(new OperationContext(c.Operation, c.ContainingSymbol, c.Compilation, c.Options, c.ReportDiagnostic, c.CancellationToken)), operationKinds);
        }
    }
}
