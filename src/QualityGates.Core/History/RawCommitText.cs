using System.Diagnostics;
using System.Text;

namespace QualityGates.Core.History;

/// <summary>
/// A commit's names and message decoded from its raw bytes, for the commits libgit2 gives with U+FFFD in them: it
/// decodes every commit as UTF-8, while git records the encoding a commit was made in (<c>i18n.commitEncoding</c>,
/// written in the commit's <c>encoding</c> header: ISO-8859-1, Shift_JIS) and older tools wrote Latin-1 without saying
/// so. Read with one <c>git cat-file --batch</c> when git is on PATH; otherwise (or on any failure) the lossy text stays.
/// </summary>
internal static class RawCommitText
{
    static RawCommitText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The decoded commits of <paramref name="shas"/> that git could read (none when git is missing or fails).</summary>
    public static Dictionary<string, (string Author, string Committer, string Message)> TryReadAll(string gitDir, IReadOnlyList<string> shas)
    {
        var decoded = new Dictionary<string, (string Author, string Committer, string Message)>(StringComparer.Ordinal);
        foreach (var (sha, raw) in CatFileBatch(gitDir, shas))
        {
            if (Decode(raw) is { } text)
            {
                decoded[sha] = text;
            }
        }

        return decoded;
    }

    /// <summary>Parses a raw commit object: headers, a blank line, the message.</summary>
    internal static (string Author, string Committer, string Message)? Decode(byte[] raw)
    {
        int end = IndexOf(raw, "\n\n"u8, 0);
        int bodyStart = end < 0 ? raw.Length : end + 2;
        int headerEnd = end < 0 ? raw.Length : end;
        byte[]? author = null, committer = null;
        string? declared = null;
        int line = 0;
        while (line < headerEnd)
        {
            int next = Array.IndexOf(raw, (byte)'\n', line, headerEnd - line);
            next = next < 0 ? headerEnd : next;
            var text = raw.AsSpan(line, next - line);
            if (text.StartsWith("author "u8))
            {
                author = NameOf(text["author "u8.Length..]);
            }
            else if (text.StartsWith("committer "u8))
            {
                committer = NameOf(text["committer "u8.Length..]);
            }
            else if (text.StartsWith("encoding "u8))
            {
                declared = Encoding.ASCII.GetString(text["encoding "u8.Length..]).Trim();
            }

            line = next + 1;
        }

        if (author is null || committer is null)
        {
            return null;
        }

        Encoding encoding = EncodingOf(declared, raw);
        return (encoding.GetString(author), encoding.GetString(committer), encoding.GetString(raw, bodyStart, raw.Length - bodyStart));
    }

    /// <summary>The declared encoding; without one (or an unknown one), UTF-8 when the bytes are valid UTF-8, else Windows-1252.</summary>
    private static Encoding EncodingOf(string? declared, byte[] raw)
    {
        if (declared is not null)
        {
            try
            {
                return Encoding.GetEncoding(declared);
            }
            catch (ArgumentException)
            {
                // An encoding name .NET does not know: judged by the bytes.
            }
        }

        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(raw);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>"Name &lt;email&gt; 1700000000 +0100": the bytes before " &lt;".</summary>
    private static byte[] NameOf(ReadOnlySpan<byte> person)
    {
        int angle = person.IndexOf(" <"u8);
        return (angle < 0 ? person : person[..angle]).ToArray();
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int start)
    {
        int found = data.AsSpan(start).IndexOf(value);
        return found < 0 ? -1 : found + start;
    }

    /// <summary>
    /// One <c>git cat-file --batch</c> for all: each answer is "&lt;sha&gt; commit &lt;size&gt;", the object's bytes and a newline
    /// ("&lt;sha&gt; missing" for an object git cannot find).
    /// </summary>
    private static List<(string Sha, byte[] Raw)> CatFileBatch(string gitDir, IReadOnlyList<string> shas)
    {
        var results = new List<(string Sha, byte[] Raw)>();
        using Process? process = GitProcess.TryStart(["--git-dir=" + gitDir], ["cat-file", "--batch"], withInput: true);
        if (process is null)
        {
            return results;
        }

        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            var writer = Task.Run(() =>
            {
                try
                {
                    foreach (var sha in shas)
                    {
                        process.StandardInput.Write(sha + "\n");
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git exited early: the answers read so far stand.
                }
            });
            var output = new BufferedStream(process.StandardOutput.BaseStream);
            foreach (var sha in shas)
            {
                string? header = ReadLine(output);
                var parts = header?.Split(' ');
                if (parts is not { Length: 3 } || parts[1] != "commit" || !int.TryParse(parts[2], out int size) || size < 0)
                {
                    if (header is null)
                    {
                        break;
                    }

                    continue;
                }

                var raw = new byte[size];
                output.ReadExactly(raw);
                output.ReadByte();
                results.Add((sha, raw));
            }

            writer.Wait();
            process.WaitForExit();
            _ = errors.Result;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            // git stopped: the lossy text stays for what was not read.
        }

        return results;
    }

    private static string? ReadLine(Stream stream)
    {
        var line = new List<byte>(64);
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            line.Add((byte)b);
        }

        return b < 0 && line.Count == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
    }
}
