using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Privacy;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Privacy;

/// <summary>
/// Retention anonymises everyone whose period after closure has run out, except under a legal hold;
/// a dry run changes nothing; a database lease lets one node run it once a day. The installation
/// keeps files for zero years, so that every closed demo case is due today.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed class RetentionTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ImmediateRetentionApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_dry_run_only_counts_and_the_run_anonymises_the_due_persons_except_those_under_a_legal_hold()
    {
        var (dryCode, dryLines) = await LotseCommand.RunAsync(app, "retention", "run", "--dry-run");
        Assert.Equal(0, dryCode);
        var wouldBe = Count(dryLines[0], "would be anonymised");
        Assert.True(wouldBe > 1, dryLines[0]);
        Assert.Equal(0, await CountAsync(db => db.Clients.CountAsync(c => c.AnonymisedAt != null)));

        // The responsible case manager keeps one due person with a legal hold.
        var held = await FirstDueOfAsync("fm.mitte@demo.lotse");
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using (var noReason = await api.PostAsJsonAsync($"/api/v1/clients/{held}/legal-hold", new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var hold = await api.PostAsJsonAsync($"/api/v1/clients/{held}/legal-hold", new { reason = "Klage vor dem Sozialgericht, Az. S 12 AS 345/26" }))
        {
            Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
            Assert.True((await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("held").GetBoolean());
        }

        var (code, lines) = await LotseCommand.RunAsync(app, "retention", "run");
        Assert.Equal(0, code);
        Assert.Equal(wouldBe - 1, Count(lines[0], "anonymised"));
        Assert.Equal(1, Count(lines[0], "held by legal hold"));
        Assert.Equal(wouldBe - 1, await CountAsync(db => db.Clients.CountAsync(c => c.AnonymisedAt != null)));
        Assert.Equal(wouldBe - 1, await CountAsync(db => db.Anonymisations.CountAsync(a => a.Kind == AnonymisationKind.Retention && a.UserId == null)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/clients/{held}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/clients/{held}/erasure", new { })).StatusCode);

        // A second run finds nothing more to do, and the audit chain is intact after all of it.
        var (_, again) = await LotseCommand.RunAsync(app, "retention", "run");
        Assert.Equal(0, Count(again[0], "anonymised"));
        Assert.Equal(0, (await LotseCommand.RunAsync(app, "audit", "verify")).ExitCode);

        // The data protection officer's report counts without naming anyone.
        using var officer = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var report = await officer.GetFromJsonAsync<JsonElement>("/api/v1/retention");
        Assert.Equal((0, 1, wouldBe - 1), (report.GetProperty("dueNow").GetInt32(), report.GetProperty("held").GetInt32(), report.GetProperty("anonymisedLast12Months").GetInt32()));
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("datenschutz@demo.lotse")).StatusCode);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Privacy"));
        Assert.Contains("Aufbewahrungsfrist abgelaufen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Popescu", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_nodes_only_the_lease_holder_runs_retention_and_only_once_a_day()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var first = scope.ServiceProvider.GetRequiredService<JobLeases>();
            await using var otherScope = app.Services.CreateAsyncScope();
            var second = otherScope.ServiceProvider.GetRequiredService<JobLeases>();
            var taken = await Task.WhenAll(
                first.TryAcquireAsync("test-job", "node-a", TimeSpan.FromMinutes(5), CancellationToken.None),
                second.TryAcquireAsync("test-job", "node-b", TimeSpan.FromMinutes(5), CancellationToken.None));
            Assert.Equal(1, taken.Count(t => t));
            var holder = taken[0] ? "node-a" : "node-b";
            Assert.False(await second.TryAcquireAsync("test-job", holder == "node-a" ? "node-b" : "node-a", TimeSpan.FromMinutes(5), CancellationToken.None));
            await first.CompleteAsync("test-job", holder, CancellationToken.None);
            Assert.True(await second.TryAcquireAsync("test-job", "node-c", TimeSpan.FromMinutes(5), CancellationToken.None));
        }

        var job = app.Services.GetRequiredService<RetentionJob>();
        var run = await job.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(run);
        Assert.True(run.Anonymised > 0);
        Assert.Null(await job.RunOnceAsync(CancellationToken.None));
    }

    private static int Count(string line, string what)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"(\d+) " + System.Text.RegularExpressions.Regex.Escape(what));
        Assert.True(match.Success, $"\"{what}\" not in: {line}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync(Func<LotseDbContext, Task<int>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LotseDbContext>());
    }

    private async Task<Guid> FirstDueOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var due = await scope.ServiceProvider.GetRequiredService<RetentionService>().DueUntilAsync(app.Today, CancellationToken.None);
        var ids = due.Select(d => d.ClientId).ToList();
        return await db.Cases.Where(c => c.ResponsibleUserId == user.Id && ids.Contains(c.ClientId)).Select(c => c.ClientId).FirstAsync();
    }

    private sealed class ImmediateRetentionApp : LotseFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Lotse:Retention:YearsAfterClosure", "0")];
    }
}
