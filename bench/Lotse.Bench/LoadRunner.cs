using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lotse.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lotse.Bench;

/// <summary>
/// Starts Lotse and the floor server as child processes on the same database, signs in as
/// generated case managers, the partner and the coordinator, and measures each scenario at each
/// concurrency level against both, with the same load. Writes Markdown and JSON to bench/results/.
/// </summary>
internal sealed partial class LoadRunner(RunOptions options, TextWriter output)
{
    private const int Users = 16;
    private static readonly string[] SearchTerms = ["po", "pope", "ivan", "Иван", "hadd", "حدا", "shev", "Шевч", "kova", "yilm", "moh", "ah", "ali", "abba", "petr", "melny"];

    private static readonly string[] SpeechArea = ["sprache"];

    private readonly Random random = new(7);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var lotsePort = FreePort();
        var floorPort = FreePort();
        // Schema changes (new indexes) are applied before, so start-up is measured on its own.
        using (var migrate = StartLotse(lotsePort, "migrate"))
        {
            await migrate.WaitForExitAsync(cancellationToken);
            if (migrate.ExitCode != 0)
            {
                throw new InvalidOperationException($"Lotse migrate exited with {migrate.ExitCode}.");
            }
        }

        await WarmCacheAsync(cancellationToken);
        var started = Stopwatch.StartNew();
        using var lotse = StartLotse(lotsePort);
        using var lotseHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{lotsePort}") };
        var startup = await WaitReadyAsync(lotseHttp, "/health/ready", lotse, started, cancellationToken);
        using var floor = StartFloor(floorPort);
        using var floorHttp = NewClient(floorPort, null);
        await WaitReadyAsync(floorHttp, "/ready", floor, Stopwatch.StartNew(), cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lotse ready after {startup.TotalMilliseconds:0} ms (pid {lotse.Id}), floor on port {floorPort}."));

        try
        {
            var setup = await SetUpAsync(cancellationToken);
            var workers = new List<Actor>();
            foreach (var user in setup.CaseManagers)
            {
                workers.Add(new Actor(await SignInAsync(lotsePort, user.Email, Generator.Password, cancellationToken), user));
            }

            var partner = await SignInAsync(lotsePort, "partner@demo.lotse", "Lotse-Demo-2026", cancellationToken);
            var coordinator = await SignInAsync(lotsePort, "koordination@demo.lotse", "Lotse-Demo-2026", cancellationToken);
            var anonymous = NewClient(lotsePort, null);
            var year = DateTime.UtcNow.Year;
            var scenarios = Scenarios(workers, setup, partner, coordinator, anonymous, floorHttp, year)
                .Where(s => options.Scenarios is null || options.Scenarios.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();

            var results = new List<Measurement>();
            foreach (var scenario in scenarios)
            {
                foreach (var level in options.Levels.Where(l => l <= scenario.MaxConcurrency))
                {
                    var lotseResult = await MeasureAsync(scenario.Name, "lotse", scenario.Lotse, level, lotse, cancellationToken);
                    results.Add(lotseResult);
                    Measurement? floorResult = null;
                    if (scenario.Floor is not null)
                    {
                        floorResult = await MeasureAsync(scenario.Name, "floor", scenario.Floor, level, floor, cancellationToken);
                        results.Add(floorResult);
                    }

                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{scenario.Name,-16} c={level,-3} lotse p50 {lotseResult.P50,7:0.0} p95 {lotseResult.P95,7:0.0} ms {lotseResult.Rps,7:0} rps err {lotseResult.Errors}");
                    if (floorResult is not null)
                    {
                        line += string.Create(CultureInfo.InvariantCulture, $" | floor p50 {floorResult.P50,6:0.0} p95 {floorResult.P95,6:0.0} ms {floorResult.Rps,7:0} rps | ratio p95 {Ratio(lotseResult.P95, floorResult.P95):0.0}x");
                    }

                    output.WriteLine(line);
                }
            }

            var peak = PeakMemoryMegabytes(lotse);
            if (options.Smoke)
            {
                var failed = results.Where(r => r.Errors > 0 || r.Requests == 0).ToList();
                foreach (var f in failed)
                {
                    output.WriteLine($"smoke: {f.Scenario} on {f.Target} at {f.Concurrency}: {f.Errors} errors of {f.Requests} ({f.FirstError})");
                }

                output.WriteLine(failed.Count == 0 ? $"smoke: every scenario answered ({results.Count} measurements)." : "smoke: FAILED");
                return failed.Count == 0 ? 0 : 1;
            }

            await ResultsFile.WriteAsync(options, results, startup, peak, setup.Counts, output, cancellationToken);
            return results.Any(r => r.Errors > 0) ? 2 : 0;
        }
        finally
        {
            Stop(lotse);
            Stop(floor);
        }
    }

    private List<Scenario> Scenarios(List<Actor> workers, Setup setup, HttpClient partner, HttpClient coordinator, HttpClient anonymous, HttpClient floor, int year)
    {
        Actor Pick() => workers[random.Next(workers.Count)];
        T One<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] phases = ["Clearing", "Assessment", "Planning", "Implementation", "Evaluation"];
        return
        [
            new("my-day",
                () => { var a = Pick(); return (a.Http, Get("/")); },
                () => { var a = Pick(); return (floor, Get($"/my-day?user={a.User.Id}")); }),
            new("case-list",
                () => { var a = Pick(); var p = random.Next(phases.Length); return (a.Http, Get($"/Cases?mine=true&phase={phases[p]}")); },
                () => { var a = Pick(); var p = random.Next(phases.Length); return (floor, Get($"/cases?user={a.User.Id}&phase={p + 1}&page=1")); }),
            new("client-search",
                () => { var a = Pick(); var request = Get("/Clients?q=" + Uri.EscapeDataString(One(SearchTerms))); request.Headers.Add("HX-Request", "true"); return (a.Http, request); },
                () => { var a = Pick(); return (floor, Get($"/clients?organization={a.User.OrganizationId}&q={Uri.EscapeDataString(One(SearchTerms))}")); }),
            new("case-page",
                () => { var a = Pick(); return (a.Http, Get($"/Cases/Details?id={One(a.User.Cases)}")); },
                () => { var a = Pick(); return (floor, Get($"/case?id={One(a.User.Cases)}")); }),
            new("log-encounter",
                () =>
                {
                    var a = Pick();
                    var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{One(a.User.OpenCases)}/encounters")
                    {
                        Content = JsonContent.Create(new { at = DateTime.UtcNow.AddMinutes(-5), durationMinutes = 30, kind = "telefon", interpreterUsed = false, needAreas = SpeechArea, note = "Bench" }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", a.User.Token);
                    return (a.Http, request);
                },
                null),
            new("referral-inbox",
                () => (partner, Get("/Referrals/Inbox")),
                () => (floor, Get($"/inbox?organization={setup.PartnerOrganizationId}"))),
            new("kim-report",
                () => (coordinator, Get($"/Reports?from={year}-01-01&to={year}-12-31")),
                () => (floor, Get($"/report?from={year}-01-01&to={year}-12-31")),
                MaxConcurrency: 8),
            new("hsds-services",
                () => (anonymous, Get("/api/hsds/services?page=1&per_page=50")),
                () => (floor, Get("/services"))),
        ];
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private async Task<Measurement> MeasureAsync(string scenario, string target, Func<(HttpClient Client, HttpRequestMessage Request)> next, int concurrency, Process server, CancellationToken cancellationToken)
    {
        // One second of warm-up at the same level, then the measured window.
        await LoadAsync(next, concurrency, TimeSpan.FromSeconds(options.Smoke ? 0.2 : 1), cancellationToken);
        server.Refresh();
        var serverCpu = server.TotalProcessorTime;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (latencies, errors, firstError) = await LoadAsync(next, concurrency, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
        var elapsed = watch.Elapsed.TotalSeconds;
        server.Refresh();
        var serverCpuSeconds = (server.TotalProcessorTime - serverCpu).TotalSeconds;
        var ownCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new Measurement(scenario, target, concurrency, latencies.Count, errors, Percentile(0.50), Percentile(0.95), Percentile(0.99),
            latencies.Count / elapsed, serverCpuSeconds / elapsed / Environment.ProcessorCount, ownCpuSeconds / elapsed / Environment.ProcessorCount, firstError);
    }

    private static async Task<(List<double> Latencies, int Errors, string? FirstError)> LoadAsync(Func<(HttpClient Client, HttpRequestMessage Request)> next, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        string? firstError = null;
        var all = new List<double>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var latencies = all[w] = [];
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                (HttpClient client, HttpRequestMessage request) pair;
                lock (next)
                {
                    pair = next();
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await pair.client.SendAsync(pair.request, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.IsSuccessStatusCode && body.Length > 0)
                    {
                        latencies.Add(ms);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        firstError ??= $"{(int)response.StatusCode} {pair.request.RequestUri}";
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref errors);
                    firstError ??= e.Message;
                }
                finally
                {
                    pair.request.Dispose();
                }
            }
        }));
        return ([.. all.SelectMany(l => l)], errors, firstError);
    }

    /// <summary>Case managers spread over the generated organisations, with their cases and an API token each.</summary>
    private async Task<Setup> SetUpAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var managers = new List<CaseManager>();
        var total = Convert.ToInt32(await ScalarAsync(connection, """SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" LIKE 'FM%@BENCH.LOTSE'""", []), CultureInfo.InvariantCulture);
        if (total == 0)
        {
            throw new InvalidOperationException($"No generated data: run 'bench/run.sh generate --scale {options.Scale.Name} --db {(options.Database.Provider is DatabaseProvider.Sqlite ? "sqlite" : "postgres")}' first.");
        }

        for (var i = 0; i < Math.Min(Users, total); i++)
        {
            var email = $"fm{1 + (i * total / Math.Min(Users, total))}@{Generator.EmailDomain}";
            var user = await RowAsync(connection, """SELECT "Id", "OrganizationId" FROM "AspNetUsers" WHERE "NormalizedEmail" = @e""", [("e", email.ToUpperInvariant())]);
            var id = ToGuid(user[0]);
            var cases = await ListAsync(connection, """SELECT "Id", "Phase" FROM "Cases" WHERE "ResponsibleUserId" = @u""", [("u", id)]);
            var secret = "lotse_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await ExecuteAsync(connection, """INSERT INTO "PersonalAccessTokens" ("Id", "UserId", "Name", "Prefix", "Hash", "CreatedAt") VALUES (@id, @u, @n, @p, @h, @c)""",
                [("id", Guid.CreateVersion7()), ("u", id), ("n", "bench " + DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("p", secret[..12]), ("h", SHA256.HashData(Encoding.UTF8.GetBytes(secret))), ("c", DateTime.UtcNow)]);
            managers.Add(new CaseManager(email, id, ToGuid(user[1]), [.. cases.Select(c => ToGuid(c[0]))], [.. cases.Where(c => Convert.ToInt32(c[1], CultureInfo.InvariantCulture) != 6).Select(c => ToGuid(c[0]))], secret));
        }

        var partner = ToGuid(await ScalarAsync(connection, """SELECT "OrganizationId" FROM "AspNetUsers" WHERE "NormalizedEmail" = 'PARTNER@DEMO.LOTSE'""", []));
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "Clients", "Cases", "Encounters", "Goals", "Referrals", "AuditEntries" })
        {
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", []), CultureInfo.InvariantCulture);
        }

        return new Setup(managers, partner, counts);
    }

    /// <summary>
    /// Reads the whole database once into the operating system's page cache, so a run does not
    /// depend on what ran before it (the SQLite and PostgreSQL state databases do not both fit in RAM).
    /// </summary>
    private async Task WarmCacheAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (options.Database.Provider is DatabaseProvider.Sqlite)
        {
            await using var file = File.OpenRead(Path.Combine(options.Database.DataDirectory, "lotse.db"));
            await file.CopyToAsync(Stream.Null, cancellationToken);
        }
        else
        {
            await using var connection = Open();
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_prewarm", []);
            await using var command = Command(connection, "SELECT SUM(pg_prewarm(c.oid, 'read')) FROM pg_class c WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace", []);
            command.CommandTimeout = 600;
            await command.ExecuteScalarAsync(cancellationToken);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database read into the page cache in {watch.Elapsed.TotalSeconds:0} s."));
    }

    private DbConnection Open()
    {
        DbConnection connection = options.Database.Provider is DatabaseProvider.Postgres ? new NpgsqlConnection(options.Database.ConnectionString) : new SqliteConnection(options.Database.ConnectionString);
        connection.Open();
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = options.Database.Provider is DatabaseProvider.Postgres ? value : BulkWriter.SqliteValue(value);
            command.Parameters.Add(p);
        }

        return command;
    }

    private async Task<object?> ScalarAsync(DbConnection connection, string sql, (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(DbConnection connection, string sql, (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object[]> RowAsync(DbConnection connection, string sql, (string, object)[] parameters) => (await ListAsync(connection, sql, parameters)).Single();

    private async Task<List<object[]>> ListAsync(DbConnection connection, string sql, (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static Guid ToGuid(object? value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);

    private static async Task<HttpClient> SignInAsync(int port, string email, string password, CancellationToken cancellationToken)
    {
        var client = NewClient(port, new CookieContainer());
        var page = await client.GetStringAsync("/Account/Login", cancellationToken);
        var token = TokenField().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString is not ("/" or "~/"))
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return client;
    }

    private static HttpClient NewClient(int port, CookieContainer? cookies) => new(new SocketsHttpHandler
    {
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 256,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromMinutes(10),
    };

    private Process StartLotse(int port, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(options.LotsePath), .. command])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.LotsePath))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in options.Database.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The bench signs in by password; the second factor is not what it measures.
        for (var i = 0; i < 6; i++)
        {
            environment[$"Lotse__TwoFactor__RequiredForRoles__{i}"] = "none";
        }

        environment["Lotse__SignIn__PermitPerMinute"] = "100000";
        environment["Logging__LogLevel__Default"] = "Warning";
        if (options.LogQueries)
        {
            // Statement texts and durations only: EF Core logs no parameter values without sensitive-data logging.
            environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            environment["Logging__Console__FormatterName"] = "simple";
        }

        return StartDraining(start);
    }

    private Process StartFloor(int port)
    {
        var self = typeof(LoadRunner).Assembly.Location;
        var db = options.Database.Provider is DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        string[] arguments = [self, "floor", "--scale", options.Scale.Name, "--db", db, "--port", port.ToString(CultureInfo.InvariantCulture)];
        if (options.Database.Provider is DatabaseProvider.Postgres)
        {
            var server = new NpgsqlConnectionStringBuilder(options.Database.ConnectionString) { Database = null };
            arguments = [.. arguments, "--postgres", server.ToString()];
        }

        return StartDraining(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
    }

    private Process StartDraining(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        var slow = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            if (options.LogQueries && SlowCommand().Match(line) is { Success: true } m)
            {
                slow = int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 10;
                if (slow)
                {
                    output.WriteLine("  query: " + line.Trim());
                }
            }
            else if (slow && options.LogQueries && line.StartsWith("      ", StringComparison.Ordinal))
            {
                output.WriteLine("    " + line.Trim());
            }
            else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            {
                slow = false;
                output.WriteLine("  server: " + line[..Math.Min(400, line.Length)]);
            }
            else
            {
                slow = false;
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { output.WriteLine("  server: " + line[..Math.Min(400, line.Length)]); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<TimeSpan> WaitReadyAsync(HttpClient client, string path, Process process, Stopwatch since, CancellationToken cancellationToken)
    {
        while (since.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync(path, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return since.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"{path} did not answer within two minutes.");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static double PeakMemoryMegabytes(Process process)
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return status is null ? double.NaN : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static double Ratio(double lotse, double floor) => floor > 0 ? lotse / floor : double.NaN;

    [GeneratedRegex(@"Executed DbCommand \(([\d,.]+)ms\)")]
    private static partial Regex SlowCommand();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>One page or API call measured against its floor.</summary>
    /// <param name="Name">The name in the results table.</param>
    /// <param name="Lotse">Makes the request to Lotse, with the client of a signed-in user.</param>
    /// <param name="Floor">Makes the same request to the floor server, if it has one.</param>
    /// <param name="MaxConcurrency">The annual report is asked for by a handful of coordinators, not by 64 at once.</param>
    private sealed record Scenario(string Name, Func<(HttpClient, HttpRequestMessage)> Lotse, Func<(HttpClient, HttpRequestMessage)>? Floor, int MaxConcurrency = int.MaxValue);

    private sealed record Actor(HttpClient Http, CaseManager User);

    internal sealed record CaseManager(string Email, Guid Id, Guid OrganizationId, Guid[] Cases, Guid[] OpenCases, string Token);

    private sealed record Setup(List<CaseManager> CaseManagers, Guid PartnerOrganizationId, Dictionary<string, long> Counts);
}

internal sealed record Measurement(string Scenario, string Target, int Concurrency, int Requests, int Errors, double P50, double P95, double P99, double Rps, double ServerCpuShare, double RunnerCpuShare, string? FirstError);
