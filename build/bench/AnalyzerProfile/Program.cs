using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: AnalyzerProfile SRC_DIR ANALYZER.dll [ANALYZER.dll ...] [--runs N] [--concurrent] [--serial] [--unbound] [--only NAME]
// Prints, per analyzer assembly and per analyzer, the execution time Roslyn's driver measured (best of N runs).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AnalyzerProfile SRC_DIR ANALYZER.dll [...] [--runs N]");
    return 2;
}

var runs = 3;
var concurrent = false;
// --serial: the compiler binds on one thread too, so fewer threads compete for the two cores (steadier A/B comparisons).
var serial = false;
// --unbound: analyse without binding first, as csc does (its analyzers run while it compiles, so the first to touch a
// symbol's attributes or members binds them); by default the compilation is bound first and only analysis is timed.
var unbound = false;
// --measure: also count each analyzer's callbacks and the bytes they allocate (Measured.cs).
var measure = false;
var paths = new List<string>();
// --only NAME: keep only the analyzers whose type name contains NAME (repeatable), to time a rule with its shared costs.
var only = new List<string>();
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--runs") { runs = int.Parse(args[++i], CultureInfo.InvariantCulture); continue; }
    if (args[i] == "--concurrent") { concurrent = true; continue; }
    if (args[i] == "--serial") { serial = true; continue; }
    if (args[i] == "--unbound") { unbound = true; continue; }
    if (args[i] == "--measure") { measure = true; continue; }
    if (args[i] == "--only") { only.Add(args[++i]); continue; }
    // --alloc: bytes allocated during analysis, by type, sampled by the runtime's allocation ticks (every ~100 KB).
    if (args[i] == "--alloc") { AllocationListener.Instance = new AllocationListener(); continue; }
    if (args[i] == "--noop") { paths.Add(""); continue; }
    if (args[i] == "--probes") { paths.Add("probes"); continue; }
    if (args[i] == "--walk") { paths.Add("walk"); continue; }
    // --census: how many operations of each kind the driver hands a rule, in PremiumCalculator types and everywhere
    // (each one is a callback per rule registered for that kind: the currency the driver charges in).
    if (args[i] == "--census") { paths.Add("census"); continue; }
    paths.Add(Path.GetFullPath(args[i]));
}

var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var files = Directory.GetFiles(args[0], "*.cs", SearchOption.AllDirectories);
var trees = files.AsParallel().Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f)).ToArray();
var lines = trees.Sum(t => t.GetText().Lines.Count);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
    .Select(p => MetadataReference.CreateFromFile(p)).ToArray();

var loader = new Loader();
// "--noop" stands for an analyzer that binds no method body: the driver's own cost, as a baseline.
var analyzers = paths
    .SelectMany<string, DiagnosticAnalyzer>(p => p switch
    {
        "" => new DiagnosticAnalyzer[] { new NoopAnalyzer() },
        "probes" => new DiagnosticAnalyzer[] { new BlockProbe(), new InvocationProbe() },
        "census" => new DiagnosticAnalyzer[] { Census.Instance },
        "walk" => new DiagnosticAnalyzer[] { new WalkProbe() },
        _ => new AnalyzerFileReference(p, loader).GetAnalyzers(LanguageNames.CSharp),
    })
    .Where(a => only.Count == 0 || only.Any(o => a.GetType().Name.Contains(o, StringComparison.Ordinal)))
    .Select(a => measure ? new Measured(a) : a)
    .ToImmutableArray();
static Type TypeOf(DiagnosticAnalyzer a) => (a is Measured m ? m.Inner : a).GetType();
var measured = new Dictionary<DiagnosticAnalyzer, (long Bytes, long Calls)>();

Console.WriteLine($"{trees.Length} files, {lines:N0} lines, {analyzers.Length} analyzers, best of {runs} runs");
var best = new Dictionary<DiagnosticAnalyzer, double>();
var bestWall = double.MaxValue;
var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
for (var run = 0; run < runs; run++)
{
    // A new compilation per run: nothing bound or cached carries over between runs.
    var compilation = CSharpCompilation.Create("Bench", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: !serial));
    var bindWatch = Stopwatch.StartNew();
    if (!unbound)
    {
        compilation.GetDiagnostics();
    }

    bindWatch.Stop();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
        concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var watch = Stopwatch.StartNew();
    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
    var gcsBefore = GC.CollectionCount(0);
    var pauseBefore = GC.GetTotalPauseDuration();
    AllocationListener.Instance?.Start();
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    AllocationListener.Instance?.Stop();
    watch.Stop();
    Console.WriteLine($"  allocated during analysis: {(GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1e6:F0} MB, gen0 collections {GC.CollectionCount(0) - gcsBefore}, paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:F2} s");
    var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    bestWall = Math.Min(bestWall, watch.Elapsed.TotalSeconds);
    Console.WriteLine($"run {run + 1}: binding {bindWatch.Elapsed.TotalSeconds:F2} s, analyzers {watch.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s cpu");
    var thisRun = new Dictionary<DiagnosticAnalyzer, double>();
    foreach (var analyzer in analyzers)
    {
        var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        var seconds = info.ExecutionTime.TotalSeconds;
        thisRun[analyzer] = seconds;
        best[analyzer] = best.TryGetValue(analyzer, out var b) ? Math.Min(b, seconds) : seconds;
        // The last run's: allocation and calls hardly vary between runs, unlike time.
        if (analyzer is Measured wrapper) measured[analyzer] = wrapper.TakeTotals();
    }
    // Each run's totals as well as the per-analyzer best below: the spread between runs is part of the figure.
    foreach (var group in thisRun.GroupBy(p => TypeOf(p.Key).Assembly.GetName().Name))
    {
        var slowest = group.OrderByDescending(p => p.Value).First();
        Console.WriteLine($"  {group.Key}: {group.Sum(p => p.Value):F3} s, slowest {TypeOf(slowest.Key).Name} {slowest.Value:F3} s");
    }
    if (run == 0)
    {
        foreach (var d in diagnostics) counts[d.Id] = counts.TryGetValue(d.Id, out var c) ? c + 1 : 1;
    }
}

foreach (var group in best.GroupBy(p => TypeOf(p.Key).Assembly.GetName().Name))
{
    Console.WriteLine($"\n{group.Key}: {group.Sum(p => p.Value):F3} s");
    foreach (var (analyzer, seconds) in group.OrderByDescending(p => p.Value).Take(40))
        Console.WriteLine($"  {seconds,8:F3}  {TypeOf(analyzer).Name}");
}
foreach (var group in measured.GroupBy(p => TypeOf(p.Key).Assembly.GetName().Name))
{
    Console.WriteLine($"\n{group.Key}, in its callbacks (last run): {group.Sum(p => p.Value.Bytes) / 1e6:F0} MB allocated, {group.Sum(p => p.Value.Calls):N0} calls");
    foreach (var (analyzer, (bytes, calls)) in group.OrderByDescending(p => p.Value.Bytes).Take(40))
        Console.WriteLine($"  {bytes / 1e6,8:F1} MB {calls,10:N0}  {TypeOf(analyzer).Name}");
}
Console.WriteLine($"\nanalysis wall (best): {bestWall:F2} s");
if (analyzers.Contains(Census.Instance)) Census.Instance.Print(runs);
AllocationListener.Instance?.Print(runs);
Console.WriteLine("diagnostics: " + string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
return 0;

sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath) { }
    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}

/// <summary>What the bench's own analyzers share: one warning they never report, concurrent, generated code left alone.</summary>
abstract class BenchAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH", "bench", "bench", "bench", DiagnosticSeverity.Warning, true);
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        Register(context);
    }
    protected abstract void Register(AnalysisContext context);
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class NoopAnalyzer : BenchAnalyzer
{
    // A symbol action needs the compilation's declaration events, as every real analyzer does, and no method body.
    protected override void Register(AnalysisContext context) => context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
}

/// <summary>
/// "--probes": what the driver charges a rule that does nothing (registered once per compilation, the callback returning
/// unless the code lies in a pricing type): one with an operation-block action, the way ours are registered, and one with
/// an action per invocation, the way they were before BodyDispatcher. The floor under each rule's time.
/// </summary>
abstract class ProbeBase : BenchAnalyzer
{
    protected static bool InScope(ISymbol? symbol) => (symbol as INamedTypeSymbol ?? symbol?.ContainingType)?.Name.StartsWith("PremiumCalculator", StringComparison.Ordinal) == true;
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class BlockProbe : ProbeBase
{
    protected override void Register(AnalysisContext context) => context.RegisterOperationBlockAction(c => { if (!InScope(c.OwningSymbol)) return; });
}

/// <summary>"--walk": one pre-order walk of each pricing member's operations into a list, as the rules' shared walk does.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class WalkProbe : ProbeBase
{
    public static long Count;
    protected override void Register(AnalysisContext context) => context.RegisterOperationBlockAction(c =>
    {
        if (!InScope(c.OwningSymbol)) return;
        var list = new List<IOperation>();
        var stack = new Stack<IOperation>();
        foreach (var block in c.OperationBlocks)
        {
            stack.Push(block);
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                list.Add(op);
                foreach (var child in op.ChildOperations.Reverse()) stack.Push(child);
            }
        }
        Interlocked.Add(ref Count, list.Count);
    });
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class InvocationProbe : ProbeBase
{
    protected override void Register(AnalysisContext context) => context.RegisterOperationAction(c => { if (!InScope(c.ContainingSymbol)) return; }, OperationKind.Invocation);
}

/// <summary>"--census": operations per kind, in pricing-like types (the bench's PremiumCalculator classes) and in all code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class Census : BenchAnalyzer
{
    public static readonly Census Instance = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(OperationKind, bool), int> _counts = new();
    private static readonly OperationKind[] AllKinds = Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None).Distinct().ToArray();

    protected override void Register(AnalysisContext context) => context.RegisterOperationAction(c =>
    {
        var type = c.ContainingSymbol as INamedTypeSymbol ?? c.ContainingSymbol.ContainingType;
        var pricing = type != null && type.Name.StartsWith("PremiumCalculator", StringComparison.Ordinal);
        _counts.AddOrUpdate((c.Operation.Kind, pricing), 1, (_, n) => n + 1);
    }, AllKinds);

    public void Print(int runs)
    {
        Console.WriteLine("\noperations per kind (per run): pricing types / all code");
        foreach (var kind in _counts.Keys.Select(k => k.Item1).Distinct()
                     .OrderByDescending(k => _counts.GetValueOrDefault((k, true)) + _counts.GetValueOrDefault((k, false))))
        {
            var pricing = _counts.GetValueOrDefault((kind, true)) / runs;
            var all = pricing + _counts.GetValueOrDefault((kind, false)) / runs;
            Console.WriteLine($"  {kind,-32} {pricing,10:N0} {all,10:N0}");
        }
    }
}

sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
{
    public static AllocationListener? Instance;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;
    public void Start() => _on = true;
    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (!_on || e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames!.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
    }

    public void Print(int runs)
    {
        Console.WriteLine("\nallocated during analysis, per run, by type (sampled):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(40))
            Console.WriteLine($"  {bytes / runs / 1e6,8:F1} MB  {type}");
    }
}
