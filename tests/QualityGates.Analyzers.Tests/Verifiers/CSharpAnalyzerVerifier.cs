using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace QualityGates.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs one analyzer over source with offline .NET 8 reference assemblies (no download at test time).
    /// Markup: <c>{|QG1001:text|}</c> or <c>[|text|]</c> for the analyzer's only rule.
    /// </summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

        /// <param name="editorConfig">Lines of a root .editorconfig section for *.cs, e.g. "qualitygates_rounding_mode = ToEven".</param>
        public static async Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            TestSetup.Configure(test.TestState, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
            await TestSetup.AssertFindingsAreLocalAsync(test.Analyses);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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
