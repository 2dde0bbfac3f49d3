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

            // .globalconfig problems once per compilation; .editorconfig problems on the first token of each file they govern.
            context.RegisterCompilationEndAction([MethodImpl(HotPath.Optimize)] (end) =>
            {
                foreach (var error in global)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConfiguration, Location.None, error.Key, error.Value, error.Reason));
                }
            });

            // The errors of a file depend only on its qualitygates_ keys: found once per distinct configuration, not per file.
            var byFingerprint = new ConcurrentDictionary<string, List<ConfigurationError>>(StringComparer.Ordinal);
            context.RegisterSyntaxTreeAction([MethodImpl(HotPath.Optimize)] (tree) =>
            {
                var errors = byFingerprint.GetOrAdd(insurance.GetFingerprint(tree.Tree), _ => Errors(insurance, tree.Tree));
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
