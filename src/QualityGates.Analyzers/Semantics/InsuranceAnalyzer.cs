using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Base of every QualityGates analyzer: concurrent, generated code not analyzed, one <see cref="InsuranceContext"/>
    /// per compilation handed to the rule, and body actions limited to types that hold in-scope code.
    /// </summary>
    public abstract class InsuranceAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is never analyzed (no Analyze flag: the driver skips generated files and [GeneratedCode] symbols).
            // ReportDiagnostics only spares the driver's per-finding generated-code test, which walks every token of a file
            // for "GeneratedCode" the first time a file gets a finding and was a third of our analysis time; our findings
            // always lie in the code that was analyzed, so none can land in generated code (GeneratedCodeTests).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction([MethodImpl(HotPath.Optimize)] (start) =>
            {
                var insurance = InsuranceContext.Get(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
                if (!ScopeGated)
                {
                    OnCompilationStart(start, insurance);
                    return;
                }

                var scoped = new ScopedCompilationStartContext(start, insurance, AlsoAnalyzed);
                OnCompilationStart(scoped, insurance);
                scoped.Complete();
            });
        }

        /// <summary>
        /// True (the default) when the rule only looks at code bodies of pricing or underwriting code, so its body actions
        /// run only in types that hold such code (see <see cref="ScopedCompilationStartContext"/>).
        /// </summary>
        protected virtual bool ScopeGated => true;

        /// <summary>Out-of-scope types whose bodies the rule still needs (a score model for QG2012), asked once per type: keep it to names.</summary>
        protected virtual Func<INamedTypeSymbol, bool>? AlsoAnalyzed => null;

        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance);

        /// <summary>
        /// Runs <paramref name="analyze"/> once on each member that is itself in scope, for a rule that reads the member's
        /// operations in one pass (<see cref="MemberOperations"/>) instead of registering per operation kind.
        /// </summary>
        protected static void RegisterMemberAction(
            CompilationStartAnalysisContext context, InsuranceContext insurance, Action<OperationBlockAnalysisContext, WellKnownTypes> analyze) =>
            context.RegisterOperationBlockAction([MethodImpl(HotPath.Optimize)] (block) =>
            {
                if (insurance.IsInScope(block.OwningSymbol))
                {
                    analyze(block, insurance.Types);
                }
            });
    }
}
