using System.Collections.Concurrent;
using Lotse.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Lotse.Tests.Security;

/// <summary>Lotse with every log line of level Information and above kept for inspection.</summary>
public sealed class LogCapturingFactory : LotseFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddProvider(new CollectingProvider(Lines));
    }

    private sealed class CollectingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

public sealed class NoPersonalDataInLogsTests(LogCapturingFactory app) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task Signing_in_failing_and_creating_a_user_log_no_names_or_addresses()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.mitte@demo.lotse", "falsches-passwort");
        await client.SignInAsync("niemand@example.org", "falsches-passwort");
        await client.SignInAsync("admin@demo.lotse");
        var organizations = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/Users/Edit"));
        var organizationId = System.Text.RegularExpressions.Regex.Match(organizations, "<option value=\"([0-9a-fA-F-]{36})\">Brückenwerk").Groups[1].Value;
        using var created = await client.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zeynep Aksoy-Vertraulich",
            ["Input.Email"] = "zeynep.aksoy@beispiel.de",
            ["Input.OrganizationId"] = organizationId,
            ["Input.Roles"] = "CaseManager",
            ["Input.Password"] = "Ein sehr langes Passwort 2026",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        await LotseCommand.RunAsync(app, "tokens", "create", "--user", "zeynep.aksoy@beispiel.de");

        Assert.NotEmpty(app.Lines);
        foreach (var secret in new[] { "fm.mitte@demo.lotse", "niemand@example.org", "admin@demo.lotse", "zeynep.aksoy", "Zeynep", "Aksoy", "Ein sehr langes Passwort", "falsches-passwort", FormClient.DemoPassword })
        {
            Assert.DoesNotContain(app.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
