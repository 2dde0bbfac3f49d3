using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// What a rule sees as its compilation start. Symbol, tree and compilation-end actions go straight through; actions on
    /// code bodies (operations, operation blocks, code blocks, syntax nodes) run only in types that hold pricing or
    /// underwriting code, so out-of-scope code costs one cached scope lookup per callback.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The body actions are registered compilation-wide with the scope test inside, not behind a symbol-start action per
    /// type: once an analyzer has a symbol-start action, the compiler's driver takes a lock per analyzer after every member
    /// it analyzes, and on two cores that lock cost more than all our rules together (docs/performance.md).
    /// </para>
    /// <para>
    /// Operation actions are not handed to the driver one by one: the driver would call each of them for every operation of
    /// its kind in the compilation, out-of-scope ones included. One operation-block action per rule tests the scope once
    /// per member instead and runs the rule's operation and block actions on in-scope members itself
    /// (<see cref="BodyDispatcher"/>).
    /// </para>
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1012", Justification = "A wrapper: it forwards the rule's registrations to the real start context instead of registering its own.")]
    internal sealed class ScopedCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly InsuranceContext _insurance;
        private readonly Func<INamedTypeSymbol, bool>? _alsoAnalyzed;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool>? _alsoAnalyzedTypes;
        private readonly BodyDispatcher _body = new BodyDispatcher();

        public ScopedCompilationStartContext(CompilationStartAnalysisContext inner, InsuranceContext insurance, Func<INamedTypeSymbol, bool>? alsoAnalyzed)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _insurance = insurance;
            _alsoAnalyzed = alsoAnalyzed;
            if (alsoAnalyzed != null)
            {
                _alsoAnalyzedTypes = new ConcurrentDictionary<INamedTypeSymbol, bool>(ReferenceComparer<INamedTypeSymbol>.Instance);
            }
        }

        /// <summary>
        /// The real start context, for the rare body action that must see out-of-scope code too; such an action must
        /// filter cheaply before it binds anything.
        /// </summary>
        public static CompilationStartAnalysisContext Unscoped(CompilationStartAnalysisContext context) =>
            context is ScopedCompilationStartContext scoped ? scoped._inner : context;

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(action);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(action, symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(action, symbolKind);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(action);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction(Gated(action, [MethodImpl(HotPath.Optimize)] static (c) => c.OwningSymbol));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(Gated(action, [MethodImpl(HotPath.Optimize)] static (c) => c.OwningSymbol));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Gated(action, [MethodImpl(HotPath.Optimize)] static (c) => c.ContainingSymbol), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _body.Add(action, operationKinds);

        /// <summary>
        /// An operation action handed an <see cref="OperationContext"/>, which costs nothing to build, instead of the
        /// compiler's context (<see cref="BodyOperationActions.RegisterBodyOperationAction"/>).
        /// </summary>
        public void RegisterBodyOperationAction(Action<OperationContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _body.Add(action, operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _body.Add(action);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _body.Add(action);

        /// <summary>
        /// Called once the rule has registered everything: hands the driver one operation-block action that runs all the
        /// rule's operation, operation-block-start and operation-block actions, in scope only.
        /// </summary>
        public void Complete()
        {
            if (_body.IsEmpty)
            {
                return;
            }

            _inner.RegisterOperationBlockAction(Gated<OperationBlockAnalysisContext>(_body.Run, [MethodImpl(HotPath.Optimize)] static (c) => c.OwningSymbol));
        }

        /// <summary>The rule's body action, run only when the code it is handed (its owner's type) holds scoped code.</summary>
        private Action<TContext> Gated<TContext>(Action<TContext> action, Func<TContext, ISymbol?> owner) =>
            [MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (InScope(owner(c)))
                {
                    action(c);
                }
            };

        /// <summary>
        /// True when the code of <paramref name="symbol"/> lies in a type that holds in-scope code (or one the rule also
        /// analyzes): the types a per-type symbol start would have covered, members of nested types going by their own type.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private bool InScope(ISymbol? symbol)
        {
            var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
            if (type is null)
            {
                return false;
            }

            // A lock-free read of the shared per-type cache. A per-rule "last type asked" field was tried: with two threads on
            // different members it missed on nearly every call, and each miss allocated (docs/performance.md).
            return _insurance.HoldsScopedCode(type) || (_alsoAnalyzedTypes != null && _alsoAnalyzedTypes.GetOrAdd(type, _alsoAnalyzed!));
        }
    }
}
