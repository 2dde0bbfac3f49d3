namespace QualityGates.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        CommandLine.Run(args, new CliContext(new StandardOutput(Console.Out), Console.Error, EngineFactory.Create, DateTimeOffset.UtcNow, Environment.CurrentDirectory, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable));
}
