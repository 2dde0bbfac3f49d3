using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// What a rule's operation action is handed by <see cref="BodyDispatcher"/>: the operation, the member it lies in, and
    /// where findings go.
    /// </summary>
    /// <remarks>
    /// Not <see cref="OperationAnalysisContext"/>: its only public constructor wraps the supported-diagnostic test in a
    /// closure, 88 bytes of garbage per operation and rule (Roslyn 4.8 and 5.9 alike), two thirds of what the rules
    /// allocated in the bench's project (docs/performance.md). This one is built on the stack.
    /// </remarks>
    public readonly struct OperationContext
    {
        // The block context each finding goes through checks it against the rule's descriptors already.
        private static readonly Func<Diagnostic, bool> AnySupported = static (_) => true;

        private readonly Action<Diagnostic> _report;

        public OperationContext(IOperation operation, ISymbol containingSymbol, Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Operation = operation;
            ContainingSymbol = containingSymbol;
            Compilation = compilation;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public IOperation Operation { get; }

        public ISymbol ContainingSymbol { get; }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

        /// <summary>The same operation through the compiler's context, for an action registered the compiler's way.</summary>
        internal OperationAnalysisContext ToAnalysisContext()
        {
            // Obsolete as a way to test analyzers (roslyn#63440); the constructor stays for binary compatibility, and it is the
            // only way to hand an operation action registered through CompilationStartAnalysisContext its context.
#pragma warning disable CS0618
            return new OperationAnalysisContext(Operation, ContainingSymbol, Compilation, Options, _report, AnySupported, CancellationToken);
#pragma warning restore CS0618
        }
    }
}
