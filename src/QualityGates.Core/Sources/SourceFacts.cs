using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QualityGates.Analyzers.Semantics;
using QualityGates.Core.Complexity;
using QualityGates.Core.Scope;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Sources;

/// <summary>A C# file as the gate sees it at HEAD: generated or not, and its members' complexity.</summary>
public sealed record SourceFile(string Path, string BlobSha, bool Generated, IReadOnlyList<MemberComplexity> Members);

/// <summary>
/// The parsed facts of the repository's C# files for one run: complexity per member and pricing/underwriting scope.
/// Parsing 2,000 files costs about a second, so the facts are cached by content (the git blob SHA of the file's
/// bytes) in the user's cache folder, scope also by the QualityGates settings in force for the file. A warm run with
/// no changed file parses nothing; a changed file has another SHA and is parsed again. The cache file is per
/// repository, holds the entries this run used plus older ones up to <see cref="MaxEntries"/>, and is rewritten only
/// when something new was parsed.
/// </summary>
public sealed class SourceFacts
{
    /// <summary>Larger source files are not parsed (they are generated or data, not hand-written hotspots).</summary>
    public const int MaxSourceBytes = 4 * 1024 * 1024;

    /// <summary>Entries kept in all: this run's, then older ones (other branches' versions of files) up to this.</summary>
    public const int MaxEntries = 20_000;

    public const string CacheName = "qualitygates-sources";
    private const int Magic = 0x53534751; // "QGSS"
    private const int Version = 1;

    private static readonly string[] GeneratedSuffixes = { ".g.cs", ".g.i.cs", ".designer.cs", ".generated.cs" };
    private static readonly string[] GeneratedFolders = { "migrations", "obj", "bin" };

    private readonly string _root;
    private readonly string? _cachePath;
    private readonly DomainScopeResolver _scopes;
    private readonly RepositoryBoundary _boundary;
    private readonly Dictionary<string, Entry> _cached;
    private readonly Dictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SourceFile? File, SyntaxTree? Tree)> _byPath = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _tooLarge = new(StringComparer.Ordinal);
    private bool _dirty;

    private SourceFacts(string root, string? cachePath, Dictionary<string, Entry> cached, string? note)
    {
        _root = root;
        _cachePath = cachePath;
        _cached = cached;
        _scopes = new DomainScopeResolver(root);
        _boundary = new RepositoryBoundary(root);
        Note = note;
    }

    /// <summary>A note for the result when the cache could not be read or written; null when all went well.</summary>
    public string? Note { get; private set; }

    /// <summary>How many files this run parsed (cache misses), for tests and profiling.</summary>
    public int Parsed { get; private set; }

    /// <summary>Facts for <paramref name="repositoryRoot"/>, cached in <paramref name="cacheDirectory"/> (null: no cache).</summary>
    public static SourceFacts Open(string repositoryRoot, string? cacheDirectory)
    {
        string root = RepositoryPaths.FullRoot(repositoryRoot);
        if (cacheDirectory == null)
        {
            return new SourceFacts(root, null, new Dictionary<string, Entry>(StringComparer.Ordinal), null);
        }

        string path = CacheFile.PathFor(cacheDirectory, CacheName, root);
        var cached = CacheFile.Read(path, Magic, Version, Stamp, ReadEntries, out bool corrupt);
        return new SourceFacts(root, path, cached ?? new Dictionary<string, Entry>(StringComparer.Ordinal),
            corrupt ? "source cache was unreadable and is rebuilt" : null);
    }

    /// <summary>
    /// The file at HEAD (the working tree), or null when it is missing, outside the repository (also through a linked
    /// folder), a link, or larger than
    /// <see cref="MaxSourceBytes"/>. Generated files (by name or an &lt;auto-generated&gt; header) have no members.
    /// </summary>
    public SourceFile? Read(string relativePath)
    {
        if (_byPath.TryGetValue(relativePath, out var known))
        {
            return known.File;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        var info = new FileInfo(full);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !info.Exists || info.Length > MaxSourceBytes ||
            (info.Attributes & FileAttributes.ReparsePoint) != 0 || !_boundary.Contains(full))
        {
            if (info.Exists && info.Length > MaxSourceBytes)
            {
                _tooLarge.Add(relativePath);
            }

            _byPath[relativePath] = (null, null);
            return null;
        }

        var bytes = File.ReadAllBytes(full);
        var sha = BlobSha(bytes);
        SyntaxTree? tree = null;
        if (!_used.TryGetValue(sha, out var entry) && !_cached.TryGetValue(sha, out entry))
        {
            tree = Parse(bytes, full);
            bool generated = IsGeneratedName(relativePath) || HasAutoGeneratedHeader(tree);
            entry = new Entry(sha, generated, generated ? Array.Empty<MemberComplexity>() : CyclomaticComplexity.Measure(tree));
            Parsed++;
            _dirty = true;
        }

        _used[sha] = entry;
        var file = new SourceFile(relativePath, sha, entry.Generated, entry.Members);
        _byPath[relativePath] = (file, tree);
        return file;
    }

    /// <summary>
    /// The working tree's C# files that hold code (a member with a body), repo-relative with "/" separators, in ordinal
    /// order: what a test project can cover. With <paramref name="tracked"/> (the files git tracks) only those are
    /// looked at, so an ignored folder or a submodule is not named as code no test loads; without it the whole tree is
    /// walked. Generated files and folders (<see cref="IsGeneratedPath"/>) are left out; the walk never enters .git or a
    /// symbolic link or junction.
    /// </summary>
    public IReadOnlyList<string> CodeFiles(IReadOnlySet<string>? tracked = null)
    {
        IEnumerable<string> paths = tracked?.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !IsGeneratedPath(p)) ?? WalkSourceFiles();
        return paths
            .Where(relative => !IsGeneratedName(relative) && Read(relative) is { Generated: false, Members.Count: > 0 })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<string> WalkSourceFiles()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var walk = new System.IO.Enumeration.FileSystemEnumerable<string>(_root, (ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory && e.FileName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase),
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) =>
                !e.FileName.Equals(".git", StringComparison.Ordinal) && !GeneratedFolders.Contains(e.FileName.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        return walk.Select(full => Path.GetRelativePath(_root, full).Replace('\\', '/'));
    }

    /// <summary>The file's pricing/underwriting scope, by the analyzers' rules (see <see cref="DomainScopeResolver"/>).</summary>
    public DomainScope Scope(string relativePath)
    {
        var file = Read(relativePath);
        if (file == null)
        {
            // Missing or not cacheable (too large, a link): the resolver answers as it does without a cache.
            return _scopes.GetScope(relativePath);
        }

        var context = _scopes.Context(relativePath);
        if (context == null)
        {
            return DomainScope.None;
        }

        var entry = _used[file.BlobSha];
        if (!entry.Scopes.TryGetValue(context.SettingsKey, out var declared))
        {
            var tree = _byPath[relativePath].Tree ?? Parse(File.ReadAllBytes(context.FullPath), context.FullPath);
            declared = DomainScopeResolver.Declared(tree, context.Settings);
            entry.Scopes[context.SettingsKey] = declared;
            _dirty = true;
        }

        return context.Combine(declared);
    }

    /// <summary>Writes the cache when this run parsed something; returns a note when it could not be written.</summary>
    public string? Save()
    {
        if (_cachePath == null || !_dirty)
        {
            return null;
        }

        var keep = _used.Values.Concat(_cached.Values.Where(e => !_used.ContainsKey(e.Sha)))
            .Take(Math.Max(MaxEntries, _used.Count)).ToList();
        string? error = CacheFile.Write(_cachePath, Magic, Version, Stamp, w => WriteEntries(w, keep));
        _dirty = false;
        if (error != null)
        {
            Note = "source cache not written (" + error + ")";
        }

        return Note;
    }

    /// <summary>
    /// The files this run skipped for their size, named in a note (null when none): their methods are in no complexity
    /// figure, so a reader must know they were not judged.
    /// </summary>
    public string? TooLargeNote => _tooLarge.Count == 0
        ? null
        : string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "{0} C# {1} larger than {2} MB {3} not measured (no complexity, not a hotspot, not judged by complexity.newCode): {4}.",
            _tooLarge.Count,
            _tooLarge.Count == 1 ? "file" : "files",
            MaxSourceBytes / (1024 * 1024),
            _tooLarge.Count == 1 ? "was" : "were",
            NotesText.Named(_tooLarge));

    /// <summary>git's blob id of the bytes (as <c>git hash-object</c>), so an entry names the content it was measured on.</summary>
    public static string BlobSha(byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes("blob " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\0"));
        hash.AppendData(bytes);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Generated by its name (*.g.cs, *.Designer.cs, ...).</summary>
    public static bool IsGeneratedName(string path) =>
        GeneratedSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Generated by its repo-relative path ("/" separators): by its name, or under a Migrations/, obj/ or bin/ folder
    /// (source generators' output is under obj/). Out of hotspots and coverage alike.
    /// </summary>
    public static bool IsGeneratedPath(string relativePath)
    {
        if (IsGeneratedName(relativePath))
        {
            return true;
        }

        string[] segments = relativePath.Split('/');
        return segments[..^1].Any(s => GeneratedFolders.Contains(s, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>What the entries depend on besides the file: this engine's code and the Roslyn that parsed them.</summary>
    private static readonly string Stamp = string.Join('|',
        typeof(SourceFacts).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(InsuranceSettings).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(CSharpSyntaxTree).Assembly.GetName().Version);

    private static SyntaxTree Parse(byte[] bytes, string fullPath)
    {
        // As File.ReadAllText decodes: UTF-8 unless a byte-order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CSharpSyntaxTree.ParseText(reader.ReadToEnd(), CyclomaticComplexity.ParseOptions, fullPath);
    }

    private static bool HasAutoGeneratedHeader(SyntaxTree tree) =>
        tree.GetRoot().GetLeadingTrivia().Any(t =>
            (t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)) &&
            t.ToString().Contains("<auto-generated", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, Entry> ReadEntries(BinaryReader r, Stream stream)
    {
        var settings = CacheFile.ReadArray(r, stream, r.ReadString);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        int count = CacheFile.Count(r, stream);
        for (int i = 0; i < count; i++)
        {
            var sha = r.ReadString();
            bool generated = r.ReadBoolean();
            var members = CacheFile.ReadArray(r, stream, () => new MemberComplexity(r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32()));
            var entry = new Entry(sha, generated, members);
            int scopes = CacheFile.Count(r, stream);
            for (int s = 0; s < scopes; s++)
            {
                entry.Scopes[settings[r.ReadInt32()]] = new DeclaredScope((DomainScope)r.ReadInt32(), r.ReadBoolean());
            }

            entries[sha] = entry;
        }

        return entries;
    }

    private static void WriteEntries(BinaryWriter w, List<Entry> entries)
    {
        var settings = entries.SelectMany(e => e.Scopes.Keys).Distinct(StringComparer.Ordinal).ToList();
        var ids = settings.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        w.Write(settings.Count);
        settings.ForEach(w.Write);
        w.Write(entries.Count);
        foreach (var e in entries)
        {
            w.Write(e.Sha);
            w.Write(e.Generated);
            w.Write(e.Members.Count);
            foreach (var m in e.Members)
            {
                w.Write(m.Name);
                w.Write(m.Line);
                w.Write(m.EndLine);
                w.Write(m.Complexity);
            }

            w.Write(e.Scopes.Count);
            foreach (var (key, declared) in e.Scopes)
            {
                w.Write(ids[key]);
                w.Write((int)declared.Scope);
                w.Write(declared.AnyIncluded);
            }
        }
    }

    /// <summary>Facts of one content; scope per settings key, since the same text can be in scope under one .editorconfig and not another.</summary>
    private sealed class Entry(string sha, bool generated, IReadOnlyList<MemberComplexity> members)
    {
        public string Sha { get; } = sha;

        public bool Generated { get; } = generated;

        public IReadOnlyList<MemberComplexity> Members { get; } = members;

        public Dictionary<string, DeclaredScope> Scopes { get; } = new(StringComparer.Ordinal);
    }
}
