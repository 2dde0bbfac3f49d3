using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;
using QualityGates.Core.Complexity;
using QualityGates.Core.Sources;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Scope;

/// <summary>
/// Which files hold pricing or underwriting code, by the analyzers' rules on syntax alone: [PremiumCalculation] /
/// [UnderwritingRule] (matched by name, on the member, a containing type or the assembly), [NotInRatingScope] taking
/// code out, the qualitygates_pricing_scope / qualitygates_underwriting_scope patterns and the name heuristic, with
/// options read from the .editorconfig and .globalconfig files between the file and the repository root by Roslyn's
/// own AnalyzerConfigSet, parsed by the analyzers' <see cref="InsuranceSettings"/>. Test projects are out unless
/// qualitygates_include_test_projects is true. A file is in scope when any type or member declared in it is.
/// </summary>
public sealed class DomainScopeResolver
{
    private static readonly string[] TestFrameworks = { "xunit", "nunit", "mstest", "microsoft.net.test.sdk" };

    private readonly string _root;
    private readonly RepositoryBoundary _boundary;
    private readonly ConcurrentDictionary<string, AnalyzerConfig?> _configs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerConfigSet> _sets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InsuranceSettings> _settings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool IsTest, DomainScope Assembly, bool AssemblyExcluded)> _projects = new(StringComparer.Ordinal);

    // Every file of a folder has the same project: one search up the tree per folder, not per file.
    private readonly ConcurrentDictionary<string, (bool IsTest, DomainScope Assembly, bool AssemblyExcluded)> _projectOfFolder = new(StringComparer.Ordinal);

    public DomainScopeResolver(string repositoryRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        _boundary = new RepositoryBoundary(_root);
    }

    /// <summary>The scope of a repo-relative C# file (read from disk when no tree is given); None outside the repository (links followed).</summary>
    public DomainScope GetScope(string relativePath, SyntaxTree? tree = null)
    {
        var context = Context(relativePath);
        if (context == null)
        {
            return DomainScope.None;
        }

        if (tree == null)
        {
            if (RepositoryText.Read(_boundary, context.FullPath, SourceFacts.MaxSourceBytes, out _) is not { } text)
            {
                return DomainScope.None;
            }

            tree = CSharpSyntaxTree.ParseText(text, CyclomaticComplexity.ParseOptions, context.FullPath);
        }

        return context.Combine(Declared(tree, context.Settings));
    }

    /// <summary>
    /// What a file's scope depends on besides its text: its settings and its project. Null when the file is out
    /// whatever it says: outside the repository, in a test project (unless included) or an excluded assembly.
    /// </summary>
    public FileScopeContext? Context(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!IsInside(full) || !_boundary.Contains(full))
        {
            return null;
        }

        var (settings, settingsKey) = SettingsAndKey(full);
        var project = Project(Path.GetDirectoryName(full)!);
        if ((project.IsTest && !settings.IncludeTestProjects) || project.AssemblyExcluded)
        {
            return null;
        }

        return new FileScopeContext(full, settings, settingsKey, project.Assembly);
    }

    /// <summary>The scope a file's own declarations give under some settings: syntax only, so it can be cached by content and settings.</summary>
    public static DeclaredScope Declared(SyntaxTree tree, InsuranceSettings settings)
    {
        var scope = DomainScope.None;
        bool anyIncluded = false;
        foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is MemberDeclarationSyntax member and not BaseNamespaceDeclarationSyntax)
            {
                foreach (var name in DeclaredNames(member))
                {
                    var own = MemberScope(member, name, settings);
                    anyIncluded |= own != null;
                    scope |= own ?? DomainScope.None;
                }
            }
        }

        return new DeclaredScope(scope, anyIncluded);
    }

    /// <summary>The analyzers' settings in force for a file, read as the compiler reads them.</summary>
    public InsuranceSettings GetSettings(string fullPath) => SettingsAndKey(fullPath).Settings;

    /// <summary>The settings and a key that is equal exactly when the QualityGates options are (for caching by settings).</summary>
    private (InsuranceSettings Settings, string Key) SettingsAndKey(string fullPath)
    {
        // The chain depends only on the folder: one set per folder.
        var set = _sets.GetOrAdd(Path.GetDirectoryName(fullPath)!, d => AnalyzerConfigSet.Create(ConfigChain(d)));
        var options = set.GetOptionsForSourcePath(fullPath).AnalyzerOptions;
        var fingerprint = string.Join('\n', options.Where(o => o.Key.StartsWith(OptionNames.GlobalPrefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value));
        return (_settings.GetOrAdd(fingerprint, _ => InsuranceSettings.Parse(new DictionaryOptions(options), null)), fingerprint);
    }

    /// <summary>A member's own scope (without the assembly's); null when [NotInRatingScope] takes it out.</summary>
    private static DomainScope? MemberScope(MemberDeclarationSyntax member, string name, InsuranceSettings settings)
    {
        var chain = member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().ToList();
        if (chain.Any(m => HasAttribute(m, "NotInRatingScope")))
        {
            return null;
        }

        var scope = DomainScope.None;
        if (chain.Any(m => HasAttribute(m, "PremiumCalculation")))
        {
            scope |= DomainScope.Pricing;
        }

        if (chain.Any(m => HasAttribute(m, "UnderwritingRule")))
        {
            scope |= DomainScope.Underwriting;
        }

        var parts = new List<string>();
        foreach (var m in chain.Skip(1).Reverse())
        {
            switch (m)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    parts.AddRange(ns.Name.ToString().Split('.'));
                    break;
                case BaseTypeDeclarationSyntax t:
                    parts.Add(t.Identifier.ValueText);
                    break;
            }
        }

        parts.Add(name);
        var qualified = string.Join('.', parts.Where(p => p.Length > 0));
        if (settings.PricingScope.Any(p => p.Matches(qualified)))
        {
            scope |= DomainScope.Pricing;
        }

        if (settings.UnderwritingScope.Any(p => p.Matches(qualified)))
        {
            scope |= DomainScope.Underwriting;
        }

        if (settings.ScopeNameHeuristic)
        {
            foreach (var part in parts)
            {
                scope |= InsuranceContext.NameScope(part);
            }
        }

        return scope;
    }

    /// <summary>The names a member declaration declares (a field declaration can declare several).</summary>
    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax t => new[] { t.Identifier.ValueText },
        DelegateDeclarationSyntax d => new[] { d.Identifier.ValueText },
        MethodDeclarationSyntax m => new[] { m.Identifier.ValueText },
        ConstructorDeclarationSyntax c => new[] { c.Identifier.ValueText },
        DestructorDeclarationSyntax d => new[] { d.Identifier.ValueText },
        PropertyDeclarationSyntax p => new[] { p.Identifier.ValueText },
        EventDeclarationSyntax e => new[] { e.Identifier.ValueText },
        IndexerDeclarationSyntax => new[] { "this[]" },
        BaseFieldDeclarationSyntax f => f.Declaration.Variables.Select(v => v.Identifier.ValueText),
        OperatorDeclarationSyntax o => new[] { "op_" + o.OperatorToken.Text },
        ConversionOperatorDeclarationSyntax => new[] { "op_Implicit" },
        EnumMemberDeclarationSyntax e => new[] { e.Identifier.ValueText },
        _ => Array.Empty<string>(),
    };

    private static bool HasAttribute(MemberDeclarationSyntax member, string shortName) =>
        member.AttributeLists.Where(l => l.Target == null || !l.Target.Identifier.IsKind(SyntaxKind.ReturnKeyword))
            .SelectMany(l => l.Attributes).Any(a => IsNamed(a, shortName));

    private static bool IsNamed(AttributeSyntax attribute, string shortName)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name == shortName || name == shortName + "Attribute";
    }

    /// <summary>The nearest project (folder with a .csproj) inside the repository: is it a test project, and its assembly attributes.</summary>
    private (bool IsTest, DomainScope Assembly, bool AssemblyExcluded) Project(string directory) =>
        _projectOfFolder.GetOrAdd(directory, FindProject);

    private (bool IsTest, DomainScope Assembly, bool AssemblyExcluded) FindProject(string directory)
    {
        for (var dir = directory; dir != null && IsInside(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            var csproj = Directory.EnumerateFiles(dir, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (csproj != null)
            {
                return _projects.GetOrAdd(dir, d => ReadProject(_boundary, d, csproj));
            }
        }

        return (false, DomainScope.None, false);
    }

    private static (bool IsTest, DomainScope Assembly, bool AssemblyExcluded) ReadProject(RepositoryBoundary boundary, string dir, string csproj)
    {
        var name = Path.GetFileNameWithoutExtension(csproj);
        var text = RepositoryText.Read(boundary, csproj, MaxProjectBytes, out _) ?? string.Empty;
        bool isTest = name.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".Test", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".Specs", StringComparison.OrdinalIgnoreCase) ||
            TestFrameworks.Any(f => text.Contains("Include=\"" + f, StringComparison.OrdinalIgnoreCase));

        var scope = DomainScope.None;
        bool excluded = false;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", options))
        {
            var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var source = RepositoryText.Read(boundary, file, SourceFacts.MaxSourceBytes, out _) ?? string.Empty;
            if (!source.Contains("assembly:", StringComparison.Ordinal) && !source.Contains("assembly :", StringComparison.Ordinal))
            {
                continue;
            }

            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, CyclomaticComplexity.ParseOptions).GetRoot();
            var attributes = root.AttributeLists.Where(l => l.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true).SelectMany(l => l.Attributes).ToList();
            scope |= attributes.Any(a => IsNamed(a, "PremiumCalculation")) ? DomainScope.Pricing : DomainScope.None;
            scope |= attributes.Any(a => IsNamed(a, "UnderwritingRule")) ? DomainScope.Underwriting : DomainScope.None;
            excluded |= attributes.Any(a => IsNamed(a, "NotInRatingScope"));
        }

        return (isTest, scope, excluded);
    }

    /// <summary>.editorconfig and .globalconfig files from the file's folder up to the repository root, never above it.</summary>
    private List<AnalyzerConfig> ConfigChain(string directory)
    {
        var chain = new List<AnalyzerConfig>();
        for (var dir = directory; dir != null && IsInside(dir); dir = Path.GetDirectoryName(dir))
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var config = _configs.GetOrAdd(Path.Combine(dir, name), path => ReadConfig(_boundary, path));
                if (config != null)
                {
                    chain.Add(config);
                }
            }
        }

        return chain;
    }

    /// <summary>A committed link out of the repository (to /dev/zero, a pipe) is not read: the file counts as absent.</summary>
    private static AnalyzerConfig? ReadConfig(RepositoryBoundary boundary, string path) =>
        RepositoryText.Read(boundary, path, MaxProjectBytes, out _) is { } text ? AnalyzerConfig.Parse(text, path) : null;

    /// <summary>Project and analyzer-config files are read whole up to this size; larger ones count as empty.</summary>
    private const int MaxProjectBytes = 1024 * 1024;

    private bool IsInside(string fullPath) =>
        fullPath == _root || fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The options of one file as the analyzers' <see cref="AnalyzerConfigOptions"/>.</summary>
    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values.WithComparers(KeyComparer);
        }

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

/// <summary>What a file's scope depends on besides its text (see <see cref="DomainScopeResolver.Context"/>).</summary>
public sealed record FileScopeContext(string FullPath, InsuranceSettings Settings, string SettingsKey, DomainScope Assembly)
{
    /// <summary>A file is in the assembly's scope when it declares anything not taken out by [NotInRatingScope].</summary>
    public DomainScope Combine(DeclaredScope declared) => declared.AnyIncluded ? Assembly | declared.Scope : DomainScope.None;
}

/// <summary>The scope of a file's own declarations, and whether any declaration is left in scope at all.</summary>
public readonly record struct DeclaredScope(DomainScope Scope, bool AnyIncluded);
