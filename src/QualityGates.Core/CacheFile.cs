using System.Security.Cryptography;
using System.Text;

namespace QualityGates.Core;

/// <summary>
/// The engine's binary caches in the user's cache folder: one file per cache and repository, a header (magic, format
/// version, a stamp of what the entries depend on), written atomically (temp file in the same folder, then rename).
/// A cache is never required for a correct result: a missing, foreign or corrupt file reads as empty.
/// </summary>
internal static class CacheFile
{
    /// <summary>The file of one cache for one repository: two repositories never share (or evict) each other's entries.</summary>
    public static string PathFor(string directory, string name, string repositoryPath) =>
        Path.Combine(directory, name + "-" + RepositoryKey(repositoryPath) + ".bin");

    /// <summary>16 hex digits of the SHA-256 of the full path: stable for a folder, short enough for a file name.</summary>
    public static string RepositoryKey(string repositoryPath) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryPath)))))[..16].ToLowerInvariant();

    /// <summary>
    /// Reads a cache; null when the file is missing or was written by another format, version or stamp (silently:
    /// that is an old cache, not a broken one). <paramref name="corrupt"/> is true when the file was unreadable.
    /// </summary>
    public static T? Read<T>(string path, int magic, int version, string stamp, Func<BinaryReader, Stream, T> read, out bool corrupt)
        where T : class
    {
        corrupt = false;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != magic || reader.ReadInt32() != version || reader.ReadString() != stamp)
            {
                return null;
            }

            T value = read(reader, stream);
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException("trailing bytes");
            }

            return value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or IndexOutOfRangeException
            or FormatException or OverflowException or DecoderFallbackException)
        {
            corrupt = true;
            return null;
        }
    }

    /// <summary>Writes a cache atomically; returns null, or why it could not be written (the run goes on without it).</summary>
    public static string? Write(string path, int magic, int version, string stamp, Action<BinaryWriter> write)
    {
        string directory = Path.GetDirectoryName(path)!;
        string temp = Path.Combine(directory, Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(magic);
                writer.Write(version);
                writer.Write(stamp);
                write(writer);
            }

            File.Move(temp, path, overwrite: true);
            DeleteStaleTempFiles(directory, Path.GetFileName(path));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return ex.Message;
        }
    }

    /// <summary>A count read from the file, checked against the file's length so a corrupt count cannot allocate gigabytes.</summary>
    public static int Count(BinaryReader reader, Stream stream)
    {
        int n = reader.ReadInt32();
        if (n < 0 || n > stream.Length)
        {
            throw new InvalidDataException("bad count");
        }

        return n;
    }

    public static T[] ReadArray<T>(BinaryReader reader, Stream stream, Func<T> read)
    {
        var items = new T[Count(reader, stream)];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = read();
        }

        return items;
    }

    /// <summary>Temp files of writers that were killed mid-write: an hour older than the file just written is long dead.</summary>
    private static void DeleteStaleTempFiles(string directory, string fileName)
    {
        // The file system's own time, not the clock: the core never reads the clock.
        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(directory, fileName));
        foreach (var stale in Directory.EnumerateFiles(directory, fileName + ".*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(stale) < written.AddHours(-1))
            {
                TryDelete(stale);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file is harmless.
        }
    }
}
