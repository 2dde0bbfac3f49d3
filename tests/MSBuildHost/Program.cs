using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

// MSBuildHost PROJECT TARGET[;TARGET...] [Name=Value ...]
// Builds PROJECT in this process with the MSBuild of this app (17.11 from NuGet) on this app's runtime, and prints
// every error and warning in MSBuild's canonical form, one per line, plus the runtime and MSBuild versions.
// Exit code: 0 build succeeded, 1 build failed, 2 usage, 3 MSBuild itself threw.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MSBuildHost PROJECT TARGET[;TARGET...] [Name=Value ...]");
    return 2;
}

var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
foreach (var pair in args.Skip(2))
{
    var equals = pair.IndexOf('=', StringComparison.Ordinal);
    if (equals <= 0)
    {
        Console.Error.WriteLine("not Name=Value: " + pair);
        return 2;
    }

    properties[pair[..equals]] = pair[(equals + 1)..];
}

var msbuild = typeof(ProjectCollection).Assembly;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"MSBuildHost: runtime {RuntimeInformation.FrameworkDescription}, MSBuild {msbuild.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version}, self-contained {!File.Exists(Path.Combine(AppContext.BaseDirectory, "MSBuildHost.runtimeconfig.json")) || RuntimeFrameworkIsLocal()}"));

try
{
    using var collection = new ProjectCollection(properties);
    var parameters = new BuildParameters(collection)
    {
        Loggers = [new CanonicalLogger()],
        MaxNodeCount = 1,
        EnableNodeReuse = false,
    };
    var request = new BuildRequestData(Path.GetFullPath(args[0]), properties, null, args[1].Split(';', StringSplitOptions.RemoveEmptyEntries), null);
    var result = BuildManager.DefaultBuildManager.Build(parameters, request);
    Console.WriteLine("MSBuildHost: build " + (result.OverallResult == BuildResultCode.Success ? "succeeded" : "FAILED"));
    return result.OverallResult == BuildResultCode.Success ? 0 : 1;
}
catch (Exception e)
{
    Console.WriteLine("MSBuildHost: MSBuild threw " + e);
    return 3;
}

// Self-contained: the runtime's own System.Private.CoreLib sits beside the app.
static bool RuntimeFrameworkIsLocal() =>
    string.Equals(Path.GetDirectoryName(typeof(object).Assembly.Location), Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), StringComparison.Ordinal);

/// <summary>Errors and warnings as "file(line): error CODE: text"; high-importance messages as they are.</summary>
internal sealed class CanonicalLogger : ILogger
{
    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;

    public string? Parameters { get; set; }

    public void Initialize(IEventSource eventSource)
    {
        eventSource.ErrorRaised += (_, e) => Write("error", e.Subcategory, e.Code, e.File, e.LineNumber, e.Message);
        eventSource.WarningRaised += (_, e) => Write("warning", e.Subcategory, e.Code, e.File, e.LineNumber, e.Message);
        eventSource.MessageRaised += (_, e) =>
        {
            if (e.Importance == MessageImportance.High)
            {
                Console.WriteLine(e.Message);
            }
        };
    }

    public void Shutdown()
    {
    }

    private static void Write(string category, string? subcategory, string? code, string? file, int line, string? message)
    {
        var origin = string.IsNullOrEmpty(file) ? "" : line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}({line}) : ") : file + " : ";
        var sub = string.IsNullOrEmpty(subcategory) ? "" : subcategory + " ";
        Console.WriteLine($"{origin}{sub}{category} {code}: {message}");
    }
}
