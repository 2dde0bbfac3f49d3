using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace QualityGates.Core.History;

/// <summary>
/// A commit's names and message decoded from its raw bytes, for the commits libgit2 gives with U+FFFD in them: it
/// decodes every commit as UTF-8, while git records the encoding a commit was made in (<c>i18n.commitEncoding</c>,
/// written in the commit's <c>encoding</c> header: ISO-8859-1, Shift_JIS) and older tools wrote Latin-1 without saying
/// so. Read with <c>git cat-file</c> when git is on PATH; otherwise (or on any failure) null, and the lossy text stays.
/// </summary>
internal static class RawCommitText
{
    static RawCommitText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Author, string Committer, string Message)? TryRead(string gitDir, string sha)
    {
        byte[]? raw = CatFile(gitDir, sha);
        return raw is null ? null : Decode(raw);
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

    private static byte[]? CatFile(string gitDir, string sha)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--git-dir=" + gitDir, "-c", "core.fsmonitor=false", "cat-file", "commit", sha })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception();
            var errors = process.StandardError.ReadToEndAsync();
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? buffer.ToArray() : null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }
}
