using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Bench;

/// <summary>
/// <c>generate</c> fills a database at a scale, <c>run</c> measures Lotse against the floor on it,
/// <c>floor</c> is the floor server <c>run</c> starts. See bench/README.md.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Lotse bench: data generator, load runner and floor baseline (bench/README.md).");
        root.Subcommands.Add(Generate());
        root.Subcommands.Add(Run());
        root.Subcommands.Add(FloorCommand());
        root.Subcommands.Add(Fault());
        return await root.Parse(args).InvokeAsync();
    }

    private static readonly Option<string> ScaleOption = new("--scale") { Description = "tiny, city, region or state.", DefaultValueFactory = _ => "city" };
    private static readonly Option<string> DbOption = new("--db") { Description = "sqlite or postgres.", DefaultValueFactory = _ => "sqlite" };
    private static readonly Option<string?> ServerOption = new("--postgres") { Description = "PostgreSQL server connection string (default LOTSE_BENCH_POSTGRES or 127.0.0.1:55432)." };

    internal static string Root => FindRoot();

    private static Command Generate()
    {
        var command = new Command("generate", "Creates the database afresh: migrations, the Gelsenkirchen demo, then the generated data of the scale.") { ScaleOption, DbOption, ServerOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            var scale = Scale.Parse(result.GetValue(ScaleOption)!);
            var database = BenchDatabase.For(result.GetValue(DbOption)!, scale.Name, result.GetValue(ServerOption), Root);
            var started = DateTime.UtcNow;
            await database.ResetAsync(cancellationToken);
            await using var app = database.BuildLotseHost();
            if (await BenchDatabase.RunLotseCommandAsync(app, "seed-demo") != 0 || await BenchDatabase.RunLotseCommandAsync(app, "audit", "verify") != 0)
            {
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            Console.WriteLine($"Generating {scale.Name} ({scale.Clients:N0} clients) on {database.Provider} …");
            var summary = await new Generator(db, Console.Out).RunAsync(scale, cancellationToken);
            var elapsed = DateTime.UtcNow - started;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {summary.Rows:N0} rows in {summary.Elapsed.TotalSeconds:0.0} s ({summary.Rows / Math.Max(1, summary.Elapsed.TotalSeconds):N0} rows/s); with migrations and demo {elapsed.TotalSeconds:0.0} s."));
            foreach (var (name, count) in summary.Counts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-15} {count,12:N0}"));
            }

            var file = Path.Combine(database.DataDirectory, "generated.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { summary.Scale, summary.Database, summary.Counts, summary.Rows, GenerateSeconds = summary.Elapsed.TotalSeconds, TotalSeconds = elapsed.TotalSeconds }), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var duration = new Option<int>("--seconds") { Description = "Seconds per scenario and concurrency level (after a 1-second warm-up).", DefaultValueFactory = _ => 5 };
        var levels = new Option<string>("--concurrency") { Description = "Comma-separated concurrency levels.", DefaultValueFactory = _ => "1,8,32,64" };
        var scenarios = new Option<string?>("--scenarios") { Description = "Comma-separated scenario names (default: all)." };
        var lotse = new Option<string?>("--lotse") { Description = "Path to the published Lotse.dll (default bench/out/lotse/Lotse.dll)." };
        var label = new Option<string?>("--label") { Description = "A note for the results file, e.g. 'before indexes'." };
        var smoke = new Option<bool>("--smoke") { Description = "CI smoke run: checks that every scenario answers, writes no results file." };
        var logQueries = new Option<bool>("--log-queries") { Description = "Prints every SQL statement of Lotse that took 10 ms or more (no parameter values)." };
        var command = new Command("run", "Starts Lotse and the floor server on a generated database and measures every scenario at every concurrency level.")
        {
            ScaleOption, DbOption, ServerOption, duration, levels, scenarios, lotse, label, smoke, logQueries,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var scale = Scale.Parse(result.GetValue(ScaleOption)!);
            var database = BenchDatabase.For(result.GetValue(DbOption)!, scale.Name, result.GetValue(ServerOption), Root);
            var options = new RunOptions(
                scale,
                database,
                result.GetValue(duration),
                [.. result.GetValue(levels)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)],
                result.GetValue(scenarios)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                result.GetValue(lotse) ?? Path.Combine(Root, "bench", "out", "lotse", "Lotse.dll"),
                result.GetValue(label),
                result.GetValue(smoke),
                result.GetValue(logQueries),
                string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Prepend("bench/run.sh")));
            return await new LoadRunner(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }

    private static Command Fault()
    {
        var lotse = new Option<string?>("--lotse") { Description = "Path to the built Lotse.dll (default bench/out/lotse/Lotse.dll)." };
        var writes = new Option<int>("--writes") { Description = "Writes of the kill -9 phase.", DefaultValueFactory = _ => 1000 };
        var pgData = new Option<string?>("--pg-data") { Description = "The PostgreSQL cluster's data directory: restarts and stops it under load (pg_ctl, as user postgres when run as root)." };
        var pgOptions = new Option<string?>("--pg-options") { Description = "The server options pg_ctl starts it with again (-p PORT -k DIR …)." };
        var command = new Command("fault", "Reliability run: API writes with Idempotency-Key while Lotse is killed with SIGKILL and (PostgreSQL) the database restarts; nothing acknowledged may be lost or doubled, nothing may answer 500.")
        {
            ScaleOption, DbOption, ServerOption, lotse, writes, pgData, pgOptions,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var database = BenchDatabase.For(result.GetValue(DbOption)!, Scale.Parse(result.GetValue(ScaleOption)!).Name, result.GetValue(ServerOption), Root);
            var options = new FaultOptions(database, result.GetValue(lotse) ?? Path.Combine(Root, "bench", "out", "lotse", "Lotse.dll"),
                result.GetValue(writes), result.GetValue(pgData), result.GetValue(pgOptions));
            return await new FaultRunner(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }

    private static Command FloorCommand()
    {
        var port = new Option<int>("--port") { Required = true };
        var command = new Command("floor", "The floor server: each read scenario as one hand-written SQL query and a minimal HTML string.") { ScaleOption, DbOption, ServerOption, port };
        command.SetAction(async (result, cancellationToken) =>
        {
            var database = BenchDatabase.For(result.GetValue(DbOption)!, Scale.Parse(result.GetValue(ScaleOption)!).Name, result.GetValue(ServerOption), Root);
            await Floor.RunAsync(database, result.GetValue(port), cancellationToken);
            return 0;
        });
        return command;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lotse.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}

internal sealed record RunOptions(Scale Scale, BenchDatabase Database, int Seconds, int[] Levels, string[]? Scenarios, string LotsePath, string? Label, bool Smoke, bool LogQueries, string Command);
