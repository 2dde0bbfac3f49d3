namespace QualityGates.Core;

/// <summary>
/// Bad input or environment, reported to a person as "error QGBxxxx: message" without a stack trace.
/// The message says what was wrong and what to do.
/// </summary>
public sealed class QualityGateException : Exception
{
    public QualityGateException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public string Code { get; }

    public override string ToString() => $"{Code}: {Message}";
}
