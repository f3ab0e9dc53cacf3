using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Cli;
using Lotse.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lotse.Bench;

/// <summary>
/// The reliability run (issue 22, bench/README.md): API writes over 32 connections while the
/// published app is killed with SIGKILL, and on PostgreSQL while the database restarts fast and
/// immediate and stays away for 15 seconds. Every write carries an Idempotency-Key and is retried
/// until acknowledged. Fails unless: no acknowledged write is lost, no write exists twice, no
/// answer is a 500, every failure is a 503 or a dropped connection, the app answers again within
/// 5 seconds of the database being back, and <c>audit verify</c> holds.
/// </summary>
internal sealed class FaultRunner(FaultOptions options, TextWriter output)
{
    private const int Connections = 32;
    private readonly string run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
    private readonly ConcurrentDictionary<string, int> outcomes = new();
    private readonly ConcurrentQueue<string> violations = new();
    private int port;
    private int nextNumber = 1_000_000;
    private int serverErrors;
    private Process? lotse;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var token = await CreateTokenAsync();
        port = LoadRunner.FreePort();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = Connections })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var writes = new ConcurrentDictionary<int, Write>();
        try
        {
            await StartAsync(http, cancellationToken);
            await KillUnderLoadAsync(http, writes, cancellationToken);
            if (options.Database.Provider is DatabaseProvider.Postgres && options.PostgresData is not null)
            {
                await DatabaseFaultsAsync(http, writes, cancellationToken);
            }

            // Every write not acknowledged is sent again with its key until it is.
            var open = writes.Values.Where(w => w.Id is null).ToList();
            var replayed = 0;
            foreach (var write in open)
            {
                for (var attempt = 0; write.Id is null; attempt++)
                {
                    var (status, replay) = await SendAsync(http, write, count: false, cancellationToken);
                    replayed += replay ? 1 : 0;
                    if (status != 201 && attempt > 50)
                    {
                        violations.Enqueue($"write {write.Number} not accepted after 50 retries (last {status})");
                        break;
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  retried {open.Count} unacknowledged writes with their keys: {replayed} had been committed before the answer was lost (answer replayed), {open.Count - replayed} were carried out now"));
        }
        finally
        {
            Stop();
        }

        await CheckAsync(writes, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  server log: {serverErrors} error lines"));
        output.WriteLine("  answers: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} × {o.Value}")));
        foreach (var violation in violations)
        {
            output.WriteLine("  FAILED: " + violation);
        }

        output.WriteLine(violations.IsEmpty
            ? $"Fault run ({Name}): {writes.Count} writes, 0 lost, 0 duplicated, 0 answered 500, audit chain intact."
            : $"Fault run ({Name}): {violations.Count} violations.");
        return violations.IsEmpty ? 0 : 1;
    }

    private string Name => options.Database.Provider is DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    /// <summary>About a thousand writes; after a third of them are acknowledged the app is killed with SIGKILL, then started again.</summary>
    private async Task KillUnderLoadAsync(HttpClient http, ConcurrentDictionary<int, Write> writes, CancellationToken cancellationToken)
    {
        var next = -1;
        var acknowledged = 0;
        var killed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            int number;
            while (Volatile.Read(ref killed) == 0 && (number = Interlocked.Increment(ref next)) < options.Writes)
            {
                var write = writes[number] = new Write(number, Guid.NewGuid().ToString(), $"K{run}-{number:D5}");
                var (status, _) = await SendAsync(http, write, count: true, cancellationToken);
                if (status == 201 && Interlocked.Increment(ref acknowledged) == options.Writes / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    lotse!.Kill();
                }
            }
        }));
        var sent = writes.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  kill -9 after {acknowledged} acknowledged of {sent} sent writes ({watch.Elapsed.TotalSeconds:0.0} s)"));
        await lotse!.WaitForExitAsync(cancellationToken);
        var restart = Stopwatch.StartNew();
        await StartAsync(http, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  restarted and ready in {restart.Elapsed.TotalSeconds:0.00} s"));
        for (var number = sent; number < options.Writes; number++)
        {
            writes[number] = new Write(number, Guid.NewGuid().ToString(), $"K{run}-{number:D5}");
        }
    }

    /// <summary>PostgreSQL restarted fast, restarted immediate, and stopped for 15 seconds, each under 32-way writes.</summary>
    private async Task DatabaseFaultsAsync(HttpClient http, ConcurrentDictionary<int, Write> writes, CancellationToken cancellationToken)
    {
        foreach (var (label, fault) in new (string, Func<Task>)[]
        {
            ("restart -m fast", () => PgCtlAsync("restart", "-m", "fast")),
            ("restart -m immediate", () => PgCtlAsync("restart", "-m", "immediate")),
            ("15 s outage", async () =>
            {
                await PgCtlAsync("stop", "-m", "fast");
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                await PgCtlAsync("start");
            }),
        })
        {
            using var stop = new CancellationTokenSource();
            var firstSuccessAfter = new ConcurrentBag<long>();
            long back = long.MaxValue;
            var clock = Stopwatch.StartNew();
            var load = Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
            {
                Write? write = null;
                while (!stop.IsCancellationRequested)
                {
                    // A client retries the write it could not make, with its key, before it makes the next.
                    if (write is not { Id: null })
                    {
                        var number = Interlocked.Increment(ref nextNumber);
                        write = writes[number] = new Write(number, Guid.NewGuid().ToString(), $"D{run}-{number}");
                    }

                    var (status, _) = await SendAsync(http, write, count: true, cancellationToken);
                    if (status == 201 && clock.ElapsedMilliseconds > Interlocked.Read(ref back))
                    {
                        firstSuccessAfter.Add(clock.ElapsedMilliseconds - Interlocked.Read(ref back));
                        await stop.CancelAsync();
                    }
                    else if (status != 201)
                    {
                        // What a polite client does with a 503: wait a moment (a tenth of Retry-After here).
                        await Task.Delay(300, CancellationToken.None);
                    }
                }
            }));
            await Task.Delay(1000, cancellationToken);
            await fault();
            Interlocked.Exchange(ref back, clock.ElapsedMilliseconds);
            var timeout = Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            if (await Task.WhenAny(load, timeout) == timeout)
            {
                violations.Enqueue($"{label}: no write succeeded within 30 s of the database being back");
                await stop.CancelAsync();
                await load;
            }

            var recovery = firstSuccessAfter.IsEmpty ? double.NaN : firstSuccessAfter.Min() / 1000.0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL {label}: the first write succeeded {recovery:0.00} s after the database was back"));
            if (!(recovery <= 5))
            {
                violations.Enqueue($"{label}: recovery took {recovery:0.00} s (limit 5 s)");
            }
        }
    }

    private async Task<(int Status, bool Replayed)> SendAsync(HttpClient http, Write write, bool count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients")
        {
            Content = JsonContent.Create(new { givenName = "Fault", familyName = write.FamilyName, birthDate = "1990" }),
        };
        request.Headers.Add("Idempotency-Key", write.Key);
        string outcome;
        int status;
        var replayed = false;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            outcome = status.ToString(CultureInfo.InvariantCulture);
            if (status == 201)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                write.Id = body.GetProperty("id").GetGuid();
                replayed = response.Headers.Contains("Idempotent-Replayed");
            }
            else if (status == 503 && !response.Headers.Contains("Retry-After"))
            {
                violations.Enqueue("a 503 without Retry-After");
            }
            else if (status is not (503 or 409))
            {
                // 409 is allowed: the same key's first request still running on the server (after a client timeout).
                var text = $"write {write.Number}: {status} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                violations.Enqueue(text[..Math.Min(300, text.Length)]);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
            outcome = "dropped connection";
        }

        if (count)
        {
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }

        return (status, replayed);
    }

    /// <summary>Every acknowledged write is there, exactly once, and the audit chain verifies.</summary>
    private async Task CheckAsync(ConcurrentDictionary<int, Write> writes, CancellationToken cancellationToken)
    {
        // Pooled connections from before a database restart are dead.
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "FamilyName" FROM "Clients" WHERE "GivenName" = 'Fault'""";
        var stored = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(1);
                (stored.TryGetValue(name, out var ids) ? ids : stored[name] = []).Add(reader.GetValue(0).ToString()!.ToUpperInvariant());
            }
        }

        var lost = writes.Values.Count(w => w.Id is { } id && !(stored.TryGetValue(w.FamilyName, out var ids) && ids.Contains(id.ToString().ToUpperInvariant())));
        var duplicated = writes.Values.Count(w => stored.TryGetValue(w.FamilyName, out var ids) && ids.Count > 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {writes.Values.Count(w => w.Id is not null)} acknowledged writes: {lost} lost, {duplicated} stored twice"));
        if (lost > 0)
        {
            violations.Enqueue($"{lost} acknowledged writes are missing");
        }

        if (duplicated > 0)
        {
            violations.Enqueue($"{duplicated} writes are stored more than once");
        }

        await using var app = options.Database.BuildLotseHost();
        var verify = new StringWriter();
        var code = await LotseCli.RunAsync(app.Services, ["audit", "verify"], verify);
        output.WriteLine("  audit verify: " + verify.ToString().Trim().Split('\n')[^1]);
        if (code != 0)
        {
            violations.Enqueue("audit verify failed: " + verify.ToString().Trim());
        }
    }

    private async Task StartAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(options.LotsePath)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.LotsePath))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Error";
        foreach (var (key, value) in options.Database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        lotse = Process.Start(start)!;
        // The database errors of the faults are expected in the log; a few lines show their kind, the count is summed up.
        lotse.OutputDataReceived += (_, e) => Echo(e.Data);
        lotse.ErrorDataReceived += (_, e) => Echo(e.Data);
        lotse.BeginOutputReadLine();
        lotse.BeginErrorReadLine();
        await LoadRunner.WaitReadyAsync(http, "/health/ready", lotse, Stopwatch.StartNew(), cancellationToken);
    }

    private void Echo(string? line)
    {
        // An unhandled exception is what answered 500: shown whole.
        if (line is { Length: > 0 } && line.Contains("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal))
        {
            output.WriteLine("  server, unhandled: " + line[..Math.Min(3000, line.Length)]);
            return;
        }

        if (line is { Length: > 0 } && (line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("crit", StringComparison.Ordinal)) && Interlocked.Increment(ref serverErrors) <= 3)
        {
            output.WriteLine("  server: " + line[..Math.Min(240, line.Length)]);
        }
    }

    private void Stop()
    {
        if (lotse is { HasExited: false })
        {
            lotse.Kill(entireProcessTree: true);
            lotse.WaitForExit(10_000);
        }
    }

    /// <summary>A personal access token of a demo case manager, made by Lotse's own command.</summary>
    private async Task<string> CreateTokenAsync()
    {
        await using var app = options.Database.BuildLotseHost();
        var lines = new StringWriter();
        if (await LotseCli.RunAsync(app.Services, ["tokens", "create", "--user", "fm.mitte@demo.lotse", "--name", "fault run"], lines) != 0)
        {
            throw new InvalidOperationException("No token: " + lines);
        }

        return lines.ToString().Trim().Split('\n')[^1].Trim();
    }

    private async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = Path.Combine(Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Last(), "bin", "pg_ctl");
        string[] command = [pgCtl, "-D", options.PostgresData!, "-w", .. arguments];
        if (arguments[0] is "start" or "restart")
        {
            // The server log goes beside the data directory, as when the test command started it.
            command = [.. command, "-o", options.PostgresOptions ?? string.Empty, "-l", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.PostgresData!))!, "server.log")];
        }

        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : command[0], root ? ["-u", "postgres", "--", .. command] : command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed: {error}");
        }
    }

    private DbConnection Open() => options.Database.Provider is DatabaseProvider.Sqlite
        ? new SqliteConnection(options.Database.ConnectionString)
        : new NpgsqlConnection(options.Database.ConnectionString);

    private sealed class Write(int number, string key, string familyName)
    {
        public int Number { get; } = number;

        public string Key { get; } = key;

        public string FamilyName { get; } = familyName;

        public Guid? Id { get; set; }
    }
}

internal sealed record FaultOptions(BenchDatabase Database, string LotsePath, int Writes, string? PostgresData, string? PostgresOptions);
