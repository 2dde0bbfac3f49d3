using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The shared building blocks (scope, money and rates, decisions, protected attributes) for one compilation,
    /// created once and shared by every analyzer; every answer is cached per symbol.
    /// </summary>
    public sealed class InsuranceContext
    {
        private static readonly ConditionalWeakTable<Compilation, InsuranceContext> Contexts = new ConditionalWeakTable<Compilation, InsuranceContext>();

        private const string AttributeSuffix = "Attribute";

        private static readonly string[] TestFrameworkAssemblies = { "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework" };

        /// <summary>Each rule's slot in <see cref="OptionsEntry.Rules"/>; slot 0 holds the settings without a rule.</summary>
        private static readonly Dictionary<string, int> RuleSlots = DiagnosticDescriptors.All.Select((d, i) => (d.Id, Slot: i + 1)).ToDictionary(r => r.Id, r => r.Slot, StringComparer.Ordinal);

        private readonly AnalyzerConfigOptionsProvider _optionsProvider;
        private readonly ConcurrentDictionary<(string Fingerprint, string? RuleId), InsuranceSettings> _settings = new ConcurrentDictionary<(string, string?), InsuranceSettings>();
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, OptionsEntry> _byOptions;
        private readonly ConcurrentDictionary<string, ProtectedSeverities> _severities = SharedCache.Create<string, ProtectedSeverities>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<ISymbol, object> _scopes;
        private readonly ConcurrentDictionary<(ISymbol Symbol, InsuranceSettings Settings), (Scope Scope, bool Excluded)> _containerScopes;
        private readonly ConcurrentDictionary<string, object> _nameScopes = SharedCache.Create<string, object>(StringComparer.Ordinal);
        private readonly Lazy<(Scope Scope, bool Excluded)> _assemblyScope;
        private readonly ConcurrentDictionary<INamedTypeSymbol, object> _typesWithScopedCode;
        private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, Scope>> _helperScopes = SharedCache.Create<INamedTypeSymbol, Dictionary<string, Scope>>(ReferenceComparer<INamedTypeSymbol>.Instance);
        private readonly Func<INamedTypeSymbol, Dictionary<string, Scope>> _computeHelperScopes;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _decisionEnums = SharedCache.Create<INamedTypeSymbol, bool>(ReferenceComparer<INamedTypeSymbol>.Instance);
        private readonly Func<ISymbol, object> _computeScope;
        private readonly Func<INamedTypeSymbol, object> _newTypeCell = [MethodImpl(HotPath.Optimize)] (_) => new TypeCell();
        private readonly Func<(ISymbol Symbol, InsuranceSettings Settings), (Scope Scope, bool Excluded)> _computeContainerScope;
        private readonly Func<string, object> _nameScope;
        private readonly Func<AnalyzerConfigOptions, OptionsEntry> _newOptionsEntry = options => new OptionsEntry(options);
        private readonly Lazy<bool> _isTestProject;
        private readonly Lazy<WellKnownTypes> _types;

        private InsuranceContext(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider)
        {
            Compilation = compilation;
            _optionsProvider = optionsProvider;
            _types = new Lazy<WellKnownTypes>(() => new WellKnownTypes(compilation));
            _isTestProject = new Lazy<bool>(() => DetectTestProject(compilation));
            _assemblyScope = new Lazy<(Scope, bool)>(() => AttributeScope(compilation.Assembly));

            // Every rule asks these per operation from several threads: sized for the compilation up front, so the
            // tables are not regrown (which holds every lock) while the rules run.
            int symbols = SharedCache.ExpectedSymbols(compilation);
            _byOptions = SharedCache.Create<AnalyzerConfigOptions, OptionsEntry>(ReferenceComparer<AnalyzerConfigOptions>.Instance, symbols / 64);
            _scopes = SharedCache.Create<ISymbol, object>(ReferenceComparer<ISymbol>.Instance, symbols);
            _containerScopes = SharedCache.Create<(ISymbol, InsuranceSettings), (Scope, bool)>(null, symbols / 8);
            _typesWithScopedCode = SharedCache.Create<INamedTypeSymbol, object>(ReferenceComparer<INamedTypeSymbol>.Instance, symbols / 8);

            // Method groups passed to GetOrAdd would allocate a delegate on every lookup.
            _computeScope = [MethodImpl(HotPath.Optimize)] (symbol) => SharedCache.Box(ComputeScope(symbol));
            _computeContainerScope = ComputeContainerScope;
            _computeHelperScopes = ComputeHelperScopes;
            _nameScope = [MethodImpl(HotPath.Optimize)] (name) => SharedCache.Box(NameScope(name));
        }

        public Compilation Compilation { get; }

        /// <summary>
        /// Resolved on first use in a rule's callback, never at compilation start: in csc the first type lookup waits while
        /// the compiler builds its declaration table for every file, and that wait was charged to whichever rule started first.
        /// </summary>
        public WellKnownTypes Types => _types.Value;

        /// <summary>Test projects are out of scope unless qualitygates_include_test_projects is true.</summary>
        public bool IsTestProject => _isTestProject.Value;

        public static InsuranceContext Get(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider) =>
            Contexts.GetValue(compilation, c => new InsuranceContext(c, optionsProvider));

        /// <summary>The settings for a tree, as one rule sees them (per-rule keys win).</summary>
        [MethodImpl(HotPath.Optimize)]
        public InsuranceSettings GetSettings(SyntaxTree? tree, string? ruleId = null)
        {
            // Rules ask per operation, and all of them ask about a new file at once: the answer sits in a slot per rule of
            // the file's options object, filled without a lock (a lost race only parses what the winner also parsed).
            var entry = EntryFor(tree);
            int slot = 0;
            if (ruleId != null && !RuleSlots.TryGetValue(ruleId, out slot))
            {
                return ResolveSettings(entry, ruleId);
            }

            var known = Volatile.Read(ref entry.Rules[slot]);
            if (known != null)
            {
                return known;
            }

            var resolved = ResolveSettings(entry, ruleId);
            return Interlocked.CompareExchange(ref entry.Rules[slot], resolved, null) ?? resolved;
        }

        /// <summary>
        /// What decides a file's settings: its qualitygates_ keys and values, sorted. Files with equal fingerprints have
        /// equal settings and equal configuration errors.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public string GetFingerprint(SyntaxTree? tree) => EntryFor(tree).Fingerprint;

        /// <summary>QG2007's per-attribute severities for a tree, parsed once per distinct configuration.</summary>
        [MethodImpl(HotPath.Optimize)]
        public ProtectedSeverities GetProtectedSeverities(SyntaxTree tree)
        {
            var entry = EntryFor(tree);
            return entry.Severities ??= _severities.GetOrAdd(entry.Fingerprint, _ => ProtectedSeverities.Parse(entry.Options));
        }

        /// <summary>The entry of the tree's options object (the global options for no tree).</summary>
        [MethodImpl(HotPath.Optimize)]
        private OptionsEntry EntryFor(SyntaxTree? tree) =>
            _byOptions.GetOrAdd(tree == null ? _optionsProvider.GlobalOptions : _optionsProvider.GetOptions(tree), _newOptionsEntry);

        [MethodImpl(HotPath.Optimize)]
        private InsuranceSettings ResolveSettings(OptionsEntry entry, string? ruleId)
        {
            // Trees get their own options objects, but nearly all share the same qualitygates_ values: parse once per distinct set.
            var options = entry.Options;
            var fingerprint = entry.Fingerprint;
            if (ruleId != null && fingerprint.IndexOf(OptionNames.RulePrefix + ruleId.ToLowerInvariant() + ".", StringComparison.OrdinalIgnoreCase) < 0)
            {
                ruleId = null;
            }

            return _settings.GetOrAdd((fingerprint, ruleId), _ => InsuranceSettings.Parse(options, ruleId));
        }

        [MethodImpl(HotPath.Optimize)]
        private static string Fingerprint(AnalyzerConfigOptions options)
        {
            // Filter before sorting: a build's options hold every dotnet_diagnostic key of the SDK's analysis level (hundreds),
            // and this runs once per file.
            var builder = new System.Text.StringBuilder();
            foreach (var key in options.Keys.Where(IsOurKey).OrderBy(k => k, StringComparer.OrdinalIgnoreCase))
            {
                options.TryGetValue(key, out var value);
                builder.Append(key.ToLowerInvariant()).Append('=').Append(value).Append('\n');
            }

            return builder.ToString();
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsOurKey(string key) =>
            key.StartsWith(OptionNames.GlobalPrefix, StringComparison.OrdinalIgnoreCase) ||
            key.StartsWith(OptionNames.RulePrefix + "qg", StringComparison.OrdinalIgnoreCase);

        [MethodImpl(HotPath.Optimize)]
        public InsuranceSettings GetSettings(ISymbol symbol, string? ruleId = null)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return GetSettings(location.SourceTree, ruleId);
                }
            }

            return GetSettings((SyntaxTree?)null, ruleId);
        }

        /// <summary>The scope of a member (or of the member that owns a lambda or local function).</summary>
        [MethodImpl(HotPath.Optimize)]
        public Scope GetScope(ISymbol? symbol)
        {
            if (symbol == null)
            {
                return Scope.None;
            }

            while (symbol is IMethodSymbol m && (m.MethodKind == MethodKind.LambdaMethod || m.MethodKind == MethodKind.LocalFunction) && m.ContainingSymbol != null)
            {
                symbol = m.ContainingSymbol;
            }

            if (symbol is IMethodSymbol accessor && accessor.AssociatedSymbol != null)
            {
                symbol = accessor.AssociatedSymbol;
            }

            // Every rule asks about the member the driver hands it, one rule after the other on the same thread: the thread's
            // last answer serves all but the first without touching the shared table.
            var last = LastLookup.ForScopes();
            if (last.Owner == this && ReferenceEquals(last.Symbol, symbol))
            {
                return (Scope)last.Value;
            }

            var scope = (Scope)_scopes.GetOrAdd(symbol, _computeScope);
            last.Set(this, symbol, (int)scope);
            return scope;
        }

        [MethodImpl(HotPath.Optimize)]
        public bool IsInScope(ISymbol? symbol, Scope wanted = Scope.Any) => (GetScope(symbol) & wanted) != 0;

        /// <summary>
        /// Whether a type is in scope or declares a member that is (a [PremiumCalculation] method in a neutral class):
        /// the gate for every rule's body actions. Nested types answer for their own members.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public bool HoldsScopedCode(INamedTypeSymbol type)
        {
            // Every rule starts a new type at the same moment, on several threads. One of them settles the type while the
            // others wait for it: when each settled it on its own, they did the same work side by side and queued on the
            // same cache entries, on two cores that the compiler also needs (build profiles).
            var last = LastLookup.ForTypes();
            if (last.Owner == this && ReferenceEquals(last.Symbol, type))
            {
                return last.Value != 0;
            }

            var cell = (TypeCell)_typesWithScopedCode.GetOrAdd(type, _newTypeCell);
            if (!Volatile.Read(ref cell.Settled))
            {
                lock (cell)
                {
                    if (!cell.Settled)
                    {
                        cell.Holds = ComputeHoldsScopedCode(type);
                        Volatile.Write(ref cell.Settled, true);
                    }
                }
            }

            last.Set(this, type, cell.Holds ? 1 : 0);
            return cell.Holds;
        }

        [MethodImpl(HotPath.Optimize)]
        private bool ComputeHoldsScopedCode(INamedTypeSymbol t)
        {
            // Every member's scope is settled here, once per type, before any body of the type is analyzed: the rules' own
            // scope checks per operation then only read the cache, instead of racing each other to fill it.
            bool holds = GetScope(t) != Scope.None;
            var members = t.GetMembers();

            foreach (var member in members)
            {
                if (!(member is INamedTypeSymbol) && GetScope(member) != Scope.None)
                {
                    holds = true;
                }
            }

            return holds;
        }

        [MethodImpl(HotPath.Optimize)]
        private Scope ComputeScope(ISymbol symbol)
        {
            var scope = DeclaredScope(symbol, out bool excluded);
            return excluded || !IsPrivateHelper(symbol) ? scope : scope | HelperScope((IMethodSymbol)symbol);
        }

        /// <summary>The scope a member has by itself: its attributes, names and configured patterns, and those of its containers.</summary>
        [MethodImpl(HotPath.Optimize)]
        private Scope DeclaredScope(ISymbol symbol, out bool excluded)
        {
            excluded = true;
            var settings = GetSettings(symbol);
            if (IsTestProject && !settings.IncludeTestProjects)
            {
                return Scope.None;
            }

            var assembly = _assemblyScope.Value;
            if (assembly.Excluded)
            {
                return Scope.None;
            }

            var own = OwnScope(symbol, settings);
            if (own.Excluded)
            {
                return Scope.None;
            }

            var container = ContainerScope(symbol.ContainingSymbol, settings);
            excluded = container.Excluded;
            return excluded ? Scope.None : own.Scope | container.Scope | assembly.Scope | InheritedScope(symbol, settings);
        }

        /// <summary>A private method: only its own type calls it, so it does what its callers do.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsPrivateHelper(ISymbol symbol) =>
            symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, ContainingType: not null };

        /// <summary>
        /// <c>CalculatePremium</c> prices, and so do the private <c>ApplyAgeLoading</c> and <c>RoundToPence</c> it calls, whatever
        /// they are called: a private method has the scope of the members of its type that use it, directly or through
        /// other private methods.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private Scope HelperScope(IMethodSymbol method) =>
            _helperScopes.GetOrAdd(method.ContainingType, _computeHelperScopes).TryGetValue(method.Name, out var scope) ? scope : Scope.None;

        /// <summary>
        /// Once per type: the scope each private method name gets from the members that mention it. By name, from the
        /// callers' syntax (a call, or a method group passed on): overloads share their callers, which costs nothing a
        /// binder would catch. Only scope the type itself lacks is passed on, so a type in scope reads no syntax.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private Dictionary<string, Scope> ComputeHelperScopes(INamedTypeSymbol type)
        {
            var typeScope = ContainerScope(type, GetSettings(type)).Scope;
            if (typeScope == Scope.Any)
            {
                return Empty;
            }

            var helpers = new Dictionary<string, Scope>(StringComparer.Ordinal);
            var roots = new List<(ISymbol Member, Scope Scope)>();
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol)
                {
                    continue;
                }

                // Other members' scopes are the cached answers every rule asks for anyway; only private ones are computed here.
                Scope scope;
                if (IsPrivateHelper(member))
                {
                    scope = DeclaredScope(member, out bool excluded) & ~typeScope;
                    if (!excluded)
                    {
                        helpers[member.Name] = helpers.TryGetValue(member.Name, out var known) ? known | scope : scope;
                    }
                }
                else
                {
                    scope = GetScope(member) & ~typeScope;
                }

                if (scope != Scope.None)
                {
                    roots.Add((member, scope));
                }
            }

            if (roots.Count == 0 || helpers.Count == 0)
            {
                return Empty;
            }

            var work = new Queue<(ISymbol Member, Scope Scope)>(roots);
            while (work.Count > 0)
            {
                var (member, scope) = work.Dequeue();
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    foreach (var token in reference.GetSyntax().DescendantTokens())
                    {
                        if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && helpers.TryGetValue(token.ValueText, out var known) && (known | scope) != known)
                        {
                            helpers[token.ValueText] = known | scope;
                            foreach (var helper in type.GetMembers(token.ValueText))
                            {
                                if (IsPrivateHelper(helper))
                                {
                                    work.Enqueue((helper, scope));
                                }
                            }
                        }
                    }
                }
            }

            return helpers;
        }

        private static readonly Dictionary<string, Scope> Empty = new Dictionary<string, Scope>();

        /// <summary>
        /// Types and namespaces are asked about once per settings in force, not once per member: scope is the hot path of
        /// every rule, and out-of-scope code must cost next to nothing.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private (Scope Scope, bool Excluded) ContainerScope(ISymbol? container, InsuranceSettings settings)
        {
            if (container == null || (container is INamespaceSymbol ns && ns.IsGlobalNamespace) || container is IAssemblySymbol || container is IModuleSymbol)
            {
                return (Scope.None, false);
            }

            return _containerScopes.GetOrAdd((container, settings), _computeContainerScope);
        }

        [MethodImpl(HotPath.Optimize)]
        private (Scope Scope, bool Excluded) ComputeContainerScope((ISymbol Symbol, InsuranceSettings Settings) key)
        {
            var own = OwnScope(key.Symbol, key.Settings);
            var parent = ContainerScope(key.Symbol.ContainingSymbol, key.Settings);
            return (own.Scope | parent.Scope | InheritedScope(key.Symbol, key.Settings), own.Excluded || parent.Excluded);
        }

        /// <summary>
        /// A type is what it derives from or implements: <c>YachtStrategy : PremiumCalculator</c> prices and
        /// <c>SmokerRule : IUnderwritingRule</c> underwrites, whatever they are called. An exclusion is not inherited.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private Scope InheritedScope(ISymbol symbol, InsuranceSettings settings)
        {
            if (!(symbol is INamedTypeSymbol type) || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
            {
                return Scope.None;
            }

            // The base's own scope already holds what it inherits: one level is enough.
            var scope = Scope.None;
            if (type.BaseType is { SpecialType: SpecialType.None } baseType)
            {
                scope |= ContainerScope(baseType.OriginalDefinition, settings).Scope;
            }

            foreach (var implemented in type.Interfaces)
            {
                scope |= ContainerScope(implemented.OriginalDefinition, settings).Scope;
            }

            return scope;
        }

        /// <summary>What a symbol says about itself: its attributes, its name, and a configured pattern matching its full name.</summary>
        [MethodImpl(HotPath.Optimize)]
        private (Scope Scope, bool Excluded) OwnScope(ISymbol symbol, InsuranceSettings settings)
        {
            var scope = Scope.None;
            if (!(symbol is INamespaceSymbol))
            {
                var attributes = AttributeScope(symbol);
                if (attributes.Excluded)
                {
                    return (Scope.None, true);
                }

                scope |= attributes.Scope;
            }

            if (!settings.PricingScope.IsEmpty || !settings.UnderwritingScope.IsEmpty)
            {
                string qualified = QualifiedName(symbol);
                if (settings.PricingScope.Any(p => p.Matches(qualified)))
                {
                    scope |= Scope.Pricing;
                }

                if (settings.UnderwritingScope.Any(p => p.Matches(qualified)))
                {
                    scope |= Scope.Underwriting;
                }
            }

            if (settings.ScopeNameHeuristic)
            {
                scope |= (Scope)_nameScopes.GetOrAdd(SimpleName(symbol), _nameScope);
            }

            // A method that returns a decision, or a result holding one, decides whatever its class is called (opt-in).
            if (settings.ScopeDecisionMethods && symbol is IMethodSymbol method && Outcomes.ReturnsDecision(method, this))
            {
                scope |= Scope.Underwriting;
            }

            return (scope, false);
        }

        /// <summary>
        /// An explicit interface implementation is named after its interface (<c>Rules.IRule&lt;UnderwritingInput&gt;.Evaluate</c>):
        /// its own name is the member's, so that it is in scope exactly when the implicit implementation would be.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static string SimpleName(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { ExplicitInterfaceImplementations.Length: > 0 } method => method.ExplicitInterfaceImplementations[0].Name,
            IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } property => property.ExplicitInterfaceImplementations[0].Name,
            IEventSymbol { ExplicitInterfaceImplementations.Length: > 0 } e => e.ExplicitInterfaceImplementations[0].Name,
            _ => symbol.Name,
        };

        /// <summary>[PremiumCalculation], [UnderwritingRule] and [NotInRatingScope] on the symbol (or a property of an accessor), in one pass.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static (Scope Scope, bool Excluded) AttributeScope(ISymbol symbol)
        {
            var scope = Scope.None;
            foreach (var s in symbol is IMethodSymbol m && m.AssociatedSymbol != null ? new[] { symbol, m.AssociatedSymbol } : new[] { symbol })
            {
                foreach (var attribute in s.GetAttributes())
                {
                    if (IsNamed(attribute, "NotInRatingScope"))
                    {
                        return (Scope.None, true);
                    }

                    if (IsNamed(attribute, "PremiumCalculation"))
                    {
                        scope |= Scope.Pricing;
                    }
                    else if (IsNamed(attribute, "UnderwritingRule"))
                    {
                        scope |= Scope.Underwriting;
                    }
                }
            }

            return (scope, false);
        }

        /// <summary>The name heuristic over the member, its containing types and namespaces.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static Scope NameScope(ISymbol symbol)
        {
            var scope = Scope.None;
            for (ISymbol? s = symbol; s != null && !(s is INamespaceSymbol ns && ns.IsGlobalNamespace); s = s.ContainingSymbol)
            {
                scope |= NameScope(s.Name);
            }

            return scope;
        }

        [MethodImpl(HotPath.Optimize)]
        public static Scope NameScope(string name)
        {
            var words = NameWords.Split(name);
            var scope = Scope.None;
            if (NameWords.LastMatchingWordIndex(words, Defaults.PricingScopeWords) >= 0)
            {
                scope |= Scope.Pricing;
            }

            if (NameWords.LastMatchingWordIndex(words, Defaults.UnderwritingScopeWords) >= 0 || NameWords.ContainsSequence(words, "risk", "class"))
            {
                scope |= Scope.Underwriting;
            }

            return scope;
        }

        /// <summary>
        /// Classifies a symbol's value as money, a rate, or neither. Every rule asks for every operand: the answer by name is
        /// cached per name (a cache per symbol cost more than it saved, since hashing a symbol for the first time is not free).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public ValueKind GetValueKind(ISymbol? symbol)
        {
            if (symbol == null)
            {
                return ValueKind.None;
            }

            ITypeSymbol? type;
            switch (symbol)
            {
                case ILocalSymbol l: type = l.Type; break;
                case IParameterSymbol p: type = p.Type; break;
                case IFieldSymbol f: type = f.Type; break;
                case IPropertySymbol pr: type = pr.Type; break;
                // An async method's value is its task's result: Task<decimal> GetTerritoryFactorAsync is a rate.
                case IMethodSymbol m: type = Outcomes.UnwrapTask(m.ReturnType); break;
                default: return ValueKind.None;
            }

            if (type == null)
            {
                return ValueKind.None;
            }

            var settings = GetSettings(symbol);
            if (IsMoneyType(type, settings))
            {
                return ValueKind.Money;
            }

            if (!IsNumeric(type))
            {
                return ValueKind.None;
            }

            if (HasAttribute(symbol, "Monetary") || (symbol is IMethodSymbol method && method.GetReturnTypeAttributes().Any(a => IsNamed(a, "Monetary"))))
            {
                return ValueKind.Money;
            }

            return settings.KindOfName(symbol.Name);
        }

        [MethodImpl(HotPath.Optimize)]
        public static ValueKind ClassifyName(string name, InsuranceSettings settings)
        {
            var words = NameWords.Split(name);

            // premiumPerDay, costPerClaim: an amount per unit is still an amount; what it is comes before "per".
            int per = IndexOfPer(words);
            if (per > 0)
            {
                words = words.Take(per).ToList();
            }

            if (words.Count == 0 || IsNonMoneyHead(words))
            {
                return ValueKind.None;
            }

            int money = settings.MoneyNames.LastMatch(words);
            int rate = settings.RateNames.LastMatch(words);
            if (money < 0 && rate < 0)
            {
                return ValueKind.None;
            }

            return money > rate ? ValueKind.Money : ValueKind.Rate;
        }

        [MethodImpl(HotPath.Optimize)]
        private static int IndexOfPer(IReadOnlyList<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                if (words[i] == "per")
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A name whose last word says it counts or measures something other than money (BandIndex, TermYears, SumInsuredBand).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool HasNonMoneyHeadWord(string name) => IsNonMoneyHead(NameWords.Split(name));

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNonMoneyHead(IReadOnlyList<string> words) => NameWords.HeadIs(words, Defaults.NonMoneyHeadWords);

        [MethodImpl(HotPath.Optimize)]
        public static bool IsMoneyType(ITypeSymbol type, InsuranceSettings settings)
        {
            type = UnwrapNullable(type);
            if (settings.MoneyTypes.Count == 0 || !settings.MoneyTypeSimpleNames.Contains(type.Name))
            {
                return false;
            }

            // A generic money type (Money<TCurrency>) is configured by its definition's name, with or without the arity
            // (`Ns.Money`, `Ns.Money`1`); its constructed form displays as Ns.Money<Ns.Usd>, which no configured name equals.
            return type is INamedTypeSymbol { IsGenericType: true } generic
                ? settings.GenericMoneyTypes.Contains(generic.OriginalDefinition.ToDisplayString(GenericDefinitionFormat))
                : settings.MoneyTypes.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
        }

        private static readonly SymbolDisplayFormat GenericDefinitionFormat =
            SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None);

        [MethodImpl(HotPath.Optimize)]
        public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
            type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? named.TypeArguments[0] : type;

        /// <summary>The member implements an interface member implicitly: its signature is the interface's, declared (and reported) there.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool ImplementsInterfaceMember(ISymbol member) =>
            member.ContainingType != null &&
            member.ContainingType.AllInterfaces.Any(i => i.GetMembers(member.Name).Any(m => SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(m), member)));

        [MethodImpl(HotPath.Optimize)]
        public static bool IsNumeric(ITypeSymbol type)
        {
            switch (UnwrapNullable(type).SpecialType)
            {
                case SpecialType.System_Decimal:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                    return true;
                default:
                    return false;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsFloatingPoint(ITypeSymbol type)
        {
            var s = UnwrapNullable(type).SpecialType;
            return s == SpecialType.System_Double || s == SpecialType.System_Single;
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsIntegral(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            switch (UnwrapNullable(type).SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// An enum is a decision when it carries [Decision], is configured in qualitygates_decision_enums, or has at least
        /// two members among Approve, Accept(ed), Eligible, Bind, Quote(d), Decline, Reject, Refer(red), Pend... of which
        /// one grants cover (or is a configured favourable outcome) and one declines or refers: a lifecycle enum
        /// (Quoted, Bound, Expired) names favourable states only, and decides nothing.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public bool IsDecisionEnum(ITypeSymbol? type)
        {
            if (!(UnwrapNullable(type ?? Types.ObjectType) is INamedTypeSymbol named) || named.TypeKind != TypeKind.Enum)
            {
                return false;
            }

            return _decisionEnums.GetOrAdd(named, n =>
            {
                if (HasAttribute(n, "Decision") || GetSettings(n).DecisionEnums.Contains(n.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)))
                {
                    return true;
                }

                var settings = GetSettings(n);
                int hits = 0;
                bool favourable = false, adverse = false;
                foreach (var member in n.GetMembers())
                {
                    if (!(member is IFieldSymbol field) || !field.HasConstantValue)
                    {
                        continue;
                    }

                    bool grants = IsOneOf(field.Name, Defaults.FavourableDecisionMemberNames);
                    bool withholds = IsOneOf(field.Name, Defaults.AdverseOrReferralDecisionMemberNames);
                    hits += grants || withholds ? 1 : 0;
                    favourable |= grants || settings.IsFavourable(field.Name);
                    adverse |= withholds;
                }

                return hits >= 2 && favourable && adverse;
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsOneOf(string name, string[] names)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A risk-class enum by name ("RiskClass", "RiskTier", "VehicleGroup" are not guessed; configure them in qualitygates_exhaustive_enums).</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool IsRiskClassEnum(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || named.TypeKind != TypeKind.Enum)
            {
                return false;
            }

            var words = NameWords.Split(named.Name);
            if (NameWords.ContainsSequence(words, "risk", "class") || NameWords.ContainsSequence(words, "risk", "tier") || NameWords.ContainsSequence(words, "risk", "category"))
            {
                return true;
            }

            return GetSettings(named).ExhaustiveEnums.Contains(named.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
        }

        /// <summary>Bool-returning decision methods: Is(Approved|Eligible|Acceptable|Insurable), Can(Insure|Bind|Quote).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsBoolDecisionMethod(IMethodSymbol? method)
        {
            // Task<bool> IsEligibleAsync is the same verdict, awaited.
            if (method == null || Outcomes.UnwrapTask(method.ReturnType).SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }

            var words = NameWords.Split(method.Name);
            if (words.Count < 2)
            {
                return false;
            }

            if (words[0] == "is")
            {
                return words.Skip(1).Any(IsVerdictWord);
            }

            return words[0] == "can" && (words[1] == "insure" || words[1] == "bind" || words[1] == "quote" || words[1] == "accept" || words[1] == "approve");
        }

        /// <summary>A bool named for granting cover: Eligible, IsApproved, Accepted, Insurable, Acceptable.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsBoolVerdictName(string name) => NameWords.Split(name).Any(IsVerdictWord);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsVerdictWord(string word) =>
            word == "approved" || word == "eligible" || word == "acceptable" || word == "insurable" || word == "accepted";

        [MethodImpl(HotPath.Optimize)]
        public static bool HasAttribute(ISymbol symbol, string shortName)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (IsNamed(attribute, shortName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>[ProtectedCharacteristic] on a member or on its type.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsMarkedProtected(ISymbol symbol, ITypeSymbol? type) =>
            HasAttribute(symbol, "ProtectedCharacteristic") || (type != null && HasAttribute(type, "ProtectedCharacteristic"));

        /// <summary>True when the symbol, a containing type, or the assembly carries the attribute (matched by name in any namespace).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool HasAttributeUp(ISymbol symbol, string shortName)
        {
            if (HasAttribute(symbol, shortName) || (symbol is IMethodSymbol m && m.AssociatedSymbol != null && HasAttribute(m.AssociatedSymbol, shortName)))
            {
                return true;
            }

            for (var type = symbol.ContainingType; type != null; type = type.ContainingType)
            {
                if (HasAttribute(type, shortName))
                {
                    return true;
                }
            }

            return symbol.ContainingAssembly != null && HasAttribute(symbol.ContainingAssembly, shortName);
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsNamed(AttributeData a, string shortName) => IsAttributeName(a.AttributeClass?.Name, shortName);

        /// <summary>"X" or "XAttribute", compared without building "XAttribute": this runs for every attribute read.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsAttributeName(string? name, string shortName) =>
            name != null && name.StartsWith(shortName, StringComparison.Ordinal) &&
            (name.Length == shortName.Length || (name.Length == shortName.Length + AttributeSuffix.Length && name.EndsWith(AttributeSuffix, StringComparison.Ordinal)));

        [MethodImpl(HotPath.Optimize)]
        public static string QualifiedName(ISymbol symbol) =>
            symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType).WithParameterOptions(SymbolDisplayParameterOptions.None).WithGenericsOptions(SymbolDisplayGenericsOptions.None));

        [MethodImpl(HotPath.Optimize)]
        private static bool DetectTestProject(Compilation compilation)
        {
            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                if (TestFrameworkAssemblies.Contains(name.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var assembly = compilation.AssemblyName ?? string.Empty;
            return assembly.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || assembly.EndsWith(".Test", StringComparison.OrdinalIgnoreCase) || assembly.EndsWith(".Specs", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>What one options object (one file's view of .editorconfig and .globalconfig) resolves to.</summary>
        private sealed class OptionsEntry
        {
            /// <summary>Slot 0: the shared settings; then one per rule (<see cref="RuleSlots"/>).</summary>
            public readonly InsuranceSettings?[] Rules = new InsuranceSettings?[RuleSlots.Count + 1];

            public readonly AnalyzerConfigOptions Options;

            public ProtectedSeverities? Severities;

            private string? _fingerprint;

            public OptionsEntry(AnalyzerConfigOptions options) => Options = options;

            /// <summary>Computed on first use; a lost race computes the same string again.</summary>
            public string Fingerprint => _fingerprint ??= InsuranceContext.Fingerprint(Options);
        }

        /// <summary>
        /// A thread's last answer to one question about one symbol. Held weakly, so a thread keeps no symbol, and through it
        /// no compilation, alive (in the IDE either); a collection costs one lookup in the shared table, never a wrong answer.
        /// </summary>
        private sealed class LastLookup
        {
            [ThreadStatic]
            private static WeakReference<LastLookup>? t_scopes;

            [ThreadStatic]
            private static WeakReference<LastLookup>? t_types;

            public InsuranceContext? Owner;

            public ISymbol? Symbol;

            public int Value;

            [MethodImpl(HotPath.Optimize)]
            public static LastLookup ForScopes() => Of(ref t_scopes);

            [MethodImpl(HotPath.Optimize)]
            public static LastLookup ForTypes() => Of(ref t_types);

            [MethodImpl(HotPath.Optimize)]
            public void Set(InsuranceContext owner, ISymbol symbol, int value)
            {
                Owner = owner;
                Symbol = symbol;
                Value = value;
            }

            [MethodImpl(HotPath.Optimize)]
            private static LastLookup Of(ref WeakReference<LastLookup>? slot)
            {
                var reference = slot ??= new WeakReference<LastLookup>(null!);
                if (!reference.TryGetTarget(out var last))
                {
                    last = new LastLookup();
                    reference.SetTarget(last);
                }

                return last;
            }
        }

        /// <summary>Whether a type holds scoped code, settled by the first rule to start the type.</summary>
        private sealed class TypeCell
        {
            public bool Settled;

            public bool Holds;
        }
    }
}
