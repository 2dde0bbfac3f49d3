using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>
    /// Every rule, switched on, over eleven corpora of insurance code written for none of them (TestAssets/FreshCorpus,
    /// see its README; 26,200 lines): the findings must be exactly those listed in each corpus's expected-findings.txt. A rule change that adds or drops a
    /// finding on code nobody tuned it to shows up here, and the list is updated only after each line is judged.
    /// </summary>
    public class FreshCorpusTests
    {
        private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestAssets", "FreshCorpus");

        // What <ImplicitUsings>enable</ImplicitUsings> gives the projects the corpora were written in.
        private const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;

            """;

        /// <summary>Each corpus with its project's language version, nullable context and implicit usings.</summary>
        public static TheoryData<string> Corpora() => new() { "Insurer", "Legacy", "Modern", "DomainDriven", "LifeAnnuity", "Commercial", "Health", "Europe", "Reinsurance", "Claims", "Embedded" };

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task EveryRuleOn_FindingsAreExactlyTheJudgedList(string corpus)
        {
            // Legacy imitates a 2010 codebase ported forward: C# 7.3, no nullable context, explicit usings.
            bool legacy = corpus == "Legacy";
            var folder = Path.Combine(Root, corpus);
            var parse = new CSharpParseOptions(legacy ? LanguageVersion.CSharp7_3 : LanguageVersion.Latest);
            var trees = Directory.EnumerateFiles(folder, "*.cs.txt", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: Path.GetRelativePath(folder, f)[..^4].Replace('\\', '/')))
                .Append(CSharpSyntaxTree.ParseText((legacy ? string.Empty : ImplicitUsings) + Verifiers.TestSetup.Annotations, parse, path: "Implicit.cs"))
                .ToList();
            var everyRuleOn = DiagnosticDescriptors.All.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn);
            var compilation = CSharpCompilation.Create(
                corpus,
                trees,
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: legacy ? NullableContextOptions.Disable : NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(everyRuleOn));

            // The rules must see the code as its team's compiler does: compiling cleanly is part of the fixture.
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

            var diagnostics = await compilation.WithAnalyzers(Verifiers.TestSetup.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
            var actual = diagnostics
                .Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id}")
                .Distinct()
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
            var expected = File.ReadAllLines(Path.Combine(folder, "expected-findings.txt"))
                .Select(l => l.Split('#')[0].Trim())
                .Where(l => l.Length > 0)
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();

            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.True(
                expected.SequenceEqual(actual),
                "Findings on the fresh corpus " + corpus + " changed.\nNo longer reported:\n  " + string.Join("\n  ", expected.Except(actual)) +
                "\nNewly reported:\n  " + string.Join("\n  ", actual.Except(expected)));
        }
    }
}
