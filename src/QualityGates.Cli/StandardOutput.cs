using System.Text;

namespace QualityGates.Cli;

/// <summary>
/// Standard output that says so when it cannot be written (a full disk behind '&gt; file', /dev/full, a closed pipe):
/// the command line then reports QGB0004 for the output, not an unexpected failure of the tool.
/// </summary>
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new StandardOutputException(ex);
        }
    }
}

/// <summary>Standard output could not be written.</summary>
internal sealed class StandardOutputException(IOException inner) : IOException(inner.Message, inner);
