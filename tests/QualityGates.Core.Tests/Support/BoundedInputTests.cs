namespace QualityGates.Core.Tests.Support;

/// <summary>Inputs named on the command line are read without trusting a size: pipes have none, devices never end.</summary>
public sealed class BoundedInputTests
{
    [Fact]
    public void UpToTheLimit_IsReadWhole_OneByteMore_IsNull()
    {
        byte[] data = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();

        Assert.Equal(data, BoundedInput.ReadAllBytes(new MemoryStream(data), data.Length));
        Assert.Null(BoundedInput.ReadAllBytes(new MemoryStream(data), data.Length - 1));
        Assert.Empty(BoundedInput.ReadAllBytes(new MemoryStream(), 0)!);
    }

    [Fact]
    public void AStreamThatNeverEnds_StopsAtTheLimit()
    {
        var endless = new Endless();

        Assert.Null(BoundedInput.ReadAllBytes(endless, 1_000_000));
        Assert.InRange(endless.Served, 1_000_001, 1_000_000 + (64 * 1024));
    }

    [Fact]
    public void DevZero_IsRefusedByEveryCommandLineInput()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        Assert.Null(BoundedInput.ReadAllBytes("/dev/zero", 1_000_000));
        var history = Assert.Throws<QualityGates.Core.Reports.ReportInputException>(() => QualityGates.Core.Reports.TrendHistory.Read("/dev/zero"));
        Assert.Equal("trend history '/dev/zero' holds more than 4194304 bytes but has no length (a pipe or a device): pass the history file itself", history.Message);
    }

    /// <summary>Like /dev/zero: zeros for ever, no length.</summary>
    private sealed class Endless : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
