using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualityGates.Core.Tests.Reports;

/// <summary>
/// Headless Chromium driven over the DevTools protocol on a loopback WebSocket: navigate, evaluate, collect console
/// errors and exceptions, take a screenshot. Chromium comes from Debian's package (build/install-chromium.sh).
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string userDataDir;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private readonly StringBuilder stderr = new();
    private Task? receiveLoop;
    private string? sessionId;
    private int nextId;

    private ChromiumSession(Process process, string userDataDir)
    {
        this.process = process;
        this.userDataDir = userDataDir;
    }

    /// <summary>Console errors, uncaught exceptions and error log entries seen so far.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Every console message (any level), for failure messages.</summary>
    public ConcurrentQueue<string> Console { get; } = new();

    /// <summary>Messages of alert/confirm/prompt dialogs the page opened.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    public static async Task<ChromiumSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new Xunit.Sdk.XunitException(
                $"{ChromiumPath} is not installed: run build/install-chromium.sh (as root) once, then run the tests again. The report's browser test needs a real browser and is never skipped.");
        }

        var userDataDir = Directory.CreateTempSubdirectory("qg-chromium-").FullName;
        var psi = new ProcessStartInfo(ChromiumPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir,
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1280,900", "about:blank",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("chromium did not start");
        var session = new ChromiumSession(process, userDataDir);
        process.ErrorDataReceived += (_, e) => { lock (session.stderr) { session.stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await session.ConnectAsync();
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it picked and the browser endpoint's path into this file.
        var portFile = Path.Combine(userDataDir, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Timeout;
        string[] lines;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {process.ExitCode}: {Stderr()}");
            }

            if (File.Exists(portFile) && (lines = File.ReadAllLines(portFile)).Length >= 2)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("chromium did not open its DevTools port: " + Stderr());
            }

            await Task.Delay(50);
        }

        var uri = new Uri($"ws://127.0.0.1:{int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture)}{lines[1]}");
        Assert.True(uri.IsLoopback);
        await socket.ConnectAsync(uri, stop.Token);
        receiveLoop = Task.Run(ReceiveLoopAsync);

        var targets = await SendAsync("Target.getTargets", new JsonObject(), browserLevel: true);
        var page = targets!["targetInfos"]!.AsArray().First(t => (string?)t!["type"] == "page")!;
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string?)page["targetId"], ["flatten"] = true }, browserLevel: true);
        sessionId = (string?)attached!["sessionId"];
        await SendAsync("Runtime.enable", new JsonObject());
        await SendAsync("Log.enable", new JsonObject());
        await SendAsync("Page.enable", new JsonObject());
    }

    public string Stderr()
    {
        lock (stderr)
        {
            return stderr.ToString();
        }
    }

    public async Task<JsonNode?> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browserLevel)
        {
            message["sessionId"] = sessionId;
        }

        var tcs = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = tcs;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
        return await tcs.Task.WaitAsync(Timeout);
    }

    /// <summary>Loads a page and waits until the report's script says it is ready.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        var deadline = DateTime.UtcNow + Timeout;
        while ((string?)await EvaluateAsync("document.readyState === 'complete' && document.body ? (document.body.getAttribute('data-ready') || '') : ''") != "1")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the page did not set data-ready: errors {string.Join(" | ", Errors)}; console {string.Join(" | ", Console)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Evaluates an expression in the page and returns its value (JSON).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result?["exceptionDetails"] is { } ex)
        {
            throw new InvalidOperationException($"evaluation of '{expression}' threw: {ex.ToJsonString()}");
        }

        return result?["result"]?["value"];
    }

    /// <summary>A PNG of the whole page, not only the window.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", new JsonObject());
        var size = metrics!["cssContentSize"]!;
        var clip = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = (double)size["width"]!, ["height"] = Math.Min((double)size["height"]!, 16000), ["scale"] = 1 };
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip });
        return Convert.FromBase64String((string)shot!["data"]!);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
            {
                var r = await socket.ReceiveAsync(buffer, stop.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                Dispatch(node!);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing down.
        }
        finally
        {
            foreach (var p in pending.Values)
            {
                p.TrySetException(new InvalidOperationException("the DevTools connection closed: " + Stderr()));
            }
        }
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } idNode && pending.TryRemove((int)idNode, out var tcs))
        {
            if (node["error"] is { } error)
            {
                tcs.TrySetException(new InvalidOperationException("DevTools error: " + error.ToJsonString()));
            }
            else
            {
                tcs.TrySetResult(node["result"]);
            }

            return;
        }

        var p = node["params"];
        switch ((string?)node["method"])
        {
            case "Runtime.consoleAPICalled":
                var type = (string?)p!["type"];
                var text = string.Join(" ", p["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString() ?? "?"));
                Console.Enqueue(type + ": " + text);
                if (type is "error" or "assert")
                {
                    Errors.Enqueue("console." + type + ": " + text);
                }

                break;
            case "Runtime.exceptionThrown":
                var details = p!["exceptionDetails"]!;
                Errors.Enqueue("exception: " + (details["exception"]?["description"]?.ToString() ?? details["text"]?.ToString()));
                break;
            case "Log.entryAdded":
                var entry = p!["entry"]!;
                Console.Enqueue("log " + entry["level"] + ": " + entry["text"]);
                if ((string?)entry["level"] == "error")
                {
                    Errors.Enqueue("log: " + entry["text"] + " " + entry["url"]);
                }

                break;
            case "Page.javascriptDialogOpening":
                Dialogs.Enqueue((string?)p!["message"] ?? string.Empty);
                // Dismiss it so the page does not hang; the test fails on the recorded dialog.
                _ = SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = false });
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync("Browser.close", new JsonObject(), browserLevel: true).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or WebSocketException)
        {
            // Killed below.
        }

        await stop.CancelAsync();
        if (!process.WaitForExit(5000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        if (receiveLoop is not null)
        {
            await receiveLoop.ConfigureAwait(false);
        }

        socket.Dispose();
        process.Dispose();
        stop.Dispose();
        try
        {
            Directory.Delete(userDataDir, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still be closing files; the temp cleaner gets the rest.
        }
    }
}
