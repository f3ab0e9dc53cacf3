using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Lotse.Tests.Support;

/// <summary>
/// Lotse with the Gelsenkirchen demo on a database of its own, of the provider under test:
/// SQLite always, PostgreSQL when <c>LOTSE_TEST_PROVIDER=Postgres</c> (the connection string then comes
/// from <c>LOTSE_TEST_POSTGRES</c>, and a missing server fails the run). The demo is seeded once per
/// test run into a template (<see cref="DemoTemplate"/>); each factory starts from a copy of it, so
/// no test class sees another's writes (ADR 006).
/// </summary>
public class LotseFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "lotse-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly string connectionString;
    private readonly bool isTemplate;

    public LotseFactory()
        : this(isTemplate: false)
    {
    }

    /// <summary>The template itself: seeded the long way, and kept when the factory goes.</summary>
    internal LotseFactory(bool isTemplate)
    {
        this.isTemplate = isTemplate;
        if (Provider is DatabaseProvider.Postgres)
        {
            postgresDatabase = "lotse_test_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = postgresDatabase }.ToString();
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "lotse.db")}";
        }
    }

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("LOTSE_TEST_PROVIDER"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("LOTSE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("LOTSE_TEST_PROVIDER is Postgres but LOTSE_TEST_POSTGRES holds no connection string.");

    /// <summary>
    /// The app's clock. It starts at the real moment the factory is made, so that cookies and
    /// second-factor codes stay valid, and moves forward one millisecond each time it is read, so
    /// that two writes never share a timestamp; a test moves it further with <c>Advance</c>.
    /// </summary>
    public FakeTimeProvider Clock { get; } = NewClock();

    /// <summary>Today in the app's time zone, as the app sees it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>Now in the app's time zone, as the app sees it.</summary>
    public DateTime LocalNow => Clock.GetLocalNow().DateTime;

    private static FakeTimeProvider NewClock()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow()) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        // The installation's zone (Lotse:TimeZone's default), not the machine's: CI hosts run on UTC.
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        return clock;
    }

    /// <summary>The hosting environment: "Testing" behaves as Production (no developer pages); "Development" as <c>dotnet run</c>.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Settings a test class needs beyond the defaults, applied before the host starts.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment(EnvironmentName);
        // Added last, so these win over appsettings.json.
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Lotse"] = connectionString,
            ["Lotse:DataDirectory"] = dataDirectory,
            ["Lotse:InstallationName"] = "Stadt Gelsenkirchen (Test)",
            ["Lotse:Demo:Enabled"] = "true",
            ["Lotse:SignIn:PermitPerMinute"] = "10000",
            // Tests run retention themselves, at a time they choose.
            ["Lotse:Retention:JobEnabled"] = "false",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(ConfigureLogging);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Quiet by default; a test class that inspects the logs overrides this.</summary>
    protected virtual void ConfigureLogging(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    /// <summary>The SQLite file or the PostgreSQL database of this factory.</summary>
    internal string ConnectionString => connectionString;

    internal string? PostgresDatabase => postgresDatabase;

    internal string DatabaseFile => Path.Combine(dataDirectory, "lotse.db");

    internal static string AdminConnection => AdminConnectionString;

    /// <summary>
    /// Whether this factory starts from the seeded template. Only a factory that wants the demo and
    /// leaves the seeding settings alone does; one that turns the demo off starts empty, as before.
    /// </summary>
    private bool StartsFromTemplate => !isTemplate &&
        !ExtraSettings.Any(s => s.Key == "Lotse:Demo:Enabled" && string.Equals(s.Value, "false", StringComparison.OrdinalIgnoreCase));

    public async Task InitializeAsync()
    {
        if (StartsFromTemplate)
        {
            // Before the host starts: it then finds a seeded database and leaves it as it is.
            Directory.CreateDirectory(dataDirectory);
            await DemoTemplate.CopyToAsync(this);
        }
        else if (postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Starting the host runs Program's start-up: on SQLite that already migrates and seeds the demo.
        // PostgreSQL installations migrate with the command, so the same steps follow here (all idempotent).
        await DatabaseSetup.MigrateAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BaseDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (postgresDatabase is not null && !isTemplate)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they lead.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

