namespace QualityGates.Core;

/// <summary>
/// Reads a file named on the command line without trusting its size: a pipe (<c>&lt;(cat x)</c>) has none, and a device
/// such as <c>/dev/zero</c> reports 0 and never ends. At most <c>max</c> bytes are read.
/// </summary>
public static class BoundedInput
{
    /// <summary>The whole content, or null when it holds more than <paramref name="max"/> bytes.</summary>
    public static byte[]? ReadAllBytes(string path, long max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        return ReadAllBytes(stream, max);
    }

    /// <summary>The rest of <paramref name="stream"/>, or null when it holds more than <paramref name="max"/> bytes.</summary>
    public static byte[]? ReadAllBytes(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
