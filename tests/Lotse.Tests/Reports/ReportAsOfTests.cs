using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Features.Users;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Reports;

/// <summary>
/// A period's figures are those of the data as it stood at the period's end (ADR 012): printing a
/// past quarter again after later assessments, residence statuses and referral answers gives the
/// same report; and a day is a day in Germany, whatever the server's time zone.
/// </summary>
public sealed class ReportAsOfTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_past_quarter_printed_again_after_later_assessments_statuses_and_answers_gives_the_same_figures()
    {
        var (organization, cases, manager) = await SeedAsync("Testträger Stichtag");
        var scope = new ReportScope(organization);
        var (q1From, q1To) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var before = await PrintAsync(q1From, q1To, scope);
        var yearBefore = await PrintAsync(q1From, new DateOnly(2026, 12, 31), scope);

        // In October: a second assessment (no more acute needs), a residence permit from September, the referral accepted.
        await using (var services = app.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
            foreach (var @case in cases)
            {
                db.Assessments.Add(new Assessment { CaseId = @case.Id, Date = new DateOnly(2026, 10, 15), UserId = manager, Ratings = [new() { NeedAreaCode = "sprache", Rating = 4 }] });
                db.ResidenceStatuses.Add(new ResidenceStatus { ClientId = @case.ClientId, KindCode = "aufenthaltserlaubnis", ValidFrom = new DateOnly(2026, 9, 1) });
            }

            var referral = await db.Referrals.SingleAsync(r => r.CaseId == cases[0].Id);
            var answered = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
            referral.Events.Add(new ReferralEvent { At = answered, From = ReferralStatus.Sent, To = ReferralStatus.Accepted });
            referral.Status = ReferralStatus.Accepted;
            referral.FirstAnsweredAt = answered;
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await PrintAsync(q1From, q1To, scope));

        // The later data counts where it belongs: in the year, the needs are gone, the permit is there, the referral is accepted.
        var year = await BuildAsync(q1From, new DateOnly(2026, 12, 31), scope);
        Assert.NotEqual(yearBefore, JsonSerializer.Serialize(year, Web));
        Assert.Equal((0m, 6m, 1m), (Value(year["needsNow"], "sprache"), Value(year["residence"], "aufenthaltserlaubnis"), Value(year["referralStatus"], "angenommen")));
        var quarter = await BuildAsync(q1From, q1To, scope);
        Assert.Equal((6m, 6m, 1m), (Value(quarter["needsNow"], "sprache"), Value(quarter["residence"], "duldung"), Value(quarter["referralStatus"], "gesendet")));
    }

    [Fact]
    public async Task A_past_quarter_printed_again_lists_what_was_corrected_about_it_and_nothing_else()
    {
        var (organization, cases, _) = await SeedAsync("Testträger Korrektur");
        var scope = new ReportScope(organization);
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var first = await CompareAsync(from, to, scope);
        // Labels as the catalogue has them.
        string Label(string table, string code) => first[table].Rows.Single(r => r.Key == code).Label;
        Assert.NotNull(first.FirstPrintedAt);
        Assert.Empty(first.Corrections);

        // A case of the quarter, entered only now; and one whose opening date is put right to April (data about the quarter).
        await using (var services = app.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
            var late = await db.Cases.SingleAsync(c => c.Id == cases[1].Id);
            late.OpenedOn = new DateOnly(2026, 4, 2);
            var client = new Client { OrganizationId = organization, GivenName = "Spät", FamilyName = "Stichtag", Sex = Sex.Male, BirthDate = "1985" };
            db.Clients.Add(client);
            db.Cases.Add(new Case { Reference = $"ST-{organization.ToString("N")[..6]}-late", ClientId = client.Id, OrganizationId = organization, ResponsibleUserId = cases[0].ResponsibleUserId, AccessRouteCode = "selbstmelder", OpenedOn = new DateOnly(2026, 3, 20) });
            await db.SaveChangesAsync();
        }

        var again = await CompareAsync(from, to, scope);
        Assert.Equal(first.FirstPrintedAt, again.FirstPrintedAt);
        // Six new and six active cases still (one came, one left the quarter), but by another route, a man without
        // nationality, residence status or assessment among them: exactly these figures changed.
        (string, string, string, string)[] changed =
            [
                ("Neue Fälle nach Zugangsweg", Label("access", "jobcenter"), "6", "5"),
                ("Neue Fälle nach Zugangsweg", Label("access", "selbstmelder"), "0", "1"),
                ("Erreichte Personen nach Geschlecht", "weiblich", "6", "5"),
                ("Erreichte Personen nach Geschlecht", "männlich", "0", "1"),
                ("Erreichte Personen nach (erster) Staatsangehörigkeit", Countries.Name("SY"), "6", "5"),
                ("Erreichte Personen nach (erster) Staatsangehörigkeit", "unbekannt", "0", "1"),
                ("Erreichte Personen nach Aufenthaltsstatus am Ende des Zeitraums", Label("residence", "duldung"), "6", "5"),
                ("Erreichte Personen nach Aufenthaltsstatus am Ende des Zeitraums", "ohne Angabe", "–", "1"),
                ("Fälle mit Handlungsbedarf (Einschätzung 1–2) beim ersten Assessment", Label("needsIntake", "sprache"), "6", "5"),
                ("Fälle mit Handlungsbedarf (Einschätzung 1–2) beim letzten Assessment", Label("needsNow", "sprache"), "6", "5"),
            ];
        Assert.Equal(changed.Order().ToList(), again.Corrections.Select(c => (c.Table, c.Label, c.First, c.Now)).Order().ToList());

        // A later period's data is no correction of this one.
        await using (var services = app.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
            db.Assessments.Add(new Assessment { CaseId = cases[0].Id, Date = new DateOnly(2026, 10, 15), UserId = cases[0].ResponsibleUserId, Ratings = [new() { NeedAreaCode = "sprache", Rating = 4 }] });
            await db.SaveChangesAsync();
        }

        Assert.Equal(again.Corrections, (await CompareAsync(from, to, scope)).Corrections);

        // The period not yet over is not recorded: its figures still change every day.
        Assert.Null((await CompareAsync(new DateOnly(2099, 1, 1), new DateOnly(2099, 12, 31), scope)).FirstPrintedAt);
    }

    [Fact]
    public async Task A_contact_counts_on_the_day_it_was_held_in_Germany_in_summer_and_in_winter()
    {
        var (organization, cases, manager) = await SeedAsync("Testträger Mitternacht");
        await using (var services = app.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
            DateTime[] held =
            [
                new(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc), // 01.01.2026, 00:30 in Germany (winter, UTC+1)
                new(2026, 3, 31, 21, 30, 0, DateTimeKind.Utc),  // 31.03.2026, 23:30 (summer, UTC+2)
                new(2026, 3, 31, 22, 30, 0, DateTimeKind.Utc),  // 01.04.2026, 00:30
                new(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc), // 01.01.2027, 00:30
            ];
            foreach (var at in held)
            {
                db.Encounters.Add(new Encounter { CaseId = cases[0].Id, UserId = manager, At = at, DurationMinutes = 30, KindCode = "buero" });
            }

            await db.SaveChangesAsync();
        }

        var scope = new ReportScope(organization);
        async Task<decimal?> Contacts(DateOnly from, DateOnly to) => Value((await BuildAsync(from, to, scope))["encounters"], "count");
        Assert.Equal(2m, await Contacts(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(1m, await Contacts(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)));
        Assert.Equal(3m, await Contacts(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(1m, await Contacts(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)));
        Assert.Equal(0m, await Contacts(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)));
    }

    private async Task<string> PrintAsync(DateOnly from, DateOnly to, ReportScope scope) => JsonSerializer.Serialize(await BuildAsync(from, to, scope), Web);

    private async Task<KimReportData> BuildAsync(DateOnly from, DateOnly to, ReportScope scope)
    {
        await using var services = app.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<KimReportService>().BuildAsync(from, to, scope, suppress: false, CancellationToken.None);
    }

    private async Task<KimReportData> CompareAsync(DateOnly from, DateOnly to, ReportScope scope)
    {
        await using var services = app.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<FirstPrints>().CompareAsync(await services.ServiceProvider.GetRequiredService<KimReportService>().BuildAsync(from, to, scope, suppress: false, CancellationToken.None), scope, CancellationToken.None);
    }

    private static decimal? Value(Table table, string key) => table.Rows.Single(r => r.Key == key).Value;

    /// <summary>An organisation of its own with six tolerated clients, cases opened 01.02.2026, an acute language need, one referral sent in March.</summary>
    private async Task<(Guid Organization, List<Case> Cases, Guid Manager)> SeedAsync(string name)
    {
        await using var services = app.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
        var organization = new Organization { Name = name, Kind = OrganizationKind.WelfareOrganization };
        var manager = new User { UserName = $"{organization.Id:N}@test.lotse", Email = $"{organization.Id:N}@test.lotse", DisplayName = "Stella Stichtag", OrganizationId = organization.Id };
        db.Organizations.Add(organization);
        db.Users.Add(manager);
        var cases = new List<Case>();
        for (var i = 0; i < 6; i++)
        {
            var client = new Client { OrganizationId = organization.Id, GivenName = $"S{i}", FamilyName = "Stichtag", Sex = Sex.Female, BirthDate = "1990", Nationalities = ["SY"] };
            client.ResidenceStatuses.Add(new ResidenceStatus { KindCode = "duldung", ValidFrom = new DateOnly(2026, 1, 1) });
            var @case = new Case
            {
                Reference = $"ST-{organization.Id.ToString("N")[..6]}-{i}",
                ClientId = client.Id,
                OrganizationId = organization.Id,
                ResponsibleUserId = manager.Id,
                AccessRouteCode = "jobcenter",
                OpenedOn = new DateOnly(2026, 2, 1),
                Phase = CasePhase.Implementation,
            };
            db.Clients.Add(client);
            db.Cases.Add(@case);
            db.Assessments.Add(new Assessment { CaseId = @case.Id, Date = new DateOnly(2026, 2, 10), UserId = manager.Id, Ratings = [new() { NeedAreaCode = "sprache", Rating = 1 }] });
            cases.Add(@case);
        }

        var partner = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.OtherPartner);
        var sent = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var referral = new Referral
        {
            CaseId = cases[0].Id,
            ClientId = cases[0].ClientId,
            SenderOrganizationId = organization.Id,
            SenderUserId = manager.Id,
            Kind = ReferralKind.Offer,
            RecipientOrganizationId = partner.Id,
            NeedAreaCode = "sprache",
            Status = ReferralStatus.Sent,
            SentAt = sent,
        };
        referral.Events.Add(new ReferralEvent { At = sent.AddMinutes(-5), To = ReferralStatus.Draft });
        referral.Events.Add(new ReferralEvent { At = sent, From = ReferralStatus.Draft, To = ReferralStatus.Sent });
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return (organization.Id, cases, manager.Id);
    }
}
