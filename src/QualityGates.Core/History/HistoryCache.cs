using System.Text;

namespace QualityGates.Core.History;

/// <summary>
/// Per-commit records cached by SHA, one file per repository (<see cref="FileFor"/>). Commits never change, so an entry
/// is valid forever; the file carries a format version and the file limit its stats were cut with. Bounded: a write
/// keeps every commit reachable from HEAD, then the newest of the others (other branches, rewritten history) up to
/// <see cref="MaxEntries"/> in all. A missing, corrupt or foreign file is ignored (and rebuilt); the file is written
/// atomically (<see cref="CacheFile"/>).
/// </summary>
internal static class HistoryCache
{
    public const string CacheName = "qualitygates-history";

    /// <summary>The shared, unbounded file of earlier versions: removed when a per-repository file is written.</summary>
    public const string LegacyFileName = "qualitygates-history.bin";

    /// <summary>Entries kept in all (reachable commits are always kept): about 11 MB at the benchmark's 225 bytes a commit.</summary>
    public const int MaxEntries = 50_000;

    private const int Magic = 0x43484751; // "QGHC"
    // 3: merge-request numbers and revert lines parsed with ASCII digits only.
    private const int Version = 3;

    /// <summary>
    /// The cache file of a repository, keyed by its git folder: the common one for a linked worktree (its commits are
    /// the main checkout's), so two repositories never share or evict each other's entries.
    /// </summary>
    public static string FileFor(string directory, string gitDirectory) => CacheFile.PathFor(directory, CacheName, CommonGitDirectory(gitDirectory));

    // 20,000 records in a run that lasts about a second: tiered JIT would read them all with unoptimised code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<string, CommitRecord> Load(string? directory, string gitDirectory, int maxFilesPerCommit, out string? note)
    {
        note = null;
        if (directory == null)
        {
            return new Dictionary<string, CommitRecord>(StringComparer.Ordinal);
        }

        var records = CacheFile.Read(FileFor(directory, gitDirectory), Magic, Version, Stamp(maxFilesPerCommit), ReadRecords, out bool corrupt);
        if (corrupt)
        {
            note = "history cache was unreadable and is rebuilt";
        }

        return records ?? new Dictionary<string, CommitRecord>(StringComparer.Ordinal);
    }

    /// <summary>Writes the cache: <paramref name="reachable"/> in full, then the newest of <paramref name="others"/> up to the cap.</summary>
    public static string? Save(string directory, string gitDirectory, IReadOnlyCollection<CommitRecord> reachable, IEnumerable<CommitRecord> others, int maxFilesPerCommit,
        int maxEntries = MaxEntries)
    {
        var keep = reachable.Where(r => !r.Boundary).ToList();
        var seen = keep.Select(r => r.Sha).ToHashSet(StringComparer.Ordinal);
        keep.AddRange(others
            .Where(r => !r.Boundary && !seen.Contains(r.Sha))
            .OrderByDescending(r => r.CommitterWhen).ThenBy(r => r.Sha, StringComparer.Ordinal)
            .Take(Math.Max(0, maxEntries - keep.Count)));
        string? error = CacheFile.Write(FileFor(directory, gitDirectory), Magic, Version, Stamp(maxFilesPerCommit), w => WriteRecords(w, keep));
        if (error != null)
        {
            return "history cache not written (" + error + ")";
        }

        TryDeleteLegacy(directory);
        return null;
    }

    private static string Stamp(int maxFilesPerCommit) => "maxFilesPerCommit=" + maxFilesPerCommit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string CommonGitDirectory(string gitDirectory)
    {
        // A linked worktree's git folder names the shared one in "commondir" (relative or absolute).
        try
        {
            var file = Path.Combine(gitDirectory, "commondir");
            if (File.Exists(file))
            {
                return Path.GetFullPath(File.ReadAllText(file).Trim(), gitDirectory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Unreadable: key by the worktree's own folder, which is still one repository's.
        }

        return gitDirectory;
    }

    private static void TryDeleteLegacy(string directory)
    {
        try
        {
            File.Delete(Path.Combine(directory, LegacyFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the old file is only wasted space.
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, CommitRecord> ReadRecords(BinaryReader reader, Stream stream)
    {
        var strings = CacheFile.ReadArray(reader, stream, reader.ReadString);
        int count = CacheFile.Count(reader, stream);
        var records = new Dictionary<string, CommitRecord>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var record = ReadRecord(reader, stream, strings);
            records[record.Sha] = record;
        }

        return records;
    }

    private static void WriteRecords(BinaryWriter writer, List<CommitRecord> records)
    {
        // The string table (names, emails, paths, trailer keys) comes first, so the body is written to memory first.
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(records.Count);
            foreach (var r in records)
            {
                WriteRecord(w, r, table);
            }
        }

        writer.Write(table.Count);
        foreach (var s in table.OrderBy(p => p.Value).Select(p => p.Key))
        {
            writer.Write(s);
        }

        writer.Flush();
        body.Position = 0;
        body.CopyTo(writer.BaseStream);
    }

    private static int Id(Dictionary<string, int> table, string s)
    {
        if (!table.TryGetValue(s, out int id))
        {
            table[s] = id = table.Count;
        }

        return id;
    }

    private static void WriteRecord(BinaryWriter w, CommitRecord r, Dictionary<string, int> t)
    {
        w.Write(r.Sha);
        w.Write(r.Parents.Length);
        foreach (var p in r.Parents)
        {
            w.Write(p);
        }

        w.Write(Id(t, r.AuthorName));
        w.Write(Id(t, r.AuthorEmail));
        w.Write(Id(t, r.CommitterName));
        w.Write(Id(t, r.CommitterEmail));
        WriteTime(w, r.AuthorWhen);
        WriteTime(w, r.CommitterWhen);
        w.Write(r.Subject);
        w.Write(r.MergeRequest ?? string.Empty);
        w.Write(r.DifferentialRevision);
        w.Write(r.Trailers.Length);
        foreach (var kv in r.Trailers)
        {
            w.Write(Id(t, kv.Key));
            w.Write(kv.Value);
        }

        w.Write(r.Reverts.Length);
        foreach (var s in r.Reverts)
        {
            w.Write(s);
        }

        w.Write(r.HasStats);
        w.Write(r.FileCount);
        w.Write(r.TooLarge);
        w.Write(r.Files.Length);
        foreach (var f in r.Files)
        {
            w.Write(Id(t, f.Path));
            w.Write(f.OldPath == null ? -1 : Id(t, f.OldPath));
            w.Write(f.Added);
            w.Write(f.Deleted);
        }

        w.Write(r.BranchCommits == null ? -1 : r.BranchCommits.Length);
        foreach (var s in r.BranchCommits ?? Array.Empty<string>())
        {
            w.Write(s);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static CommitRecord ReadRecord(BinaryReader r, Stream stream, string[] t)
    {
        var sha = r.ReadString();
        var parents = new string[CacheFile.Count(r, stream)];
        for (int i = 0; i < parents.Length; i++)
        {
            parents[i] = r.ReadString();
        }

        var record = new CommitRecord
        {
            Sha = sha,
            Parents = parents,
            AuthorName = t[r.ReadInt32()],
            AuthorEmail = t[r.ReadInt32()],
            CommitterName = t[r.ReadInt32()],
            CommitterEmail = t[r.ReadInt32()],
            AuthorWhen = ReadTime(r),
            CommitterWhen = ReadTime(r),
            Subject = r.ReadString(),
            MergeRequest = NullIfEmpty(r.ReadString()),
            DifferentialRevision = r.ReadBoolean(),
            Trailers = CacheFile.ReadArray(r, stream, () => new KeyValuePair<string, string>(t[r.ReadInt32()], r.ReadString())),
            Reverts = CacheFile.ReadArray(r, stream, r.ReadString),
            HasStats = r.ReadBoolean(),
            FileCount = r.ReadInt32(),
            TooLarge = r.ReadBoolean(),
        };
        record.Files = CacheFile.ReadArray(r, stream, () =>
        {
            var path = t[r.ReadInt32()];
            int old = r.ReadInt32();
            return new FileStat(path, old < 0 ? null : t[old], r.ReadInt32(), r.ReadInt32());
        });
        int branch = r.ReadInt32();
        if (branch >= 0)
        {
            record.BranchCommits = new string[branch];
            for (int i = 0; i < branch; i++)
            {
                record.BranchCommits[i] = r.ReadString();
            }
        }

        return record;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static void WriteTime(BinaryWriter w, DateTimeOffset when)
    {
        w.Write(when.UtcTicks);
        w.Write((short)when.Offset.TotalMinutes);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset ReadTime(BinaryReader r)
    {
        long ticks = r.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.ReadInt16());
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
    }
}
