using System.Text;

namespace QualityGates.Core;

/// <summary>
/// Reads a small text file that the repository supplies (qualitygate.json, .editorconfig, a .csproj, a C# file):
/// committed content decides what such a path is, so a symbolic link out of the repository (to /dev/zero, a pipe,
/// ~/.ssh) is never opened, and no more than the limit is ever read.
/// </summary>
public static class RepositoryText
{
    /// <summary>
    /// The text (UTF-8 unless a byte-order mark says otherwise), or null: with <paramref name="refusal"/> null when
    /// nothing is there, else why it was not read ("is a folder", "leads outside the repository...", "is larger than...").
    /// </summary>
    public static string? Read(RepositoryBoundary boundary, string path, int maxBytes, out string? refusal)
    {
        refusal = null;
        if (!File.Exists(path))
        {
            refusal = Directory.Exists(path) ? "is a folder, not a file" : null;
            return null;
        }

        if (!boundary.Contains(path))
        {
            refusal = $"leads outside the repository through a symbolic link (to '{RealPaths.Resolve(path) ?? "a loop of links"}'), so it is not read";
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            byte[] buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
            using var kept = new MemoryStream();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                kept.Write(buffer, 0, read);
                if (kept.Length > maxBytes)
                {
                    refusal = $"is larger than {maxBytes / 1024} KB, so it is not read";
                    return null;
                }
            }

            kept.Position = 0;
            using var reader = new StreamReader(kept, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refusal = $"cannot be read: {ex.Message}";
            return null;
        }
    }
}
