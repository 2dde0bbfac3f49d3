namespace QualityGates.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("qualitygate: not implemented yet");
        return 2;
    }
}
