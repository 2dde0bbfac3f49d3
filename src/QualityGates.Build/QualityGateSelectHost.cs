using System.Text.Json;
using System.Xml;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.Build;

/// <summary>
/// Lists the projects of the solution being built, so that every test project can agree, without talking to the
/// others, on the one that runs the gate. The choice must be the same in every project and must not depend on
/// build order: a project that sets QualityGateRunsHere=true, else the test project whose full path sorts last.
/// </summary>
public sealed class QualityGateSolutionProjects : Microsoft.Build.Utilities.Task
{
    /// <summary>$(SolutionPath): .sln, .slnx or .slnf; empty or *Undefined* when a single project is built.</summary>
    public string? SolutionPath { get; set; }

    [Output]
    public ITaskItem[] Projects { get; set; } = [];

    public override bool Execute()
    {
        if (string.IsNullOrEmpty(SolutionPath) || SolutionPath == "*Undefined*" || !File.Exists(SolutionPath))
        {
            return true;
        }

        try
        {
            Projects = Read(SolutionPath!).Where(File.Exists).Distinct(StringComparer.Ordinal).Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        }
        // KeyNotFoundException: a solution filter without "solution", "path" or "projects".
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            Log.LogError(BuildCodes.Subcategory, BuildCodes.SolutionUnreadable, null, SolutionPath, 0, 0, 0, 0,
                "The solution file could not be read to find its test projects ({0}). Set QualityGateRunsHere=true in the one test project that should run the quality gate, or QualityGateEnabled=false.", e.Message);
        }

        return !Log.HasLoggedErrors;
    }

    internal static IEnumerable<string> Read(string solutionPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(solutionPath))!;
        var extension = Path.GetExtension(solutionPath).ToLowerInvariant();
        IEnumerable<string> relative = extension switch
        {
            ".slnx" => ReadSlnx(solutionPath),
            ".slnf" => ReadSlnf(solutionPath, ref directory),
            _ => ReadSln(solutionPath),
        };
        return relative.Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))));
    }

    private static IEnumerable<string> ReadSln(string path)
    {
        // Project("{type}") = "Name", "relative\path.csproj", "{guid}"; solution folders have no project file extension.
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("Project(", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split('"');
            if (parts.Length > 5 && parts[5].EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                yield return parts[5];
            }
        }
    }

    private static List<string> ReadSlnx(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var result = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Project" && reader.GetAttribute("Path") is { Length: > 0 } project)
            {
                result.Add(project);
            }
        }

        return result;
    }

    private static List<string> ReadSlnf(string path, ref string directory)
    {
        // A solution filter names its solution and the projects kept, both relative to the solution.
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var solution = document.RootElement.GetProperty("solution");
        var solutionFile = solution.GetProperty("path").GetString() ?? throw new InvalidOperationException("no solution path");
        directory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, solutionFile)))!;
        return solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString() ?? "").Where(p => p.Length > 0).ToList();
    }
}

/// <summary>Decides whether this project is the one that runs the gate for the solution.</summary>
public sealed class QualityGateSelectHost : Microsoft.Build.Utilities.Task
{
    /// <summary>Probe results: the solution's test projects with the gate on; metadata RunsHere.</summary>
    public ITaskItem[] TestProjects { get; set; } = [];

    [Required]
    public string ThisProject { get; set; } = "";

    [Output]
    public bool IsHost { get; set; }

    [Output]
    public string Host { get; set; } = "";

    public override bool Execute()
    {
        var candidates = TestProjects.Select(p => (Path: Path.GetFullPath(p.ItemSpec), RunsHere: p.GetMetadata("RunsHere"))).ToList();
        if (candidates.Count == 0)
        {
            Host = Path.GetFullPath(ThisProject);
        }
        else
        {
            var chosen = candidates.Where(c => string.Equals(c.RunsHere, "true", StringComparison.OrdinalIgnoreCase)).Select(c => c.Path).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            Host = chosen ?? candidates.Select(c => c.Path).OrderBy(p => p, StringComparer.Ordinal).Last();
        }

        IsHost = string.Equals(Host, Path.GetFullPath(ThisProject), StringComparison.Ordinal);
        Log.LogMessage(MessageImportance.Low, "Quality gate host for this solution: {0}", Host);
        return true;
    }
}

/// <summary>Finds the git working tree above a directory (.git is a folder, or a file in worktrees and submodules).</summary>
public sealed class QualityGateFindRepository : Microsoft.Build.Utilities.Task
{
    [Required]
    public string StartDirectory { get; set; } = "";

    /// <summary>The working tree root with a trailing separator, or empty when there is no repository.</summary>
    [Output]
    public string RepositoryRoot { get; set; } = "";

    public override bool Execute()
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(StartDirectory)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                RepositoryRoot = dir.FullName.EndsWith(Path.DirectorySeparatorChar) ? dir.FullName : dir.FullName + Path.DirectorySeparatorChar;
                break;
            }
        }

        return true;
    }
}
