using System.Diagnostics;
using System.Globalization;
using System.Text;
using QualityGates.Core.History;

// build/bench/history.sh drives this:
//   HistoryBench generate COMMITS FILES   writes a git fast-import stream to stdout
//   HistoryBench read REPO CACHE-DIR      reads the history once and prints the time in seconds and the figures
if (args.Length == 3 && args[0] == "generate")
{
    Generate(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 3 && args[0] == "read")
{
    var watch = Stopwatch.StartNew();
    var result = new LibGit2History().Read(args[1], new HistoryOptions { CacheDirectory = args[2], Now = DateTimeOffset.UtcNow }, null, CancellationToken.None);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{watch.Elapsed.TotalSeconds:F2} commits={result.Info.Commits} landings={result.Reviews.Landings} reviewed={result.Reviews.Reviewed} files={result.Files.Count} churn={result.Files.Sum(f => f.Churn)} notes={string.Join(" | ", result.Info.Notes)}"));
    return 0;
}

Console.Error.WriteLine("usage: HistoryBench generate COMMITS FILES | HistoryBench read REPO CACHE-DIR");
return 2;

static void Generate(int commits, int files)
{
    var random = new Random(42);
    var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 20);
    var contents = new List<string>[files];
    var paths = new string[files];
    for (int i = 0; i < files; i++)
    {
        paths[i] = string.Create(CultureInfo.InvariantCulture, $"src/Module{i % 40:D2}/Area{i % 7}/File{i:D4}.cs");
        contents[i] = Enumerable.Range(0, 40).Select(l => string.Create(CultureInfo.InvariantCulture, $"    // line {l} of file {i}")).ToList();
    }

    // Commits span the last 11 months (inside the 12-month hotspot window), oldest first.
    long end = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();
    long start = end - (long)TimeSpan.FromDays(330).TotalSeconds;
    int mark = 0, written = 0, pr = 0;
    string[] authors = { "Ann Author <ann@example.com>", "Bob Builder <bob@example.com>", "Cid Coder <cid@example.com>", "Dee Dev <dee@example.com>" };

    void Write(string s) => output.Write(Encoding.UTF8.GetBytes(s));
    void Data(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        Write(string.Create(CultureInfo.InvariantCulture, $"data {bytes.Length}\n"));
        output.Write(bytes);
        Write("\n");
    }

    long Time() => start + (end - start) * written / commits;
    string FileData(int f) => string.Join('\n', contents[f]) + "\n";
    int Commit(string branch, string message, int? from, int? merge, IEnumerable<int> changed)
    {
        mark++;
        var who = authors[random.Next(authors.Length)];
        Write(string.Create(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\nauthor {who} {Time()} +0000\ncommitter {who} {Time()} +0000\n"));
        Data(message);
        if (from != null)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"from :{from}\n"));
        }

        if (merge != null)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"merge :{merge}\n"));
        }

        foreach (var f in changed.Distinct())
        {
            Write("M 100644 inline " + paths[f] + "\n");
            Data(FileData(f));
        }

        Write("\n");
        written++;
        return mark;
    }

    IEnumerable<int> Edit(int count)
    {
        for (int k = 0; k < count; k++)
        {
            int f = random.Next(files);
            var lines = contents[f];
            int at = random.Next(lines.Count);
            lines[at] = string.Create(CultureInfo.InvariantCulture, $"    // edit {written} {random.Next()}");
            if (random.Next(3) == 0)
            {
                lines.Insert(at, string.Create(CultureInfo.InvariantCulture, $"    // added {written}"));
            }

            yield return f;
        }
    }

    int main = Commit("main", "Initial import\n", null, null, Enumerable.Range(0, files));
    while (written < commits)
    {
        if (random.Next(4) == 0 && commits - written >= 3)
        {
            // A PR: two branch commits, then a merge commit on main with the branch's final contents.
            pr++;
            var first = Edit(random.Next(1, 4)).ToList();
            int b1 = Commit("feature", string.Create(CultureInfo.InvariantCulture, $"Work on feature {pr}\n"), main, null, first);
            var second = Edit(random.Next(1, 3)).ToList();
            int b2 = Commit("feature", random.Next(5) == 0 ? "fixup! Work on feature\n" : "More work\n", b1, null, second);
            main = Commit("main", string.Create(CultureInfo.InvariantCulture, $"Merge pull request #{pr} from org/feature-{pr}\n\nFeature {pr}\n"), main, b2, first.Concat(second));
        }
        else
        {
            var changed = Edit(random.Next(1, 6)).ToList();
            main = Commit("main", random.Next(3) == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Change {written} (#{++pr})\n")
                : string.Create(CultureInfo.InvariantCulture, $"Direct change {written}\n\nSigned-off-by: Ann Author <ann@example.com>\n"), main, null, changed);
        }
    }

    Write("reset refs/heads/feature\nfrom 0000000000000000000000000000000000000000\n\n");
    output.Flush();
}
