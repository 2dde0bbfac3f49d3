using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A wrapper, not an analyzer of its own: what the inner analyzer configures and registers is what runs.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// "--measure": wraps an analyzer so that each of its callbacks is charged the bytes its thread allocated meanwhile, and
/// counted. Allocation decides how many collections an analyzer sets off, and in a build every thread inside a callback
/// during a collection is charged the pause. (Thread CPU time per callback was tried: the clock is a system call of
/// about 1.3 µs, as much as a typical callback of Meziantou's, so it measured the clock.)
/// </summary>
sealed class Measured : DiagnosticAnalyzer
{
    public readonly DiagnosticAnalyzer Inner;
    private long _bytes;
    private long _calls;

    public Measured(DiagnosticAnalyzer inner) => Inner = inner;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

    public (long Bytes, long Calls) TakeTotals() => (Interlocked.Exchange(ref _bytes, 0), Interlocked.Exchange(ref _calls, 0));

    internal Action<T> Wrap<T>(Action<T> action) => argument =>
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Increment(ref _calls);
        }
    };

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly Measured _m;
        public Context(AnalysisContext inner, Measured m) { _inner = inner; _m = m; }
        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(_m.Wrap<CompilationStartAnalysisContext>(c => action(new Start(c, _m))));
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_m.Wrap(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_m.Wrap(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_m.Wrap(action), symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_m.Wrap<SymbolStartAnalysisContext>(c => action(new SymbolStart(c, _m))), symbolKind);
        public override void RegisterCodeBlockStartAction<T>(Action<CodeBlockStartAnalysisContext<T>> action) => _inner.RegisterCodeBlockStartAction(_m.Wrap<CodeBlockStartAnalysisContext<T>>(c => action(new CodeBlockStart<T>(c, _m))));
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_m.Wrap(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_m.Wrap(action));
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_m.Wrap(action));
        public override void RegisterSyntaxNodeAction<T>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<T> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_m.Wrap(action), syntaxKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_m.Wrap<OperationBlockStartAnalysisContext>(c => action(new BlockStart(c, _m))));
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_m.Wrap(action));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_m.Wrap(action), operationKinds);
    }

    /// <summary>
    /// Actions registered at compilation start. The same wrapping as <see cref="Context"/>'s, method by method: the two
    /// contexts share the registration methods but no base type that declares them.
    /// </summary>
    private sealed class Start : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly Measured _m;
#pragma warning disable CS0618
        public Start(CompilationStartAnalysisContext inner, Measured m) : base(inner.Compilation, inner.Options, inner.CancellationToken) { _inner = inner; _m = m; }
#pragma warning restore CS0618
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_m.Wrap(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_m.Wrap(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_m.Wrap(action), symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_m.Wrap<SymbolStartAnalysisContext>(c => action(new SymbolStart(c, _m))), symbolKind);
        public override void RegisterCodeBlockStartAction<T>(Action<CodeBlockStartAnalysisContext<T>> action) => _inner.RegisterCodeBlockStartAction(_m.Wrap<CodeBlockStartAnalysisContext<T>>(c => action(new CodeBlockStart<T>(c, _m))));
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_m.Wrap(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_m.Wrap(action));
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_m.Wrap(action));
        public override void RegisterSyntaxNodeAction<T>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<T> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_m.Wrap(action), syntaxKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_m.Wrap<OperationBlockStartAnalysisContext>(c => action(new BlockStart(c, _m))));
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_m.Wrap(action));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_m.Wrap(action), operationKinds);
    }
}

#pragma warning disable CS0618 // the start contexts' constructors: the only way to hand the analyzer a wrapped one
sealed class SymbolStart : SymbolStartAnalysisContext
{
    private readonly SymbolStartAnalysisContext _inner;
    private readonly Measured _m;
    public SymbolStart(SymbolStartAnalysisContext inner, Measured m) : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken) { _inner = inner; _m = m; }
    public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _inner.RegisterSymbolEndAction(_m.Wrap(action));
    public override void RegisterCodeBlockStartAction<T>(Action<CodeBlockStartAnalysisContext<T>> action) => _inner.RegisterCodeBlockStartAction(_m.Wrap<CodeBlockStartAnalysisContext<T>>(c => action(new CodeBlockStart<T>(c, _m))));
    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_m.Wrap(action));
    public override void RegisterSyntaxNodeAction<T>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<T> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_m.Wrap(action), syntaxKinds);
    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_m.Wrap<OperationBlockStartAnalysisContext>(c => action(new BlockStart(c, _m))));
    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_m.Wrap(action));
    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_m.Wrap(action), operationKinds);
}

sealed class CodeBlockStart<T> : CodeBlockStartAnalysisContext<T> where T : struct
{
    private readonly CodeBlockStartAnalysisContext<T> _inner;
    private readonly Measured _m;
    public CodeBlockStart(CodeBlockStartAnalysisContext<T> inner, Measured m) : base(inner.CodeBlock, inner.OwningSymbol, inner.SemanticModel, inner.Options, inner.CancellationToken) { _inner = inner; _m = m; }
    public override void RegisterCodeBlockEndAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockEndAction(_m.Wrap(action));
    public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<T> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_m.Wrap(action), syntaxKinds);
}

/// <remarks>Its <c>GetControlFlowGraph</c> has no provider: an analyzer asking for a graph at block start fails here (AD0001).</remarks>
sealed class BlockStart : OperationBlockStartAnalysisContext
{
    private readonly OperationBlockStartAnalysisContext _inner;
    private readonly Measured _m;
    public BlockStart(OperationBlockStartAnalysisContext inner, Measured m) : base(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken) { _inner = inner; _m = m; }
    public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockEndAction(_m.Wrap(action));
    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_m.Wrap(action), operationKinds);
}
#pragma warning restore CS0618
