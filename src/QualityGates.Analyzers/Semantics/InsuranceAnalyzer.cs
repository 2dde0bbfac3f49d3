using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Base of every QualityGates analyzer: concurrent, generated code skipped, and one <see cref="InsuranceContext"/>
    /// per compilation handed to the rule.
    /// </summary>
    public abstract class InsuranceAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => OnCompilationStart(start, InsuranceContext.Get(start.Compilation, start.Options.AnalyzerConfigOptionsProvider)));
        }

        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance);
    }
}
