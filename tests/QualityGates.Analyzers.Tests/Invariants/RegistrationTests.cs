using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Tests.Verifiers;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// No rule registers a symbol-start action. Once an analyzer has one, the compiler's analyzer driver takes that
    /// analyzer's lock after every member of the compilation, in scope or not; on two cores that cost a build more than
    /// all our rules' work together (docs/performance.md). Scoping goes through a cached test in each callback instead.
    /// </summary>
    public class RegistrationTests
    {
        [Fact]
        public void NoRuleRegistersASymbolStartAction()
        {
            var compilation = CSharpCompilation.Create("Registration", new[] { CSharpSyntaxTree.ParseText("class C { }") }, Basic.Reference.Assemblies.Net80.References.All);
            var offenders = new List<string>();
            foreach (var analyzer in TestSetup.AllAnalyzers)
            {
                var context = new RecordingContext(compilation);
                analyzer.Initialize(context);
                if (context.SymbolStarts > 0)
                {
                    offenders.Add(analyzer.GetType().Name);
                }
            }

            Assert.Empty(offenders);
        }

        [Fact]
        public void NoRuleHandsTheDriverAnOperationActionOrBlockStart()
        {
            // The driver would call such an action for every operation of its kind in the compilation, in scope or not, and
            // build an action table per member for a block start: both go through one operation-block action per rule
            // instead (BodyDispatcher).
            var compilation = CSharpCompilation.Create("Registration", new[] { CSharpSyntaxTree.ParseText("class C { }") }, Basic.Reference.Assemblies.Net80.References.All);
            var offenders = new List<string>();
            var dispatchers = 0;
            foreach (var analyzer in TestSetup.AllAnalyzers)
            {
                var context = new RecordingContext(compilation);
                analyzer.Initialize(context);
                if (context.OperationActions > 0 || context.OperationBlockStarts > 0 || context.OperationBlockActions > 1)
                {
                    offenders.Add($"{analyzer.GetType().Name}: {context.OperationActions} operation actions, {context.OperationBlockStarts} block starts, {context.OperationBlockActions} operation-block actions");
                }

                dispatchers += context.OperationBlockActions;
            }

            Assert.Empty(offenders);
            // Most rules look at operations: if none reaches the driver at all, the recorder has stopped seeing them.
            Assert.True(dispatchers >= 20, $"{dispatchers} operation-block actions");
        }

        [Fact]
        public void Recorder_SeesWhatIsRegisteredAtCompilationStart()
        {
            // The test above is only worth something if the recorder sees a symbol start where our rules would register one.
            var compilation = CSharpCompilation.Create("Registration", new[] { CSharpSyntaxTree.ParseText("class C { }") }, Basic.Reference.Assemblies.Net80.References.All);
            var context = new RecordingContext(compilation);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolStartAction(_ => { }, SymbolKind.NamedType);
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                start.RegisterOperationBlockStartAction(_ => { });
            });
            Assert.Equal(1, context.SymbolStarts);
            Assert.Equal(1, context.OperationActions);
            Assert.Equal(1, context.OperationBlockStarts);
        }

        /// <summary>Runs compilation-start actions at once against a start context that counts symbol-start registrations.</summary>
        private sealed class RecordingContext : AnalysisContext
        {
            private readonly Compilation _compilation;

            public RecordingContext(Compilation compilation) => _compilation = compilation;

            public int SymbolStarts { get; set; }

            public int OperationActions { get; set; }

            public int OperationBlockStarts { get; set; }

            public int OperationBlockActions { get; set; }

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => action(new RecordingStartContext(this, _compilation));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => SymbolStarts++;

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
            }
        }

        private sealed class RecordingStartContext : CompilationStartAnalysisContext
        {
            private readonly RecordingContext _owner;

            public RecordingStartContext(RecordingContext owner, Compilation compilation)
                : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
            {
                _owner = owner;
            }

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _owner.SymbolStarts++;

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
            }

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _owner.OperationActions++;

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _owner.OperationBlockStarts++;

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _owner.OperationBlockActions++;
        }
    }
}
