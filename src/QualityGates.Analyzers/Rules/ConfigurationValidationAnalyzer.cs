using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG0001: a qualitygates_ or dotnet_code_quality.QGxxxx option that cannot be read is reported, not silently ignored.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationValidationAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidConfiguration);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            var global = Errors(insurance, null);
            var globalKeys = global.Select(e => (e.Key, e.Value)).ToImmutableHashSet();

            // .globalconfig problems once per compilation; .editorconfig problems on the first token of a file they govern.
            context.RegisterCompilationEndAction([MethodImpl(HotPath.Optimize)] (end) =>
            {
                foreach (var error in global)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConfiguration, Location.None, error.Key, error.Value, error.Reason));
                }
            });

            // The errors of a file depend only on its qualitygates_ keys: found once per distinct configuration, not per file,
            // and reported in one file of those it governs (the first by path), not in every one: 7 bad keys over 300
            // files are 7 warnings. Which file that is, is worked out only when some configuration has an error.
            var byFingerprint = new ConcurrentDictionary<string, List<ConfigurationError>>(StringComparer.Ordinal);
            var compilation = context.Compilation;
            var firstFile = new Lazy<Dictionary<string, SyntaxTree>>(
                () => compilation.SyntaxTrees
                    .GroupBy(t => insurance.GetFingerprint(t), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.OrderBy(t => t.FilePath, StringComparer.Ordinal).First(), StringComparer.Ordinal),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            context.RegisterSyntaxTreeAction([MethodImpl(HotPath.Optimize)] (tree) =>
            {
                var fingerprint = insurance.GetFingerprint(tree.Tree);
                var errors = byFingerprint.GetOrAdd(fingerprint, _ => Errors(insurance, tree.Tree));
                if (errors.Count == 0 || !ReferenceEquals(firstFile.Value[fingerprint], tree.Tree))
                {
                    return;
                }

                foreach (var error in errors)
                {
                    if (!globalKeys.Contains((error.Key, error.Value)))
                    {
                        // On the first token, so #pragma and [SuppressMessage] can silence it like any other warning.
                        var first = tree.Tree.GetRoot(tree.CancellationToken).GetFirstToken(includeZeroWidth: false);
                        var location = Location.Create(tree.Tree, first.RawKind == 0 ? new TextSpan(0, 0) : first.Span);
                        tree.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConfiguration, location, error.Key, error.Value, error.Reason));
                    }
                }
            });
        }

        /// <summary>The errors of the shared keys and of every rule's own keys, each once.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static List<ConfigurationError> Errors(InsuranceContext insurance, SyntaxTree? tree)
        {
            var seen = new HashSet<(string, string)>();
            var result = new List<ConfigurationError>();
            foreach (var ruleId in new string?[] { null }.Concat(DiagnosticDescriptors.All.Select(d => d.Id)))
            {
                foreach (var error in insurance.GetSettings(tree, ruleId).Errors)
                {
                    if (seen.Add((error.Key, error.Value)))
                    {
                        result.Add(error);
                    }
                }
            }

            return result;
        }
    }
}
