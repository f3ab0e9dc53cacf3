using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Data;

/// <summary>What a user or an integrating system sees around races, retries and a database that is away (issue 22, ADR 016).</summary>
public sealed class ReliableWriteTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly string[] Phases = ["Clearing", "Assessment", "Planning", "Implementation", "Evaluation"];

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> OpenCaseAsync(HttpClient api, string family)
    {
        using var client = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Race", familyName = family, birthDate = "1990" });
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId = (await Json(client)).GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await Json(opened)).GetProperty("id").GetString()!;
    }

    private static HttpRequestMessage Transition(string caseId, string to, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/transitions") { Content = JsonContent.Create(new { to }) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return request;
    }

    [Fact]
    public async Task Two_transitions_of_one_case_at_the_same_moment_give_one_success_and_one_conflict_never_a_500()
    {
        using var api = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        var caseId = await OpenCaseAsync(api, "Wettlauf");
        for (var race = 0; race < 20; race++)
        {
            using var read = await api.GetAsync($"/api/v1/cases/{caseId}");
            var before = await Json(read);
            var version = before.GetProperty("version").GetInt32();
            var phase = Array.IndexOf(Phases, before.GetProperty("phase").GetString());
            var forward = Phases[(phase + 1) % Phases.Length == 0 ? 0 : phase + 1];
            // Even races: both want the same next phase; odd races: forward against back to Clearing.
            var other = race % 2 == 1 && phase > 0 ? "Clearing" : forward;
            if (phase == Phases.Length - 1)
            {
                forward = other = "Clearing";
            }

            // Half the races without If-Match: the save itself must detect the conflict.
            var etag = race % 4 < 2 ? read.Headers.ETag!.Tag : null;
            using var firstRequest = Transition(caseId, forward, etag);
            using var secondRequest = Transition(caseId, other, etag);
            var answers = await Task.WhenAll(api.SendAsync(firstRequest), api.SendAsync(secondRequest));
            try
            {
                var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
                Assert.True(statuses[0] == 200 && statuses[1] is 200 or 400 or 409 or 412, $"Race {race}: {string.Join(" + ", statuses)}");
                var loser = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.Conflict);
                if (loser is not null)
                {
                    var problem = await Json(loser);
                    Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
                    Assert.Equal(version + 1, problem.GetProperty("currentVersion").GetInt32());
                    Assert.Contains(problem.GetProperty("currentState").GetString(), Phases);
                }

                using var after = await api.GetAsync($"/api/v1/cases/{caseId}");
                var saved = (await Json(after)).GetProperty("version").GetInt32();
                // Two successes are possible only without If-Match and one after the other (a back step after a forward one).
                Assert.Equal(version + statuses.Count(s => s == 200), saved);
                if (etag is not null)
                {
                    Assert.Equal(version + 1, saved);
                }
            }
            finally
            {
                foreach (var answer in answers)
                {
                    answer.Dispose();
                }
            }
        }
    }

    /// <summary>Sends the same write twice at the same moment, both on the version just read, and asserts one success and one 409 or 412.</summary>
    private static async Task RaceAsync(string what, Func<HttpRequestMessage> request, HttpClient first, HttpClient? second = null)
    {
        using var one = request();
        using var other = request();
        var answers = await Task.WhenAll(first.SendAsync(one), (second ?? first).SendAsync(other));
        var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        Assert.True(statuses[0] == 200 && statuses[1] is 409 or 412, $"{what}: {string.Join(" + ", statuses)}");
    }

    private static Func<HttpRequestMessage> Post(string url, object? body, string etag) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    };

    [Fact]
    public async Task Closing_reopening_answering_a_referral_and_withdrawing_a_consent_twice_at_once_give_one_success_and_one_409_or_412()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var partner = await ApiClient.ForAsync(app, "partner@demo.lotse");
        var caseId = await OpenCaseAsync(api, "Abschlusswettlauf");
        for (var race = 0; race < 20; race++)
        {
            using var read = await api.GetAsync($"/api/v1/cases/{caseId}");
            var etag = read.Headers.ETag!.Tag;
            var closed = (await Json(read)).GetProperty("phase").GetString() == "Closed";
            await RaceAsync($"race {race}: {(closed ? "reopen" : "close")}", closed
                ? Post($"/api/v1/cases/{caseId}/transitions", new { to = "Clearing" }, etag)
                : Post($"/api/v1/cases/{caseId}/close", new { reason = "wegzug" }, etag), api);
        }

        using var client = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Race", familyName = "Vermittlungswettlauf", birthDate = "1991" });
        var clientId = (await Json(client)).GetProperty("id").GetString();
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var referralCase = (await Json(opened)).GetProperty("id").GetString();
        var offer = (await api.GetFromJsonAsync<JsonElement>("/api/v1/offers?q=Integrationskurs%20mit%20Kinderbetreuung")).GetProperty("items")[0];
        for (var race = 0; race < 5; race++)
        {
            using var consent = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/consents", new
            {
                recipients = new[] { offer.GetProperty("organizationId").GetString() },
                purposes = new[] { "sprache" },
                categories = new[] { "name" },
                givenOn = app.Today.ToString("O"),
            });
            Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
            var given = await Json(consent);
            using var sent = await api.PostAsJsonAsync($"/api/v1/cases/{referralCase}/referrals",
                new { offerId = offer.GetProperty("id").GetString(), needArea = "sprache", fields = new[] { "name" }, send = true });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            var referral = await Json(sent);
            await RaceAsync($"race {race}: accept", Post($"/api/v1/referrals/{referral.GetProperty("id").GetString()}/accept", null, $"\"{referral.GetProperty("version").GetInt32()}\""), partner);
            await RaceAsync($"race {race}: withdraw consent",
                Post($"/api/v1/consents/{given.GetProperty("id").GetString()}/withdraw", new { note = "Wettlauf" }, $"\"{given.GetProperty("version").GetInt32()}\""), api);
        }
    }

    [Fact]
    public async Task A_transition_with_a_stale_If_Match_is_refused_with_412_and_changes_nothing()
    {
        using var api = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        var caseId = await OpenCaseAsync(api, "Veraltet");
        using var stale = await api.SendAsync(Transition(caseId, "Assessment", "\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var fresh = await api.SendAsync(Transition(caseId, "Assessment", "\"1\""));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("\"2\"", fresh.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Two_people_moving_a_case_on_its_page_at_once_both_get_back_to_the_page_and_are_told_what_happened()
    {
        using var api = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        var caseId = await OpenCaseAsync(api, "Seitenwettlauf");
        // The responsible case manager in two sessions (office and laptop): two cookies, two messages.
        using var office = app.CreateBrowserLikeClient();
        using var laptop = app.CreateBrowserLikeClient();
        await office.SignInAsync("fm.nord@demo.lotse");
        await laptop.SignInAsync("fm.nord@demo.lotse");
        var url = $"/Cases/Details?id={caseId}";
        for (var race = 0; race < 20; race++)
        {
            var tokens = await Task.WhenAll(office.AntiforgeryTokenAsync(url), laptop.AntiforgeryTokenAsync(url));
            using var read = await api.GetAsync($"/api/v1/cases/{caseId}");
            var phase = Array.IndexOf(Phases, (await Json(read)).GetProperty("phase").GetString());
            var to = phase == Phases.Length - 1 ? "Clearing" : Phases[phase + 1];
            FormUrlEncodedContent Form(string token) => new([new("to", to), new("__RequestVerificationToken", token)]);
            var answers = await Task.WhenAll(
                office.PostAsync($"{url}&handler=Transition", Form(tokens[0])),
                laptop.PostAsync($"{url}&handler=Transition", Form(tokens[1])));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Race {race}: {a.StatusCode}"));
            var pages = await Task.WhenAll(answers.Zip([office, laptop], async (answer, session) =>
                WebUtility.HtmlDecode(answer.StatusCode == HttpStatusCode.OK ? await answer.Content.ReadAsStringAsync() : await session.GetStringAsync(answer.Headers.Location!.OriginalString))));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }

            // One of them was not carried out, and that session's page says why.
            Assert.Contains(pages, p => p.Contains("Jemand anderes hat das gerade geändert", StringComparison.Ordinal) || p.Contains("bereits in dieser Phase", StringComparison.Ordinal));
            using var after = await api.GetAsync($"/api/v1/cases/{caseId}");
            Assert.Equal(to, (await Json(after)).GetProperty("phase").GetString());
        }
    }

    [Fact]
    public async Task A_repeated_POST_with_the_same_Idempotency_Key_creates_one_client_and_answers_the_same()
    {
        using var api = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Create(string family)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = JsonContent.Create(new { givenName = "Einmal", familyName = family, birthDate = "1985-03" }) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        using var first = await api.SendAsync(Create("Wiederholt"));
        using var repeat = await api.SendAsync(Create("Wiederholt"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());

        using var other = await api.SendAsync(Create("Anders"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("anderen Anfrage", (await Json(other)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another user's identical key is theirs: it creates their own record.
        using var colleague = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var theirs = await colleague.SendAsync(Create("Wiederholt"));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(first.Headers.Location, theirs.Headers.Location);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        Assert.Equal(2, await db.Clients.CountAsync(c => c.GivenName == "Einmal" && c.FamilyName == "Wiederholt"));
        Assert.Equal(0, await db.Clients.CountAsync(c => c.GivenName == "Einmal" && c.FamilyName == "Anders"));
    }

    [Fact]
    public async Task Erasing_a_person_deletes_the_stored_answers_that_name_them_and_keeps_the_others()
    {
        using var api = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        async Task<string> CreateAsync(string key, string family)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = JsonContent.Create(new { givenName = "Vergessen", familyName = family, birthDate = "1970" }) };
            request.Headers.Add("Idempotency-Key", key);
            using var created = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await Json(created)).GetProperty("id").GetString()!;
        }

        var erasedKey = Guid.NewGuid().ToString();
        var keptKey = Guid.NewGuid().ToString();
        var erased = await CreateAsync(erasedKey, "Geloescht");
        await CreateAsync(keptKey, "Bleibt");
        using var erasure = await api.PostAsJsonAsync($"/api/v1/clients/{erased}/erasure", new { reason = "Antrag nach Art. 17" });
        Assert.True(erasure.IsSuccessStatusCode, $"{erasure.StatusCode}: {await erasure.Content.ReadAsStringAsync()}");

        await using var scope = app.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<LotseDbContext>().IdempotencyRecords;
        Assert.False(await records.AnyAsync(r => r.Key == erasedKey));
        Assert.False(await records.AnyAsync(r => r.Body.Contains("Geloescht")));
        Assert.True(await records.AnyAsync(r => r.Key == keptKey));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_sent_twice_at_once_writes_once()
    {
        using var api = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        var caseId = await OpenCaseAsync(api, "Doppelt");
        for (var race = 0; race < 10; race++)
        {
            var key = Guid.NewGuid().ToString();
            HttpRequestMessage Contact()
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/encounters")
                {
                    Content = JsonContent.Create(new { durationMinutes = 30 + race, kind = "telefon", needAreas = new[] { "sprache" } }),
                };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            }

            var answers = await Task.WhenAll(api.SendAsync(Contact()), api.SendAsync(Contact()));
            var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
            Assert.True(statuses is [201, 201] or [201, 409], $"Race {race}: {string.Join(" + ", statuses)}");
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        using var list = await api.GetAsync($"/api/v1/cases/{caseId}/encounters");
        Assert.Equal(10, (await Json(list)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_database_that_is_away_answers_503_with_Retry_After_on_the_API_and_a_page_that_says_nothing_was_saved()
    {
        using var api = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("fm.nord@demo.lotse");
        var token = await browser.AntiforgeryTokenAsync("/Clients/New");
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        await using var away = await DatabaseAwayAsync(configuration);

        using var write = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Nicht", familyName = "Gespeichert", birthDate = "1990" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Equal("3", write.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Lotse ist gleich wieder da", (await Json(write)).GetProperty("title").GetString());

        using var form = await browser.PostAsync("/Clients/New", new FormUrlEncodedContent(
        [
            new("Form.GivenName", "Nicht"), new("Form.FamilyName", "Gespeichert"), new("Form.BirthDate", "1990"), new("Form.Sex", "Female"),
            new("ConfirmedNew", "true"), new("__RequestVerificationToken", token),
        ]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        Assert.Equal("3", form.Headers.GetValues("Retry-After").Single());
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Lotse ist gleich wieder da", html, StringComparison.Ordinal);
        Assert.Contains("Nichts von dieser Anfrage wurde gespeichert", html, StringComparison.Ordinal);

        if (LotseFactory.Provider is DatabaseProvider.Postgres)
        {
            // On SQLite the file stays readable while it is locked, so readiness holds there.
            using var health = await api.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        await away.DisposeAsync();
        using var again = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Jetzt", familyName = "Gespeichert", birthDate = "1990" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Clients.AnyAsync(c => c.GivenName == "Nicht" && c.FamilyName == "Gespeichert"));
    }

    /// <summary>
    /// Makes the database unavailable for real: on SQLite another connection holds the write lock
    /// beyond a short busy timeout; on PostgreSQL the app is pointed at a port nobody listens on.
    /// </summary>
    private static async Task<IAsyncDisposable> DatabaseAwayAsync(IConfiguration configuration)
    {
        if (LotseFactory.Provider is DatabaseProvider.Sqlite)
        {
            configuration["Lotse:Sqlite:BusyTimeoutMs"] = "100";
            var holder = new SqliteConnection(new SqliteConnectionStringBuilder(configuration.GetConnectionString("Lotse")) { Pooling = false }.ToString());
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            return new Restore(async () =>
            {
                await using (var rollback = holder.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK;";
                    await rollback.ExecuteNonQueryAsync();
                }

                await holder.DisposeAsync();
                configuration["Lotse:Sqlite:BusyTimeoutMs"] = null;
            });
        }

        var real = configuration.GetConnectionString("Lotse");
        configuration["ConnectionStrings:Lotse"] = new Npgsql.NpgsqlConnectionStringBuilder(real) { Port = 9, Timeout = 2 }.ToString();
        return new Restore(() =>
        {
            configuration["ConnectionStrings:Lotse"] = real;
            return ValueTask.CompletedTask;
        });
    }

    private sealed class Restore(Func<ValueTask> restore) : IAsyncDisposable
    {
        private bool done;

        public async ValueTask DisposeAsync()
        {
            if (!done)
            {
                done = true;
                await restore();
            }
        }
    }
}
