using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The qualitygates_ options in force for one syntax tree and one rule, parsed once. A malformed value falls back to
    /// its default and is recorded in <see cref="Errors"/> (reported as QG0001), never thrown.
    /// </summary>
    public sealed class InsuranceSettings
    {
        private static readonly string[] RoundingModes = { "ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity", "ToPositiveInfinity" };

        /// <summary>Shared by every settings object that does not configure its own: a Regex is safe to match from many threads.</summary>
        private static readonly Regex DefaultClockAllowedMembers = new Regex(Defaults.ClockAllowedMembers, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private readonly List<ConfigurationError> _errors = new List<ConfigurationError>();
        private readonly ConcurrentDictionary<string, object> _nameKinds = SharedCache.Create<string, object>(StringComparer.Ordinal);
        private readonly Func<string, object> _classifyName;

        private InsuranceSettings()
        {
            // A method group passed to GetOrAdd would allocate a delegate on every lookup.
            _classifyName = [MethodImpl(HotPath.Optimize)] (name) => SharedCache.Box(InsuranceContext.ClassifyName(name, this));
        }

        public ImmutableArray<WildcardPattern> PricingScope { get; private set; } = ImmutableArray<WildcardPattern>.Empty;

        public ImmutableArray<WildcardPattern> UnderwritingScope { get; private set; } = ImmutableArray<WildcardPattern>.Empty;

        public bool ScopeNameHeuristic { get; private set; } = true;

        /// <summary>Every method that returns a decision enum is underwriting code, whatever its type is called.</summary>
        public bool ScopeDecisionMethods { get; private set; }

        public bool IncludeTestProjects { get; private set; }

        public ImmutableHashSet<string> MoneyTypes { get; private set; } = ImmutableHashSet<string>.Empty;

        /// <summary>Configured money types without an arity suffix (`Ns.Money`1` and `Ns.Money` both give `Ns.Money`): what a generic type's definition is matched against.</summary>
        public ImmutableHashSet<string> GenericMoneyTypes { get; private set; } = ImmutableHashSet<string>.Empty;

        /// <summary>The simple names of the configured money types, so most types are rejected without building their full name.</summary>
        public ImmutableHashSet<string> MoneyTypeSimpleNames { get; private set; } = ImmutableHashSet<string>.Empty;

        public WordPatterns MoneyNames { get; private set; } = new WordPatterns(Defaults.MoneyNames);

        public WordPatterns RateNames { get; private set; } = new WordPatterns(Defaults.RateNames);

        public ImmutableHashSet<string> DecisionEnums { get; private set; } = ImmutableHashSet<string>.Empty;

        public ImmutableHashSet<string> FavourableOutcomes { get; private set; } = ToSet(Defaults.FavourableOutcomes);

        public ImmutableHashSet<string> AdverseOutcomes { get; private set; } = ToSet(Defaults.AdverseOutcomes);

        public string FallbackOutcome { get; private set; } = Defaults.FallbackOutcome;

        /// <summary>The midpoint mode the tariff requires; null when no policy is configured (then any explicit mode is accepted).</summary>
        public string? RoundingPolicy { get; private set; }

        /// <summary>The mode a fix inserts: the policy, else AwayFromZero (half-up, what most manuals say).</summary>
        public string RoundingModeForFix => RoundingPolicy ?? Defaults.RoundingMode;

        public string Jurisdiction { get; private set; } = Defaults.Jurisdiction;

        public WordPatterns ProtectedAttributes { get; private set; } = Protected(Defaults.Jurisdiction, Array.Empty<string>());

        public WordPatterns ProxyAttributes { get; private set; } = new WordPatterns(Defaults.ProxyAttributes);

        public WordPatterns CreditAttributes { get; private set; } = new WordPatterns(Defaults.CreditAttributes);

        public ImmutableArray<decimal> AllowedLiterals { get; private set; } = Defaults.AllowedLiterals.ToImmutableArray();

        public ImmutableArray<decimal> AllowedDayCountBasis { get; private set; } = Defaults.AllowedDayCountBasis.ToImmutableArray();

        public Regex ClockAllowedMembers { get; private set; } = DefaultClockAllowedMembers;

        public ImmutableArray<decimal> AllowedFallbackValues { get; private set; } = Defaults.AllowedFallbackValues.ToImmutableArray();

        public ImmutableHashSet<string> ExhaustiveEnums { get; private set; } = ImmutableHashSet<string>.Empty;

        public ImmutableHashSet<string> TrustedNonZeroMembers { get; private set; } = ImmutableHashSet<string>.Empty;

        public ImmutableHashSet<string> AllowedIntermediateRounding { get; private set; } = ImmutableHashSet<string>.Empty;

        public IReadOnlyList<ConfigurationError> Errors => _errors;

        /// <summary><see cref="InsuranceContext.ClassifyName"/> under these settings, kept per name.</summary>
        public ValueKind KindOfName(string name) => (ValueKind)_nameKinds.GetOrAdd(name, _classifyName);

        public static InsuranceSettings Default { get; } = new InsuranceSettings();

        public static InsuranceSettings Parse(AnalyzerConfigOptions options, string? ruleId)
        {
            var s = new InsuranceSettings();
            var r = new Reader(options, ruleId, s._errors);

            s.PricingScope = r.Patterns(OptionNames.PricingScope);
            s.UnderwritingScope = r.Patterns(OptionNames.UnderwritingScope);
            s.ScopeNameHeuristic = r.Bool(OptionNames.ScopeNameHeuristic, true);
            s.ScopeDecisionMethods = r.Bool(OptionNames.ScopeDecisionMethods, false);
            s.IncludeTestProjects = r.Bool(OptionNames.IncludeTestProjects, false);
            s.MoneyTypes = r.Set(OptionNames.MoneyTypes, Array.Empty<string>(), StringComparer.Ordinal, TypeName);
            s.GenericMoneyTypes = s.MoneyTypes.Select(WithoutArity).ToImmutableHashSet(StringComparer.Ordinal);
            s.MoneyTypeSimpleNames = s.GenericMoneyTypes.Select(t => t.Substring(t.LastIndexOf('.') + 1)).ToImmutableHashSet(StringComparer.Ordinal);
            s.MoneyNames = new WordPatterns(r.List(OptionNames.MoneyNames, Defaults.MoneyNames, Word));
            s.RateNames = new WordPatterns(r.List(OptionNames.RateNames, Defaults.RateNames, Word));
            s.DecisionEnums = r.Set(OptionNames.DecisionEnums, Array.Empty<string>(), StringComparer.Ordinal, TypeName);
            s.FavourableOutcomes = r.Set(OptionNames.FavourableOutcomes, Defaults.FavourableOutcomes, StringComparer.OrdinalIgnoreCase, Identifier);
            s.AdverseOutcomes = r.Set(OptionNames.AdverseOutcomes, Defaults.AdverseOutcomes, StringComparer.OrdinalIgnoreCase, Identifier);
            s.FallbackOutcome = r.Single(OptionNames.FallbackOutcome, Defaults.FallbackOutcome, Identifier);
            s.RoundingPolicy = r.Choice(OptionNames.RoundingMode, RoundingModes);
            s.Jurisdiction = r.Choice(OptionNames.Jurisdiction, Jurisdictions.Names) ?? Defaults.Jurisdiction;
            s.ProtectedAttributes = Protected(s.Jurisdiction, r.List(OptionNames.ProtectedAttributes, Array.Empty<string>(), Word));
            s.ProxyAttributes = new WordPatterns(r.List(OptionNames.ProxyAttributes, Defaults.ProxyAttributes, Word));
            s.CreditAttributes = new WordPatterns(r.List(OptionNames.CreditAttributes, Defaults.CreditAttributes, Word));
            s.AllowedLiterals = r.Numbers(OptionNames.AllowedLiterals, Defaults.AllowedLiterals);
            s.AllowedDayCountBasis = r.Numbers(OptionNames.AllowedDayCountBasis, Defaults.AllowedDayCountBasis);
            s.ClockAllowedMembers = r.Regex(OptionNames.ClockAllowedMembers, DefaultClockAllowedMembers);
            s.AllowedFallbackValues = r.Numbers(OptionNames.AllowedFallbackValues, Defaults.AllowedFallbackValues);
            s.ExhaustiveEnums = r.Set(OptionNames.ExhaustiveEnums, Array.Empty<string>(), StringComparer.Ordinal, TypeName);
            s.TrustedNonZeroMembers = r.Set(OptionNames.TrustedNonZeroMembers, Array.Empty<string>(), StringComparer.Ordinal, Identifier);
            s.AllowedIntermediateRounding = r.Set(OptionNames.AllowedIntermediateRounding, Array.Empty<string>(), StringComparer.Ordinal, Identifier);
            r.ReportUnknownKeys();
            return s;
        }

        public bool IsFavourable(string name) => FavourableOutcomes.Contains(name);

        public bool IsAdverse(string name) => AdverseOutcomes.Contains(name);

        public bool IsAllowedLiteral(decimal value) => AllowedLiterals.Contains(Math.Abs(value));

        private static WordPatterns Protected(string jurisdiction, IReadOnlyList<string> extra)
        {
            Jurisdictions.TryGet(jurisdiction, out var preset);
            return new WordPatterns(preset.Concat(extra));
        }

        private static ImmutableHashSet<string> ToSet(IEnumerable<string> items) => items.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

        private static string? Word(string item) =>
            Regex.IsMatch(item, @"^[A-Za-z][A-Za-z0-9_]*\*?$") ? null : "expected words made of letters and digits, optionally ending in *";

        private static string? Identifier(string item) =>
            Regex.IsMatch(item, @"^@?[A-Za-z_][A-Za-z0-9_]*$") ? null : "expected C# identifiers";

        private static string WithoutArity(string typeName)
        {
            int tick = typeName.IndexOf('`');
            return tick < 0 ? typeName : typeName.Substring(0, tick);
        }

        private static string? TypeName(string item) =>
            Regex.IsMatch(item, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(`\d+)?$") ? null : "expected fully qualified type names such as Contoso.Money";

        /// <summary>Reads one rule's view of the options: the per-rule key wins over the global one.</summary>
        private sealed class Reader
        {
            private static readonly char[] Separators = { ',', ';' };
            private readonly AnalyzerConfigOptions _options;
            private readonly string? _ruleId;
            private readonly List<ConfigurationError> _errors;

            public Reader(AnalyzerConfigOptions options, string? ruleId, List<ConfigurationError> errors)
            {
                _options = options;
                _ruleId = ruleId;
                _errors = errors;
            }

            public bool TryGet(string name, out string key, out string value)
            {
                if (_ruleId != null)
                {
                    key = OptionNames.RulePrefix + _ruleId.ToLowerInvariant() + "." + name;
                    if (_options.TryGetValue(key, out value!) || _options.TryGetValue(OptionNames.RulePrefix + _ruleId + "." + name, out value!))
                    {
                        value = value.Trim();
                        return true;
                    }
                }

                key = OptionNames.GlobalPrefix + name;
                if (_options.TryGetValue(key, out value!))
                {
                    value = value.Trim();
                    return true;
                }

                return false;
            }

            public void ReportUnknownKeys()
            {
                // Only the global pass reports unknown keys, once per options set.
                if (_ruleId != null)
                {
                    return;
                }

                foreach (var key in _options.Keys)
                {
                    if (ProtectedSeverities.IsKey(key))
                    {
                        // qualitygates_protected_attributes.<word>.severity (QG2007): a known family of keys.
                        _options.TryGetValue(key, out var severity);
                        var problem = ProtectedSeverities.Validate(severity ?? string.Empty);
                        if (problem != null)
                        {
                            _errors.Add(new ConfigurationError(key, severity ?? string.Empty, problem));
                        }

                        continue;
                    }

                    var perRule = PerRuleProblem(key);
                    if (perRule != null)
                    {
                        _options.TryGetValue(key, out var v);
                        _errors.Add(new ConfigurationError(key, v ?? string.Empty, perRule));
                        continue;
                    }

                    if (key.StartsWith(OptionNames.GlobalPrefix, StringComparison.OrdinalIgnoreCase) &&
                        !OptionNames.All.Contains(key.Substring(OptionNames.GlobalPrefix.Length), StringComparer.OrdinalIgnoreCase))
                    {
                        _options.TryGetValue(key, out var v);
                        _errors.Add(new ConfigurationError(key, v ?? string.Empty, UnknownOption(key.Substring(OptionNames.GlobalPrefix.Length), OptionNames.GlobalPrefix)));
                    }
                }
            }

            /// <summary>
            /// What is wrong with a <c>dotnet_code_quality.QGxxxx.&lt;name&gt;</c> key, if anything. Keys of other
            /// analyzers (CA1062, ...) share the prefix and are left alone.
            /// </summary>
            private static string? PerRuleProblem(string key)
            {
                if (!key.StartsWith(OptionNames.RulePrefix + "qg", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var rest = key.Substring(OptionNames.RulePrefix.Length);
                var dot = rest.IndexOf('.');
                if (dot < 0)
                {
                    return null;
                }

                var ruleId = rest.Substring(0, dot);
                var name = rest.Substring(dot + 1);
                if (!DiagnosticDescriptors.All.Any(d => string.Equals(d.Id, ruleId, StringComparison.OrdinalIgnoreCase)))
                {
                    return "unknown rule " + ruleId.ToUpperInvariant() + "; the rules are QG0001 and QG1001 to QG4004 (see docs/rules)";
                }

                if (OptionNames.SharedOnly.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    return "applies to every rule at once (the shared scope, money and decision model); set " + OptionNames.GlobalPrefix + name.ToLowerInvariant() + " instead";
                }

                return OptionNames.All.Contains(name, StringComparer.OrdinalIgnoreCase)
                    ? null
                    : UnknownOption(name, OptionNames.RulePrefix + ruleId.ToUpperInvariant() + ".");
            }

            /// <summary>"did you mean ..." for a near miss (at most a third of the name's letters off), else every known option.</summary>
            private static string UnknownOption(string name, string prefix)
            {
                var lower = name.ToLowerInvariant();
                var nearest = OptionNames.All.Select(n => (Name: n, Distance: EditDistance.Between(lower, n))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).First();
                return nearest.Distance <= Math.Max(1, nearest.Name.Length / 3)
                    ? "unknown option; did you mean " + prefix + nearest.Name + "?"
                    : "unknown option; the known ones are " + string.Join(", ", OptionNames.All.Select(n => prefix + n));
            }

            /// <summary>
            /// The comma-separated items of a value; null, with an error, when there are none: an empty list or pattern would
            /// silently switch a policy off (no favourable outcomes, a clock allow-list that matches every name), so the
            /// default stays in force.
            /// </summary>
            private string[]? Items(string key, string value)
            {
                var items = value.Split(Separators).Select(i => i.Trim()).Where(i => i.Length > 0).ToArray();
                if (items.Length > 0)
                {
                    return items;
                }

                _errors.Add(new ConfigurationError(key, value, "a value is required; an empty value would switch the policy off silently, so the default stays in force (to turn a rule off, set dotnet_diagnostic.<rule id>.severity = none)"));
                return null;
            }

            public bool Bool(string name, bool fallback)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return fallback;
                }

                if (bool.TryParse(value, out var b))
                {
                    return b;
                }

                _errors.Add(new ConfigurationError(key, value, "expected true or false"));
                return fallback;
            }

            public string? Choice(string name, string[] choices)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return null;
                }

                var match = choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
                if (match == null)
                {
                    _errors.Add(new ConfigurationError(key, value, "expected one of " + string.Join(", ", choices)));
                }

                return match;
            }

            public string Single(string name, string fallback, Func<string, string?> validate)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return fallback;
                }

                var problem = value.Length == 0 ? "a value is required" : validate(value);
                if (problem != null)
                {
                    _errors.Add(new ConfigurationError(key, value, problem));
                    return fallback;
                }

                return value;
            }

            public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback, Func<string, string?> validate)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return fallback;
                }

                var items = Items(key, value);
                if (items == null)
                {
                    return fallback;
                }

                foreach (var item in items)
                {
                    var problem = validate(item);
                    if (problem != null)
                    {
                        _errors.Add(new ConfigurationError(key, value, problem + " ('" + item + "' is not)"));
                        return fallback;
                    }
                }

                return items;
            }

            public ImmutableHashSet<string> Set(string name, IReadOnlyList<string> fallback, StringComparer comparer, Func<string, string?> validate) =>
                List(name, fallback, validate).ToImmutableHashSet(comparer);

            public ImmutableArray<decimal> Numbers(string name, decimal[] fallback)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return fallback.ToImmutableArray();
                }

                var items = Items(key, value);
                if (items == null)
                {
                    return fallback.ToImmutableArray();
                }

                var result = ImmutableArray.CreateBuilder<decimal>();
                foreach (var item in items)
                {
                    if (!decimal.TryParse(item, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                    {
                        _errors.Add(new ConfigurationError(key, value, "expected numbers separated by commas, with '.' as the decimal point ('" + item + "' is not)"));
                        return fallback.ToImmutableArray();
                    }

                    result.Add(Math.Abs(d));
                }

                return result.ToImmutable();
            }

            public Regex Regex(string name, Regex fallback)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return fallback;
                }

                if (Items(key, value) == null)
                {
                    return fallback;
                }

                try
                {
                    return new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    _errors.Add(new ConfigurationError(key, value, "not a valid regular expression: " + ex.Message));
                    return fallback;
                }
            }

            public ImmutableArray<WildcardPattern> Patterns(string name)
            {
                if (!TryGet(name, out var key, out var value))
                {
                    return ImmutableArray<WildcardPattern>.Empty;
                }

                var items = Items(key, value);
                if (items == null)
                {
                    return ImmutableArray<WildcardPattern>.Empty;
                }

                var result = ImmutableArray.CreateBuilder<WildcardPattern>();
                foreach (var item in items)
                {
                    if (!WildcardPattern.TryCreate(item, out var pattern))
                    {
                        _errors.Add(new ConfigurationError(key, value, "expected names with * wildcards such as Contoso.Rating.* ('" + item + "' is not)"));
                        return ImmutableArray<WildcardPattern>.Empty;
                    }

                    result.Add(pattern!);
                }

                return result.ToImmutable();
            }
        }
    }
}
