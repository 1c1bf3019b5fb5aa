using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Demo;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Bench;

/// <summary>
/// The portal under load: the real app on Kestrel (loopback, SQLite file) with 10,000 generated deals of 100 reps in
/// 20 teams; 20 signed-in users (10 reps, 10 managers) request "My deals", the team board and the dashboard in 20
/// concurrent loops (warm-up, then a fixed number of requests each), and a bare endpoint in the same run as the
/// reference. Prints p50/p95/p99 per page. Bounded: every loop stops after its requests; only 127.0.0.1 is used.
/// </summary>
public static class LoadBenchmark
{
    private const string Password = BenchCompany.Password;
    private const int Teams = 20, RepsPerTeam = 5, Concurrency = 20;

    /// <param name="only">Measure only the pages whose names contain one of these words (e.g. "deals", "team", "dashboard", "studio"); empty: all.</param>
    public static async Task RunAsync(int deals, int requestsPerLoop, int warmupPerLoop, IReadOnlyList<string>? only = null)
    {
        bool Wanted(string name) => only is not { Count: > 0 } || name.StartsWith("bare", StringComparison.Ordinal)
            || only.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
        var folder = Directory.CreateTempSubdirectory("salesperf-load-").FullName;
        try
        {
            var builder = BenchCompany.Builder(folder, "load");
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var app = builder.Build();
            await app.InitializeSalesPerfAsync();
            app.UseSalesPerf();
            app.MapGet("/bench/ping", () => Results.Text("pong"));

            var seed = Stopwatch.StartNew();
            var (reps, managers) = await SeedAsync(app.Services, deals);
            Console.WriteLine($"Seeded {deals:N0} deals of {reps.Count} reps in {Teams} teams in {seed.Elapsed.TotalSeconds:N1} s");

            await app.StartAsync();
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var repClients = new List<HttpClient>();
            var managerClients = new List<HttpClient>();
            foreach (var email in reps.Take(Concurrency / 2)) repClients.Add(await SignInAsync(baseUrl, email));
            foreach (var email in managers.Take(Concurrency / 2)) managerClients.Add(await SignInAsync(baseUrl, email));
            var mixed = repClients.Concat(managerClients).ToList();
            var managersTwice = managerClients.Concat(managerClients).ToList(); // the team board is for managers: 10 of them, two tabs each

            Console.WriteLine($"{Concurrency} concurrent loops, {warmupPerLoop} warm-up + {requestsPerLoop} measured requests each (Release: {IsRelease()})");
            Console.WriteLine($"{"page",-34} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"CPU ms/req",9}");
            foreach (var (name, clients, path) in new (string, List<HttpClient>, string)[]
                     {
                         ("bare endpoint /bench/ping", mixed, "/bench/ping"),
                         ("/health (with its DB check)", mixed, "/health"),
                         ("My deals / (reps + managers)", mixed, "/"),
                         ("Team board /Team (managers)", managersTwice, "/Team"),
                         ("Dashboard /Dashboard (reps + managers)", mixed, "/Dashboard"),
                         ("bare endpoint /bench/ping (again)", mixed, "/bench/ping"),
                     })
                if (Wanted(name)) await MeasureAsync(name, clients, path, requestsPerLoop, warmupPerLoop);

            // The same pages when every request follows a write (the portal's short-lived caches never hit): what a page
            // costs to compute, as after every deal transition on a busy node.
            var stamp = app.Services.GetRequiredService<SalesPerf.Web.Caching.DataStamp>();
            foreach (var (name, clients, path) in new (string, List<HttpClient>, string)[]
                     {
                         ("My deals, uncached", mixed, "/"),
                         ("Team board, uncached", managersTwice, "/Team"),
                         ("Dashboard, uncached", mixed, "/Dashboard"),
                     })
                if (Wanted(name)) await MeasureAsync(name, clients, path, requestsPerLoop, warmupPerLoop, before: stamp.Changed);

            // For the record: one admin looking at the whole company (10,000 deals) on the dashboard, alone.
            var admin = await SignInAsync(baseUrl, "admin@bench.local");
            if (Wanted("Dashboard, admin")) await MeasureAsync("Dashboard, admin, all deals, 1 user", [admin], "/Dashboard", 30, 5);
            if (Wanted("studio")) await MeasureStudioAsync(admin);
            foreach (var c in mixed.Append(admin)) c.Dispose();
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task MeasureAsync(string name, IReadOnlyList<HttpClient> clients, string path, int requests, int warmup, Action? before = null)
    {
        var samples = new List<double>[clients.Count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            var mine = samples[i] = new List<double>(requests);
            for (var r = 0; r < warmup + requests; r++)
            {
                before?.Invoke();
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                sw.Stop();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                if (r >= warmup) mine.Add(sw.Elapsed.TotalMilliseconds);
            }
        })));
        total.Stop();
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (clients.Count * (warmup + requests));
        var all = samples.SelectMany(s => s).ToList();
        Report(name, all, all.Count / (total.Elapsed.TotalSeconds * (warmup + requests) / requests), cpuPerRequest);
    }

    /// <summary>
    /// Issue 3's target: the Studio API answers in under 50 ms at the 95th percentile. One admin (the designer has one
    /// editor at a time) loads the latest version, the activity descriptors, and saves the draft (the first save creates
    /// version 2, the rest update it), each measured on its own, with the bare endpoint alone as the reference.
    /// </summary>
    private static async Task MeasureStudioAsync(HttpClient admin)
    {
        const string defs = "/elsa/api/workflow-definitions";
        await MeasureAsync("Studio: bare endpoint, 1 user", [admin], "/bench/ping", 200, 20);
        await MeasureAsync("Studio: GET latest definition", [admin], $"{defs}/by-definition-id/{DealService.DefaultFlowId}?versionOptions=Latest", 200, 20);
        await MeasureAsync("Studio: GET activity descriptors", [admin], "/elsa/api/descriptors/activities?Refresh=True", 200, 20);

        var model = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{defs}/by-definition-id/{DealService.DefaultFlowId}?versionOptions=Latest"))!;
        var samples = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await admin.PostAsJsonAsync(defs, new System.Text.Json.Nodes.JsonObject { ["model"] = model.DeepClone(), ["publish"] = false });
            var body = await response.Content.ReadAsStringAsync();
            sw.Stop();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"save: {(int)response.StatusCode} {body}");
            model = System.Text.Json.Nodes.JsonNode.Parse(body)!["workflowDefinition"]!.AsObject(); // the next save is based on this one
            if (i >= 20) samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        Report("Studio: POST save draft", samples, samples.Count / (samples.Sum() / 1000));
    }

    /// <param name="cpuPerRequest">This process's CPU time (app and load client together) per request: unlike latencies, it
    /// hardly depends on what else the machine runs.</param>
    private static void Report(string name, List<double> samples, double rate, double? cpuPerRequest = null)
    {
        var all = samples.Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        var cpu = cpuPerRequest is { } c ? c.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) : "";
        Console.WriteLine($"{name,-34} {all.Count,9:N0} {rate,8:N0} {P(0.50),8:N1} {P(0.95),8:N1} {P(0.99),8:N1} {all[^1],8:N1} {cpu,9}");
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(baseUrl),
        };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {email}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>An admin, 20 teams with a manager and 5 reps each, and the deals played through the engine by the demo generator.</summary>
    private static async Task<(List<string> Reps, List<string> Managers)> SeedAsync(IServiceProvider services, int count)
    {
        var (reps, managers) = await BenchCompany.SeedAsync(services, Teams, RepsPerTeam, count, TimeSpan.FromDays(270), TimeProvider.System.GetUtcNow());
        // Spread the signed-in reps over the teams (rep01 1, rep02 1, …): each loop looks at a different rep's deals.
        return (reps.Where((_, i) => i % RepsPerTeam == 0).Concat(reps.Where((_, i) => i % RepsPerTeam != 0)).ToList(), managers);
    }

    private static bool IsRelease() =>
#if DEBUG
        false;
#else
        true;
#endif
}
