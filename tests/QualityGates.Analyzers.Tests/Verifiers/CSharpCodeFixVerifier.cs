using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace QualityGates.Analyzers.Tests.Verifiers
{
    /// <summary>Runs an analyzer and its code fix (single fixes, Fix All in document/project/solution) offline.</summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            CSharpAnalyzerVerifier<TAnalyzer>.VerifyAsync(source, expected);

        public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
            VerifyCodeFixAsync(source, fixedSource, null, null);

        /// <param name="editorConfig">Lines of a root .editorconfig section for *.cs.</param>
        /// <param name="codeActionIndex">Which of several offered fixes to apply.</param>
        public static async Task VerifyCodeFixAsync(string source, string fixedSource, string? editorConfig, int? codeActionIndex = null, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex };
            TestSetup.Configure(test.TestState, editorConfig);
            TestSetup.Configure(test.FixedState, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
            await TestSetup.AssertFindingsAreLocalAsync(test.Analyses);
        }

        /// <summary>
        /// For fixes whose first application changes what the analyzer reports (an attribute that exempts the method):
        /// one fix at a time gives <paramref name="fixedSource"/>, Fix All gives <paramref name="batchFixedSource"/>.
        /// </summary>
        public static async Task VerifyFixAndFixAllAsync(string source, string fixedSource, string batchFixedSource, string? editorConfig = null, int? codeActionIndex = null)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, BatchFixedCode = batchFixedSource, CodeActionIndex = codeActionIndex };
            TestSetup.Configure(test.TestState, editorConfig);
            TestSetup.Configure(test.FixedState, editorConfig);
            TestSetup.Configure(test.BatchFixedState, editorConfig);
            await test.RunAsync(CancellationToken.None);
            await TestSetup.AssertFindingsAreLocalAsync(test.Analyses);
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestSetup.Offline;
            }

            /// <summary>Every analysis the test ran (some run side by side), for <see cref="TestSetup.AssertFindingsAreLocalAsync"/>.</summary>
            public ConcurrentQueue<CompilationWithAnalyzers> Analyses { get; } = new ConcurrentQueue<CompilationWithAnalyzers>();

            protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                var analysis = base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
                Analyses.Enqueue(analysis);
                return analysis;
            }
        }
    }
}
