using System.Text;

namespace QualityGates.Core.History;

/// <summary>
/// Per-commit records cached by SHA in one binary file. Commits never change, so an entry is valid forever; the file
/// carries a format version and the file limit its stats were cut with. A missing, corrupt or foreign file is ignored
/// (and rebuilt); the file is written atomically (temp file in the same folder, then rename).
/// </summary>
internal static class HistoryCache
{
    public const string FileName = "qualitygates-history.bin";
    private const int Magic = 0x43484751; // "QGHC"
    private const int Version = 1;

    // 20,000 records in a run that lasts about a second: tiered JIT would read them all with unoptimised code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<string, CommitRecord> Load(string? directory, int maxFilesPerCommit, out string? note)
    {
        note = null;
        var records = new Dictionary<string, CommitRecord>(StringComparer.Ordinal);
        if (directory == null)
        {
            return records;
        }

        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return records;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != maxFilesPerCommit)
            {
                return records;
            }

            var strings = new string[Count(reader, stream)];
            for (int i = 0; i < strings.Length; i++)
            {
                strings[i] = reader.ReadString();
            }

            int count = Count(reader, stream);
            for (int i = 0; i < count; i++)
            {
                var record = ReadRecord(reader, stream, strings);
                records[record.Sha] = record;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException or DecoderFallbackException)
        {
            note = "history cache was unreadable and is rebuilt";
            records.Clear();
        }

        return records;
    }

    public static string? Save(string directory, IEnumerable<CommitRecord> records, int maxFilesPerCommit)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            temp = Path.Combine(directory, FileName + "." + Guid.NewGuid().ToString("N") + ".tmp");
            var table = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = records.Where(r => !r.Boundary).ToList();
            using (var body = new MemoryStream())
            {
                using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
                {
                    w.Write(list.Count);
                    foreach (var r in list)
                    {
                        WriteRecord(w, r, table);
                    }
                }

                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    w.Write(Magic);
                    w.Write(Version);
                    w.Write(maxFilesPerCommit);
                    w.Write(table.Count);
                    foreach (var s in table.OrderBy(p => p.Value).Select(p => p.Key))
                    {
                        w.Write(s);
                    }
                }

                body.Position = 0;
                body.CopyTo(stream);
            }

            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return "history cache not written (" + ex.Message + ")";
        }
    }

    private static void TryDelete(string? path)
    {
        try
        {
            if (path != null)
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file is harmless.
        }
    }

    private static int Count(BinaryReader reader, Stream stream)
    {
        int n = reader.ReadInt32();
        if (n < 0 || n > stream.Length)
        {
            throw new InvalidDataException("bad count");
        }

        return n;
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
        var parents = new string[Count(r, stream)];
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
            Trailers = ReadArray(r, stream, () => new KeyValuePair<string, string>(t[r.ReadInt32()], r.ReadString())),
            Reverts = ReadArray(r, stream, r.ReadString),
            HasStats = r.ReadBoolean(),
            FileCount = r.ReadInt32(),
            TooLarge = r.ReadBoolean(),
        };
        record.Files = ReadArray(r, stream, () =>
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static T[] ReadArray<T>(BinaryReader r, Stream stream, Func<T> read)
    {
        var items = new T[Count(r, stream)];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = read();
        }

        return items;
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
