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
    /// Every rule, switched on, over 2,500 lines of insurance code written for none of them (TestAssets/FreshCorpus, see
    /// its README): the findings must be exactly those listed in expected-findings.txt. A rule change that adds or drops a
    /// finding on code nobody tuned it to shows up here, and the list is updated only after each line is judged.
    /// </summary>
    public class FreshCorpusTests
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestAssets", "FreshCorpus");

        // What <ImplicitUsings>enable</ImplicitUsings> gives the project the corpus was written in.
        private const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        [Fact]
        public async Task EveryRuleOn_FindingsAreExactlyTheJudgedList()
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = Directory.EnumerateFiles(Folder, "*.cs.txt", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: Path.GetRelativePath(Folder, f)[..^4].Replace('\\', '/')))
                .Append(CSharpSyntaxTree.ParseText(ImplicitUsings + Verifiers.TestSetup.Annotations, parse, path: "Implicit.cs"))
                .ToList();
            var everyRuleOn = DiagnosticDescriptors.All.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn);
            var compilation = CSharpCompilation.Create(
                "Insurer",
                trees,
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(everyRuleOn));

            // The rules must see the code as its team's compiler does: compiling cleanly is part of the fixture.
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

            var diagnostics = await compilation.WithAnalyzers(Verifiers.TestSetup.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
            var actual = diagnostics
                .Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id}")
                .Distinct()
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
            var expected = File.ReadAllLines(Path.Combine(Folder, "expected-findings.txt"))
                .Select(l => l.Split('#')[0].Trim())
                .Where(l => l.Length > 0)
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();

            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.True(
                expected.SequenceEqual(actual),
                "Findings on the fresh corpus changed.\nNo longer reported:\n  " + string.Join("\n  ", expected.Except(actual)) +
                "\nNewly reported:\n  " + string.Join("\n  ", actual.Except(expected)));
        }
    }
}
