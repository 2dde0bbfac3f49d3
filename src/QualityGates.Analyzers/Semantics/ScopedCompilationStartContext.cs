using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// What a rule sees as its compilation start. Symbol, tree and compilation-end actions go straight through; actions on
    /// code bodies (operations, operation blocks, code blocks, syntax nodes) are replayed per type, and only for types
    /// that hold pricing or underwriting code. The compiler then binds no method body of out-of-scope code for us:
    /// binding, not the rules, is what an operation analyzer costs, so out-of-scope code costs one scope lookup per member.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1012", Justification = "A wrapper: it forwards the rule's registrations to the real start context instead of registering its own.")]
    internal sealed class ScopedCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly InsuranceContext _insurance;
        private readonly Func<INamedTypeSymbol, bool> _alsoAnalyzed;
        private readonly List<Action<SymbolStartAnalysisContext>> _bodyActions = new List<Action<SymbolStartAnalysisContext>>();

        public ScopedCompilationStartContext(CompilationStartAnalysisContext inner, InsuranceContext insurance, Func<INamedTypeSymbol, bool> alsoAnalyzed)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _insurance = insurance;
            _alsoAnalyzed = alsoAnalyzed;
        }

        /// <summary>
        /// The real start context, for the rare body action that must see out-of-scope code too; such an action must
        /// filter cheaply before it binds anything.
        /// </summary>
        public static CompilationStartAnalysisContext Unscoped(CompilationStartAnalysisContext context) =>
            context is ScopedCompilationStartContext scoped ? scoped._inner : context;

        /// <summary>Registers the collected body actions behind one symbol-start action per in-scope type.</summary>
        public void Complete()
        {
            if (_bodyActions.Count == 0)
            {
                return;
            }

            var actions = _bodyActions.ToArray();
            _inner.RegisterSymbolStartAction(
                [MethodImpl(HotPath.Optimize)] (start) =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    if (!_insurance.HoldsScopedCode(type) && !_alsoAnalyzed(type))
                    {
                        return;
                    }

                    foreach (var action in actions)
                    {
                        action(start);
                    }
                },
                SymbolKind.NamedType);
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(action);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(action, symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(action, symbolKind);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(action);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterCodeBlockStartAction(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterCodeBlockAction(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterSyntaxNodeAction(action, syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterOperationAction(action, operationKinds));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterOperationBlockStartAction(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _bodyActions.Add([MethodImpl(HotPath.Optimize)] (start) => start.RegisterOperationBlockAction(action));
    }
}
