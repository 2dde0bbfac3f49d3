using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Per-attribute severities of QG2007: <c>qualitygates_protected_attributes.&lt;word&gt;.severity = none|silent|suggestion|warning|error</c>
    /// (e.g. sex at error under EU rules, disability at suggestion where lawful underwriting uses it).
    /// </summary>
    public sealed class ProtectedSeverities
    {
        private const string Prefix = OptionNames.GlobalPrefix + OptionNames.ProtectedAttributes + ".";
        private const string Suffix = ".severity";

        private readonly List<(WordPatterns Pattern, DiagnosticSeverity? Severity)> _entries = new List<(WordPatterns, DiagnosticSeverity?)>();

        /// <summary>True for a per-attribute severity key, which the unknown-key check must accept.</summary>
        public static bool IsKey(string key) =>
            key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && key.Length > Prefix.Length + Suffix.Length;

        /// <summary>Why a value is invalid, or null.</summary>
        public static string? Validate(string value) =>
            TryParse(value, out _) ? null : "expected none, silent, suggestion, warning or error";

        /// <summary>The severity for a source name: the first matching key's, else the rule's default; null means none.</summary>
        public DiagnosticSeverity? For(string name, DiagnosticSeverity fallback)
        {
            foreach (var (pattern, severity) in _entries)
            {
                if (pattern.Matches(name))
                {
                    return severity;
                }
            }

            return fallback;
        }

        /// <summary>The severity keys of one options object (cached per configuration by <see cref="InsuranceContext"/>).</summary>
        public static ProtectedSeverities Parse(AnalyzerConfigOptions options)
        {
            var result = new ProtectedSeverities();
            foreach (var key in options.Keys.Where(IsKey).OrderBy(k => k, StringComparer.OrdinalIgnoreCase))
            {
                if (options.TryGetValue(key, out var value) && TryParse(value, out var severity))
                {
                    var word = key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length);
                    result._entries.Add((new WordPatterns(new[] { word }), severity));
                }
            }

            return result;
        }

        private static bool TryParse(string value, out DiagnosticSeverity? severity)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "none": severity = null; return true;
                case "silent": case "hidden": severity = DiagnosticSeverity.Hidden; return true;
                case "suggestion": case "info": severity = DiagnosticSeverity.Info; return true;
                case "warning": severity = DiagnosticSeverity.Warning; return true;
                case "error": severity = DiagnosticSeverity.Error; return true;
                default: severity = null; return false;
            }
        }
    }
}
